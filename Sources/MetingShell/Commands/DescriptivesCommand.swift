import MetingData
import MetingLanguage
import MetingReport
import MetingStats

/// `descriptives VARLIST [by VARS] [where COND] [, level() quantiles()]`.
enum DescriptivesCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .variables(let items) = inv.command.arguments else { return inv.report([]) }
    let variables = try inv.variables(items, kind: .numeric)
    let level = try inv.confidenceLevel()
    var definition = QuantileDefinition.type7
    if let o = inv.command.option("quantiles"), try o.choice(["type7", "type6"]) == "type6" { definition = .type6 }
    let rows = try inv.rows()
    let (groups, missingGroup) = try inv.groups(rows)
    var body: [[Cell]] = []
    var shapes: [[Cell]] = []
    let trim = try inv.number("trim", default: 0.05)
    var used = 0
    var missing = 0
    for v in variables {
      for group in groups {
        let values = try inv.numbers(v.name, group.rows)
        let valid = values.filter { !$0.isNaN }
        if v == variables[0] {
          used += valid.count
          missing += values.count - valid.count
        }
        let d: Descriptives
        do {
          d = try Descriptives(valid, confLevel: level, quantiles: definition)
        } catch {
          throw inv.statisticsError(error)
        }
        func c(_ x: Double?) -> Cell { x.map(Cell.number) ?? .missing(d.n == 0 ? "." : "n<2") }
        if inv.flag("detail") {
          let s = Shape(valid, trim: trim, quantiles: definition)
          func c3(_ x: Double?, _ needed: Int) -> Cell {
            x.map(Cell.number) ?? .missing(valid.count == 0 ? "." : valid.count < needed ? "n<\(needed)" : "sd 0")
          }
          shapes.append(
            [.text(v.name)] + group.values.map { .text($0.value) } + [
              .number(Double(valid.count)), c3(s.skewness, 3), c3(s.seSkewness, 3), c3(s.kurtosis, 4), c3(s.seKurtosis, 4),
              c3(s.trimmedMean, 1), c3(s.iqr, 1),
            ])
        }
        body.append(
          [.text(v.name)] + group.values.map { .text($0.value) } + [
            .number(Double(d.n)), .number(Double(values.count - valid.count)), c(d.mean), c(d.sd), c(d.se),
            c(d.ciLow), c(d.ciHigh), c(d.min), c(d.q1), c(d.median), c(d.q3), c(d.max),
          ])
      }
    }
    let percent = NumberFormat.shortest(level * 100)
    let table = Table(
      title: "Descriptives", kind: "descriptives",
      method: "mean, SD (n − 1), SE, \(percent)% t-interval of the mean; quartiles by \(definition.words)",
      columns: [Column("variable", key: "variable", role: .label)] + (try inv.groupColumns()) + [
        Column("n", key: "n", role: .count), Column("missing", key: "missing", role: .count),
        Column("mean", key: "mean", role: .statistic), Column("sd", key: "sd", role: .statistic),
        Column("se", key: "se", role: .statistic), .lower("\(percent)% CI", key: "ci_low"), .upper("CI high", key: "ci_high"), Column("min", key: "min", role: .statistic),
        Column("q1", key: "q1", role: .statistic), Column("median", key: "median", role: .statistic),
        Column("q3", key: "q3", role: .statistic), Column("max", key: "max", role: .statistic),
      ],
      rows: body, notes: ["SD with n − 1; CI = mean ± t(\(1 - (1 - level) / 2), n − 1)·SE; quartiles: \(definition.words)."],
      fields: [("conf_level", .number(level))])
    var blocks: [Block] = [.table(table)]
    if inv.flag("detail") {
      blocks.append(.table(Table(
        title: "Shape", kind: "shape",
        method: "skewness G1 and kurtosis G2 with standard errors (SPSS, PSPP, Excel; scipy bias=False); \(NumberFormat.shortest(trim * 100))% trimmed mean (R mean(trim)); IQR by \(definition.words)",
        columns: [Column("variable", key: "variable", role: .label)] + (try inv.groupColumns()) + [
          Column("n", key: "n", role: .count), Column("skewness", key: "skewness", role: .statistic),
          Column("se", key: "se_skewness", role: .statistic), Column("kurtosis", key: "kurtosis", role: .statistic),
          Column("se", key: "se_kurtosis", role: .statistic),
          Column("\(NumberFormat.shortest(trim * 100))% trimmed", key: "trimmed_mean", role: .statistic),
          Column("IQR", key: "iqr", role: .statistic),
        ],
        rows: shapes,
        notes: ["Kurtosis is excess kurtosis (0 for a normal distribution); Stata's summarize, detail prints the uncorrected b2 (3 for a normal)."]
          + (shapes.contains { $0.contains(.missing("sd 0")) } ? ["sd 0: the values are constant, so skewness and kurtosis are undefined."] : []),
        fields: [("trim", .number(trim))])))
    }
    var drops: [(reason: String, count: Int)] = []
    if variables.count == 1 { drops.append((reason: "missing \(variables[0].name)", count: missing)) }
    if missingGroup > 0 { drops.append((reason: "missing by value", count: missingGroup)) }
    return inv.report(
      blocks,
      provenance: inv.provenance(
        selected: rows, used: variables.count == 1 ? used : nil, unit: "values", dropped: drops))
  }
}

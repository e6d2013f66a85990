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
        Column("se", key: "se", role: .statistic), Column("\(percent)% CI low", key: "ci_low", role: .statistic),
        Column("CI high", key: "ci_high", role: .statistic), Column("min", key: "min", role: .statistic),
        Column("q1", key: "q1", role: .statistic), Column("median", key: "median", role: .statistic),
        Column("q3", key: "q3", role: .statistic), Column("max", key: "max", role: .statistic),
      ],
      rows: body, notes: ["SD with n − 1; CI = mean ± t(\(1 - (1 - level) / 2), n − 1)·SE; quartiles: \(definition.words)."],
      fields: [("conf_level", .number(level))])
    var drops: [(reason: String, count: Int)] = []
    if variables.count == 1 { drops.append((reason: "missing \(variables[0].name)", count: missing)) }
    if missingGroup > 0 { drops.append((reason: "missing by value", count: missingGroup)) }
    return inv.report(
      [.table(table)],
      provenance: inv.provenance(
        selected: rows, used: variables.count == 1 ? used : nil, unit: "values", dropped: drops))
  }
}

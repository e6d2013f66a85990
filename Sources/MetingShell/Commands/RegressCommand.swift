import MetingData
import MetingLanguage
import MetingReport
import MetingStats

/// `[by VARS:] regress Y ~ terms [, se() robust cluster() base() factor() level()]`:
/// least squares with its coefficient table and fit statistics.
enum RegressCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .formula(let formula) = inv.command.arguments else { return inv.report([]) }
    let level = try inv.confidenceLevel()
    let choice = try StandardErrorChoice(inv)
    let selected = try inv.rows()
    let (groups, missingGroup) = try inv.groups(selected)
    var tables = ModelTables(level: level, groupColumns: try inv.groupColumns())
    var used = 0
    var dropped: [String: Int] = [:]
    for group in groups {
      let frame = try ModelFrame.build(&inv, formula: formula, rows: group.rows, cluster: choice.cluster)
      let model: LinearModel
      do {
        model = try LinearModel(frame.design, response: frame.response)
      } catch {
        let context = group.values.map { "\($0.variable) = \($0.value)" }.joined(separator: ", ")
        throw inv.statisticsError(error, context: context)
      }
      try tables.add(model, frame: frame, choice: choice, group: group.values.map(\.value), inv: inv)
      used += frame.rows.count
      for d in frame.dropped { dropped[d.reason, default: 0] += d.count }
    }
    var drops = dropped.sorted { $0.key < $1.key }.map { (reason: $0.key, count: $0.value) }
    if missingGroup > 0 { drops.append((reason: "missing by value", count: missingGroup)) }
    let title = "Linear regression · \(inv.source.displayText(formula.range))"
    return inv.report(
      tables.blocks(title: title), provenance: inv.provenance(selected: selected, used: used, unit: "rows", dropped: drops))
  }
}

/// The tables every least-squares command prints: coefficients, with the
/// variant in the notes, and the fit; one row block per `by` group.
struct ModelTables {
  let level: Double
  let groupColumns: [Column]
  private var coefficientRows: [[Cell]] = []
  private var fitRows: [[Cell]] = []
  private var notes: [String] = []
  private var fields: [(key: String, value: Cell)] = []
  private var robust = false

  init(level: Double, groupColumns: [Column]) {
    self.level = level
    self.groupColumns = groupColumns
  }

  private mutating func note(_ text: String) { if !notes.contains(text) { notes.append(text) } }

  mutating func add(
    _ model: LinearModel, frame: ModelFrame, choice: StandardErrorChoice, group: [String], inv: Invocation
  ) throws(Diagnostic) {
    let kind = choice.covariance(frame)
    let rows: [Coefficient]
    let overall: (f: Double, df1: Int, df2: Int, p: Double)?
    do {
      rows = try model.coefficientTable(kind, confLevel: level)
      let slopes = model.estimated.filter { !model.hasIntercept || $0 != 0 }
      let exact = model.rss <= 1e-24 * max(model.tss, 1e-300)
      overall = slopes.isEmpty || exact ? nil : try model.waldTest(slopes, kind)
    } catch {
      throw inv.statisticsError(error)
    }
    let labels = group.map(Cell.text)
    note("Least squares (pivoted Householder QR, LAPACK); \(choice.words(frame, model: model)).")
    let aliased = rows.filter { $0.estimate == nil }.map(\.name)
    if !aliased.isEmpty {
      note("Aliased (a linear combination of the terms before it; no coefficient, NA in R): \(aliased.joined(separator: ", ")).")
    }
    if !frame.references.isEmpty {
      note("Reference levels: " + frame.references.map { "\($0.variable) = \($0.level)" }.joined(separator: ", ") + ".")
    }
    if model.rss <= 1e-24 * max(model.tss, 1e-300) {
      note("The fit is essentially perfect (residual SD 0): standard errors and tests mean nothing.")
    }
    coefficientRows += rows.map { c in
      labels + [
        .text(c.name), c.estimate.map(Cell.number) ?? .missing("aliased"), c.se.map(Cell.number) ?? .missing("—"),
        c.t.map(Cell.number) ?? .missing("—"), c.p.map(Cell.number) ?? .missing("—"),
        c.ciLow.map(Cell.number) ?? .missing("—"), c.ciHigh.map(Cell.number) ?? .missing("—"),
      ]
    }
    fitRows.append(
      labels + [
        .number(Double(model.n)), model.r2.map(Cell.number) ?? .missing("—"),
        model.adjustedR2.map(Cell.number) ?? .missing("—"), overall.map { .number($0.f) } ?? .missing("—"),
        overall.map { .number(Double($0.df1)) } ?? .missing("—"), overall.map { .number(Double($0.df2)) } ?? .missing("—"),
        overall.map { .number($0.p) } ?? .missing("—"), .number(model.sigma2.squareRoot()),
      ])
    robust = frame.clusters != nil || choice.kind != .classical
    fields = [
      ("outcome", .text(frame.responseName)), ("se_type", .text(choice.name(frame))), ("conf_level", .number(level)),
      ("df", .number(Double(model.inferenceDF(kind)))),
    ]
  }

  func blocks(title: String) -> [Block] {
    let percent = NumberFormat.shortest(level * 100)
    let coefficients = Table(
      title: title, kind: "regression", method: notes.first,
      columns: groupColumns + [
        Column("term", key: "term", role: .label), Column("coef", key: "coef", role: .statistic),
        Column("se", key: "std_error", role: .statistic), Column("t", key: "t", role: .statistic),
        Column("p", key: "p", role: .pValue), .lower("\(percent)% CI", key: "ci_low"), .upper("CI high", key: "ci_high"),
      ],
      rows: coefficientRows, notes: notes, fields: fields)
    let fit = Table(
      title: "Fit", kind: "regression_fit",
      columns: groupColumns + [
        Column("n", key: "n", role: .count), Column("R²", key: "r2", role: .statistic),
        Column("adj. R²", key: "adj_r2", role: .statistic), Column("F", key: "f", role: .statistic),
        Column("df1", key: "df1", role: .df), Column("df2", key: "df2", role: .df), Column("p", key: "p", role: .pValue),
        Column("residual SD", key: "sigma", role: .statistic),
      ],
      rows: fitRows,
      notes: [
        robust
          ? "F: Wald test that every slope is 0, with the same robust covariance (as Stata)."
          : "F: every slope is 0 (as R's summary.lm)."
      ],
      shape: groupColumns.isEmpty ? .oneObject : .objectPerRow)
    return [.table(coefficients), .table(fit)]
  }
}

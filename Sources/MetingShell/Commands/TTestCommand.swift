import MetingData
import MetingLanguage
import MetingReport
import MetingStats

/// `ttest VAR by GROUP [, equal …]` (two-sample) and `ttest VAR, mu(M)`
/// (one-sample).
enum TTestCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .variables(let items) = inv.command.arguments else { return inv.report([]) }
    let variables = try inv.variables(items, kind: .numeric)
    let level = try inv.confidenceLevel()
    let alternative = try inv.alternative()
    let mu = try inv.number("mu", default: 0)
    let rows = try inv.rows()
    if inv.command.byClause.isEmpty {
      return try oneSample(&inv, variables, rows: rows, mu: mu, level: level, alternative: alternative)
    }
    return try twoSample(&inv, variables, rows: rows, mu: mu, level: level, alternative: alternative)
  }

  // MARK: Two samples

  private static func twoSample(
    _ inv: inout Invocation, _ variables: [ResolvedVariable], rows: RowSelection, mu: Double, level: Double,
    alternative: Alternative
  ) throws(Diagnostic) -> Report {
    let data = try inv.dataset()
    let groupItems = inv.command.byClause
    guard groupItems.count == 1, let groupVariable = try inv.variables(groupItems).first,
      let grouping = data[groupVariable.name]
    else {
      throw LanguageDiagnostics.invalid(
        "ttest compares two groups of one variable", range: groupItems.first?.range ?? inv.command.name.range,
        category: .syntax, help: ["e.g. ttest sic_change by treated"])
    }
    // The two groups, from the values present in the selection.
    let groupCodes = GroupCodes(grouping, rows: rows)
    let labels = groupCodes.labels
    var groupOfRow = [Int32](repeating: -1, count: rows.rowCount)
    for (k, row) in rows.enumerated() { groupOfRow[row] = groupCodes.codes[k] }
    let groupOf = { (row: Int) -> Int? in groupOfRow[row] < 0 ? nil : Int(groupOfRow[row]) }
    guard labels.count == 2 else {
      let shown = labels.prefix(6).joined(separator: ", ")
      throw LanguageDiagnostics.invalid(
        "'\(grouping.name)' has \(labels.count) value\(labels.count == 1 ? "" : "s") in these rows (\(shown)); a t-test compares exactly two",
        range: groupVariable.range,
        help: [labels.count > 2
          ? "pick two with where, e.g. where \(grouping.name) in (\(labels.prefix(2).joined(separator: ", ")))"
          : "the other group has no rows here; check the filter"])
    }
    let variances: TTestResult.Variances = inv.flag("equal") ? .equal : .unequal
    let (subgroups, missingSubgroup) = try inv.groups(rows)
    var stats: [[Cell]] = []
    var tests: [[Cell]] = []
    var notes: [String] = []
    var missingGroup = 0
    var dropped: [String: Int] = [:]
    var used = 0
    var method = ""
    for v in variables {
      for sub in subgroups {
        let values = try inv.numbers(v.name, sub.rows)
        var samples: [[Double]] = [[], []]
        for (k, row) in sub.rows.enumerated() {
          guard let g = groupOf(row) else {
            missingGroup += 1
            continue
          }
          let x = values[k]
          if x.isNaN { dropped["missing \(v.name)", default: 0] += 1 } else { samples[g].append(x) }
        }
        let subCells = sub.values.map { Cell.text($0.value) }
        let moments = samples.map(SampleMoments.init)
        if v == variables[0] { used += samples[0].count + samples[1].count }
        for g in 0..<2 {
          let d = moments[g]
          stats.append(
            [.text(v.name)] + subCells + [
              .text(labels[g]), .number(Double(d.n)), d.meanValue.map(Cell.number) ?? .empty,
              d.sd.map(Cell.number) ?? .missing("n<2"), d.se.map(Cell.number) ?? .missing("n<2"),
            ])
        }
        let counts: [Cell] = [.number(Double(samples[0].count)), .number(Double(samples[1].count))]
        do throws(StatsError) {
          let r = try TTestResult.twoSample(
            moments[0], moments[1], variances: variances, mu: mu, alternative: alternative, confLevel: level,
            names: ("\(grouping.name) = \(labels[0])", "\(grouping.name) = \(labels[1])"))
          method = r.method
          let d = try? EffectSize.cohenD(moments[0], moments[1])
          let g = try? EffectSize.hedgesG(moments[0], moments[1])
          tests.append(
            [.text(v.name)] + subCells + counts + [
              .number(r.estimate), .number(r.se), .number(r.t), .number(r.df), .number(r.p),
              .number(r.ciLow), .number(r.ciHigh), d.map { .number($0.value) } ?? .empty,
              g.map { .number($0.value) } ?? .empty,
            ])
        } catch {
          let where_ = sub.values.isEmpty ? v.name : "\(v.name), " + sub.values.map { "\($0.variable) = \($0.value)" }.joined(separator: ", ")
          if subgroups.count == 1 && variables.count == 1 { throw inv.statisticsError(error) }
          notes.append("\(where_): \(error.description)")
          tests.append([.text(v.name)] + subCells + counts + Array(repeating: Cell.missing("—"), count: 9))
        }
      }
    }
    let subColumns = try inv.groupColumns()
    let percent = NumberFormat.shortest(level * 100)
    let statsTable = Table(
      title: "Group statistics · by \(grouping.name)", kind: "group_statistics",
      columns: [Column("variable", key: "variable", role: .label)] + subColumns + [
        Column(grouping.name, key: "group", role: .label), Column("n", key: "n", role: .count),
        Column("mean", key: "mean", role: .statistic), Column("sd", key: "sd", role: .statistic),
        Column("se", key: "se", role: .statistic),
      ],
      rows: stats, shape: .oneObject, fields: [("group_variable", .text(grouping.name))])
    let testTable = Table(
      title: "\(variances == .equal ? "Student" : "Welch") two-sample t-test · \(grouping.name) \(labels[0]) − \(labels[1])",
      kind: variances == .equal ? "student_t" : "welch_t",
      method: method.isEmpty ? nil : method,
      columns: [Column("variable", key: "variable", role: .label)] + subColumns + [
        Column("n1", key: "n1", role: .count), Column("n2", key: "n2", role: .count),
        Column("mean diff", key: "mean_diff", role: .statistic), Column("se", key: "se", role: .statistic),
        Column("t", key: "t", role: .statistic), Column("df", key: "df", role: .df),
        Column("p", key: "p", role: .pValue), Column("\(percent)% CI low", key: "ci_low", role: .statistic),
        Column("CI high", key: "ci_high", role: .statistic), Column("d", key: "cohen_d", role: .statistic),
        Column("g", key: "hedges_g", role: .statistic),
      ],
      rows: tests,
      notes: [
        "\(method.isEmpty ? "t-test" : method); difference = \(grouping.name) \(labels[0]) − \(labels[1])"
          + (mu != 0 ? ", H0: difference = \(NumberFormat.shortest(mu))" : "") + ".",
        "d: Cohen's d with the pooled SD; g: Hedges' g (exact J).",
      ] + notes,
      fields: [
        ("group_variable", .text(grouping.name)), ("group1", .text(labels[0])), ("group2", .text(labels[1])),
        ("conf_level", .number(level)), ("alternative", .text(alternative.rawValue)), ("mu", .number(mu)),
      ])
    var drops = dropped.sorted { $0.key < $1.key }.map { (reason: $0.key, count: $0.value) }
    if missingGroup > 0 { drops.append((reason: "missing \(grouping.name)", count: missingGroup)) }
    if missingSubgroup > 0 { drops.append((reason: "missing by value", count: missingSubgroup)) }
    return inv.report(
      [.table(statsTable), .table(testTable)],
      provenance: inv.provenance(
        selected: rows, used: variables.count == 1 ? used : nil, unit: "values", dropped: drops))
  }

  // MARK: One sample

  private static func oneSample(
    _ inv: inout Invocation, _ variables: [ResolvedVariable], rows: RowSelection, mu: Double, level: Double,
    alternative: Alternative
  ) throws(Diagnostic) -> Report {
    let (subgroups, missingSubgroup) = try inv.groups(rows)
    var body: [[Cell]] = []
    var method = ""
    var notes: [String] = []
    for v in variables {
      for sub in subgroups {
        let values = try inv.numbers(v.name, sub.rows).filter { !$0.isNaN }
        let subCells = sub.values.map { Cell.text($0.value) }
        do throws(StatsError) {
          let moments = SampleMoments(values)
          let r = try TTestResult.oneSample(moments, mu: mu, alternative: alternative, confLevel: level, what: v.name)
          let d = try EffectSize.dz(differences: SampleMoments(n: moments.n, mean: moments.mean - mu, variance: moments.variance))
          method = r.method
          body.append(
            [.text(v.name)] + subCells + [
              .number(Double(values.count)), .number(r.estimate), .number(r.se), .number(r.t), .number(r.df),
              .number(r.p), .number(r.ciLow), .number(r.ciHigh), .number(d.value),
            ])
        } catch {
          if subgroups.count == 1 && variables.count == 1 { throw inv.statisticsError(error) }
          notes.append("\(v.name)\(sub.values.map { ", \($0.variable) = \($0.value)" }.joined()): \(error.description)")
          body.append([.text(v.name)] + subCells + [.number(Double(values.count))] + Array(repeating: .missing("—"), count: 8))
        }
      }
    }
    let percent = NumberFormat.shortest(level * 100)
    let table = Table(
      title: "One-sample t-test · H0: mean = \(NumberFormat.shortest(mu))", kind: "one_sample_t",
      method: method.isEmpty ? nil : method,
      columns: [Column("variable", key: "variable", role: .label)] + (try inv.groupColumns()) + [
        Column("n", key: "n", role: .count), Column("mean", key: "mean", role: .statistic),
        Column("se", key: "se", role: .statistic), Column("t", key: "t", role: .statistic),
        Column("df", key: "df", role: .df), Column("p", key: "p", role: .pValue),
        Column("\(percent)% CI low", key: "ci_low", role: .statistic), Column("CI high", key: "ci_high", role: .statistic),
        Column("d", key: "cohen_d", role: .statistic),
      ],
      rows: body, notes: ["\(method); d = (mean − \(NumberFormat.shortest(mu)))/SD."] + notes,
      fields: [("conf_level", .number(level)), ("alternative", .text(alternative.rawValue)), ("mu", .number(mu))])
    var drops: [(reason: String, count: Int)] = []
    if missingSubgroup > 0 { drops.append((reason: "missing by value", count: missingSubgroup)) }
    return inv.report([.table(table)], provenance: inv.provenance(selected: rows, dropped: drops))
  }
}

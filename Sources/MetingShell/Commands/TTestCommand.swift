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
    if inv.command.byClause.isEmpty { return try oneSample(&inv, variables) }
    return try twoSample(&inv, variables)
  }

  // MARK: Two samples

  private static func twoSample(_ inv: inout Invocation, _ variables: [ResolvedVariable]) throws(Diagnostic) -> Report {
    let level = try inv.confidenceLevel()
    let alternative = try inv.alternative()
    let mu = try inv.number("mu", default: 0)
    let variances: TTestResult.Variances = inv.flag("equal") ? .equal : .unequal
    let data = try GroupedSamples.gather(&inv, variables: variables, exactlyTwo: true, command: "ttest")
    let labels = data.labels
    var stats: [[Cell]] = []
    var tests: [[Cell]] = []
    var notes: [String] = []
    var method = ""
    for cell in data.cells {
      let subCells = cell.subgroup.map { Cell.text($0.value) }
      let moments = cell.samples.map(SampleMoments.init)
      for g in 0..<2 {
        let d = moments[g]
        stats.append(
          [.text(cell.variable)] + subCells + [
            .text(labels[g]), .number(Double(d.n)), d.meanValue.map(Cell.number) ?? .empty,
            d.sd.map(Cell.number) ?? .missing("n<2"), d.se.map(Cell.number) ?? .missing("n<2"),
          ])
      }
      let counts: [Cell] = [.number(Double(moments[0].n)), .number(Double(moments[1].n))]
      do throws(StatsError) {
        let r = try TTestResult.twoSample(
          moments[0], moments[1], variances: variances, mu: mu, alternative: alternative, confLevel: level,
          names: ("\(data.groupVariable) = \(labels[0])", "\(data.groupVariable) = \(labels[1])"))
        method = r.method
        let d = try? StandardizedDifference.cohenD(moments[0], moments[1], mu: mu, confLevel: level, alternative: alternative)
        let g = try? EffectSize.hedgesG(moments[0], moments[1])
        tests.append(
          [.text(cell.variable)] + subCells + counts + [
            .number(r.estimate), .number(r.se), .number(r.t), .number(r.df), .number(r.p), .number(r.ciLow),
            .number(r.ciHigh), d.map { .number($0.estimate) } ?? .empty, d?.ciLow.map(Cell.number) ?? .empty,
            d?.ciHigh.map(Cell.number) ?? .empty, g.map { .number($0.value) } ?? .empty,
          ])
      } catch {
        if data.cells.count == 1 { throw inv.statisticsError(error) }
        let where_ = ([cell.variable] + cell.subgroup.map { "\($0.variable) = \($0.value)" }).joined(separator: ", ")
        notes.append("\(where_): \(error.description)")
        tests.append([.text(cell.variable)] + subCells + counts + Array(repeating: Cell.missing("—"), count: 11))
      }
    }
    let subColumns = try inv.groupColumns()
    let percent = NumberFormat.shortest(level * 100)
    let statsTable = Table(
      title: "Group statistics · by \(data.groupVariable)", kind: "group_statistics",
      columns: [Column("variable", key: "variable", role: .label)] + subColumns + [
        Column(data.groupVariable, key: "group", role: .label), Column("n", key: "n", role: .count),
        Column("mean", key: "mean", role: .statistic), Column("sd", key: "sd", role: .statistic),
        Column("se", key: "se", role: .statistic),
      ],
      rows: stats, shape: .oneObject, fields: [("group_variable", .text(data.groupVariable))])
    var testTable = Table(
      title: "\(variances == .equal ? "Student" : "Welch") two-sample t-test · \(data.groupVariable) \(labels[0]) − \(labels[1])",
      kind: variances == .equal ? "student_t" : "welch_t", method: method.isEmpty ? nil : method,
      columns: [Column("variable", key: "variable", role: .label)] + subColumns + [
        Column("n1", key: "n1", role: .count), Column("n2", key: "n2", role: .count),
        Column("mean diff", key: "mean_diff", role: .statistic), Column("se", key: "se", role: .statistic),
        Column("t", key: "t", role: .statistic), Column("df", key: "df", role: .df),
        Column("p", key: "p", role: .pValue), .lower("\(percent)% CI", key: "ci_low"), .upper("CI high", key: "ci_high"), Column("d", key: "cohen_d", role: .statistic),
        .lower("d \(percent)% CI", key: "cohen_d_ci_low"), .upper("d CI high", key: "cohen_d_ci_high"),
        Column("g", key: "hedges_g", role: .statistic),
      ],
      rows: tests,
      notes: [
        "\(method.isEmpty ? "t-test" : method); difference = \(data.groupVariable) \(labels[0]) − \(labels[1])"
          + (mu != 0 ? ", H0: difference = \(NumberFormat.shortest(mu))" : "") + ".",
        "d: Cohen's d with the pooled SD, \(percent)% CI by noncentral t; g: Hedges' g (exact J). More: 'effectsize'.",
      ] + notes,
      fields: [
        ("group_variable", .text(data.groupVariable)), ("group1", .text(labels[0])), ("group2", .text(labels[1])),
        ("conf_level", .number(level)), ("alternative", .text(alternative.rawValue)), ("mu", .number(mu)),
      ])
    Multiplicity.adjust(&testTable, method: try Multiplicity.method(inv))
    return inv.report(
      [.table(statsTable), .table(testTable)],
      provenance: inv.provenance(
        selected: try inv.rows(), used: variables.count == 1 ? data.usedByFirst : nil, unit: "values",
        dropped: data.dropped))
  }

  // MARK: One sample

  private static func oneSample(_ inv: inout Invocation, _ variables: [ResolvedVariable]) throws(Diagnostic) -> Report {
    let level = try inv.confidenceLevel()
    let alternative = try inv.alternative()
    let mu = try inv.number("mu", default: 0)
    let rows = try inv.rows()
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
          let d = try StandardizedDifference.dz(differences: moments, mu: mu, confLevel: level, alternative: alternative)
          method = r.method
          body.append(
            [.text(v.name)] + subCells + [
              .number(Double(values.count)), .number(r.estimate), .number(r.se), .number(r.t), .number(r.df),
              .number(r.p), .number(r.ciLow), .number(r.ciHigh), .number(d.estimate), d.ciLow.map(Cell.number) ?? .empty,
              d.ciHigh.map(Cell.number) ?? .empty,
            ])
        } catch {
          if subgroups.count == 1 && variables.count == 1 { throw inv.statisticsError(error) }
          notes.append("\(v.name)\(sub.values.map { ", \($0.variable) = \($0.value)" }.joined()): \(error.description)")
          body.append([.text(v.name)] + subCells + [.number(Double(values.count))] + Array(repeating: .missing("—"), count: 10))
        }
      }
    }
    let percent = NumberFormat.shortest(level * 100)
    var table = Table(
      title: "One-sample t-test · H0: mean = \(NumberFormat.shortest(mu))", kind: "one_sample_t",
      method: method.isEmpty ? nil : method,
      columns: [Column("variable", key: "variable", role: .label)] + (try inv.groupColumns()) + [
        Column("n", key: "n", role: .count), Column("mean", key: "mean", role: .statistic),
        Column("se", key: "se", role: .statistic), Column("t", key: "t", role: .statistic),
        Column("df", key: "df", role: .df), Column("p", key: "p", role: .pValue),
        .lower("\(percent)% CI", key: "ci_low"), .upper("CI high", key: "ci_high"),
        Column("d", key: "cohen_d", role: .statistic), .lower("d \(percent)% CI", key: "cohen_d_ci_low"),
        .upper("d CI high", key: "cohen_d_ci_high"),
      ],
      rows: body,
      notes: ["\(method); d = (mean − \(NumberFormat.shortest(mu)))/SD, \(percent)% CI by noncentral t."] + notes,
      fields: [("conf_level", .number(level)), ("alternative", .text(alternative.rawValue)), ("mu", .number(mu))])
    Multiplicity.adjust(&table, method: try Multiplicity.method(inv))
    var drops: [(reason: String, count: Int)] = []
    if missingSubgroup > 0 { drops.append((reason: "missing by value", count: missingSubgroup)) }
    return inv.report([.table(table)], provenance: inv.provenance(selected: rows, dropped: drops))
  }
}

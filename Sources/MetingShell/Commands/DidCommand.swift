import MetingData
import MetingLanguage
import MetingReport
import MetingStats

/// `did VAR, time(WAVE) id(UNIT) group(G)` (long) or `did PRE POST, group(G)`
/// (wide): the 2×2 table of means with its arithmetic, the regression
/// estimate with unit-clustered errors, and the same estimate by change
/// scores. A group with more than two values compares each with the
/// `reference()` group, Holm-adjusted.
enum DidCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .variables(let items) = inv.command.arguments else { return inv.report([]) }
    guard let groupOption = inv.command.option("group") else {
      throw LanguageDiagnostics.missingArgument(
        "group(TREATMENT): the variable that tells treated from control units", command: "did", range: inv.command.range)
    }
    let level = try inv.confidenceLevel()
    let groupName = try groupOption.variable()
    let wide = try inv.variables(items, kind: .numeric).count == 2
    let pairs = try PairedSamples.gather(&inv, command: "did", items: items, extraGroups: [.name(groupName)])
    // Wide: PRE POST in time order; long: first is the later wave.
    let (preLabel, postLabel) = wide ? (pairs.first, pairs.second) : (pairs.second, pairs.first)
    func prePost(_ g: PairedSamples.Group) -> (pre: [Double], post: [Double]) {
      wide ? (g.first, g.second) : (g.second, g.first)
    }

    // Pairs by subgroup and treatment value.
    let prefix = inv.subgroupItems.isEmpty ? 0 : pairs.groups.first.map { $0.values.count - 1 } ?? 0
    var keys: [[String]] = []
    var levels: [String] = []
    var cells: [[String]: [String: PairedSamples.Group]] = [:]
    for g in pairs.groups {
      let key = g.values.prefix(prefix).map(\.value)
      let value = g.values[prefix].value
      if cells[key] == nil { keys.append(key) }
      if !levels.contains(value) { levels.append(value) }
      cells[key, default: [:]][value] = g
    }
    let groupVariable = pairs.groups.first?.values.last?.variable ?? groupName.text
    let control: String
    if let k = try inv.referenceLevel(in: levels, of: groupVariable) {
      control = levels[k]
    } else if levels.count == 2 {
      control = levels[0]
    } else {
      throw LanguageDiagnostics.invalid(
        "'\(groupVariable)' has \(levels.count) value\(levels.count == 1 ? "" : "s") here (\(levels.joined(separator: ", "))); name the control group with reference(…)",
        range: groupOption.range, category: .data,
        help: levels.count < 2 ? ["a difference-in-differences needs treated and control units"] : ["e.g. reference(\(levels[0]))"])
    }

    let subgroupCells = { (key: [String]) -> [Cell] in key.map(Cell.text) }
    var meansRows: [[Cell]] = []
    var regressionRows: [[Cell]] = []
    var changeRows: [[Cell]] = []
    var arithmetic: [String] = []
    var baseline: [String] = []
    let digits = NumberFormat(digits: inv.state.settings.digits)
    func show(_ x: Double) -> String { digits.text(x, role: .statistic) }
    for key in keys {
      guard let c = cells[key]?[control] else { continue }
      for treatedLevel in levels where treatedLevel != control {
        guard let t = cells[key]?[treatedLevel] else { continue }
        let comparison = "\(treatedLevel) vs \(control)"
        let context = (key + [comparison]).joined(separator: ", ")
        let (tPre, tPost) = prePost(t)
        let (cPre, cPost) = prePost(c)
        let did: DifferenceInDifferences
        do {
          did = try DifferenceInDifferences(
            treatedPre: tPre, treatedPost: tPost, controlPre: cPre, controlPost: cPost, confLevel: level)
        } catch {
          throw inv.statisticsError(error, context: context)
        }
        let label = subgroupCells(key) + [.text(comparison)]
        for (name, g) in [(control, did.control), (treatedLevel, did.treated)] {
          meansRows.append(
            label + [
              .text(name), .number(Double(g.n)), .number(g.preMean), .number(g.postMean), .number(g.change),
            ])
        }
        meansRows.append(
          label + [
            .text("difference"), .empty, .number(did.treated.preMean - did.control.preMean),
            .number(did.treated.postMean - did.control.postMean), .number(did.estimate),
          ])
        arithmetic.append(
          (key.isEmpty ? "" : key.joined(separator: ", ") + ", ") + "\(comparison): DiD = (\(show(did.treated.postMean)) − \(show(did.treated.preMean))) − (\(show(did.control.postMean)) − \(show(did.control.preMean))) = \(show(did.treated.change)) − \(show(did.control.change)) = \(show(did.estimate))".replacingOccurrences(of: "− -", with: "+ "))
        let r = did.regression
        regressionRows.append(
          label + [
            .value(r.estimate), .value(r.se), .value(r.t), .number(r.df), .value(r.p),
            .value(r.ciLow), .value(r.ciHigh),
          ])
        for test in [did.student, did.welch] {
          changeRows.append(
            label + [
              .text(test.variant == .student ? "Student t (= unit fixed effects)" : "Welch t"), .number(test.estimate),
              .number(test.se), .number(test.t), .number(test.df), .number(test.p), .number(test.ciLow), .number(test.ciHigh),
            ])
        }
        let gap = did.treated.preMean - did.control.preMean
        if abs(gap) > 0 {
          baseline.append("\(context): \(show(gap))")
        }
      }
    }
    guard !regressionRows.isEmpty else {
      throw LanguageDiagnostics.invalid(
        "no subgroup has both '\(control)' and another value of '\(groupVariable)'", range: groupOption.range, category: .data)
    }

    let percent = NumberFormat.shortest(level * 100)
    let labelColumns = try inv.groupColumns() + [Column("comparison", key: "comparison", role: .label)]
    let unitName = wide ? "unit (row)" : (inv.command.option("id").flatMap { try? $0.variable().text } ?? "unit")
    let means = Table(
      title: "Difference-in-differences · "
        + (wide ? "\(preLabel) → \(postLabel)" : pairs.difference.split(separator: ":").first.map(String.init) ?? "")
        + " by \(groupVariable)",
      kind: "did_means",
      columns: labelColumns + [
        Column(groupVariable, key: "group", role: .label), Column("n", key: "n", role: .count),
        Column(preLabel, key: "pre_mean", role: .statistic), Column(postLabel, key: "post_mean", role: .statistic),
        Column("change", key: "change", role: .statistic),
      ],
      rows: meansRows, notes: arithmetic)
    var estimate = Table(
      title: "DiD estimate · regression y ~ treated × post, clustered by \(unitName)", kind: "did",
      method: "OLS on the unit-waves, CR1 by unit, t on G − 1 df",
      columns: labelColumns + [
        Column("DiD", key: "estimate", role: .statistic), Column("se", key: "std_error", role: .statistic),
        Column("t", key: "t", role: .statistic), Column("df", key: "df", role: .df), Column("p", key: "p", role: .pValue),
        .lower("\(percent)% CI", key: "ci_low"), .upper("CI high", key: "ci_high"),
      ],
      rows: regressionRows,
      notes: [
        "The treated × post coefficient; standard errors CR1 clustered by \(unitName) (as Stata's vce(cluster) and didregress), t on G − 1 df.",
        "Two waves cannot test parallel trends: the estimate is the programme's effect only if, without it, both groups would have changed alike.",
      ] + (baseline.isEmpty ? [] : [
        "Treated − control at baseline: \(baseline.joined(separator: "; ")). Where units were chosen for a low (or high) pretest, regression to the mean enters the DiD; compare 'ancova' (Lord's paradox)."
      ]),
      fields: [("group_variable", .text(groupVariable)), ("control", .text(control)), ("conf_level", .number(level))])
    Multiplicity.adjust(&estimate, method: try Multiplicity.method(inv))
    let changes = Table(
      title: "The same estimate from change scores (post − pre)", kind: "did_change_scores",
      columns: labelColumns + [
        Column("test", key: "test", role: .label), Column("DiD", key: "estimate", role: .statistic),
        Column("se", key: "std_error", role: .statistic), Column("t", key: "t", role: .statistic),
        Column("df", key: "df", role: .df), Column("p", key: "p", role: .pValue),
        .lower("\(percent)% CI", key: "ci_low"), .upper("CI high", key: "ci_high"),
      ],
      rows: changeRows,
      notes: [
        "Same number, other standard errors: Student's t pools the variance of the change scores (the regression with unit fixed effects); Welch's does not; the cluster-robust SE above is close to Welch's."
      ])
    return inv.report(
      [.table(means), .table(estimate), .table(changes)],
      provenance: inv.provenance(selected: try inv.rows(), used: pairs.used, unit: pairs.unit, dropped: pairs.dropped))
  }
}

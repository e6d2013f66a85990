import MetingData
import MetingLanguage
import MetingReport
import MetingStats

/// `ancova POST, pre(PRE) group(G) [covariates(VARS)]` (wide) or
/// `ancova VAR, time(WAVE) id(UNIT) group(G)` (long): Type III tests,
/// adjusted means, the group effects, the homogeneity-of-slopes check, and
/// the comparison with the difference-in-differences.
enum AncovaCommand {
  /// One unit per entry: posttest, pretest, group code, covariates.
  private struct Units {
    var post: [Double] = []
    var pre: [Double] = []
    var group: [Int] = []
    var covariates: [[Double]] = []
    var labels: [String] = []
    var preName = ""
    var postName = ""
    var provenance: Provenance
  }

  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .variables(let items) = inv.command.arguments else { return inv.report([]) }
    guard let groupOption = inv.command.option("group") else {
      throw LanguageDiagnostics.missingArgument("group(G): the treatment or intervention variable", command: "ancova", range: inv.command.range)
    }
    let groupName = try groupOption.variable()
    guard inv.command.byPrefix.isEmpty else {
      throw LanguageDiagnostics.invalid(
        "ancova does not take a 'by …:' prefix; compare the groups in group(…), or use where", range: inv.command.range, category: .syntax)
    }
    let level = try inv.confidenceLevel()
    let choice = try StandardErrorChoice(inv)
    if choice.cluster != nil {
      throw LanguageDiagnostics.invalid(
        "ancova has one row per unit; cluster(…) is for repeated rows (use regress)", range: inv.command.option("cluster")?.range, category: .syntax)
    }
    let units = inv.command.option("pre") != nil
      ? try wideUnits(&inv, items: items, group: groupName)
      : try longUnits(&inv, items: items, group: groupName)
    guard units.labels.count >= 2 else {
      throw LanguageDiagnostics.invalid(
        "'\(groupName.text)' has \(units.labels.count) value here; the ANCOVA compares two or more groups", range: groupOption.range, category: .data)
    }
    let reference = try inv.referenceLevel(in: units.labels, of: groupName.text) ?? 0
    let covariateNames = try inv.command.option("covariates")?.variableNames() ?? []
    let kind: CovarianceKind =
      switch choice.kind {
      case .classical: .classical
      case .hc0: .hc0
      case .hc1: .hc1
      case .hc2: .hc2
      case .hc3: .hc3
      }
    let result: Ancova
    do {
      result = try Ancova(
        post: units.post, pre: units.pre, group: units.group, groupNames: units.labels, reference: reference,
        covariates: zip(covariateNames, units.covariates).map { (name: $0, values: $1) }, preName: units.preName,
        groupName: groupName.text, covariance: kind, confLevel: level)
    } catch {
      throw inv.statisticsError(error)
    }
    let percent = NumberFormat.shortest(level * 100)
    let format = NumberFormat(digits: inv.state.settings.digits)
    let show = { (x: Double) in format.text(x, role: .statistic) }

    // Type III tests.
    var testRows: [[Cell]] = result.tests.map { t in
      [.text(t.term), .number(t.sumOfSquares), .number(Double(t.df1)), .number(t.sumOfSquares / Double(t.df1)),
       .number(t.f), .number(t.p), .number(t.partialEta2)]
    }
    testRows.append([
      .text("error"), .number(result.model.rss), .number(Double(result.model.dfResidual)), .number(result.model.sigma2),
      .empty, .empty, .empty,
    ])
    let tests = Table(
      title: "ANCOVA · \(units.postName) by \(groupName.text), adjusted for \(([units.preName] + covariateNames).joined(separator: ", "))",
      kind: "ancova", method: "Type III sums of squares, as SPSS UNIANOVA",
      columns: [
        Column("term", key: "term", role: .label), Column("SS", key: "ss", role: .statistic),
        Column("df", key: "df1", role: .df), Column("MS", key: "ms", role: .statistic), Column("F", key: "f", role: .statistic),
        Column("p", key: "p", role: .pValue), Column("partial η²", key: "partial_eta2", role: .statistic),
      ],
      rows: testRows,
      notes: [
        "Type III sums of squares (each term given all others; SPSS UNIANOVA, car::Anova type 3); partial η² = SS/(SS + SS_error).",
        "Homogeneity of slopes: \(result.slopes.term) F(\(result.slopes.df1), \(result.slopes.df2)) = \(show(result.slopes.f)), p = \(format.text(result.slopes.p, role: .pValue))"
          + (result.slopes.p < 0.05
            ? " — the pretest slope differs between groups, so the adjusted difference depends on the pretest value."
            : " — no evidence that the pretest slope differs between groups."),
      ],
      fields: [("df2", .number(Double(result.model.dfResidual)))])

    // Adjusted means.
    let observed = (0..<units.labels.count).map { g in
      Summation.mean(zip(units.post, units.group).filter { $0.1 == g }.map(\.0))
    }
    let atMeans = ([units.preName] + covariateNames).enumerated().map { i, name in
      "\(name) = \(show(Summation.mean(i == 0 ? units.pre : units.covariates[i - 1])))"
    }
    let means = Table(
      title: "Adjusted means (at \(atMeans.joined(separator: ", ")))", kind: "adjusted_means",
      columns: [
        Column(groupName.text, key: "group", role: .label), Column("n", key: "n", role: .count),
        Column("observed", key: "mean", role: .statistic), Column("adjusted", key: "adjusted_mean", role: .statistic),
        Column("se", key: "std_error", role: .statistic), .lower("\(percent)% CI", key: "ci_low"), .upper("CI high", key: "ci_high"),
      ],
      rows: result.adjustedMeans.enumerated().map { g, m in
        [.text(m.group), .number(Double(m.n)), .number(observed[g]), .number(m.mean), .number(m.se), .number(m.ciLow), .number(m.ciHigh)]
      },
      notes: ["Estimated marginal means at the covariate means, as SPSS /EMMEANS … WITH(\(units.preName)=MEAN)."])

    // Group effects, and the DiD beside them.
    let robustWords = choice.kind == .classical ? "classical" : choice.kind.rawValue.uppercased()
    var effects = Table(
      title: "Group effect (ANCOVA) beside the difference-in-differences", kind: "ancova_effects",
      columns: [
        Column("comparison", key: "comparison", role: .label), Column("estimator", key: "estimator", role: .label),
        Column("estimate", key: "estimate", role: .statistic), Column("se", key: "std_error", role: .statistic),
        Column("t", key: "t", role: .statistic), Column("df", key: "df", role: .df), Column("p", key: "p", role: .pValue),
        .lower("\(percent)% CI", key: "ci_low"), .upper("CI high", key: "ci_high"),
      ],
      rows: [], fields: [("conf_level", .number(level)), ("se_type", .text(choice.kind.rawValue))])
    var explanations: [String] = []
    for (index, effect) in result.groupEffects.enumerated() {
      let g = (0..<units.labels.count).filter { $0 != reference }[index]
      let comparison = "\(units.labels[g]) − \(units.labels[reference])"
      effects.rows.append([
        .text(comparison), .text("ANCOVA (\(robustWords) SE)"), .value(effect.estimate), .value(effect.se),
        .value(effect.t), .number(effect.df), .value(effect.p), .value(effect.ciLow),
        .value(effect.ciHigh),
      ])
      // The DiD on the same units: Student's t on the change scores.
      let change = zip(units.post, units.pre).map { $0 - $1 }
      let treatedChange = zip(change, units.group).filter { $0.1 == g }.map(\.0)
      let controlChange = zip(change, units.group).filter { $0.1 == reference }.map(\.0)
      if let did = try? TTestResult.twoSample(treatedChange, controlChange, variances: .equal, confLevel: level) {
        effects.rows.append([
          .text(comparison), .text("DiD (change scores, Student t)"), .number(did.estimate), .number(did.se), .number(did.t),
          .number(did.df), .number(did.p), .number(did.ciLow), .number(did.ciHigh),
        ])
        if covariateNames.isEmpty {
          let gap = Summation.mean(zip(units.pre, units.group).filter { $0.1 == g }.map(\.0))
            - Summation.mean(zip(units.pre, units.group).filter { $0.1 == reference }.map(\.0))
          explanations.append(
            "\(comparison): DiD − ANCOVA = (b − 1)·(pretest gap) = (\(show(result.preSlope)) − 1)·(\(show(gap))) = \(show(did.estimate - (effect.estimate ?? .nan)))")
        }
      }
    }
    effects.notes = [
      "ANCOVA compares posttests at equal pretests (slope b = \(show(result.preSlope))); the DiD compares gains, as if b were 1. They agree when the groups start alike; when they start apart, regression to the mean pulls them apart (Lord's paradox) — which one answers the question depends on how units came into the groups."
    ] + explanations
    // With several comparisons: Holm (or adjust(…)) within each estimator.
    let method = try Multiplicity.method(inv)
    if result.groupEffects.count > 1, method != .none, let pColumn = effects.columns.firstIndex(where: { $0.key == "p" }) {
      var adjusted = [Cell](repeating: .empty, count: effects.rows.count)
      var estimators: [Cell] = []
      for row in effects.rows where !estimators.contains(row[1]) { estimators.append(row[1]) }
      for estimator in estimators {
        let indices = effects.rows.indices.filter { effects.rows[$0][1] == estimator }
        let p = indices.map { i -> Double in if case .number(let v) = effects.rows[i][pColumn] { v } else { .nan } }
        for (i, v) in zip(indices, method.adjust(p)) { adjusted[i] = .number(v) }
      }
      effects.columns.insert(Column("p adj", key: "p_adj", role: .pValue), at: pColumn + 1)
      for i in effects.rows.indices { effects.rows[i].insert(adjusted[i], at: pColumn + 1) }
      effects.notes.append("p adj: \(method.words)-adjusted over the \(result.groupEffects.count) comparisons of each estimator.")
      effects.fields.append((key: "p_adjust_method", value: .text(method.rawValue)))
    }
    return inv.report([.table(tests), .table(means), .table(effects)], provenance: units.provenance)
  }

  /// `ancova POST, pre(PRE) group(G) covariates(…)`: one row per unit.
  private static func wideUnits(_ inv: inout Invocation, items: [VarListItem], group: Name) throws(Diagnostic) -> Units {
    let posts = try inv.variables(items, kind: .numeric)
    guard posts.count == 1, let preOption = inv.command.option("pre") else {
      throw LanguageDiagnostics.invalid("ancova takes one posttest variable, with pre(PRETEST)", range: items.last?.range, category: .syntax)
    }
    let preName = try inv.variables([.name(try preOption.variable())], kind: .numeric)[0].name
    let covariateItems = try inv.command.option("covariates")?.variableNames().map { VarListItem.name(Name($0, inv.command.range)) } ?? []
    let covariates = try inv.variables(covariateItems, kind: .numeric).map(\.name)
    let data = try inv.dataset()
    let rows = try inv.rows()
    guard let groupVariable = data[try inv.variables([.name(group)])[0].name] else { throw LanguageDiagnostics.invalid("no group", range: group.range) }
    var missing: [String: Int] = [:]
    let checked = [posts[0].name, preName, groupVariable.name] + covariates
    let complete = rows.filter { r in
      for name in checked where data[name]!.values.isMissing(r) {
        missing["missing \(name)", default: 0] += 1
        return false
      }
      return true
    }
    let codes = GroupCodes(groupVariable, rows: complete)
    var units = Units(provenance: inv.provenance(
      selected: rows, used: complete.count, unit: "units",
      dropped: missing.sorted { $0.key < $1.key }.map { (reason: $0.key, count: $0.value) }))
    units.post = try inv.numbers(posts[0].name, complete)
    units.pre = try inv.numbers(preName, complete)
    units.group = codes.codes.map { Int($0) }
    units.covariates = try covariates.map { name throws(Diagnostic) in try inv.numbers(name, complete) }
    units.labels = codes.labels
    units.preName = preName
    units.postName = posts[0].name
    return units
  }

  /// `ancova VAR, time(WAVE) id(UNIT) group(G)`: the pairs of each unit.
  private static func longUnits(_ inv: inout Invocation, items: [VarListItem], group: Name) throws(Diagnostic) -> Units {
    if inv.command.option("covariates") != nil {
      throw LanguageDiagnostics.invalid(
        "covariates(…) needs the wide layout (one row per unit): ancova POST, pre(PRE) group(G) covariates(…)",
        range: inv.command.option("covariates")?.range, category: .syntax)
    }
    let pairs = try PairedSamples.gather(&inv, command: "ancova", items: items, extraGroups: [.name(group)])
    var units = Units(provenance: inv.provenance(selected: try inv.rows(), used: pairs.used, unit: pairs.unit, dropped: pairs.dropped))
    for (g, cell) in pairs.groups.enumerated() {
      units.post += cell.first
      units.pre += cell.second
      units.group += Array(repeating: g, count: cell.first.count)
      units.labels.append(cell.values.last?.value ?? "")
    }
    units.preName = pairs.second
    units.postName = pairs.first
    return units
  }
}

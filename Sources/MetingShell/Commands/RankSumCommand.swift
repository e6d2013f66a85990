import MetingData
import MetingLanguage
import MetingReport
import MetingStats

/// `ranksum VAR by GROUP`: the Wilcoxon rank-sum (Mann–Whitney) test.
enum RankSumCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .variables(let items) = inv.command.arguments else { return inv.report([]) }
    let variables = try inv.variables(items, kind: .numeric)
    let level = try inv.confidenceLevel()
    let alternative = try inv.alternative()
    let mu = try inv.number("mu", default: 0)
    let data = try GroupedSamples.gather(&inv, variables: variables, exactlyTwo: true, command: "ranksum")
    var builder = HypothesisTable(
      labelColumns: [Column("variable", key: "variable", role: .label)] + (try inv.groupColumns()),
      statisticHeader: "W", estimateHeader: "shift", confLevel: level)
    let exact = inv.exactChoice()
    let correct = !inv.flag("nocorrect")
    for cell in data.cells {
      let (x, y) = (cell.samples[0], cell.samples[1])
      builder.add(
        [.text(cell.variable)] + cell.subgroup.map { .text($0.value) },
        Result { () throws(StatsError) -> HypothesisTest in
          try MannWhitney.test(
            x, y, mu: mu, alternative: alternative, exact: exact, correct: correct, confLevel: level,
            names: ("\(data.groupVariable) = \(data.labels[0])", "\(data.groupVariable) = \(data.labels[1])"))
        },
        context: ([cell.variable] + cell.subgroup.map { "\($0.variable) = \($0.value)" }).joined(separator: ", "))
    }
    if data.cells.count == 1, builder.methods.isEmpty, let note = builder.notes.first {
      throw LanguageDiagnostics.statistics(note, range: inv.command.name.range)
    }
    var table = builder.table(
      title: "Wilcoxon rank sum (Mann–Whitney) test · \(data.groupVariable) \(data.labels[0]) vs \(data.labels[1])",
      kind: "mann_whitney", statisticKey: "w",
      fields: [
        ("group_variable", .text(data.groupVariable)), ("group1", .text(data.labels[0])), ("group2", .text(data.labels[1])),
        ("alternative", .text(alternative.rawValue)), ("mu", .number(mu)), ("conf_level", .number(level)),
      ])
    table.notes.append(
      "W = rank sum of \(data.groupVariable) = \(data.labels[0]) − n1(n1+1)/2 (R's W = U1; SPSS shows min(U1, U2)); shift: Hodges–Lehmann estimate of \(data.labels[0]) − \(data.labels[1]).")
    Multiplicity.adjust(&table, method: try Multiplicity.method(inv))
    return inv.report(
      [.table(table)],
      provenance: inv.provenance(
        selected: try inv.rows(), used: variables.count == 1 ? data.usedByFirst : nil, unit: "values", dropped: data.dropped))
  }
}

/// `kruskal VAR by GROUP`: the Kruskal–Wallis test of k groups.
enum KruskalCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .variables(let items) = inv.command.arguments else { return inv.report([]) }
    let variables = try inv.variables(items, kind: .numeric)
    let data = try GroupedSamples.gather(&inv, variables: variables, exactlyTwo: false, command: "kruskal")
    var builder = HypothesisTable(
      labelColumns: [Column("variable", key: "variable", role: .label)] + (try inv.groupColumns()),
      statisticHeader: "H", estimateHeader: nil, confLevel: nil)
    var emptyGroups: [String] = []
    for cell in data.cells {
      let samples = cell.samples
      let context = ([cell.variable] + cell.subgroup.map { "\($0.variable) = \($0.value)" }).joined(separator: ", ")
      let empty = zip(data.labels, samples).filter { $0.1.isEmpty }.map { "\(data.groupVariable) = \($0.0)" }
      if !empty.isEmpty {
        emptyGroups.append("\(context): \(empty.joined(separator: ", ")) \(empty.count == 1 ? "has" : "have") no values and \(empty.count == 1 ? "is" : "are") left out (df counts the groups with values, as R)")
      }
      builder.add(
        [.text(cell.variable)] + cell.subgroup.map { .text($0.value) },
        Result { () throws(StatsError) -> HypothesisTest in try KruskalWallis.test(samples) }, context: context)
    }
    builder.notes += emptyGroups
    if data.cells.count == 1, builder.methods.isEmpty, let note = builder.notes.first {
      throw LanguageDiagnostics.statistics(note, range: inv.command.name.range)
    }
    var table = builder.table(
      title: "Kruskal–Wallis test · by \(data.groupVariable) (\(data.labels.count) groups)", kind: "kruskal_wallis",
      statisticKey: "chi2", fields: [("group_variable", .text(data.groupVariable))])
    Multiplicity.adjust(&table, method: try Multiplicity.method(inv))
    return inv.report(
      [.table(table)],
      provenance: inv.provenance(
        selected: try inv.rows(), used: variables.count == 1 ? data.usedByFirst : nil, unit: "values", dropped: data.dropped))
  }
}

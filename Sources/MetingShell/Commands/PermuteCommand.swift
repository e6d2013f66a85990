import MetingData
import MetingLanguage
import MetingReport
import MetingStats

/// `permute VAR by GROUP [, reps(10000)]`: the permutation test of a
/// difference in means, exact when the relabellings are few enough.
enum PermuteCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .variables(let items) = inv.command.arguments else { return inv.report([]) }
    let variables = try inv.variables(items, kind: .numeric)
    let alternative = try inv.alternative()
    let reps = try inv.command.option("reps")?.integer() ?? 10_000
    guard reps >= 99, reps <= 100_000_000 else {
      throw LanguageDiagnostics.badOptionValue(option: "reps", expected: "99 to 100,000,000", range: inv.command.option("reps")?.range ?? inv.command.range)
    }
    let data = try GroupedSamples.gather(&inv, variables: variables, exactlyTwo: true, command: "permute")
    var (generator, seedWords) = inv.randomGenerator()
    var builder = HypothesisTable(
      labelColumns: [Column("variable", key: "variable", role: .label)] + (try inv.groupColumns()),
      statisticHeader: "mean diff", estimateHeader: nil, confLevel: nil)
    let progress = inv.progress("permutations", total: reps * data.cells.count)
    defer { progress.finish() }
    var anyRandom = false
    for (i, cell) in data.cells.enumerated() {
      let (x, y) = (cell.samples[0], cell.samples[1])
      let result = Result { () throws(StatsError) -> HypothesisTest in
        try PermutationTest.meanDifference(
          x, y, alternative: alternative, replicates: reps, generator: &generator,
          progress: { progress.update(i * reps + $0) },
          names: ("\(data.groupVariable) = \(data.labels[0])", "\(data.groupVariable) = \(data.labels[1])"))
      }
      if case .success(let r) = result, !r.exact { anyRandom = true }
      if Interrupt.isRequested { throw LanguageDiagnostics.cancelled() }
      builder.add(
        [.text(cell.variable)] + cell.subgroup.map { .text($0.value) }, result,
        context: ([cell.variable] + cell.subgroup.map { "\($0.variable) = \($0.value)" }).joined(separator: ", "))
    }
    if data.cells.count == 1, builder.methods.isEmpty, let note = builder.notes.first {
      throw LanguageDiagnostics.statistics(note, range: inv.command.name.range)
    }
    var table = builder.table(
      title: "Permutation test · \(data.groupVariable) \(data.labels[0]) − \(data.labels[1])", kind: "permutation_test",
      statisticKey: "mean_diff",
      fields: [("alternative", .text(alternative.rawValue)), ("group_variable", .text(data.groupVariable))])
    if anyRandom { table.notes.append("Random numbers: \(seedWords).") }
    Multiplicity.adjust(&table, method: try Multiplicity.method(inv))
    return inv.report(
      [.table(table)],
      provenance: inv.provenance(
        selected: try inv.rows(), used: variables.count == 1 ? data.usedByFirst : nil, unit: "values", dropped: data.dropped))
  }
}

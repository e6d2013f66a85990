import MetingData
import MetingLanguage
import MetingReport
import MetingStats

/// `wilcoxon A B`, `wilcoxon VAR, time() id()` (signed-rank test of paired
/// data) and `wilcoxon VAR, mu(M)` (one sample).
enum WilcoxonCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    try RankTests.signed(&inv, command: "wilcoxon") { (x, mu, alternative, inv, level, paired) throws(StatsError) in
      try WilcoxonSignedRank.test(
        x, mu: mu, alternative: alternative, exact: inv.exactChoice(), correct: !inv.flag("nocorrect"),
        confLevel: level, paired: paired)
    }
  }
}

/// `signtest A B`, `signtest VAR, time() id()`, `signtest VAR, mu(M)`.
enum SignTestCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    try RankTests.signed(&inv, command: "signtest") { (x, mu, alternative, _, _, _) throws(StatsError) in
      try SignTest.test(x, mu: mu, alternative: alternative)
    }
  }
}

/// The shared shape of the one-sample/paired rank tests.
enum RankTests {
  typealias Test = (
    _ x: [Double], _ mu: Double, _ alternative: Alternative, _ inv: Invocation, _ level: Double, _ paired: Bool
  ) throws(StatsError) -> HypothesisTest

  static func signed(_ inv: inout Invocation, command: String, test: Test) throws(Diagnostic) -> Report {
    guard case .variables(let items) = inv.command.arguments else { return inv.report([]) }
    let level = try inv.confidenceLevel()
    let alternative = try inv.alternative()
    let mu = try inv.number("mu", default: 0)
    let isWilcoxon = command == "wilcoxon"
    var builder = HypothesisTable(
      labelColumns: [Column("variable", key: "variable", role: .label, hiddenInText: true)] + (try inv.groupColumns()),
      statisticHeader: isWilcoxon ? "V" : "positive", estimateHeader: isWilcoxon ? "estimate" : nil,
      confLevel: isWilcoxon ? level : nil, statisticRole: isWilcoxon ? .statistic : .count)
    let title: String
    let provenance: Provenance
    if items.count == 1, inv.command.option("time") == nil {
      // One sample.
      let v = try inv.variables(items, kind: .numeric)[0].name
      let rows = try inv.rows()
      let (subgroups, missing) = try inv.groups(rows)
      var used = 0
      for sub in subgroups {
        let x = try inv.numbers(v, sub.rows).filter { !$0.isNaN }
        used += x.count
        let context = inv
        builder.add(
          [.text(v)] + sub.values.map { .text($0.value) },
          Result { () throws(StatsError) -> HypothesisTest in try test(x, mu, alternative, context, level, false) },
          context: ([v] + sub.values.map { "\($0.variable) = \($0.value)" }).joined(separator: ", "))
      }
      title = "\(isWilcoxon ? "Wilcoxon signed rank" : "Sign") test · \(v), H0: location = \(NumberFormat.shortest(mu))"
      provenance = inv.provenance(
        selected: rows, used: used, unit: "values",
        dropped: missing > 0 ? [(reason: "missing by value", count: missing)] : [])
    } else {
      let pairs = try PairedSamples.gather(&inv, command: command)
      for group in pairs.groups {
        let context = inv
        let differences = group.differences
        builder.add(
          [.text(pairs.difference)] + group.values.map { .text($0.value) },
          Result { () throws(StatsError) -> HypothesisTest in try test(differences, mu, alternative, context, level, true) },
          context: ([pairs.difference] + group.values.map { "\($0.variable) = \($0.value)" }).joined(separator: ", "))
      }
      title = "\(isWilcoxon ? "Wilcoxon signed rank" : "Sign") test · \(pairs.difference)"
      provenance = inv.provenance(selected: try inv.rows(), used: pairs.used, unit: pairs.unit, dropped: pairs.dropped)
    }
    if builder.rows.count == 1, let note = builder.notes.first, builder.methods.isEmpty {
      throw LanguageDiagnostics.statistics(note, range: inv.command.name.range)
    }
    var table = builder.table(
      title: title, kind: isWilcoxon ? "wilcoxon_signed_rank" : "sign_test", statisticKey: isWilcoxon ? "v" : "s",
      fields: [("alternative", .text(alternative.rawValue)), ("mu", .number(mu))] + (isWilcoxon ? [("conf_level", .number(level))] : []))
    if isWilcoxon {
      table.notes.append("V = sum of the ranks of the positive differences (R's V); estimate: Hodges–Lehmann (pseudo)median.")
    } else {
      table.notes.append("positive: the number of differences above \(NumberFormat.shortest(mu)) among the non-zero ones; exact binomial p (R binom.test).")
    }
    Multiplicity.adjust(&table, method: try Multiplicity.method(inv))
    return inv.report([.table(table)], provenance: provenance)
  }
}

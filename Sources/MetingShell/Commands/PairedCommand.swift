import MetingData
import MetingLanguage
import MetingReport
import MetingStats

/// `paired A B` (wide: A − B) and `paired VAR, time(T) id(ID)` (long: the
/// later wave − the earlier one): the paired t-test with d_z and its
/// noncentral-t interval.
enum PairedCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    let level = try inv.confidenceLevel()
    let alternative = try inv.alternative()
    let mu = try inv.number("mu", default: 0)
    let pairs = try PairedSamples.gather(&inv, command: "paired")
    var body: [[Cell]] = []
    var notes: [String] = []
    var method = ""
    for group in pairs.groups {
      let subCells = group.values.map { Cell.text($0.value) }
      let head: [Cell] = [.text(pairs.difference)] + subCells + [
        .number(Double(group.first.count)), SampleMoments(group.first).meanValue.map(Cell.number) ?? .empty,
        SampleMoments(group.second).meanValue.map(Cell.number) ?? .empty,
      ]
      do throws(StatsError) {
        let differences = SampleMoments(group.differences)
        let r = try TTestResult.paired(differences: differences, mu: mu, alternative: alternative, confLevel: level)
        let dz = try StandardizedDifference.dz(differences: differences, mu: mu, confLevel: level, alternative: alternative)
        method = r.method
        body.append(
          head + [
            .number(r.estimate), .number(differences.sd ?? .nan), .number(r.se), .number(r.t), .number(r.df), .number(r.p),
            .number(r.ciLow), .number(r.ciHigh), .number(dz.estimate), dz.ciLow.map(Cell.number) ?? .empty,
            dz.ciHigh.map(Cell.number) ?? .empty,
          ])
      } catch {
        if pairs.groups.count == 1 { throw inv.statisticsError(error) }
        notes.append(group.values.map { "\($0.variable) = \($0.value)" }.joined(separator: ", ") + ": \(error.description)")
        body.append(head + Array(repeating: .missing("—"), count: 11))
      }
    }
    let percent = NumberFormat.shortest(level * 100)
    var table = Table(
      title: "Paired t-test · \(pairs.difference)", kind: "paired_t", method: method.isEmpty ? nil : method,
      columns: [Column("difference", key: "variable", role: .label, hiddenInText: true)] + (try inv.groupColumns()) + [
        Column("n", key: "n", role: .count), Column(pairs.first, key: "mean1", role: .statistic),
        Column(pairs.second, key: "mean2", role: .statistic), Column("mean diff", key: "mean_diff", role: .statistic),
        Column("sd", key: "sd", role: .statistic), Column("se", key: "se", role: .statistic),
        Column("t", key: "t", role: .statistic), Column("df", key: "df", role: .df), Column("p", key: "p", role: .pValue),
        .lower("\(percent)% CI", key: "ci_low"), .upper("CI high", key: "ci_high"),
        Column("d_z", key: "d_z", role: .statistic), .lower("d_z \(percent)% CI", key: "d_z_ci_low"),
        .upper("d_z CI high", key: "d_z_ci_high"),
      ],
      rows: body,
      notes: [
        "\(method.isEmpty ? "Paired t-test" : method); difference = \(pairs.first) − \(pairs.second)"
          + (mu != 0 ? ", H0: mean difference = \(NumberFormat.shortest(mu))" : "")
          + "; d_z = mean difference / SD of the differences, \(percent)% CI by noncentral t."
      ] + notes,
      fields: [
        ("first", .text(pairs.first)), ("second", .text(pairs.second)), ("conf_level", .number(level)),
        ("alternative", .text(alternative.rawValue)), ("mu", .number(mu)),
      ])
    Multiplicity.adjust(&table, method: try Multiplicity.method(inv))
    return inv.report(
      [.table(table)],
      provenance: inv.provenance(selected: try inv.rows(), used: pairs.used, unit: pairs.unit, dropped: pairs.dropped))
  }
}

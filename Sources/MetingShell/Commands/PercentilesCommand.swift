import MetingData
import MetingLanguage
import MetingReport
import MetingStats

/// `percentiles VARS [, p(5 25 50 75 95) type(7|6)]`.
enum PercentilesCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .variables(let items) = inv.command.arguments else { return inv.report([]) }
    let variables = try inv.variables(items, kind: .numeric)
    let ps = try inv.command.option("p")?.numbers() ?? [5, 10, 25, 50, 75, 90, 95]
    guard ps.allSatisfy({ $0 >= 0 && $0 <= 100 }) else {
      throw LanguageDiagnostics.badOptionValue(option: "p", expected: "percentages from 0 to 100", range: inv.command.option("p")?.range ?? inv.command.range)
    }
    var definition = QuantileDefinition.type7
    if let o = inv.command.option("type"), try o.choice(["7", "6"]) == "6" { definition = .type6 }
    let rows = try inv.rows()
    let (groups, _) = try inv.groups(rows)
    var body: [[Cell]] = []
    for v in variables {
      for g in groups {
        let x = try inv.numbers(v.name, g.rows).filter { !$0.isNaN }.sorted()
        body.append(
          [.text(v.name)] + g.values.map { .text($0.value) } + [.number(Double(x.count))]
            + ps.map { x.isEmpty ? .empty : .number(Quantile.sorted(x, $0 / 100, definition: definition)) })
      }
    }
    let table = Table(
      title: "Percentiles (\(definition.words))", kind: "percentiles", method: "quantiles by \(definition.words)",
      columns: [Column("variable", key: "variable", role: .label)] + (try inv.groupColumns())
        + [Column("n", key: "n", role: .count)]
        + ps.map { Column("p\(NumberFormat.shortest($0))", key: "p\(NumberFormat.shortest($0))", role: .statistic) },
      rows: body, notes: ["type(6) gives SPSS's and PSPP's definition (HAVERAGE); R, numpy and Excel's PERCENTILE.INC use type 7."])
    return inv.report([.table(table)], provenance: inv.provenance(selected: rows))
  }
}

import MetingData
import MetingLanguage
import MetingReport

/// `list [VARLIST] [where COND] [, n(20)]` and `head` (n = 10): the first
/// rows of the selection, saying how many were not shown.
enum ListCommand {
  static func list(_ inv: inout Invocation) throws(Diagnostic) -> Report { try run(&inv, defaultCount: 20) }
  static func head(_ inv: inout Invocation) throws(Diagnostic) -> Report { try run(&inv, defaultCount: 10) }

  static func run(_ inv: inout Invocation, defaultCount: Int) throws(Diagnostic) -> Report {
    let data = try inv.dataset()
    guard case .variables(let items) = inv.command.arguments else { return inv.report([]) }
    let names = items.isEmpty ? data.variableNames : try inv.variables(items).map(\.name)
    let rows = try inv.rows(allowEmpty: true)
    let n = try inv.command.option("n")?.integer() ?? defaultCount
    guard n > 0 else {
      throw LanguageDiagnostics.badOptionValue(
        option: "n", expected: "a positive number of rows", range: inv.command.option("n")?.range ?? inv.command.name.range)
    }
    let shown = Array(rows.prefix(n))
    let variables = names.compactMap { data[$0] }
    let body: [[Cell]] = shown.map { row in
      [.number(Double(row + 1))] + variables.map { cell($0, row) }
    }
    var notes: [String] = []
    if rows.count > shown.count {
      notes.append("\(shown.count) of \(rows.count) rows shown; \(rows.count - shown.count) not shown (n(\(rows.count)) shows all)")
    }
    if variables.contains(where: { !$0.userMissing.isEmpty }) {
      notes.append("'.' is missing; <9> is the user-missing code 9")
    }
    let table = Table(
      title: "", kind: "rows",
      columns: [Column("row", key: "row", role: .count)] + variables.map { Column($0.name, key: $0.name, role: .value) },
      rows: body, notes: notes, shape: .oneObject)
    return inv.report([.table(table)], provenance: inv.provenance(selected: rows))
  }

  static func cell(_ v: Variable, _ row: Int) -> Cell {
    if let text = v.missingText(at: row) { return .missing("<" + text + ">") }
    if let code = v.userMissing[row] { return .missing("<" + formatCode(code) + ">") }
    switch v.values {
    case .numeric(let c):
      let x = c[row]
      if x.isNaN { return .empty }
      if let label = v.valueLabels[x] { return .text(label) }
      if let time = v.time, let text = time.text(x) { return .text(text) }
      return .number(x)
    case .categorical(let c):
      return c.label(at: row).map(Cell.text) ?? .empty
    }
  }
}

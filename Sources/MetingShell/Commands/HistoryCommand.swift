import MetingLanguage
import MetingReport

/// `history [N]`: the session's cells (number, status, time, input).
enum HistoryCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .words(let words) = inv.command.arguments else { return inv.report([]) }
    var cells = inv.session.notebook.cells
    if let w = words.first {
      guard let n = Int(w.text), n > 0 else {
        throw LanguageDiagnostics.invalid("expected a number of cells, not '\(w.text)'", range: w.range, category: .syntax)
      }
      cells = Array(cells.suffix(n))
    }
    let rows: [[Cell]] = cells.map { c in
      [
        .number(Double(c.number)), .text(c.succeeded ? "ok" : "error"), .number(c.seconds * 1000),
        .text(c.input.split(separator: "\n").joined(separator: " ⏎ ")),
      ]
    }
    let table = Table(
      title: "", kind: "history",
      columns: [
        Column("cell", key: "cell", role: .count), Column("status", key: "status", role: .label),
        Column("ms", key: "milliseconds", role: .percent), Column("input", key: "input", role: .label),
      ],
      rows: rows, notes: ["'show N' prints a cell's results again; 'save script FILE' keeps the commands that succeeded."],
      shape: .oneObject)
    return inv.report([.table(table)])
  }
}

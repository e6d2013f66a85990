import MetingLanguage
import MetingReport

/// `show N` and `show _`: a cell's results again, in the current format or
/// the one given.
enum ShowCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .words(let words) = inv.command.arguments, let w = words.first else { return inv.report([]) }
    let notebook = inv.session.notebook
    let cell: Notebook.Cell
    if w.text == "_" {
      guard let last = notebook.lastResult else {
        throw LanguageDiagnostics.invalid("no result yet", range: w.range, category: .data)
      }
      cell = last
    } else {
      guard let n = Int(w.text), let c = notebook.cell(n) else {
        throw LanguageDiagnostics.invalid(
          "no cell '\(w.text)'", range: w.range, category: .syntax,
          help: ["cells are numbered 1 to \(notebook.cells.count); type 'history' to list them"])
      }
      cell = c
    }
    var format: OutputFormat? = nil
    if let o = inv.command.option("format") {
      format = OutputFormat(rawValue: try o.choice(OutputFormat.allCases.map(\.rawValue)))
    }
    for report in cell.reports { inv.session.emit(report, format: format) }
    if cell.reports.isEmpty {
      return inv.report([.text("cell \(cell.number) (\(cell.input)) has no results")])
    }
    return Report(command: inv.command.text)
  }
}

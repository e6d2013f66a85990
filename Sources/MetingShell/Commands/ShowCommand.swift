import MetingLanguage
import MetingReport

/// `show N`, `show _`, `show` and `_`: a cell's results again (the last
/// result without a number), in the current format or the one given.
enum ShowCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .words(let words) = inv.command.arguments else { return inv.report([]) }
    let notebook = inv.session.notebook
    let cell: Notebook.Cell
    if let w = words.first, w.text != "_" {
      guard let n = Int(w.text), let c = notebook.cell(n) else {
        throw LanguageDiagnostics.invalid(
          "no cell '\(w.text)'", range: w.range, category: .syntax,
          help: ["cells are numbered 1 to \(notebook.cells.count); type 'history' to list them"])
      }
      cell = c
    } else {
      guard let last = notebook.lastResult else {
        throw LanguageDiagnostics.invalid(
          "no result yet", range: words.first?.range ?? inv.command.name.range, category: .data)
      }
      cell = last
    }
    if cell.reports.isEmpty {
      return inv.report([.text("cell \(cell.number) (\(cell.input)) has no results")])
    }
    let format = try Self.format(inv)
    for report in cell.reports { inv.session.emit(report, format: format) }
    return Report(command: inv.command.text)
  }

  /// The format(…) option, if given.
  static func format(_ inv: Invocation) throws(Diagnostic) -> OutputFormat? {
    guard let o = inv.command.option("format") else { return nil }
    return OutputFormat(rawValue: try o.choice(OutputFormat.allCases.map(\.rawValue)))
  }
}

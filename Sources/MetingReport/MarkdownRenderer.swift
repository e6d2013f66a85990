/// Renders reports as Markdown: a bold title, a pipe table with numeric
/// columns right-aligned, notes as paragraphs. Nothing is cut for width.
public struct MarkdownRenderer: Sendable {
  public var options: RenderOptions

  public init(options: RenderOptions) { self.options = options }

  public func render(_ report: Report) -> String {
    var parts: [String] = []
    for block in report.blocks {
      switch block {
      case .table(let t): parts.append(table(t))
      case .text(let s): parts.append(s)
      case .warning(let s): parts.append("> **warning:** " + s)
      }
    }
    if let p = report.provenance { parts.append("*\(p.line)*") }
    return parts.joined(separator: "\n\n")
  }

  private func escape(_ s: String) -> String {
    s.escapingControls.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
  }

  func table(_ t: Table) -> String {
    let text = TextTable(t, numbers: options.numbers)
    var lines: [String] = []
    if !t.title.isEmpty { lines.append("**\(escape(t.title))**\n") }
    lines.append("| " + text.headers.map(escape).joined(separator: " | ") + " |")
    lines.append("|" + text.numeric.map { $0 ? " ---: |" : " :--- |" }.joined())
    for row in text.rows { lines.append("| " + row.map(escape).joined(separator: " | ") + " |") }
    if !t.notes.isEmpty { lines.append("\n" + t.notes.joined(separator: "\n")) }
    return lines.joined(separator: "\n")
  }
}

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

  func table(_ full: Table) -> String {
    let t = full.visibleInText
    var lines: [String] = []
    if !t.title.isEmpty { lines.append("**\(escape(t.title))**\n") }
    lines.append("| " + t.columns.map { escape($0.header) }.joined(separator: " | ") + " |")
    lines.append(
      "|" + t.columns.map { $0.role == .label || $0.role == .group ? " :--- |" : " ---: |" }.joined())
    for row in t.rows {
      let cells = row.indices.map { i in
        escape(options.numbers.text(row[i], role: i < t.columns.count ? t.columns[i].role : .label))
      }
      lines.append("| " + cells.joined(separator: " | ") + " |")
    }
    if !t.notes.isEmpty { lines.append("\n" + t.notes.joined(separator: "\n")) }
    return lines.joined(separator: "\n")
  }
}

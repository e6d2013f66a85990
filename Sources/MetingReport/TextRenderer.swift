/// Renders reports as aligned plain-text tables for a terminal:
///
///     Paired t-test · sic: wave 1 − wave 0
///     treated   n  mean diff     sd     se       t  df       p
///     ───────  ──  ─────────  ─────  ─────  ──────  ──  ──────
///     0        23     -0.071  0.310  0.065  -1.098  22   0.284
///     Paired t-test, two-sided.
///     firms_long · all 188 rows · 94 pairs used · none dropped
///
/// Numbers are right-aligned and rounded by their role. A table wider than
/// the width loses columns from the right, and a note names them; a text
/// cell wider than half the width is cut with "…".
public struct TextRenderer: Sendable {
  public var options: RenderOptions

  public init(options: RenderOptions) { self.options = options }

  private func paint(_ s: String, _ code: String) -> String {
    options.color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
  }

  /// Blocks are separated by a blank line; the provenance line follows
  /// the last one directly.
  public func render(_ report: Report) -> String {
    var parts: [String] = []
    for block in report.blocks {
      switch block {
      case .table(let t): parts.append(table(t))
      case .text(let s): parts.append(s)
      case .warning(let s): parts.append(paint("warning:", "1;33") + " " + s)
      }
    }
    var text = parts.joined(separator: "\n\n")
    if let p = report.provenance { text += (text.isEmpty ? "" : "\n") + paint(p.line, "2") }
    return text
  }

  public func table(_ t: Table) -> String {
    let text = TextTable(t, numbers: options.numbers)
    let numeric = text.numeric
    let header = text.headers
    let body = text.rows
    // Widths; text columns capped at half the width.
    let cap = max(8, options.width / 2)
    var widths = header.indices.map { i in
      max(header[i].displayWidth, body.map { i < $0.count ? $0[i].displayWidth : 0 }.max() ?? 0)
    }
    for i in widths.indices where !numeric[i] { widths[i] = min(widths[i], cap) }
    // Drop columns from the right until the table fits.
    let gap = 2
    var shown = widths.count
    func total(_ k: Int) -> Int { widths.prefix(k).reduce(0, +) + gap * max(0, k - 1) }
    let keep = max(1, text.roles.prefix { $0 == .label || $0 == .group }.count)
    while shown > keep, total(shown) > options.width { shown -= 1 }

    var lines: [String] = []
    if !t.title.isEmpty { lines.append(paint(t.title, "1")) }
    func line(_ cells: [String], _ style: String? = nil) -> String {
      var out: [String] = []
      for i in 0..<shown {
        let cell = i < cells.count ? cells[i] : ""
        let fitted = numeric[i] ? cell : cell.truncated(to: widths[i])
        out.append(fitted.padded(to: widths[i], right: numeric[i]))
      }
      var s = out.joined(separator: String(repeating: " ", count: gap))
      while s.hasSuffix(" ") { s.removeLast() }
      return style.map { paint(s, $0) } ?? s
    }
    lines.append(line(header, "1"))
    lines.append(paint((0..<shown).map { String(repeating: "─", count: widths[$0]) }
      .joined(separator: String(repeating: " ", count: gap)), "2"))
    for row in body { lines.append(line(row)) }
    if shown < header.count {
      let hidden = header[shown...]
      lines.append(
        "(\(hidden.count) column\(hidden.count == 1 ? "" : "s") not shown for width: "
          + hidden.joined(separator: ", ") + "; widen the window, 'set width', or 'set format json')")
    }
    lines.append(contentsOf: t.notes)
    return lines.joined(separator: "\n")
  }
}

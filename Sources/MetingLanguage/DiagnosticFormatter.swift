/// Turns diagnostics into text:
///
///     firms.met:3:8: error: unknown variable 'sic_pr'
///         3 | paired sic_pr sic_post
///           |        ^~~~~~
///           = help: did you mean 'sic_pre'?
///
/// At the prompt (`showsLocation` false) the location prefix is left out:
/// the user just typed the line.
public struct DiagnosticFormatter: Sendable {
  public var color: Bool
  public var showsLocation: Bool

  public init(color: Bool = false, showsLocation: Bool = true) {
    self.color = color
    self.showsLocation = showsLocation
  }

  private func paint(_ s: String, _ code: String) -> String {
    color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
  }

  public func format(_ d: Diagnostic) -> String {
    let severity = paint(
      d.severity.rawValue + ":", d.severity == .error ? "1;31" : d.severity == .warning ? "1;33" : "1;36")
    var prefix = ""
    var excerpt: [String] = []
    if let file = d.fileLocation {
      prefix = file.line > 0 ? "\(file): " : "\(file.path): "
    }
    if let source = d.source, let range = d.range {
      let (line, column) = source.location(of: range.lower)
      if showsLocation, d.fileLocation == nil { prefix = "\(source.name):\(line):\(column): " }
      let lineText = source.lineText(line).replacingTabs
      let (endLine, endColumn) = source.location(of: max(range.lower, range.upper - 1))
      let width = endLine == line ? max(1, endColumn - column + 1) : max(1, lineText.count - column + 1)
      let gutter = String(line)
      let pad = String(repeating: " ", count: gutter.count)
      excerpt.append(" \(gutter) | \(lineText)")
      let marker = "^" + String(repeating: "~", count: max(0, width - 1))
      excerpt.append(
        " \(pad) | " + String(repeating: " ", count: column - 1) + paint(marker, "1;32"))
      for h in d.help { excerpt.append(" \(pad) = help: \(h)") }
    } else {
      for h in d.help { excerpt.append("  = help: \(h)") }
    }
    return ([prefix + severity + " " + d.message] + excerpt).joined(separator: "\n")
  }
}

extension String {
  /// Tabs shown as one space, so carets line up.
  var replacingTabs: String { replacingOccurrences(of: "\t", with: " ") }

  func replacingOccurrences(of a: String, with b: String) -> String {
    split(separator: Character(a), omittingEmptySubsequences: false).joined(separator: b)
  }
}

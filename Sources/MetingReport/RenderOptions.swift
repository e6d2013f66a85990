/// The output formats of `set format`.
public enum OutputFormat: String, Sendable, CaseIterable {
  case text
  case markdown
  case csv
  case json
}

/// What a renderer needs to know about where the output goes.
public struct RenderOptions: Sendable {
  public var format: OutputFormat
  /// Columns available for a table (the terminal's; unlimited for files and pipes).
  public var width: Int
  public var numbers: NumberFormat
  /// ANSI colour (a terminal, and NO_COLOR unset).
  public var color: Bool

  public init(format: OutputFormat = .text, width: Int = 120, digits: Int = 3, color: Bool = false) {
    self.format = format
    self.width = max(40, width)
    self.numbers = NumberFormat(digits: digits)
    self.color = color
  }
}

/// Renders a report in the chosen format.
public enum Renderer {
  public static func render(_ report: Report, _ options: RenderOptions) -> String {
    switch options.format {
    case .text: TextRenderer(options: options).render(report)
    case .markdown: MarkdownRenderer(options: options).render(report)
    case .csv: CSVRenderer().render(report)
    case .json: JSONRenderer().render(report)
    }
  }
}

extension String {
  /// Width in terminal columns: one per Unicode scalar, except combining
  /// marks (zero) and East Asian wide characters (two).
  var displayWidth: Int {
    var w = 0
    for s in unicodeScalars {
      let v = s.value
      if s.properties.generalCategory == .nonspacingMark || s.properties.generalCategory == .enclosingMark {
        continue
      }
      if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
        || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0x1F300...0x1FAFF).contains(v)
      {
        w += 2
      } else {
        w += 1
      }
    }
    return w
  }

  /// Control characters made visible, so data cannot move the cursor.
  var escapingControls: String {
    var out = ""
    for s in unicodeScalars {
      switch s {
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if s.value < 0x20 || s.value == 0x7F {
          out += "\\x" + String(s.value, radix: 16)
        } else {
          out.unicodeScalars.append(s)
        }
      }
    }
    return out
  }

  func padded(to width: Int, right: Bool) -> String {
    let pad = String(repeating: " ", count: Swift.max(0, width - displayWidth))
    return right ? pad + self : self + pad
  }

  /// Cut to `width` columns with an ellipsis.
  func truncated(to width: Int) -> String {
    guard displayWidth > width, width > 0 else { return self }
    var out = ""
    var w = 0
    for c in self {
      let cw = String(c).displayWidth
      if w + cw > width - 1 { break }
      out.append(c)
      w += cw
    }
    return out + "…"
  }
}

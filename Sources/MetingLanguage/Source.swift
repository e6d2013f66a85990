/// A half-open range of UTF-8 byte offsets into a source text. Line and
/// column are computed only when a message is printed.
public struct SourceRange: Sendable, Equatable, Hashable {
  public var lower: Int
  public var upper: Int

  public init(_ lower: Int, _ upper: Int) {
    self.lower = lower
    self.upper = max(lower, upper)
  }

  /// The range covering both.
  public func union(_ other: SourceRange) -> SourceRange {
    SourceRange(min(lower, other.lower), max(upper, other.upper))
  }
}

/// A text that commands are read from: a script file, a line typed at the
/// prompt, or `-c` arguments.
public struct SourceFile: Sendable {
  /// How messages name it: a path, or e.g. `<input>`.
  public let name: String
  public let text: String
  /// The line this text starts at in its file (scripts run line by line
  /// keep their real line numbers).
  public let firstLine: Int
  private let bytes: [UInt8]
  private let lineStarts: [Int]

  public init(name: String, text: String, firstLine: Int = 1) {
    self.name = name
    self.text = text
    self.firstLine = firstLine
    self.bytes = Array(text.utf8)
    var starts = [0]
    for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
    self.lineStarts = starts
  }

  public var utf8Count: Int { bytes.count }

  /// The text of a range.
  public func text(_ range: SourceRange) -> String {
    let lo = min(max(0, range.lower), bytes.count)
    let hi = min(max(lo, range.upper), bytes.count)
    return String(decoding: bytes[lo..<hi], as: UTF8.self)
  }

  /// The text of a range on one line, for messages and the prompt: the
  /// tokens as written, one space where there was any white space, line
  /// breaks, `\` continuations or comments.
  public func displayText(_ range: SourceRange) -> String {
    let raw = text(range)
    let bytes = Array(raw.utf8)
    var out = ""
    var previousEnd: Int? = nil
    for t in Lexer.tokens(raw) where t.kind != .continuation && t.kind != .newline && t.kind != .end {
      if let p = previousEnd, t.range.lower > p { out += " " }
      out += String(decoding: bytes[t.range.lower..<t.range.upper], as: UTF8.self)
      previousEnd = t.range.upper
    }
    return out
  }

  /// 1-based line and column (in characters) of a byte offset.
  public func location(of offset: Int) -> (line: Int, column: Int) {
    let offset = min(max(0, offset), bytes.count)
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    let start = lineStarts[lo]
    let column = bytes[start..<offset].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    return (lo + firstLine, column)
  }

  /// The text of the line (counted from `firstLine`) without its newline.
  public func lineText(_ line: Int) -> String {
    let index = line - firstLine
    guard index >= 0, index < lineStarts.count else { return "" }
    let start = lineStarts[index]
    var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
    if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
  }
}

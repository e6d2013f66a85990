import MetingData

/// Splits a source text into tokens. Never fails: unknown characters become
/// `.other` tokens and an unclosed string an `.unterminatedString`, so the
/// parser can report them with their position.
///
/// Lexical rules:
/// - identifiers: a letter or `_`, then letters, digits, `_` (any script);
/// - numbers: `12`, `3.5`, `.5`, `1e-3` (a `.` followed by `.` is `..`);
/// - strings: `"…"` or `'…'` with `\"`, `\'`, `\\`, `\n`, `\t` escapes; a
///   string may span lines (the prompt then says a quote is open);
/// - `#` starts a comment to the end of the line;
/// - a `\` before the end of a line continues the command on the next line;
/// - newlines are tokens (they end commands), other whitespace separates.
public struct Lexer {
  private let bytes: [UInt8]
  private var position = 0

  public init(_ text: String) { bytes = Array(text.utf8) }

  public static func tokens(_ text: String) -> [Token] {
    var lexer = Lexer(text)
    var out: [Token] = []
    while true {
      let t = lexer.next()
      out.append(t)
      if t.kind == .end { return out }
    }
  }

  private func peek(_ k: Int = 0) -> UInt8? {
    position + k < bytes.count ? bytes[position + k] : nil
  }

  private func text(_ lo: Int, _ hi: Int) -> String {
    String(decoding: bytes[lo..<hi], as: UTF8.self)
  }

  public mutating func next() -> Token {
    skipSpaceAndComments()
    let start = position
    guard let b = peek() else { return Token(.end, SourceRange(start, start), "") }
    func single(_ kind: Token.Kind, length: Int = 1) -> Token {
      position += length
      return Token(kind, SourceRange(start, position), text(start, position))
    }
    switch b {
    case UInt8(ascii: "\n"): return single(.newline)
    case UInt8(ascii: "\r"):
      return single(.newline, length: peek(1) == UInt8(ascii: "\n") ? 2 : 1)
    case UInt8(ascii: "\\"):
      // A continuation when only spaces or a comment follow on the line.
      var k = position + 1
      while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
      if k == bytes.count || bytes[k] == UInt8(ascii: "\n") || bytes[k] == UInt8(ascii: "\r")
        || bytes[k] == UInt8(ascii: "#")
      {
        return single(.continuation)
      }
      return single(.other)
    case UInt8(ascii: "("): return single(.leftParen)
    case UInt8(ascii: ")"): return single(.rightParen)
    case UInt8(ascii: ","): return single(.comma)
    case UInt8(ascii: ";"): return single(.semicolon)
    case UInt8(ascii: ":"): return single(.colon)
    case UInt8(ascii: "+"): return single(.plus)
    case UInt8(ascii: "-"): return single(.minus)
    case UInt8(ascii: "*"): return single(.star)
    case UInt8(ascii: "/"): return single(.slash)
    case UInt8(ascii: "^"): return single(.caret)
    case UInt8(ascii: "~"): return single(.tilde)
    case UInt8(ascii: "="):
      return peek(1) == UInt8(ascii: "=") ? single(.equalEquals, length: 2) : single(.equals)
    case UInt8(ascii: "!"):
      return peek(1) == UInt8(ascii: "=") ? single(.notEquals, length: 2) : single(.bang)
    case UInt8(ascii: "&"): return single(.ampersand, length: peek(1) == UInt8(ascii: "&") ? 2 : 1)
    case UInt8(ascii: "|"): return single(.bar, length: peek(1) == UInt8(ascii: "|") ? 2 : 1)
    case UInt8(ascii: "<"):
      if peek(1) == UInt8(ascii: "=") { return single(.lessEquals, length: 2) }
      if peek(1) == UInt8(ascii: ">") { return single(.notEquals, length: 2) }
      return single(.less)
    case UInt8(ascii: ">"):
      return peek(1) == UInt8(ascii: "=") ? single(.greaterEquals, length: 2) : single(.greater)
    case UInt8(ascii: "\""), UInt8(ascii: "'"):
      return string(quote: b)
    case UInt8(ascii: "."):
      if peek(1) == UInt8(ascii: ".") { return single(.dotDot, length: 2) }
      if let d = peek(1), d >= 48, d <= 57 { return number() }
      return single(.dot)
    case 48...57:
      return number()
    default:
      if isIdentifierStart(at: position) { return identifier() }
      // One whole UTF-8 character.
      var length = 1
      while let c = peek(length), c & 0xC0 == 0x80 { length += 1 }
      return single(.other, length: length)
    }
  }

  private mutating func skipSpaceAndComments() {
    while let b = peek() {
      if b == 0x20 || b == 0x09 || b == 0x0C {
        position += 1
      } else if b == UInt8(ascii: "#") {
        while let c = peek(), c != UInt8(ascii: "\n"), c != UInt8(ascii: "\r") { position += 1 }
      } else {
        return
      }
    }
  }

  private func scalar(at offset: Int) -> (Unicode.Scalar, Int)? {
    var iterator = bytes[offset...].makeIterator()
    var decoder = UTF8()
    switch decoder.decode(&iterator) {
    case .scalarValue(let s): return (s, String(s).utf8.count)
    default: return nil
    }
  }

  private func isIdentifierStart(at offset: Int) -> Bool {
    guard let (s, _) = scalar(at: offset) else { return false }
    return VariableName.isStart(s)
  }

  private mutating func identifier() -> Token {
    let start = position
    while position < bytes.count, let (s, length) = scalar(at: position), VariableName.isContinue(s) {
      position += length
    }
    return Token(.identifier, SourceRange(start, position), text(start, position))
  }

  private mutating func number() -> Token {
    let start = position
    func digits() { while let d = peek(), d >= 48, d <= 57 { position += 1 } }
    digits()
    if peek() == UInt8(ascii: "."), peek(1) != UInt8(ascii: ".") {
      position += 1
      digits()
    }
    if let e = peek(), e | 0x20 == UInt8(ascii: "e") {
      var k = 1
      if peek(k) == UInt8(ascii: "+") || peek(k) == UInt8(ascii: "-") { k += 1 }
      if let d = peek(k), d >= 48, d <= 57 {
        position += k
        digits()
      }
    }
    return Token(.number, SourceRange(start, position), text(start, position))
  }

  private mutating func string(quote: UInt8) -> Token {
    let start = position
    position += 1
    var value: [UInt8] = []
    while let b = peek() {
      if b == quote {
        position += 1
        return Token(.string, SourceRange(start, position), String(decoding: value, as: UTF8.self))
      }
      if b == UInt8(ascii: "\\"), let e = peek(1) {
        switch e {
        case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
        case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): value.append(e)
        default: value.append(contentsOf: [b, e])
        }
        position += 2
        continue
      }
      value.append(b)
      position += 1
    }
    return Token(.unterminatedString, SourceRange(start, position), String(decoding: value, as: UTF8.self))
  }
}

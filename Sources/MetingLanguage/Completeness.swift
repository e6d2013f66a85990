/// Whether typed input is a complete command, and if not, why: the REPL and
/// the script runner both ask this, and the continuation prompt shows the
/// reason (as psql's `'#` and `(#`).
public enum Completeness: Sendable, Equatable {
  case complete
  case needsMore(Reason)

  public enum Reason: Sendable, Equatable {
    /// A string is open; the quote character that would close it.
    case quote(Character)
    /// Parentheses are open, this many deep.
    case parenthesis(Int)
    /// The line ends with `\`.
    case backslash

    /// A short marker for the continuation prompt.
    public var marker: String {
      switch self {
      case .quote(let q): String(q)
      case .parenthesis(let n): String(repeating: "(", count: min(n, 3))
      case .backslash: "\\"
      }
    }

    /// In words, for a message at the end of a script.
    public var words: String {
      switch self {
      case .quote(let q): "a string opened with \(q) is not closed"
      case .parenthesis(let n): n == 1 ? "a parenthesis is not closed" : "\(n) parentheses are not closed"
      case .backslash: "the last line ends with '\\'"
      }
    }
  }

  public static func of(_ text: String) -> Completeness {
    let tokens = Lexer.tokens(text)
    var depth = 0
    var last: Token? = nil
    for t in tokens {
      switch t.kind {
      case .leftParen: depth += 1
      case .rightParen: depth = max(0, depth - 1)
      case .unterminatedString:
        let quote = text.utf8.dropFirst(t.range.lower).first.map { Character(Unicode.Scalar($0)) } ?? "\""
        return .needsMore(.quote(quote))
      case .end: break
      case .newline:
        continue
      default: break
      }
      if t.kind != .end { last = t }
    }
    if depth > 0 { return .needsMore(.parenthesis(depth)) }
    if last?.kind == .continuation { return .needsMore(.backslash) }
    return .complete
  }
}

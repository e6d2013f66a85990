/// A token of the command language, with its byte range in the source.
public struct Token: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case identifier
    case number
    case string
    /// A string whose closing quote is missing (the lexer goes on).
    case unterminatedString
    case leftParen, rightParen, comma, semicolon, colon
    case equals  // =
    case equalEquals, notEquals, less, lessEquals, greater, greaterEquals
    case plus, minus, star, slash, caret
    case dotDot  // ..
    case tilde
    case ampersand, bar, bang  // & | ! (synonyms of and, or, not)
    case dot
    case newline
    /// A backslash at the end of a line: the command goes on.
    case continuation
    case end
    /// A character the language has no use for (kept, for paths).
    case other
  }

  public let kind: Kind
  public let range: SourceRange
  /// For strings, the value with escapes resolved; otherwise the source text.
  public let text: String

  public init(_ kind: Kind, _ range: SourceRange, _ text: String) {
    self.kind = kind
    self.range = range
    self.text = text
  }

  /// Whether this is the identifier `word` (keywords are contextual).
  public func isWord(_ word: String) -> Bool { kind == .identifier && text == word }
}

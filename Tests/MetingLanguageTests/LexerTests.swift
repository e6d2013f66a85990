import Testing

@testable import MetingLanguage

@Suite("lexer")
struct LexerTests {
  func kinds(_ text: String) -> [Token.Kind] { Lexer.tokens(text).map(\.kind) }

  @Test("ranges, numbers and comparison operators")
  func basics() {
    let t = Lexer.tokens("filter sic >= 3.5 # comment")
    #expect(t.map(\.kind) == [.identifier, .identifier, .greaterEquals, .number, .end])
    #expect(t[3].text == "3.5" && t[3].range == SourceRange(14, 17))
  }

  @Test("variable ranges lex as name '..' name, not numbers")
  func ranges() {
    #expect(kinds("so1..so3r") == [.identifier, .dotDot, .identifier, .end])
    #expect(kinds("1..5") == [.number, .dotDot, .number, .end])
  }

  @Test("strings with escapes, and an unterminated string")
  func strings() {
    let t = Lexer.tokens(#"x == "a \"b\"" 'c'"#)
    #expect(t[2].kind == .string && t[2].text == #"a "b""#)
    #expect(t[3].kind == .string && t[3].text == "c")
    #expect(kinds(#"load "open"#) == [.identifier, .unterminatedString, .end])
  }

  @Test("a backslash at the end of a line is a continuation")
  func continuation() {
    #expect(kinds("a \\\nb") == [.identifier, .continuation, .newline, .identifier, .end])
    #expect(kinds("a \\ # note\nb").contains(.continuation))
  }

  @Test("non-ASCII names and stray characters")
  func unicode() {
    let t = Lexer.tokens("prijsé ≥ 3")
    #expect(t[0].kind == .identifier && t[0].text == "prijsé")
    #expect(t[1].kind == .other && t[1].text == "≥")
  }
}

@Suite("completeness: what the continuation prompt says")
struct CompletenessTests {
  @Test("complete and incomplete inputs", arguments: [
    ("freq category", Completeness.complete),
    ("load \"my file", .needsMore(.quote("\""))),
    ("load 'x", .needsMore(.quote("'"))),
    ("filter category in (strategy,", .needsMore(.parenthesis(1))),
    ("compute x = mean((a", .needsMore(.parenthesis(2))),
    ("paired sic, \\", .needsMore(.backslash)),
    ("freq a # (not open: a comment", .complete),
    ("filter x == \"a(b\"", .complete),
  ])
  func cases(_ text: String, _ expected: Completeness) {
    #expect(Completeness.of(text) == expected)
  }
}

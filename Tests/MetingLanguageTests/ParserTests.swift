import MetingData
import Testing

@testable import MetingLanguage

func parse(_ text: String) -> [Parser.Outcome] {
  Parser.parseAll(SourceFile(name: "t.met", text: text))
}

func command(_ text: String) throws -> Command {
  let outcomes = parse(text)
  guard case .command(let c)? = outcomes.first else {
    if case .failure(let d)? = outcomes.first { Issue.record("parse failed: \(d.message)") }
    throw ParseFailed()
  }
  return c
}

func failure(_ text: String) -> Diagnostic? {
  for o in parse(text) { if case .failure(let d) = o { return d } }
  return nil
}

struct ParseFailed: Error {}

@Suite("parser")
struct ParserTests {
  @Test("the uniform grammar: by prefix, arguments, by clause, where, options")
  func grammar() throws {
    let c = try command("by category: ttest sic_change by treated where fte >= 10, equal level(0.9)")
    #expect(c.spec.name == "ttest")
    #expect(c.byPrefix == [.name(Name("category", SourceRange(3, 11)))])
    #expect(c.byClause.count == 1)
    #expect(c.condition != nil)
    #expect(c.options.map(\.name.text) == ["equal", "level"])
    #expect(try c.option("level")?.number() == 0.9)
  }

  @Test("clauses may follow the options")
  func clausesAfterOptions() throws {
    let c = try command("paired sic, time(wave) id(firm_id) by treated")
    #expect(c.byClause.count == 1 && c.options.count == 2)
  }

  @Test("aliases resolve to the catalogue entry")
  func aliases() throws {
    #expect(try command("summarize sic").spec.name == "descriptives")
    #expect(try command("tab category").spec.name == "freq")
  }

  @Test("variable lists: names, ranges and patterns")
  func varlists() throws {
    guard case .variables(let items) = try command("describe so1..so3r qual* *_pre so?").arguments else {
      Issue.record("not a variable list")
      return
    }
    #expect(items.count == 4)
    if case .range(let a, let b) = items[0] { #expect(a.text == "so1" && b.text == "so3r") } else { Issue.record("range") }
    if case .pattern(let p) = items[1] { #expect(p.text == "qual*") } else { Issue.record("pattern") }
    if case .pattern(let p) = items[2] { #expect(p.text == "*_pre") } else { Issue.record("pattern") }
    if case .pattern(let p) = items[3] { #expect(p.text == "so?") } else { Issue.record("pattern") }
  }

  @Test("paths: quoted or bare")
  func paths() throws {
    guard case .path(let p, _) = try command("load examples/mijn-bedrijf/firms_long.csv, delimiter(;)").arguments else {
      Issue.record("no path")
      return
    }
    #expect(p == "examples/mijn-bedrijf/firms_long.csv")
    guard case .path(let q, _) = try command("load \"my data.csv\"").arguments else { return }
    #expect(q == "my data.csv")
  }

  @Test("several commands on a line, comments and continuation lines")
  func separators() {
    let outcomes = parse("freq a; freq b # both\ndescriptives \\\n  sic")
    #expect(outcomes.count == 3)
    if case .command(let c) = outcomes[2] { #expect(c.text == "descriptives \\\n  sic") }
  }

  @Test("newlines inside parentheses continue the command")
  func parentheses() throws {
    let c = try command("filter category in (strategy,\n  management)")
    #expect(c.spec.name == "filter")
  }

  @Test("expressions follow precedence")
  func precedence() throws {
    guard case .assignment(_, let e) = try command("compute x = 1 + 2 * 3 ^ 2").arguments,
      case .binary(.add, _, .binary(.multiply, _, .binary(.power, _, _, _), _), _) = e
    else {
      Issue.record("wrong tree")
      return
    }
  }

  @Test("syntax errors point at the token, with a suggestion")
  func errors() throws {
    let unknown = try #require(failure("freqq category"))
    #expect(unknown.id == "unknown-command" && unknown.range == SourceRange(0, 5))
    #expect(unknown.help == ["did you mean 'freq'?"])
    let unclosed = try #require(failure("filter x in (a, b"))
    #expect(unclosed.id == "unclosed")
    let dangling = try #require(failure("compute x = 3 +"))
    #expect(dangling.id == "expected")
    let option = try #require(failure("ttest y, level(0.9"))
    #expect(option.message.contains("')'"))
  }

  @Test("after an error the next command still parses")
  func recovery() {
    let outcomes = parse("freqq a\nfreq b")
    #expect(outcomes.count == 2)
    if case .command(let c) = outcomes[1] { #expect(c.spec.name == "freq") } else { Issue.record("no recovery") }
  }

  @Test("deep nesting is an error, not a crash")
  func depth() {
    let text = "compute x = " + String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500)
    #expect(failure(text)?.message.contains("nested too deeply") == true)
  }

  @Test("every command in the catalogue has help, and names are unique")
  func catalogue() {
    var seen: Set<String> = []
    for spec in CommandCatalogue.all {
      #expect(!spec.summary.isEmpty && !spec.synopsis.isEmpty, "\(spec.name)")
      for name in [spec.name] + spec.aliases {
        #expect(seen.insert(name).inserted, "duplicate name \(name)")
        #expect(VariableName.isValid(name) || name == "_", "\(name) is not an identifier")
      }
    }
  }
}

@Suite("diagnostic formatting")
struct DiagnosticFormatterTests {
  @Test("file:line:col, the line and a caret under the range")
  func format() throws {
    let source = SourceFile(name: "s.met", text: "freq category\npaired sic_pr sic_post\n")
    var d = LanguageDiagnostics.unknownVariable("sic_pr", range: SourceRange(21, 27), suggestion: "sic_pre")
    d.source = source
    let text = DiagnosticFormatter().format(d)
    #expect(text == """
      s.met:2:8: error: unknown variable 'sic_pr'
       2 | paired sic_pr sic_post
         |        ^~~~~~
         = help: did you mean 'sic_pre'?
      """)
  }

  @Test("columns count characters, not bytes")
  func unicodeColumns() {
    let source = SourceFile(name: "u", text: "filter région == x")
    #expect(source.location(of: Array("filter région ".utf8).count) == (1, 15))
  }
}

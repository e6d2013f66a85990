/// Reads commands from a source text, one at a time.
///
/// Grammar (one line per production; keywords are contextual words):
///
///     script   -> (command? (NEWLINE | ';'))* END
///     command  -> ['by' varlist ':'] NAME arguments ['by' varlist]
///                 [('where' | 'if') expr] [',' option (','? option)*]
///     option   -> NAME ['(' tokens ')']
///     varlist  -> (NAME | NAME '..' NAME | pattern)+
///
/// `arguments` follows the command's `Syntax` in the catalogue. A newline
/// inside parentheses, and a `\` at the end of a line, continue the command.
/// After an error the parser skips to the end of the command, so one bad
/// line does not hide the next.
public struct Parser {
  public let source: SourceFile
  private let tokens: [Token]
  private var index = 0

  public init(_ source: SourceFile) {
    self.source = source
    self.tokens = Parser.significantTokens(Lexer.tokens(source.text))
  }

  /// Drops continuations (with their newline) and newlines inside
  /// parentheses: both join lines into one command.
  static func significantTokens(_ raw: [Token]) -> [Token] {
    var out: [Token] = []
    out.reserveCapacity(raw.count)
    var depth = 0
    var skipNewline = false
    for t in raw {
      switch t.kind {
      case .continuation:
        skipNewline = true
        continue
      case .newline:
        if skipNewline || depth > 0 {
          skipNewline = false
          continue
        }
      case .leftParen: depth += 1
      case .rightParen: depth = max(0, depth - 1)
      default: break
      }
      skipNewline = false
      out.append(t)
    }
    return out
  }

  /// The outcome of reading one command.
  public enum Outcome: Sendable {
    case command(Command)
    case failure(Diagnostic)
  }

  /// The next command, or nil at the end of the source.
  public mutating func next() -> Outcome? {
    while current.kind == .newline || current.kind == .semicolon { index += 1 }
    if current.kind == .end { return nil }
    let start = index
    do {
      let command = try parseCommand()
      return .command(command)
    } catch {
      skipToEndOfCommand(from: start)
      return .failure(error.located(in: source))
    }
  }

  /// All commands (stopping at nothing): for tests and tools.
  public static func parseAll(_ source: SourceFile) -> [Outcome] {
    var p = Parser(source)
    var out: [Outcome] = []
    while let o = p.next() { out.append(o) }
    return out
  }

  // MARK: Tokens

  private var current: Token { tokens[min(index, tokens.count - 1)] }
  private func peek(_ k: Int = 1) -> Token { tokens[min(index + k, tokens.count - 1)] }

  @discardableResult
  private mutating func advance() -> Token {
    let t = current
    if index < tokens.count - 1 { index += 1 }
    return t
  }

  private mutating func expect(_ kind: Token.Kind, _ what: String) throws(Diagnostic) -> Token {
    guard current.kind == kind else { throw LanguageDiagnostics.expected(what, found: current) }
    return advance()
  }

  private var atEndOfCommand: Bool {
    switch current.kind {
    case .newline, .semicolon, .end: true
    default: false
    }
  }

  /// Whether the current token ends the arguments: a clause keyword, the
  /// option comma, or the end of the command.
  private var atEndOfArguments: Bool {
    atEndOfCommand || current.kind == .comma || current.isWord("by") || current.isWord("where")
      || current.isWord("if")
  }

  private mutating func skipToEndOfCommand(from start: Int) {
    if index == start { advance() }
    while !atEndOfCommand { advance() }
  }

  private func adjacent(_ a: Token, _ b: Token) -> Bool { a.range.upper == b.range.lower }

  // MARK: Commands

  /// command -> ['by' varlist ':'] NAME arguments ['by' varlist] [('where'|'if') expr] [',' options]
  private mutating func parseCommand() throws(Diagnostic) -> Command {
    let first = current
    var byPrefix: [VarListItem] = []
    if current.isWord("by"), peek().kind == .identifier || peek().kind == .star {
      advance()
      byPrefix = try parseVarList(what: "variables to group by")
      _ = try expect(.colon, "':' after the 'by' variables")
    }
    guard current.kind == .identifier else {
      throw LanguageDiagnostics.expected("a command", found: current)
    }
    let nameToken = advance()
    let name = Name(nameToken.text, nameToken.range)
    guard let spec = CommandCatalogue.spec(named: name.text) else {
      throw LanguageDiagnostics.unknownCommand(
        name.text, range: name.range,
        suggestion: Suggestions.closest(to: name.text, in: CommandCatalogue.allNames))
    }
    let arguments = try parseArguments(spec.syntax, command: name)
    var byClause: [VarListItem]? = nil
    var condition: Expr? = nil
    var options: [Option] = []
    var inOptions = false
    // The clauses may come in any order, and also after the options
    // (`paired sic, time(wave) id(firm_id) by treated`).
    while !atEndOfCommand {
      if current.isWord("by"), byClause == nil {
        let byToken = advance()
        guard spec.by != .none else {
          throw LanguageDiagnostics.invalid(
            "'\(spec.name)' does not take 'by'", range: byToken.range, category: .syntax)
        }
        byClause = try parseVarList(what: "a variable after 'by'")
      } else if current.isWord("where") || current.isWord("if"), condition == nil {
        let keyword = advance()
        guard spec.acceptsCondition else {
          throw LanguageDiagnostics.invalid(
            "'\(spec.name)' does not take '\(keyword.text)'", range: keyword.range, category: .syntax)
        }
        var expressions = ExpressionParser(tokens: tokens, index: index)
        condition = try expressions.parseExpression()
        index = expressions.index
      } else if current.kind == .comma {
        advance()
        inOptions = true
      } else if inOptions {
        options.append(try parseOption())
      } else {
        throw LanguageDiagnostics.unexpected(current)
      }
    }
    let last = tokens[max(0, index - 1)]
    let range = SourceRange(first.range.lower, max(first.range.upper, last.range.upper))
    return Command(
      range: range, text: source.text(range), name: name, spec: spec, byPrefix: byPrefix,
      arguments: arguments, byClause: byClause ?? [], condition: condition, options: options)
  }

  private mutating func parseArguments(_ syntax: Syntax, command: Name) throws(Diagnostic)
    -> Arguments
  {
    switch syntax {
    case .none:
      return .none
    case .variables(let min, let max, _):
      if atEndOfArguments {
        if min > 0 {
          throw LanguageDiagnostics.missingArgument(
            min == 1 ? "a variable" : "\(min) variables", command: command.text, range: current.range)
        }
        return .variables([])
      }
      let list = try parseVarList(what: "a variable")
      if let max, list.count > max {
        throw LanguageDiagnostics.invalid(
          "'\(command.text)' takes at most \(max) variable\(max == 1 ? "" : "s")",
          range: list[max].range, category: .syntax)
      }
      if list.count < min {
        throw LanguageDiagnostics.missingArgument(
          "\(min) variables", command: command.text, range: current.range)
      }
      return .variables(list)
    case .variablesAndValues:
      let list = try parseVarList(what: "a variable")
      let open = try expect(.leftParen, "'(' and the values")
      var values: [Token] = []
      while current.kind != .rightParen {
        if atEndOfCommand { throw LanguageDiagnostics.unclosed("')'", opener: open) }
        values.append(advance())
      }
      let close = advance()
      return .variablesAndValues(list, values: values, valuesRange: open.range.union(close.range))
    case .condition:
      if atEndOfArguments {
        throw LanguageDiagnostics.missingArgument("a condition or 'off'", command: command.text, range: current.range)
      }
      var expressions = ExpressionParser(tokens: tokens, index: index)
      let e = try expressions.parseExpression()
      index = expressions.index
      return .expression(e)
    case .assignment:
      guard current.kind == .identifier else {
        throw LanguageDiagnostics.expected("the name of the new variable", found: current)
      }
      let target = advance()
      _ = try expect(.equals, "'=' after '\(target.text)'")
      var expressions = ExpressionParser(tokens: tokens, index: index)
      let e = try expressions.parseExpression()
      index = expressions.index
      return .assignment(target: Name(target.text, target.range), value: e)
    case .path:
      return try parsePath(command: command)
    case .words(let min, let max, _):
      var words: [Name] = []
      while !atEndOfCommand, current.kind != .comma {
        words.append(try parseWord())
      }
      if words.count < min {
        throw LanguageDiagnostics.missingArgument(
          min == 1 ? "an argument" : "\(min) arguments", command: command.text, range: current.range)
      }
      if let max, words.count > max {
        throw LanguageDiagnostics.unexpected(Token(.other, words[max].range, words[max].text))
      }
      return .words(words)
    case .subcommandsOrPath(let list, _):
      if current.kind == .identifier, let sub = list.first(where: { $0.name == current.text }), !adjacent(current, peek()) {
        let word = advance()
        return .subcommand(Name(word.text, word.range), try parseArguments(sub.syntax, command: command))
      }
      return try parsePath(command: command)
    case .subcommands(let list):
      guard current.kind == .identifier, let sub = list.first(where: { $0.name == current.text }) else {
        let names = list.map(\.name)
        throw LanguageDiagnostics.expected(
          names.map { "'\($0)'" }.joined(separator: " or "), found: current
        ).with(help: Suggestions.closest(to: current.text, in: names).map { ["did you mean '\($0)'?"] })
      }
      let word = advance()
      return .subcommand(Name(word.text, word.range), try parseArguments(sub.syntax, command: command))
    case .recode:
      let list = try parseVarList(what: "the variables to recode")
      var rules: [RecodeRule] = []
      while current.kind == .leftParen {
        let open = advance()
        var tokens: [Token] = []
        while current.kind != .rightParen {
          if atEndOfCommand { throw LanguageDiagnostics.unclosed("')'", opener: open) }
          tokens.append(advance())
        }
        let close = advance()
        rules.append(RecodeRule(tokens: tokens, range: open.range.union(close.range)))
      }
      guard !rules.isEmpty else {
        throw LanguageDiagnostics.expected("a rule in parentheses, e.g. (1 2 = 1)", found: current)
      }
      var into: [Name] = []
      if current.isWord("into") {
        advance()
        while current.kind == .identifier, !atEndOfArguments {
          let t = advance()
          into.append(Name(t.text, t.range))
        }
        guard !into.isEmpty else { throw LanguageDiagnostics.expected("the new variables after 'into'", found: current) }
      }
      return .recode(list, rules: rules, into: into)
    case .formula:
      if atEndOfArguments {
        throw LanguageDiagnostics.missingArgument("a formula (y ~ x + g)", command: command.text, range: current.range)
      }
      var formulas = FormulaParser(tokens: tokens, index: index)
      let f = try formulas.parse()
      index = formulas.index
      return .formula(f)
    }
  }

  /// A word: adjacent tokens with no space between them (`0.9`, `-3`,
  /// `markdown`, `_`), as written.
  private mutating func parseWord() throws(Diagnostic) -> Name {
    let first = advance()
    if first.kind == .string { return Name(first.text, first.range) }
    var last = first
    while !atEndOfCommand, current.kind != .comma, current.kind != .string, adjacent(last, current) {
      last = advance()
    }
    let range = first.range.union(last.range)
    return Name(source.text(range), range)
  }

  /// A path: a string, or adjacent tokens up to a space (`data/firms.csv`).
  private mutating func parsePath(command: Name) throws(Diagnostic) -> Arguments {
    if current.kind == .string {
      let t = advance()
      return .path(t.text, t.range)
    }
    if current.kind == .unterminatedString { throw LanguageDiagnostics.unexpected(current) }
    guard !atEndOfCommand, current.kind != .comma else {
      throw LanguageDiagnostics.missingArgument("a file name", command: command.text, range: current.range)
    }
    let first = advance()
    var last = first
    while !atEndOfCommand, current.kind != .comma, adjacent(last, current) { last = advance() }
    let range = first.range.union(last.range)
    return .path(source.text(range), range)
  }

  /// option -> NAME ['(' tokens ')']
  private mutating func parseOption() throws(Diagnostic) -> Option {
    guard current.kind == .identifier else {
      throw LanguageDiagnostics.expected("an option name", found: current)
    }
    let nameToken = advance()
    guard current.kind == .leftParen else {
      return Option(name: Name(nameToken.text, nameToken.range), arguments: nil, range: nameToken.range)
    }
    let open = advance()
    var depth = 0
    var arguments: [Token] = []
    while true {
      // A ';' inside the parentheses is a value (`delimiter(;)`), not the
      // end of the command.
      if current.kind == .end || current.kind == .newline {
        throw LanguageDiagnostics.unclosed("')'", opener: open)
      }
      if current.kind == .rightParen {
        if depth == 0 { break }
        depth -= 1
      } else if current.kind == .leftParen {
        depth += 1
      }
      arguments.append(advance())
    }
    let close = advance()
    return Option(
      name: Name(nameToken.text, nameToken.range), arguments: arguments,
      range: nameToken.range.union(close.range))
  }

  // MARK: Variable lists

  /// varlist -> (NAME | NAME '..' NAME | pattern)+
  mutating func parseVarList(what: String) throws(Diagnostic) -> [VarListItem] {
    var items: [VarListItem] = []
    while !atEndOfArguments, current.kind != .colon, current.kind != .leftParen,
      current.kind != .equals
    {
      items.append(try parseVarListItem(what: what))
    }
    if items.isEmpty { throw LanguageDiagnostics.expected(what, found: current) }
    return items
  }

  private mutating func parseVarListItem(what: String) throws(Diagnostic) -> VarListItem {
    // A pattern: adjacent identifier, number, '*' and '?' tokens with a wildcard.
    let start = index
    var last = current
    var hasWildcard = false
    var parts = 0
    while isPatternPart(current), parts == 0 || adjacent(last, current) {
      if current.kind == .star || current.text == "?" { hasWildcard = true }
      last = advance()
      parts += 1
    }
    if hasWildcard {
      let range = tokens[start].range.union(last.range)
      return .pattern(Name(source.text(range), range))
    }
    index = start
    guard current.kind == .identifier else { throw LanguageDiagnostics.expected(what, found: current) }
    let first = advance()
    let firstName = Name(first.text, first.range)
    if current.kind == .dotDot {
      advance()
      guard current.kind == .identifier else {
        throw LanguageDiagnostics.expected("a variable after '..'", found: current)
      }
      let second = advance()
      return .range(from: firstName, to: Name(second.text, second.range))
    }
    return .name(firstName)
  }

  private func isPatternPart(_ t: Token) -> Bool {
    t.kind == .identifier || t.kind == .star || (t.kind == .other && t.text == "?")
      || (t.kind == .number && !t.text.contains("."))
  }
}

extension Diagnostic {
  func with(help: [String]?) -> Diagnostic {
    var d = self
    if let help { d.help = help }
    return d
  }
}

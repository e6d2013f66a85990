import MetingData

/// Every message the language and the interpreter can give, in one place,
/// ordered alphabetically by name. Wording: lower case, no final period,
/// the user's text in '…', and what was expected.
public enum LanguageDiagnostics {
  public static func ambiguousValue(_ text: String, variable: String, range: SourceRange)
    -> Diagnostic
  {
    Diagnostic(
      id: "ambiguous-value", category: .data,
      message: "'\(text)' is both a variable and a category of '\(variable)'", range: range,
      help: ["quote it (\"\(text)\") to mean the category"])
  }

  public static func badOptionValue(option: String, expected: String, range: SourceRange)
    -> Diagnostic
  {
    Diagnostic(
      id: "bad-option-value", category: .syntax,
      message: "option '\(option)' expects \(expected)", range: range)
  }

  public static func cancelled() -> Diagnostic {
    Diagnostic(id: "cancelled", category: .interrupted, message: "cancelled (Ctrl-C); nothing was changed")
  }

  public static func dataFile(_ error: DataError) -> Diagnostic {
    if case .cancelled = error { return cancelled() }
    let category: Diagnostic.Category =
      switch error {
      case .cannotOpen, .cannotWrite, .fileExists: .io
      case .cancelled: .interrupted
      default: .data
      }
    var d = Diagnostic(id: "data-file", category: category, message: error.message)
    d.fileLocation = error.location
    if d.fileLocation == nil, let path = error.path {
      d.fileLocation = FileLocation(path: path, line: 0, column: 0)
    }
    return d
  }

  public static func emptySelection(_ what: String, range: SourceRange?) -> Diagnostic {
    Diagnostic(
      id: "empty-selection", category: .data, message: "\(what) selects no rows", range: range)
  }

  public static func expected(_ what: String, found: Token) -> Diagnostic {
    let got =
      switch found.kind {
      case .end, .newline, .semicolon: "the end of the command"
      case .unterminatedString: "an unterminated string"
      default: "'\(found.text)'"
      }
    return Diagnostic(
      id: "expected", category: .syntax, message: "expected \(what), found \(got)",
      range: found.range)
  }

  public static func invalid(_ message: String, range: SourceRange?, category: Diagnostic.Category = .data,
                             help: [String] = []) -> Diagnostic
  {
    Diagnostic(id: "invalid", category: category, message: message, range: range, help: help)
  }

  public static func missingArgument(_ what: String, command: String, range: SourceRange)
    -> Diagnostic
  {
    Diagnostic(
      id: "missing-argument", category: .syntax,
      message: "'\(command)' needs \(what)", range: range, help: ["see 'help \(command)'"])
  }

  public static func noMatch(pattern: String, range: SourceRange) -> Diagnostic {
    Diagnostic(
      id: "no-match", category: .data, message: "no variable matches '\(pattern)'", range: range)
  }

  public static func statistics(_ message: String, range: SourceRange?) -> Diagnostic {
    Diagnostic(id: "statistics", category: .data, message: message, range: range)
  }

  public static func unclosed(_ what: String, opener: Token) -> Diagnostic {
    Diagnostic(
      id: "unclosed", category: .syntax, message: "expected \(what) to close '\(opener.text)'",
      range: opener.range)
  }

  public static func unexpected(_ token: Token, help: [String] = []) -> Diagnostic {
    let what = token.kind == .unterminatedString ? "unterminated string" : "'\(token.text)'"
    return Diagnostic(
      id: "unexpected", category: .syntax, message: "unexpected \(what)", range: token.range,
      help: help)
  }

  public static func unknownCommand(_ name: String, range: SourceRange, suggestion: String?)
    -> Diagnostic
  {
    Diagnostic(
      id: "unknown-command", category: .syntax, message: "unknown command '\(name)'", range: range,
      help: suggestion.map { ["did you mean '\($0)'?"] } ?? ["type 'help' for the list of commands"])
  }

  public static func unknownFunction(_ name: String, range: SourceRange, suggestion: String?)
    -> Diagnostic
  {
    Diagnostic(
      id: "unknown-function", category: .syntax, message: "unknown function '\(name)'",
      range: range, help: suggestion.map { ["did you mean '\($0)'?"] } ?? [])
  }

  public static func unknownOption(_ name: String, command: String, range: SourceRange,
                                   suggestion: String?) -> Diagnostic
  {
    Diagnostic(
      id: "unknown-option", category: .syntax,
      message: "'\(command)' has no option '\(name)'", range: range,
      help: suggestion.map { ["did you mean '\($0)'?"] } ?? ["see 'help \(command)'"])
  }

  public static func unknownValue(_ value: String, variable: String, range: SourceRange,
                                  suggestion: String?) -> Diagnostic
  {
    Diagnostic(
      id: "unknown-value", category: .data,
      message: "'\(variable)' has no category '\(value)'", range: range,
      help: suggestion.map { ["did you mean '\($0)'?"] } ?? ["see 'freq \(variable)'"])
  }

  public static func unknownVariable(_ name: String, range: SourceRange, suggestion: String?)
    -> Diagnostic
  {
    Diagnostic(
      id: "unknown-variable", category: .data, message: "unknown variable '\(name)'", range: range,
      help: suggestion.map { ["did you mean '\($0)'?"] } ?? ["type 'describe' to list the variables"])
  }

  public static func warning(_ id: String, _ message: String, range: SourceRange? = nil) -> Diagnostic {
    Diagnostic(id: id, severity: .warning, category: .data, message: message, range: range)
  }

  public static func wrongType(_ variable: String, expected: String, range: SourceRange)
    -> Diagnostic
  {
    Diagnostic(
      id: "wrong-type", category: .data, message: "'\(variable)' is not \(expected)", range: range)
  }
}

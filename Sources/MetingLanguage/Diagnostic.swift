import MetingData

/// A message about input: an error that stops a command, or a warning that
/// does not. Diagnostics are values with a byte range; line and column are
/// computed by `DiagnosticFormatter` when printed.
public struct Diagnostic: Error, Sendable {
  public enum Severity: String, Sendable {
    case error
    case warning
    case note
  }

  /// What kind of problem it is; decides a script's exit status.
  public enum Category: Sendable {
    /// The command is malformed (unknown command, unexpected token).
    case syntax
    /// The data cannot support the command (unknown variable, empty group,
    /// zero variance, a malformed data file).
    case data
    /// A file cannot be read or written.
    case io
    /// The user pressed Ctrl-C.
    case interrupted
    /// A bug in meting.
    case `internal`
  }

  /// A stable identifier, e.g. "unknown-variable" (for tests and docs).
  public let id: String
  public let severity: Severity
  public let category: Category
  public let message: String
  /// Where in the command the problem is.
  public var range: SourceRange?
  /// The text the range points into.
  public var source: SourceFile?
  /// Where in a data file the problem is (e.g. a ragged CSV row).
  public var fileLocation: FileLocation?
  /// Hints printed after the message ("did you mean 'sic_pre'?").
  public var help: [String]

  public init(
    id: String, severity: Severity = .error, category: Category, message: String,
    range: SourceRange? = nil, help: [String] = []
  ) {
    self.id = id
    self.severity = severity
    self.category = category
    self.message = message
    self.range = range
    self.help = help
  }

  /// The same diagnostic, pointing into `source` (when it has no source yet).
  public func located(in source: SourceFile) -> Diagnostic {
    var d = self
    if d.source == nil { d.source = source }
    return d
  }

  /// The same diagnostic with a range (when it has none yet).
  public func at(_ range: SourceRange?) -> Diagnostic {
    var d = self
    if d.range == nil { d.range = range }
    return d
  }
}

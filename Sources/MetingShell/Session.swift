import MetingData
import MetingLanguage
import MetingReport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A meting session: the state (data, filter, settings), the notebook of
/// cells, and the loop that parses and runs commands. The REPL, scripts and
/// `-c` all go through `run(_:)`.
public final class Session {
  public private(set) var state: SessionState
  public private(set) var notebook = Notebook()
  public let output: OutputSink
  /// Print each command before its output (scripts in text formats).
  public var echo = false
  /// Whether a person is typing (messages then leave out the location).
  public var interactive = false
  public private(set) var quitRequested = false
  /// Nesting of `run FILE` (at most `maximumRunDepth`, as sqlite's 25).
  private var runDepth = 0
  static let maximumRunDepth = 25

  public init(output: OutputSink = StandardOutput(), state: SessionState = SessionState()) {
    self.output = output
    self.state = state
  }

  // MARK: Running

  /// Runs every command of `source` in order. Stops at the first failing
  /// command unless `keepGoing`; returns the exit status of the first
  /// failure, or 0.
  @discardableResult
  public func run(_ source: SourceFile, keepGoing: Bool = false, origin: String? = nil) -> Int32 {
    var parser = Parser(source)
    var status = ExitStatus.success
    while !quitRequested, let outcome = parser.next() {
      let failure: Diagnostic?
      switch outcome {
      case .command(let command):
        failure = execute(command, source: source, origin: origin)
      case .failure(let diagnostic):
        record(input: diagnosticInput(diagnostic, source), failure: diagnostic, origin: origin)
        failure = diagnostic
      }
      if let failure {
        if status == ExitStatus.success { status = ExitStatus.of(failure.category) }
        if failure.category == .interrupted || !keepGoing { break }
      }
    }
    return status
  }

  /// Runs one parsed command as a cell; returns its error, if any.
  @discardableResult
  func execute(_ command: Command, source: SourceFile, origin: String?) -> Diagnostic? {
    if echo, state.settings.format == .text || state.settings.format == .markdown {
      output.write(echo: "> " + command.text.split(separator: "\n", omittingEmptySubsequences: false)
        .joined(separator: "\n  "))
    }
    Interrupt.clear()
    let start = Clock.now()
    var invocation = Invocation(command: command, source: source, state: state, session: self)
    do throws(Diagnostic) {
      try command.validateOptions()
      guard let handler = CommandTable.handler(for: command.spec.name) else {
        throw Diagnostic(id: "no-handler", category: .internal,
                         message: "command '\(command.spec.name)' has no implementation", range: command.name.range)
      }
      let report = try handler(&invocation)
      if Interrupt.isRequested { throw LanguageDiagnostics.cancelled() }
      state = invocation.state
      let cell = Notebook.Cell(
        number: notebook.nextNumber, input: command.text, reports: report.isEmpty ? [] : [report],
        diagnostics: [], seconds: Clock.now() - start, succeeded: true,
        replayable: command.spec.replayable, origin: origin)
      notebook.append(cell)
      if !report.isEmpty { emit(report) }
      return nil
    } catch {
      let diagnostic = error.located(in: source)
      notebook.append(
        Notebook.Cell(
          number: notebook.nextNumber, input: command.text, reports: [], diagnostics: [diagnostic],
          seconds: Clock.now() - start, succeeded: false, replayable: command.spec.replayable, origin: origin))
      emit(diagnostic)
      return diagnostic
    }
  }

  /// Logs a command that did not even parse, and prints its error.
  private func record(input: String, failure: Diagnostic, origin: String?) {
    notebook.append(
      Notebook.Cell(
        number: notebook.nextNumber, input: input, reports: [], diagnostics: [failure], seconds: 0,
        succeeded: false, replayable: false, origin: origin))
    emit(failure)
  }

  private func diagnosticInput(_ d: Diagnostic, _ source: SourceFile) -> String {
    guard let range = d.range else { return "" }
    return source.lineText(source.location(of: range.lower).line)
  }

  /// Asks the session to end after the current command (`quit`).
  func requestQuit() { quitRequested = true }

  /// Runs a script file inside the session (`run FILE`).
  func runScript(path: String, keepGoing: Bool) throws(Diagnostic) -> Int32 {
    guard runDepth < Session.maximumRunDepth else {
      throw LanguageDiagnostics.invalid(
        "scripts nested more than \(Session.maximumRunDepth) deep (does a script run itself?)",
        range: nil, category: .syntax)
    }
    let text: String
    do {
      text = try ScriptFile.read(path)
    } catch {
      throw LanguageDiagnostics.dataFile(error)
    }
    runDepth += 1
    defer { runDepth -= 1 }
    return run(SourceFile(name: path, text: text), keepGoing: keepGoing, origin: path)
  }

  // MARK: Output

  /// How reports are rendered now; `format` overrides the setting.
  public func renderOptions(format: OutputFormat? = nil) -> RenderOptions {
    let s = state.settings
    let color: Bool =
      switch s.color {
      case .on: true
      case .off: false
      case .auto: output.isTerminal && getenv("NO_COLOR") == nil
      }
    // Not a terminal: nothing is cut (a file or a pipe keeps every column).
    return RenderOptions(
      format: format ?? s.format, width: s.width ?? output.columns ?? 100_000, digits: s.digits, color: color)
  }

  func emit(_ report: Report, format: OutputFormat? = nil) {
    let options = renderOptions(format: format)
    let text = Renderer.render(report, options)
    guard !text.isEmpty else { return }
    let spaced = options.format == .text || options.format == .markdown
    output.write(report: spaced ? text + "\n" : text)
  }

  func emit(_ diagnostic: Diagnostic) {
    let color: Bool =
      switch state.settings.color {
      case .on: true
      case .off: false
      case .auto: output.messagesToTerminal && getenv("NO_COLOR") == nil
      }
    let formatter = DiagnosticFormatter(
      color: color, showsLocation: !(interactive && diagnostic.source?.name == "<input>"))
    // At a terminal the ^C echo has no line break of its own.
    let lead = interactive && diagnostic.category == .interrupted ? "\n" : ""
    output.write(diagnostic: lead + formatter.format(diagnostic))
  }
}

/// Wall-clock seconds from a monotonic clock.
enum Clock {
  static func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
  }
}

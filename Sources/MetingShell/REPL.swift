import MetingData
import MetingLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The read–eval–print loop: libedit at a terminal, plain lines otherwise.
/// Input is collected until the language says the command is complete;
/// the continuation prompt says what is still open.
public final class REPL {
  let session: Session
  let history: HistoryFile?
  public static let version = "0.1"

  public init(session: Session, history: HistoryFile?) {
    self.session = session
    self.history = history
  }

  /// The banner: version, dataset, its size.
  public func banner() -> String {
    var line = "meting \(REPL.version)"
    if let d = session.state.dataset {
      let synthetic = d.label?.contains("SYNTHETIC") == true ? " (SYNTHETIC)" : ""
      line += " · \(d.source ?? d.name)\(synthetic) · \(d.size)"
    }
    return line + "\nType 'help' for commands, 'help syntax' for the language; Ctrl-D quits."
  }

  /// The main prompt: dataset, filter and N, e.g.
  /// `meting firms_long [category == management · n=26]> `.
  func prompt(color: Bool) -> String {
    func paint(_ s: String, _ code: String) -> String {
      color ? "\u{1}\u{1B}[\(code)m\u{1}\(s)\u{1}\u{1B}[0m\u{1}" : s
    }
    guard let d = session.state.dataset else { return paint("meting", "1") + "> " }
    var inside = ""
    if let f = session.state.filter {
      let text = f.text.count > 40 ? String(f.text.prefix(39)) + "…" : f.text
      inside = paint(text, "33") + " · "
    }
    inside += "n=\(session.state.activeRows?.count ?? d.rowCount)"
    return paint("meting", "1") + " " + paint(d.name, "36") + " [" + inside + "]> "
  }

  /// The continuation prompt, as wide as the main one, naming what is
  /// open: `"> ` for a string, `(> ` for a parenthesis, `\> ` after '\'.
  func continuationPrompt(_ reason: Completeness.Reason, width: Int) -> String {
    let marker = reason.marker + "> "
    return String(repeating: " ", count: max(0, width - marker.count)) + marker
  }

  /// Runs until `quit`, Ctrl-D or the end of input; returns the exit status.
  public func run() -> Int32 {
    isatty(STDIN_FILENO) != 0 ? runInteractive() : runPiped()
  }

  private func runInteractive() -> Int32 {
    guard let editor = LineEditor(name: "meting") else { return runPiped() }
    session.interactive = true
    for entry in history?.recent ?? [] { editor.addHistory(entry) }
    editor.completer = { [session] line, cursor in
      Completer.complete(line: line, cursor: cursor, state: session.state)
    }
    var buffer = ""
    var reason: Completeness.Reason? = nil
    while !session.quitRequested {
      let color = session.renderOptions().color
      let main = prompt(color: color)
      let visible = prompt(color: false).count
      let p = reason.map { continuationPrompt($0, width: visible) } ?? main
      switch editor.readLine(prompt: p) {
      case .end:
        if buffer.isEmpty {
          StandardOutput.put("\n", to: STDOUT_FILENO)
          return ExitStatus.success
        }
        buffer = ""
        reason = nil
        StandardOutput.put("\n", to: STDOUT_FILENO)
      case .interrupted:
        // Ctrl-C at the prompt: drop what was typed, start again.
        buffer = ""
        reason = nil
        StandardOutput.put("^C\n", to: STDOUT_FILENO)
      case .line(let line):
        buffer += buffer.isEmpty ? line : "\n" + line
        if buffer.allSatisfy(\.isWhitespace) {
          buffer = ""
          continue
        }
        if case .needsMore(let r) = Completeness.of(buffer) {
          reason = r
          continue
        }
        reason = nil
        if history?.add(buffer) ?? !buffer.hasPrefix(" ") { editor.addHistory(buffer) }
        session.run(SourceFile(name: "<input>", text: buffer))
        buffer = ""
      }
    }
    return ExitStatus.success
  }

  /// Commands from a pipe or file on standard input: no prompt, no colour,
  /// stop at the first error like a script.
  private func runPiped(keepGoing: Bool = false) -> Int32 {
    var text: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = read(STDIN_FILENO, &chunk, chunk.count)
      if n < 0, errno == EINTR {
        if Interrupt.isRequested { return ExitStatus.interrupted }
        continue
      }
      if n <= 0 { break }
      text += chunk[0..<n]
    }
    return session.run(SourceFile(name: "<stdin>", text: String(decoding: text, as: UTF8.self)), keepGoing: keepGoing)
  }

  /// Piped input with the script's error policy.
  public func runPiped(keepGoingAfterErrors: Bool) -> Int32 { runPiped(keepGoing: keepGoingAfterErrors) }
}

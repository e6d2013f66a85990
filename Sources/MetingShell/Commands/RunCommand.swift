import MetingLanguage
import MetingReport

/// `run FILE.met [, keepgoing]`: the script's commands, each as its own cell.
enum RunCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .path(let raw, let range) = inv.command.arguments else { return inv.report([]) }
    // The script's commands change the session as they run; this cell
    // only reports how it went.
    let status = try inv.session.runScript(path: ScriptFile.expand(raw), keepGoing: inv.flag("keepgoing"))
    inv.state = inv.session.state
    if status != ExitStatus.success {
      throw LanguageDiagnostics.invalid("the script \(raw) stopped at an error (see above)", range: range,
                                        category: status == ExitStatus.interrupted ? .interrupted : .data)
    }
    return inv.report([])
  }
}

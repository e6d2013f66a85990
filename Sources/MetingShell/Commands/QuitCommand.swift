import MetingLanguage
import MetingReport

/// `quit`: ends the session after this command.
enum QuitCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    inv.session.requestQuit()
    return inv.report([])
  }
}

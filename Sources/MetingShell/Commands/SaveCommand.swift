import MetingData
import MetingLanguage
import MetingReport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `save script FILE.met [, replace]`: the commands that succeeded, in
/// order, as a script that replays to the same output.
enum SaveCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .subcommand(let sub, .path(let raw, let range)) = inv.command.arguments, sub.text == "script" else {
      return inv.report([])
    }
    let path = ScriptFile.expand(raw)
    let inputs = inv.session.notebook.replayableInputs
    var text = "# meting session script, saved \(timestamp())\n"
    text += "# replay with: meting \(raw)\n"
    for input in inputs { text += input + "\n" }
    do {
      try AtomicFile.write(Array(text.utf8), to: path, replace: inv.flag("replace"))
    } catch {
      throw LanguageDiagnostics.dataFile(error).at(range)
    }
    return inv.report([.text("saved \(inputs.count) command\(inputs.count == 1 ? "" : "s") to \(raw)")])
  }

  static func timestamp() -> String {
    var t = time(nil)
    var parts = tm()
    localtime_r(&t, &parts)
    var buffer = [CChar](repeating: 0, count: 32)
    let n = strftime(&buffer, buffer.count, "%Y-%m-%d %H:%M", &parts)
    return String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}

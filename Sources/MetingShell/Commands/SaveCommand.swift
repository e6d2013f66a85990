import MetingData
import MetingLanguage
import MetingReport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `save FILE.sav|.zsav|.dta|.csv|.xlsx [, replace]`: the active dataset with its
/// metadata; `save script FILE.met [, replace]`: the commands that
/// succeeded, in order, as a script that replays to the same output. Both
/// write atomically and keep an existing file unless `replace`.
enum SaveCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    if case .path(let raw, let range) = inv.command.arguments {
      return try saveData(&inv, raw: raw, range: range)
    }
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

  static func saveData(_ inv: inout Invocation, raw: String, range: SourceRange) throws(Diagnostic) -> Report {
    let data = try inv.dataset()
    let path = ScriptFile.expand(raw)
    let lower = path.lowercased()
    let replace = inv.flag("replace")
    do {
      if lower.hasSuffix(".sav") {
        try ReadStatWriter.write(data, to: path, format: .sav, replace: replace)
      } else if lower.hasSuffix(".zsav") {
        try ReadStatWriter.write(data, to: path, format: .zsav, replace: replace)
      } else if lower.hasSuffix(".dta") {
        try ReadStatWriter.write(data, to: path, format: .dta, replace: replace)
      } else if lower.hasSuffix(".xlsx") {
        try XLSXWriter.write(data, to: path, replace: replace)
      } else if lower.hasSuffix(".csv") || lower.hasSuffix(".txt") || lower.hasSuffix(".tsv") {
        try CSVWriter.write(data, to: path, comments: data.label.map { [$0] } ?? [], replace: replace)
      } else {
        throw LanguageDiagnostics.invalid(
          "save writes .sav, .zsav, .dta, .xlsx or .csv files; '\(raw)' has none of those extensions", range: range, category: .syntax,
          help: ["to save the commands: save script \(raw)"])
      }
    } catch let error as DataError {
      var d = LanguageDiagnostics.dataFile(error).at(range)
      if case .fileExists = error, data.source.map(ScriptFile.expand) == path {
        d = d.with(message: "'\(raw)' is the file these data were loaded from; add ', replace' to overwrite it")
      }
      throw d
    } catch let d as Diagnostic {
      throw d
    } catch {
      throw LanguageDiagnostics.invalid("\(error)", range: range, category: .io)
    }
    var blocks: [Block] = [.text("saved \(raw): \(data.size)")]
    let textLabelled = data.variables.filter { !$0.textLabels.isEmpty }.map(\.name)
    if !textLabelled.isEmpty, lower.hasSuffix(".dta") {
      blocks.append(.warning("the value labels of text variables are not in the file (Stata labels numbers only): " + textLabelled.joined(separator: ", ")))
    }
    let textMissing = data.variables.filter { !$0.missingTexts.isEmpty }.map(\.name)
    if !textMissing.isEmpty, lower.hasSuffix(".dta") {
      blocks.append(.warning("declared missing values of text variables are plain values in the file (Stata has none for text): " + textMissing.joined(separator: ", ")))
    }
    let wide = data.variables.filter { !$0.missingTexts.isEmpty && !SavStringMissing.fits($0) }.map(\.name)
    if !wide.isEmpty, lower.hasSuffix(".sav") || lower.hasSuffix(".zsav") {
      blocks.append(.warning("declared missing values of text variables wider than 8 bytes (or more than 3) are plain values in the file (the ReadStat here cannot write them): " + wide.joined(separator: ", ")))
    }
    return inv.report(blocks)
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

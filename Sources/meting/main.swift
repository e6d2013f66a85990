import MetingData
import MetingExample
import MetingLanguage
import MetingReport
import MetingShell

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// The executable: arguments and wiring; everything else is in MetingShell.

/// UTF-8 input must work with LANG unset: libedit drops non-ASCII keys in
/// the "C" locale, so fall back to C.UTF-8. Numbers stay in the C locale.
func setUpLocale() {
  if let l = setlocale(LC_CTYPE, ""), String(cString: l) != "C", String(cString: l) != "POSIX" { return }
  if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "en_US.UTF-8") }
  setlocale(LC_NUMERIC, "C")
}

func fail(_ message: String, status: Int32) -> Never {
  StandardOutput.put("meting: \(message)\n", to: STDERR_FILENO)
  exit(status)
}

func generateExample(out: String, seed: UInt64?, replace: Bool) -> Int32 {
  let study = ExampleStudy(seed: seed ?? ExampleStudy.seed)
  for (name, dataset) in [("firms_long.csv", study.long()), ("firms_wide.csv", study.wide())] {
    let path = out + "/" + name
    do {
      try CSVWriter.write(dataset, to: path, comments: [study.comment], replace: replace)
    } catch {
      let hint = error == .fileExists(path: path) ? " (add --replace to overwrite)" : ""
      fail("\(path): \(error.message)\(hint)", status: ExitStatus.io)
    }
    StandardOutput.put("wrote \(path): \(dataset.size)\n", to: STDOUT_FILENO)
  }
  // The same data as SPSS files, with value labels and the missing codes
  // declared; a fixed time stamp keeps the bytes reproducible.
  for (name, full) in [("firms_long.sav", study.long()), ("firms_wide.sav", study.wide())] {
    let path = out + "/" + name
    var dataset = full
    dataset.label = study.shortLabel
    do {
      try ReadStatWriter.write(dataset, to: path, format: .sav, replace: replace, timestamp: ExampleStudy.fileTimestamp)
    } catch {
      let hint = error == .fileExists(path: path) ? " (add --replace to overwrite)" : ""
      fail("\(path): \(error.message)\(hint)", status: ExitStatus.io)
    }
    StandardOutput.put("wrote \(path): \(dataset.size)\n", to: STDOUT_FILENO)
  }
  return ExitStatus.success
}

func main() -> Int32 {
  let arguments = Array(CommandLine.arguments.dropFirst())
  // The child that reads SPSS, Stata and SAS files for a session
  // (ContainedReader): nothing else runs in it.
  if arguments.first == "--read-helper" { return ContainedReader.helperMain(Array(arguments.dropFirst())) }
  setUpLocale()
  let invocation: Invocation
  switch Invocation.parse(arguments) {
  case .success(let i): invocation = i
  case .failure(let e): fail("\(e.message)\n\n\(Invocation.usage)", status: ExitStatus.usage)
  }
  switch invocation.mode {
  case .help:
    StandardOutput.put(Invocation.usage + "\n", to: STDOUT_FILENO)
    return ExitStatus.success
  case .version:
    StandardOutput.put("meting \(REPL.version)\n", to: STDOUT_FILENO)
    return ExitStatus.success
  case .generateExample(let out, let seed, let replace):
    return generateExample(out: out, seed: seed, replace: replace)
  case .findSeed:
    guard let seed = TeachingPattern.bestSeed() else { fail("no seed in 1–200 shows the pattern", status: 1) }
    StandardOutput.put("\(seed)\n", to: STDOUT_FILENO)
    return ExitStatus.success
  case .session:
    break
  }

  Interrupt.install()
  let session = Session()
  if let format = invocation.format {
    session.run(SourceFile(name: "<command line>", text: "set format \(format.rawValue)"))
  }
  let stdinIsTerminal = isatty(STDIN_FILENO) != 0
  var status = ExitStatus.success
  var ranScripts = false
  for file in invocation.files {
    let lower = file.lowercased()
    if lower.hasSuffix(".met") {
      ranScripts = true
      session.echo = !invocation.quiet && !invocation.interactiveAfter
      let text: String
      do {
        text = try ScriptFile.read(file)
      } catch {
        fail("\(file): \(error.message)", status: ExitStatus.io)
      }
      status = session.run(SourceFile(name: file, text: text), keepGoing: invocation.keepGoing)
      session.echo = false
    } else {
      status = session.run(SourceFile(name: "<command line>", text: "load " + quoted(file)))
    }
    if status != ExitStatus.success && !invocation.keepGoing { return status }
  }
  for commands in invocation.commands {
    ranScripts = true
    status = session.run(SourceFile(name: "-c", text: commands), keepGoing: invocation.keepGoing)
    if status != ExitStatus.success && !invocation.keepGoing { return status }
  }
  if session.quitRequested || (ranScripts && !invocation.interactiveAfter) { return status }
  let history = invocation.useHistory && stdinIsTerminal ? HistoryFile() : nil
  let repl = REPL(session: session, history: history)
  if stdinIsTerminal {
    if !invocation.quiet { StandardOutput.put(repl.banner() + "\n", to: STDOUT_FILENO) }
    return repl.run()
  }
  session.echo = !invocation.quiet && session.state.settings.format == .text
  return repl.runPiped(keepGoingAfterErrors: invocation.keepGoing)
}

/// A file name as a string literal of the language.
func quoted(_ path: String) -> String {
  "\"" + path.split(separator: "\\", omittingEmptySubsequences: false).joined(separator: "\\\\")
    .split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\\\"") + "\""
}

exit(main())

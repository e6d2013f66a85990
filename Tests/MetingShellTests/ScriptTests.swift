import Foundation
import MetingLanguage
import Testing

@testable import MetingShell

@Suite("scripts: errors, exit statuses, replay", .serialized)
struct ScriptTests {
  @Test("an unknown variable stops the script with file:line:col and a did-you-mean (status 66)")
  func unknownVariable() {
    let (status, out, err) = runScript("run examples/mijn-bedrijf/setup.met\ndescriptives sicc\nfreq category\n", name: "bad.met")
    #expect(status == ExitStatus.data)
    #expect(err.hasPrefix("bad.met:2:14: error: unknown variable 'sicc'"))
    #expect(err.contains("did you mean 'sic'?"))
    #expect(!out.contains("category\nvalue"), "the script went on after the error")
  }

  @Test("a syntax error is status 65; --keep-going runs the rest")
  func syntax() {
    let (s1, _, e1) = runScript("freqq a\n")
    #expect(s1 == ExitStatus.syntax && e1.contains("test.met:1:1: error: unknown command 'freqq'"))
    let (session, output) = makeSession()
    let s2 = session.run(SourceFile(name: "k.met", text: "freqq a\nset digits 4\n"), keepGoing: true)
    #expect(s2 == ExitStatus.syntax && session.state.settings.digits == 4)
    #expect(output.standardError.contains("freqq"))
  }

  @Test("a file that cannot be opened is status 74")
  func io() {
    let (status, _, err) = runScript("load /nonexistent/firms.csv\n")
    #expect(status == ExitStatus.io && err.contains("/nonexistent/firms.csv"))
  }

  @Test("a ragged CSV row names the data file's line and column (status 66)")
  func ragged() throws {
    let path = NSTemporaryDirectory() + "meting-ragged-\(getpid()).csv"
    try "a,b\n1,2\n3\n".write(toFile: path, atomically: true, encoding: .utf8)
    defer { unlink(path) }
    let (status, _, err) = runScript("load \(path)\n")
    #expect(status == ExitStatus.data)
    #expect(err.contains("\(path):3:2: error: row has 1 field, the header has 2"))
  }

  @Test("a failed command leaves data, filter and settings as they were")
  func transactional() {
    let (session, _) = makeSession()
    runScript("run examples/mijn-bedrijf/setup.met\nfilter treated == 1", in: session)
    let before = session.state.filter?.rows.count
    runScript("filter category == managment", in: session)
    runScript("compute sic = 1", in: session)  // exists: refused without replace
    runScript("load /nonexistent.csv", in: session)
    #expect(session.state.filter?.rows.count == before && before == 142)
    #expect(session.state.dataset?.name == "firms_long")
  }

  @Test("a filter matching no rows warns; the prompt's N says 0")
  func emptyFilter() {
    let (session, _) = makeSession()
    runScript("run examples/mijn-bedrijf/setup.met", in: session)
    let (status, out, _) = runScript("filter sic > 10", in: session)
    #expect(status == 0 && out.contains("warning: the filter matches no rows"))
    #expect(session.state.activeRows?.count == 0)
    let (s2, _, e2) = runScript("descriptives sic", in: session)
    #expect(s2 == ExitStatus.data && e2.contains("selects no rows"))
  }

  @Test("save script writes the commands that succeeded; replaying it gives the same output")
  func saveAndReplay() throws {
    let path = NSTemporaryDirectory() + "meting-session-\(getpid()).met"
    defer { unlink(path) }
    let (session, _) = makeSession()
    let commands = [
      "run examples/mijn-bedrijf/setup.met", "freqq category", "filter category == management",
      "paired sic, time(wave) id(firm_id)", "help ttest", "history", "set format json", "ttest sic by treated",
    ]
    var expected = ""
    for c in commands {
      let (_, out, _) = runScript(c, in: session)
      if !["freqq", "help", "history"].contains(where: c.hasPrefix) { expected += out }
    }
    runScript("save script \(path)", in: session)
    let saved = try String(contentsOfFile: path, encoding: .utf8)
    #expect(!saved.contains("freqq") && !saved.contains("help") && !saved.contains("history"))
    #expect(saved.contains("load examples/mijn-bedrijf/firms_long.csv"))
    #expect(!saved.contains("run examples/mijn-bedrijf/setup.met"), "the run and its commands would both replay")
    let (replay, replayOutput) = makeSession()
    #expect(replay.run(SourceFile(name: path, text: saved)) == 0)
    #expect(replayOutput.standardOutput == expected)
    // An existing file is kept unless replace is given.
    let (s2, _, e2) = runScript("save script \(path)", in: session)
    #expect(s2 == ExitStatus.io && e2.contains("replace"))
    let (s3, _, _) = runScript("save script \(path), replace", in: session)
    #expect(s3 == 0)
  }

  @Test("run nests scripts, and refuses endless recursion")
  func recursion() throws {
    let path = NSTemporaryDirectory() + "meting-self-\(getpid()).met"
    defer { unlink(path) }
    try "run \(path)\n".write(toFile: path, atomically: true, encoding: .utf8)
    let (status, _, err) = runScript("run \(path)")
    #expect(status != 0 && err.contains("nested more than 25 deep"))
  }

  @Test("every catalogue command has an implementation, and nothing else does")
  func tables() {
    #expect(Set(CommandCatalogue.all.map(\.name)) == CommandTable.implementedNames)
  }

  @Test("JSON output: one object per result with the stable keys")
  func json() throws {
    let (session, output) = makeSession()
    runScript("run examples/mijn-bedrijf/setup.met\nset format json", in: session)
    let before = output.standardOutput.count
    runScript("paired sic, time(wave) id(firm_id) by treated", in: session)
    let lines = output.standardOutput.dropFirst(before).split(separator: "\n")
    #expect(lines.count == 2)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
    #expect(object["kind"] as? String == "paired_t")
    #expect(object["command"] as? String == "paired sic, time(wave) id(firm_id) by treated")
    #expect((object["by"] as? [String: Any])?["treated"] as? String == "1")
    for key in ["n", "mean_diff", "sd", "se", "t", "df", "p", "ci_low", "ci_high", "d_z", "method", "schema_version"] {
      #expect(object[key] != nil, "missing \(key)")
    }
  }
}

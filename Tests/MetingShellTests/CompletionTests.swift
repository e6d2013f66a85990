import Foundation
import MetingLanguage
import Testing

@testable import MetingShell

@Suite("tab completion", .serialized)
struct CompletionTests {
  static let state: SessionState = {
    let (session, _) = makeSession()
    session.run(SourceFile(name: "t", text: "run examples/mijn-bedrijf/setup.met"))
    return session.state
  }()

  func complete(_ line: String) -> Completion {
    Completer.complete(line: line, cursor: line.utf8.count, state: CompletionTests.state)
  }

  @Test("command names at the start, after ';' and after a by prefix")
  func commands() {
    #expect(complete("fr").candidates == ["freq"])
    #expect(complete("freq category; desc").candidates == ["describe", "descriptives"])
    #expect(complete("by treated: tt").candidates == ["ttest"])
    #expect(complete("").candidates.contains("load"))
  }

  @Test("variables where a variable is expected; numeric ones for analyses")
  func variables() {
    #expect(complete("freq cat").candidates == ["category"])
    #expect(complete("descriptives s").candidates.contains("sic"))
    #expect(!complete("descriptives s").candidates.contains("sector"), "text variables are not offered to descriptives")
    #expect(complete("descriptives sic by sec").candidates == ["sector"])
    #expect(complete("filter tre").candidates == ["treated"])
  }

  @Test("category values after ==, != and inside in (…), quoted when needed")
  func values() {
    #expect(complete("filter category == man").candidates == ["management"])
    #expect(complete("filter category != ").candidates.count == 5)
    #expect(complete("filter category in (strategy, pe").candidates == ["personnel"])
    let quoted = complete("filter sector == bus")
    #expect(quoted.candidates == ["\"business services\""])
    #expect(quoted.replaces("\"business services\"") && quoted.insertion(for: "\"business services\"") == "\"business services\" ")
    #expect(complete("filter sector == \"bus").candidates == ["business services\""])
  }

  @Test("options after the comma; option values inside the parentheses")
  func options() {
    #expect(complete("paired sic, ti").candidates == ["time("])
    #expect(complete("paired sic, ti").insertion(for: "time(") == "me(")
    let v = complete("paired sic, time(wa")
    #expect(v.candidates == ["wave"] && v.insertion(for: "wave") == "ve)")
    #expect(complete("ttest sic by treated, alternative(le").candidates == ["less"])
    #expect(complete("ttest sic by treated, eq").candidates == ["equal"])
  }

  @Test("settings and help topics")
  func words() {
    #expect(complete("set fo").candidates == ["format"])
    #expect(complete("set format js").candidates == ["json"])
    #expect(complete("help tt").candidates == ["ttest"])
  }

  @Test("file names after load, run and save script")
  func paths() {
    let c = complete("load examples/mijn-bedrijf/firms_l")
    #expect(c.candidates == ["examples/mijn-bedrijf/firms_long.csv", "examples/mijn-bedrijf/firms_long.sav"])
    #expect(complete("run examples/mijn").candidates == ["examples/mijn-bedrijf.met", "examples/mijn-bedrijf/"])
    #expect(complete("save script examples/mijn-bedrijf/setup.").candidates == ["examples/mijn-bedrijf/setup.met"])
    #expect(complete("load examples/").insertion(for: "examples/mijn-bedrijf/") == "mijn-bedrijf/")
  }

  @Test("nothing to complete after a space: the editor inserts a tab")
  func nothing() {
    let c = complete("compute x = ")
    #expect(c.word.isEmpty)
    #expect(complete("zzz").candidates.isEmpty)
  }

  @Test("the common prefix of several candidates")
  func common() {
    #expect(complete("descriptives so").commonExtension == "")
    #expect(complete("describe qu").commonExtension == "a")  // qual…, quant…
  }
}

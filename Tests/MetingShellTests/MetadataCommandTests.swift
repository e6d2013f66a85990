import Foundation
import MetingData
import Testing

@testable import MetingShell

/// label, recode, rename, keep, drop, order and codebook on the fixture
/// survey, and that what they set survives a save and a load.
@Suite("metadata commands", .serialized)
struct MetadataCommandTests {
  func session() -> Session {
    let (s, _) = makeSession()
    #expect(runScript("load Tests/fixtures/survey.sav", in: s).0 == 0)
    return s
  }

  @Test("label variable, values and data; they travel into a .sav")
  func labels() throws {
    let s = session()
    let script = """
      label variable fte "Employees"
      label values so1 so2 (1 "oneens" 3 "neutraal")
      label values treated (none)
      label values remark ("ok, te duur" "too expensive" slow "late")
      label data "Test file"
      """
    let (status, _, err) = runScript(script, in: s)
    #expect(status == 0, "\(err)")
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("meting-labels-\(getpid()).sav").path
    #expect(runScript("save '\(path)', replace\nload '\(path)'", in: s).0 == 0)
    let d = try #require(s.state.dataset)
    #expect(d.label == "Test file" && d["fte"]?.label == "Employees")
    #expect(d["so1"]?.valueLabels[1] == "oneens" && d["so1"]?.valueLabels[3] == "neutraal" && d["so1"]?.valueLabels[9] == "no answer")
    #expect(d["so2"]?.valueLabels[3] == "neutraal" && d["treated"]?.valueLabels.isEmpty == true)
    #expect(d["remark"]?.textLabels == ["good": "positive", "geen": "no remark", "ok, te duur": "too expensive", "slow": "late"])
    let (mixed, _, why) = runScript("label values remark so1 (\"a\" \"b\")", in: s)
    #expect(mixed != 0 && why.contains("label them in two commands"))
    let (bad, _, message) = runScript("label values so1 (1 oneens)", in: s)
    #expect(bad == 65 && message.contains("pairs of a number and a quoted text"))
  }

  @Test("recode in place keeps user-missing codes; into makes new variables, unmatched values system-missing")
  func recode() throws {
    let s = session()
    // so1: 4 5 <9> 3 <7> 2 (7, 8, 9 user-missing).
    var (status, out, err) = runScript("recode so1 (1 2 = 1) (3 = 2) (4 5 = 3)", in: s)
    #expect(status == 0, "\(err)")
    var d = try #require(s.state.dataset)
    guard case .numeric(let so1) = d["so1"]!.values else { Issue.record("so1 numeric"); return }
    #expect(so1[0] == 3 && so1[1] == 3 && so1[3] == 2 && so1[5] == 1)
    #expect(d["so1"]!.missingReason(at: 2) == .code(9) && d["so1"]!.missingReason(at: 4) == .code(7))
    // fte: 12.5 <-99> 40 <-98> 7 250 (-99 thru -97 user-missing): ranges leave the codes alone.
    (status, out, err) = runScript("recode fte (lo thru 20 = 1) (20 thru hi = 2) (missing = 9) into fte2", in: s)
    #expect(status == 0, "\(err)")
    d = try #require(s.state.dataset)
    guard case .numeric(let fte2) = d["fte2"]!.values else { Issue.record("fte2 numeric"); return }
    #expect((0..<6).map { fte2[$0] } == [1, 9, 2, 9, 1, 2])
    (status, out, err) = runScript("recode fte (lo thru 20 = 1) (else = copy) into fte3", in: s)
    d = try #require(s.state.dataset)
    #expect(d["fte3"]?.missingReason(at: 1) == .code(-99) && d["fte3"]?.missingCodes == [-99, -98])
    (status, out, err) = runScript("recode id (1 = 10) into fte2", in: s)
    #expect(status == 66 && err.contains("'fte2' exists"))
    (status, out, err) = runScript("recode id (1 = 10) into idx", in: s)
    #expect(out.contains("5 values no rule matched are system-missing"))
    (status, out, err) = runScript("recode remark (\"geen\" = \"none\") (else = copy) into remark2", in: s)
    d = try #require(s.state.dataset)
    #expect(d["remark2"]?.values.text(at: 4) == "none" && d["remark2"]?.values.text(at: 0) == "good")
    (status, _, err) = runScript("recode so2 (1 thru = 2)", in: s)
    #expect(status == 65)
  }

  @Test("rename, keep, drop and order")
  func shape() throws {
    let s = session()
    #expect(runScript("rename so1 q1 so2 q2\norder remark id\ndrop visit\nkeep remark id q1 q2 fte", in: s).0 == 0)
    let d = try #require(s.state.dataset)
    #expect(d.variableNames == ["remark", "id", "q1", "q2", "fte"])
    #expect(d["q1"]?.label == "Strategic orientation 1" && d["q1"]?.missingCodes == [7, 8, 9])
    var (status, _, err) = runScript("rename q1 q2", in: s)
    #expect(status == 66 && err.contains("'q2' already exists"))
    (status, _, err) = runScript("drop remark id q1 q2 fte", in: s)
    #expect(status == 66 && err.contains("no variables"))
    (status, _, err) = runScript("rename q1 1x", in: s)
    #expect(status == 65 || status == 66)
  }

  @Test("codebook shows the declarations, the counts by missing reason and the value labels")
  func codebook() {
    let s = session()
    let (status, raw, _) = runScript("codebook so1 fte visit", in: s)
    #expect(status == 0)
    let out = raw.replacingOccurrences(of: #" {2,}"#, with: " ", options: .regularExpression)
    for text in ["user-missing codes 7 8 9", "user-missing 9 no answer", "7 not applicable (missing)", "-99 thru -97",
                 "2011-04-30 to 2012-02-29", "F8.2"] {
      #expect(out.contains(text), "codebook lacks: \(text)")
    }
  }
}

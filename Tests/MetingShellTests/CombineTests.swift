import Foundation
import MetingData
import Testing

@testable import MetingShell

@Suite("merge and append", .serialized)
struct CombineTests {
  static let folder: String = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("meting-combine-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    try? "firm_id,kvk_sector,employees_2013\nMB001,A,30\nMB002,B,12\nZZ999,C,5\n".write(
      toFile: url.path + "/registry.csv", atomically: true, encoding: .utf8)
    try? "firm_id,x\nMB001,1\nMB001,2\n".write(toFile: url.path + "/twice.csv", atomically: true, encoding: .utf8)
    try? "firm_id,treated,sic_pre,extra\nNEW1,1,3.2,x\nNEW2,0,3.9,y\n".write(
      toFile: url.path + "/more.csv", atomically: true, encoding: .utf8)
    try? "firm_id,treated\nNEW3,yes\n".write(toFile: url.path + "/clash.csv", atomically: true, encoding: .utf8)
    return url.path
  }()

  @Test("merge 1:1 keeps every row of both, adds the variables, and counts the matches in _merge")
  func merge() throws {
    let (s, _) = makeSession()
    let (status, out, err) = runScript(
      "load examples/mijn-bedrijf/firms_wide.sav\nmerge 1:1 firm_id using '\(CombineTests.folder)/registry.csv'", in: s)
    #expect(status == 0, "\(err)")
    #expect(out.contains("2 matched, 92 only in firms_wide, 1 only in registry"))
    let d = try #require(s.state.dataset)
    #expect(d.rowCount == 95 && d["kvk_sector"] != nil)
    guard case .numeric(let m) = d["_merge"]!.values else { Issue.record("_merge"); return }
    #expect(m[0] == 3 && m[2] == 1 && m[94] == 2)
    #expect(d["firm_id"]?.values.text(at: 94) == "ZZ999" && d["kvk_sector"]?.values.text(at: 0) == "A")
    #expect(d["so1_pre"]?.missingCodes == [7, 8, 9])
  }

  @Test("a duplicate key, a variable in both files, or a missing key file: named errors, the data as they were")
  func mergeErrors() throws {
    let (s, _) = makeSession()
    #expect(runScript("load examples/mijn-bedrijf/firms_wide.sav", in: s).0 == 0)
    var (status, _, err) = runScript("merge 1:1 firm_id using '\(CombineTests.folder)/twice.csv'", in: s)
    #expect(status == 66 && err.contains("MB001 occurs twice"), "\(err)")
    (status, _, err) = runScript("merge 1:1 firm_id using '\(CombineTests.folder)/more.csv'", in: s)
    #expect(status == 66 && err.contains("both have treated, sic_pre"), "\(err)")
    (status, _, err) = runScript("merge 1:1 firm_id using '\(CombineTests.folder)/none.csv'", in: s)
    #expect(status == 74)
    #expect(s.state.dataset?.variableCount == 83)
  }

  @Test("append matches variables by name; a text/number clash is an error")
  func append() throws {
    let (s, _) = makeSession()
    var (status, out, err) = runScript(
      "load examples/mijn-bedrijf/firms_wide.sav\nappend using '\(CombineTests.folder)/more.csv'", in: s)
    #expect(status == 0, "\(err)")
    #expect(out.contains("96 rows, 1 new variable"))
    let d = try #require(s.state.dataset)
    #expect(d["sic_pre"]?.values.text(at: 94) == "3.2" && d["extra"]?.values.isMissing(0) == true)
    #expect(d["so1_pre"]?.values.isMissing(95) == true && d["so1_pre"]?.userMissing[95] == nil)
    (status, out, err) = runScript("append using '\(CombineTests.folder)/clash.csv'", in: s)
    #expect(status == 66 && err.contains("'treated' is numeric here and text"), "\(err)")
  }
}

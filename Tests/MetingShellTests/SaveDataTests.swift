import Foundation
import MetingData
import Testing

@testable import MetingShell

/// `save FILE.sav|.zsav|.dta|.csv`: round trips with every value, label,
/// missing code and format, the overwrite rules, and a kill mid-save.
@Suite("saving data", .serialized)
struct SaveDataTests {
  static let folder: String = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("meting-save-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
  }()

  /// The metadata and cells of a dataset, compared between files.
  func summary(_ d: Dataset, keepMeasure: Bool, keepRanges: Bool) -> [String] {
    d.variables.map { v in
      let cells = (0..<d.rowCount).map { r -> String in
        if let code = v.userMissing[r] { return "<\(code)>" }
        if let t = v.time, case .numeric(let c) = v.values { return t.text(c[r]) ?? "." }
        return v.values.text(at: r)
      }
      let missing = keepRanges ? "\(v.missingCodes) \(v.missingRanges)" : "\(Set(v.missingCodes).union(v.missingRanges.flatMap { _ in [Double]() }))"
      let text = keepMeasure ? "\(v.textLabels.sorted { $0.key < $1.key })" : ""  // not in .dta
      return [v.name, v.label ?? "", "\(v.valueLabels.sorted { $0.key < $1.key })", text, keepMeasure ? v.measure.rawValue : "",
              keepRanges ? missing : "", cells.joined(separator: "|")].joined(separator: " · ")
    }
  }

  @Test("sav, zsav and dta round trips keep values, labels, value labels, missing codes and the file label", arguments: ["sav", "zsav", "dta"])
  func roundTrip(_ ext: String) throws {
    let (s, _) = makeSession()
    #expect(runScript("load Tests/fixtures/survey.sav", in: s).0 == 0)
    let original = try #require(s.state.dataset)
    let path = "\(SaveDataTests.folder)/round.\(ext)"
    let (status, out, err) = runScript("save '\(path)', replace", in: s)
    #expect(status == 0, "\(err)")
    #expect((out + err).contains("value labels of text variables are not in the file") == (ext == "dta"))
    #expect(runScript("load '\(path)'", in: s).0 == 0)
    let back = try #require(s.state.dataset)
    #expect(back.label == original.label)
    let sav = ext != "dta"
    #expect(summary(back, keepMeasure: sav, keepRanges: sav) == summary(original, keepMeasure: sav, keepRanges: sav))
    if sav { #expect(back.variables.map(\.format) == original.variables.map(\.format)) }
    if !sav {
      // Stata has no ranges: the codes present in the data become .a, .b …
      #expect(back["fte"]?.missingReason(at: 1) == .code(-99) && back["fte"]?.missingReason(at: 3) == .code(-98))
    }
  }

  @Test("a Stata file written back as .dta keeps its values, labels, value labels and Stata formats", arguments: ["survey.dta", "extended-missing.dta"])
  func stataRoundTrip(_ file: String) throws {
    let (s, _) = makeSession()
    #expect(runScript("load Tests/fixtures/\(file)", in: s).0 == 0)
    let original = try #require(s.state.dataset)
    let path = "\(SaveDataTests.folder)/stata-\(file)"
    let (status, _, err) = runScript("save '\(path)', replace\nload '\(path)'", in: s)
    #expect(status == 0, "\(err)")
    let back = try #require(s.state.dataset)
    #expect(back.label == original.label)
    #expect(summary(back, keepMeasure: false, keepRanges: true) == summary(original, keepMeasure: false, keepRanges: true))
    #expect(back.variables.map(\.format) == original.variables.map(\.format))
  }

  @Test("an existing file is kept unless replace; the file the data came from says so")
  func overwrite() throws {
    let path = "\(SaveDataTests.folder)/keep.sav"
    let (s, _) = makeSession()
    #expect(runScript("load Tests/fixtures/survey.sav\nsave '\(path)', replace", in: s).0 == 0)
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    var (status, _, err) = runScript("save '\(path)'", in: s)
    #expect(status == 74 && err.contains("add ', replace'"), "\(err)")
    #expect(runScript("load '\(path)'", in: s).0 == 0)
    (status, _, err) = runScript("save '\(path)'", in: s)
    #expect(status == 74 && err.contains("is the file these data were loaded from"), "\(err)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    (status, _, err) = runScript("save '\(SaveDataTests.folder)/x.xls'", in: s)
    #expect(status == 65 && err.contains(".sav, .zsav, .dta, .xlsx or .csv"))
  }

  @Test("a kill during save leaves the old file or the new one, never part of one", arguments: ["sav", "xlsx"])
  func killed(_ ext: String) throws {
    // 200,000 rows × 8 columns: a save that takes a while.
    let csv = "\(SaveDataTests.folder)/big-\(ext).csv"
    var text = "id,a,b,c,d,e,f,g\n"
    text.reserveCapacity(200_000 * 40)
    for i in 0..<200_000 { text += "\(i),\(i % 7),\(Double(i) / 3),\(i % 5),x\(i % 11),\(i % 3),\(i % 13),\(i % 2)\n" }
    try text.write(toFile: csv, atomically: true, encoding: .utf8)
    let target = "\(SaveDataTests.folder)/target.\(ext)"
    let (s, _) = makeSession()
    #expect(runScript("load Tests/fixtures/survey.sav\nsave '\(target)', replace", in: s).0 == 0)
    let old = try Data(contentsOf: URL(fileURLWithPath: target))
    var sawOld = false
    var sawNew = false
    for delay in [0.05, 0.3, 0.45, 0.6, 0.75, 0.9, 1.6] {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: metingExecutable)
      p.arguments = ["-q", "--no-history", "-c", "load '\(csv)'; save '\(target)', replace"]
      p.standardOutput = FileHandle.nullDevice
      p.standardError = FileHandle.nullDevice
      try p.run()
      Thread.sleep(forTimeInterval: delay)
      kill(p.processIdentifier, SIGKILL)
      p.waitUntilExit()
      let now = try Data(contentsOf: URL(fileURLWithPath: target))
      if now == old {
        sawOld = true
        continue
      }
      sawNew = true
      let (t, _) = makeSession()
      let (status, _, err) = runScript("load '\(target)'", in: t)
      #expect(status == 0, "after a kill at \(delay) s the file is neither the old one nor a whole new one: \(err)")
      #expect(t.state.dataset?.rowCount == 200_000)
      try old.write(to: URL(fileURLWithPath: target))
    }
    #expect(sawOld, "no kill landed before the rename")
    _ = sawNew
  }
}

import Foundation
import MetingData
import Testing

@testable import MetingShell

/// SPSS, Stata and SAS files written by another tool (pyreadstat:
/// Tests/fixtures/make_fixtures.py), read through the contained reader.
@Suite("SPSS, Stata and SAS files", .serialized)
struct StatFileTests {
  init() {
    #expect(FileManager.default.isExecutableFile(atPath: metingExecutable), "build meting first (make test does)")
  }

  func load(_ file: String) -> (Session, Int32, String, String) {
    let (s, _) = makeSession()
    let (status, out, err) = runScript("load Tests/fixtures/\(file)", in: s)
    return (s, status, out, err)
  }

  @Test("a .sav keeps labels, value labels, measure levels, formats and user-missing codes and ranges", arguments: ["survey.sav", "survey.zsav"])
  func sav(_ file: String) throws {
    let (s, status, out, err) = load(file)
    #expect(status == 0, "\(err)")
    #expect(out.contains("6 rows, 8 variables"))
    let data = try #require(s.state.dataset)
    #expect(data.label == "SYNTHETIC fixture written by pyreadstat for meting's tests")
    let so1 = try #require(data["so1"])
    #expect(so1.label == "Strategic orientation 1")
    #expect(so1.valueLabels[9] == "no answer" && so1.valueLabels[1] == "strongly disagree")
    #expect(so1.missingCodes == [7, 8, 9])
    // Row 3 answered 9 (no answer), row 5 answered 7 (not applicable): missing, with their codes.
    #expect(so1.missingReason(at: 2) == .code(9) && so1.missingReason(at: 4) == .code(7))
    #expect(so1.missingReason(at: 0) == nil)
    let so2 = try #require(data["so2"])
    #expect(so2.missingReason(at: 1) == .system && so2.missingReason(at: 3) == .code(8))
    let fte = try #require(data["fte"])
    #expect(fte.missingRanges == [-99 ... -97])
    #expect(fte.missingReason(at: 1) == .code(-99) && fte.missingReason(at: 3) == .code(-98))
    let remark = try #require(data["remark"])
    #expect(remark.isCategorical && remark.values.isMissing(1) && remark.values.text(at: 5) == "ok, te duur")
    #expect(remark.textLabels == ["good": "positive", "geen": "no remark"])
    #expect(data["visit"]?.format?.hasPrefix("DATE") == true || data["visit"]?.format?.hasPrefix("ADATE") == true)
    if file == "survey.sav" {
      #expect(data["treated"]?.measure == .nominal && so1.measure == .ordinal && fte.measure == .scale)
    }
  }

  @Test("SAS's .sas7bdat (written by haven): values, empty text missing, dates")
  func sas() throws {
    let (s, status, _, err) = load("survey.sas7bdat")
    #expect(status == 0, "\(err)")
    let d = try #require(s.state.dataset)
    #expect(d.variableNames == ["id", "treated", "fte", "remark", "visit"] && d.rowCount == 6)
    #expect(d["fte"]?.missingReason(at: 1) == .system && d["remark"]?.values.isMissing(1) == true)
    guard case .numeric(let visit) = d["visit"]!.values else { Issue.record("visit"); return }
    #expect(d["visit"]?.time?.text(visit[5]) == "2012-02-29")
  }

  @Test("a .dta (Stata 8, 12 and 15 formats) keeps labels and value labels; .por and .xpt their values", arguments: [
    "survey.dta", "survey-v8.dta", "survey-v12.dta", "survey.por", "survey.xpt",
  ])
  func others(_ file: String) throws {
    let (s, status, _, err) = load(file)
    #expect(status == 0, "\(err)")
    let data = try #require(s.state.dataset)
    #expect(data.rowCount == 6)
    let names = data.variableNames.map { $0.lowercased() }
    #expect(Array(names.prefix(7)) == ["id", "treated", "category", "so1", "so2", "fte", "remark"])
    let fte = try #require(data[data.variableNames[5]])
    guard case .numeric(let column) = fte.values else { Issue.record("fte is not numeric"); return }
    #expect(column[0] == 12.5 && column[5] == 250)
    if file.hasSuffix(".dta") {
      #expect(data["category"]?.valueLabels[4] == "management")
      #expect(data["treated"]?.label == "Received an intervention")
    }
  }

  @Test("SPSS's missing values of string variables: missing with their text as the reason, through saves, reshape, append and recode")
  func textMissing() throws {
    func reasons(_ v: Variable?) -> [MissingReason?] { v.map { v in (0..<v.count).map { v.missingReason(at: $0) } } ?? [] }
    let expected: [MissingReason?] = [nil, .text("NVT"), nil, .text("?"), .system]
    let (s, status, out, err) = load("text-missing.sav")
    #expect(status == 0 && out.contains("4 user-missing cells"), "\(out)\(err)")
    var d = try #require(s.state.dataset)
    #expect(reasons(d["answer"]) == expected)
    #expect(d["answer"]?.missingTexts == ["NVT", "?"] && d["answer"]?.textLabels["NVT"] == "not applicable")
    #expect(runScript("freq answer", in: s).1.contains("missing: value \"NVT\" not applicable"))
    #expect(runScript("list answer", in: s).1.contains("<NVT>"))

    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("meting-textmissing-\(getpid())").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    for ext in ["sav", "zsav", "dta", "csv", "xlsx"] {
      let (t, _) = makeSession()
      let (code, o, e) = runScript("load Tests/fixtures/text-missing.sav\nsave '\(dir)/t.\(ext)', replace\nload '\(dir)/t.\(ext)'", in: t)
      #expect(code == 0, "\(ext): \(e)")
      let back = try #require(t.state.dataset)
      if ext == "sav" || ext == "zsav" {
        #expect(reasons(back["answer"]) == expected, "\(ext)")
      } else {
        // Files without missing texts keep the texts as values.
        #expect(back["answer"]?.values.text(at: 1) == "NVT" && back["answer"]?.values.text(at: 3) == "?", "\(ext)")
      }
      #expect((o + e).contains("declared missing values of text variables are plain values") == (ext == "dta"), "\(ext)")
    }

    // Reshape long and back; append; recode.
    var (code, _, e) = runScript("rename answer answer_pre\nreshape long, id(id) time(wave) suffixes(_pre _post)", in: s)
    #expect(code == 0, "\(e)")
    d = try #require(s.state.dataset)
    #expect(reasons(d["answer"]) == [nil, nil, .text("NVT"), nil, nil, .text("NVT"), .text("?"), nil, .system, .text("?")])
    (code, _, e) = runScript("reshape wide, id(id) time(wave)", in: s)
    #expect(code == 0, "\(e)")
    #expect(reasons(s.state.dataset?["answer_pre"]) == expected)
    (code, _, e) = runScript("load Tests/fixtures/text-missing.sav\nappend using Tests/fixtures/text-missing.sav", in: s)
    #expect(code == 0, "\(e)")
    #expect(reasons(s.state.dataset?["answer"]) == expected + expected)
    (code, _, e) = runScript("load Tests/fixtures/text-missing.sav\nrecode answer (\"NVT\" = \"nvt\") (\"ja\" = \"?\")", in: s)
    #expect(code == 0, "\(e)")
    #expect(reasons(s.state.dataset?["answer"]) == [.text("?"), nil, nil, .text("?"), .system])
    #expect(s.state.dataset?["answer"]?.values.text(at: 1) == "nvt")
    (code, _, e) = runScript("missing answer_post (\"ja\")", in: s)
    #expect(code == 0 && s.state.dataset?["answer_post"]?.missingReason(at: 1) == .text("ja"), "\(e)")
    (code, _, e) = runScript("missing id (\"ja\")", in: s)
    #expect(code != 0 && e.contains("missing codes are numbers"))
    // Wider than 8 bytes: Debian's ReadStat cannot declare them; the save
    // says so and the file reads back with the text as a value.
    let (w, _) = makeSession()
    var saved = ""
    (code, saved, e) = runScript("load Tests/fixtures/survey.sav\nmissing remark (\"geen\")\nsave '\(dir)/wide.sav', replace\nload '\(dir)/wide.sav'", in: w)
    #expect(code == 0 && (saved + e).contains("wider than 8 bytes"), "\(e)")
    #expect(w.state.dataset?["remark"]?.values.text(at: 4) == "geen")
  }

  @Test("load's options for these files: the encoding (said in the message), missing(), and a clear no to text-file options")
  func options() throws {
    var (s, status, out, err) = load("survey.sav")
    #expect(status == 0 && out.contains("(SPSS (.sav/.zsav); UTF-8;"), "\(out)\(err)")
    (s, status, out, err) = load("survey.sav, encoding(latin1)")
    #expect(status == 0 && out.contains("ISO-8859-1 (as asked)"), "\(out)\(err)")
    (s, status, out, err) = load("survey.dta, missing(-99 -98)")
    #expect(status == 0 && out.contains("2 user-missing cells"), "\(err)")
    #expect(s.state.dataset?["fte"]?.missingReason(at: 1) == .code(-99))
    (_, status, _, err) = load("survey.sav, delimiter(;)")
    #expect(status == 65 && err.contains("delimiter() is for delimited text files"))
    (_, status, _, err) = load("survey.xlsx, encoding(latin1)")
    #expect(status == 65 && err.contains("a workbook says its own"))
    (_, status, _, err) = load("survey.sav, sheet(1)")
    #expect(status == 65 && err.contains("sheet() is for Excel workbooks"))
  }

  @Test("Stata's extended missing values (.a–.z, written by haven) are user-missing with their labels, kept through .dta and .sav")
  func extendedMissing() throws {
    let (s, status, out, err) = load("extended-missing.dta")
    #expect(status == 0, "\(err)")
    #expect(out.contains("4 user-missing cells"))
    let d = try #require(s.state.dataset)
    func check(_ d: Dataset, _ context: String) throws {
      let sat = try #require(d["satisfaction"])
      let a = try #require(ExtendedMissing.code(tag: UInt8(ascii: "a")))
      let b = try #require(ExtendedMissing.code(tag: UInt8(ascii: "b")))
      let c = try #require(ExtendedMissing.code(tag: UInt8(ascii: "c")))
      #expect(sat.missingReason(at: 1) == .code(a) && sat.missingReason(at: 3) == .code(b), "\(context)")
      #expect(sat.missingReason(at: 6) == .code(c) && sat.missingReason(at: 4) == .system, "\(context)")
      #expect(sat.missingReason(at: 0) == nil && sat.valueLabels[5] == "very satisfied", "\(context)")
      #expect(sat.valueLabels[a] == "refused" && sat.valueLabels[b] == "don't know", "\(context)")
      #expect(d["hours"]?.missingReason(at: 2) == .code(a), "\(context)")
    }
    try check(d, "read")
    let (_, freq, _) = runScript("freq satisfaction", in: s)
    #expect(freq.contains("missing: code .a refused") && freq.contains("missing: code .c "))
    #expect(runScript("list satisfaction", in: s).1.contains("<.b>"))
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("meting-extended-\(getpid())").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    for ext in ["dta", "sav"] {
      let (t, _) = makeSession()
      let (code, _, e) = runScript("load Tests/fixtures/extended-missing.dta\nsave '\(dir)/x.\(ext)', replace\nload '\(dir)/x.\(ext)'", in: t)
      #expect(code == 0, "\(e)")
      try check(try #require(t.state.dataset), ext)
    }
  }

  @Test("SPSS codes and Stata's extended missing values share the 26 letters of a .dta without a clash")
  func codesAndLetters() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("meting-letters-\(getpid())").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let (s, _) = makeSession()
    let script = "load Tests/fixtures/extended-missing.dta\nmissing hours (-99 -98)\nlabel values hours (-99 \"no answer\")\nsave '\(dir)/y.dta', replace\nload '\(dir)/y.dta'"
    let (status, _, err) = runScript(script, in: s)
    #expect(status == 0, "\(err)")
    let hours = try #require(s.state.dataset?["hours"])
    #expect(Set(hours.missingCodes) == Set([-99, -98, ExtendedMissing.code(tag: UInt8(ascii: "a"))!]))
    #expect(hours.valueLabels[-99] == "no answer" && hours.missingReason(at: 2) == .code(ExtendedMissing.code(tag: UInt8(ascii: "a"))!))
  }

  @Test("files that crash or confuse ReadStat give an error naming the file; the data loaded before stay", arguments: [
    "readstat-crashers/readstat-1.1.8-sav-hbo-write.sav", "readstat-crashers/readstat-1.1.8-sav-abs-intmin.sav",
    "label-set-nowhere.sav",
  ])
  func contained(_ file: String) throws {
    let (s, _) = makeSession()
    #expect(runScript("load Tests/fixtures/survey.sav", in: s).0 == 0)
    let (status, _, err) = runScript("load Tests/fixtures/\(file)", in: s)
    #expect(status == 66)
    #expect(err.contains("Tests/fixtures/\(file)") && err.contains("error:"))
    #expect(s.state.dataset?.name == "survey")
    let (next, out, _) = runScript("freq treated", in: s)
    #expect(next == 0 && out.contains("treated"))
  }

  @Test("a truncated file, a file with the wrong magic, an empty file: named errors")
  func corrupt() throws {
    let original = try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/Tests/fixtures/survey.sav"))
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("meting-corrupt-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let cases: [(String, Data)] = [
      ("truncated.sav", original.prefix(700)), ("magic.sav", Data("$FL9".utf8) + original.dropFirst(4)),
      ("empty.sav", Data()), ("text.dta", Data("id,x\n1,2\n".utf8)),
    ]
    for (name, bytes) in cases {
      let path = dir.appendingPathComponent(name).path
      try bytes.write(to: URL(fileURLWithPath: path))
      let (s, _) = makeSession()
      let (status, _, err) = runScript("load '\(path)'", in: s)
      #expect(status == 66 || status == 74, "\(name): \(err)")
      #expect(err.contains(path), "\(name): \(err)")
    }
  }

  @Test("mutated copies of a valid file: an error or a dataset, never a crash of the session")
  func fuzz() throws {
    let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/Tests/fixtures/survey.sav")))
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("meting-fuzz-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return state >> 33
    }
    let (s, _) = makeSession()
    for i in 0..<40 {
      var bytes = original
      for _ in 0..<(1 + Int(next() % 8)) {
        let at = Int(next() % UInt64(bytes.count))
        bytes[at] = UInt8(truncatingIfNeeded: next())
      }
      let path = dir.appendingPathComponent("mutant\(i).sav").path
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      let (status, _, err) = runScript("load '\(path)'", in: s)
      #expect(status == 0 || status == 66, "mutant \(i): status \(status) \(err)")
    }
    #expect(runScript("describe", in: s).0 == 0)
  }
}

import Foundation
import Testing
import ZIPFoundation

@testable import MetingData
@testable import MetingShell

/// Excel workbooks written by openpyxl and openxlsx, and crafted ones
/// (Tests/fixtures/make_fixtures.py and .R), read through the contained
/// reader as a user's `load` reads them.
@Suite("Excel workbooks", .serialized)
struct ExcelTests {
  init() {
    #expect(FileManager.default.isExecutableFile(atPath: metingExecutable), "build meting first (make test does)")
  }

  func load(_ command: String) -> (Session, Int32, String, String) {
    let (s, _) = makeSession()
    let (status, out, err) = runScript(command, in: s)
    return (s, status, out, err)
  }

  func numbers(_ v: Variable?) -> [Double] {
    guard let v, case .numeric(let c) = v.values else { return [] }
    return (0..<c.count).map { c[$0] }
  }

  func texts(_ v: Variable?) -> [String?] {
    guard let v, v.isCategorical else { return [] }
    return (0..<v.count).map { v.values.isMissing($0) ? nil : v.values.text(at: $0) }
  }

  func same(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
  }

  @Test("openpyxl's workbook: the first sheet, each column typed by its cells, and the load says what it did")
  func openpyxl() throws {
    let (s, status, out, err) = load("load Tests/fixtures/survey.xlsx")
    #expect(status == 0, "\(err)")
    #expect(out.contains("5 rows, 10 variables (Excel (.xlsx); sheet 'Antwoorden', 1 of 2: 'Antwoorden', 'Codes', cells A1:K6)"))
    let d = try #require(s.state.dataset)
    #expect(d.variableNames == ["firm_id", "category", "treated", "Omzet", "q1", "start", "visit", "note", "fte_text", "score"])
    let nan = Double.nan
    #expect(same(numbers(d["firm_id"]), [1, 2, 3, nan, 5]))  // the empty row 5 stays, missing
    #expect(texts(d["category"]) == ["strategie", "personeel", "management", nil, "primair proces"])
    #expect(same(numbers(d["treated"]), [1, 0, 1, nan, 0]))
    #expect(d["Omzet"]?.label == "Omzet (€)")
    #expect(same(numbers(d["Omzet"]), [1250.5, 980, nan, nan, -3.25]))
    #expect(same(numbers(d["q1"]), [4, nan, 5, nan, 2]))  // "NA" typed as text is missing
    let start = try #require(d["start"])
    #expect(start.time == .excelDate)
    #expect(numbers(start).map { start.time?.text($0) } == ["2011-04-30", "2011-05-02", "2012-02-29", nil, "1900-01-01"])
    let visit = try #require(d["visit"])
    #expect(visit.time == .excelDateTime)
    #expect(numbers(visit).prefix(2).map { visit.time?.text($0) } == ["2011-04-30 14:00:00", "2011-05-02 09:30:15"])
    #expect(visit.time?.text(numbers(visit)[4]) == "1999-12-31 23:59:59")
    // XML turns the CR LF openpyxl wrote into LF, as Excel reads it too.
    #expect(texts(d["note"]) == ["goed", "n.v.t.", "Café\nlekker", nil, "12"])
    #expect(same(numbers(d["fte_text"]), [12, 7.5, 40, nan, nan]))
    #expect(same(numbers(d["score"]), [3.5, nan, 4, nan, 2]))
    for note in [
      "'Omzet (€)' → Omzet", "left out 1 empty column (no header, no values): I",
      "read as text because some cells are text and some numbers: note", "numbers stored as text read as numbers in: fte_text",
      "TRUE/FALSE read as 1/0 in: treated", "Excel error values (#N/A) read as missing in: score (1)",
    ] {
      #expect(err.contains(note) || out.contains(note), "missing note: \(note)\n\(out)\(err)")
    }
    #expect(runScript("list start visit, n(1)", in: s).1.contains("2011-04-30 14:00:00"))
  }

  @Test("sheet() picks a sheet by name, by name in another case, or by number; an unknown one lists them", arguments: [
    "sheet(Codes)", "sheet(\"codes\")", "sheet(2)",
  ])
  func sheets(_ option: String) throws {
    let (s, status, _, err) = load("load Tests/fixtures/survey.xlsx, \(option)")
    #expect(status == 0, "\(err)")
    let d = try #require(s.state.dataset)
    #expect(d.variableNames == ["code", "meaning"] && texts(d["meaning"]) == ["strategie", "personeel"])
  }

  @Test("range() reads a table below a title block: the header is the range's first row")
  func range() throws {
    var (s, status, out, err) = load("load Tests/fixtures/titled.xlsx, range(B4:D7)")
    #expect(status == 0 && out.contains("3 rows, 3 variables") && out.contains("cells B4:D7"), "\(out)\(err)")
    var d = try #require(s.state.dataset)
    #expect(d.variableNames == ["firm", "sic_pre", "sic_post"] && same(numbers(d["sic_post"]), [3.5, 4.25, 3.5]))
    (s, status, out, err) = load("load Tests/fixtures/titled.xlsx, range(B4)")
    d = try #require(s.state.dataset)
    #expect(status == 0 && d.rowCount == 5 && d["firm"]?.isCategorical == true)  // "n = 3" below the table
    (_, status, _, err) = load("load Tests/fixtures/titled.xlsx, range(D7:B4)")
    #expect(status == 65 && err.contains("a cell range such as A3 or A3:K95"))
    (_, status, _, err) = load("load Tests/fixtures/titled.xlsx, range(Z4:ZZ7)")
    #expect(status == 66 && err.contains("no cells with values in Z4:ZZ7"))
    #expect(XLSXReader.range("A3")! == (3...XLSXSheet.maxRows, 0...16383) && XLSXReader.range("B4:D7")! == (4...7, 1...3))
    #expect(XLSXReader.range("A3:") == nil && XLSXReader.range("") == nil)
  }

  @Test("an unknown sheet names the sheets there are; the data loaded before stay")
  func unknownSheet() throws {
    let (s, _) = makeSession()
    #expect(runScript("load Tests/fixtures/survey.sav", in: s).0 == 0)
    let (status, _, err) = runScript("load Tests/fixtures/survey.xlsx, sheet(Uitkomsten)", in: s)
    #expect(status == 66)
    #expect(err.contains("Tests/fixtures/survey.xlsx") && err.contains("no sheet 'Uitkomsten'; its sheets are 'Antwoorden', 'Codes'"))
    #expect(s.state.dataset?.name == "survey" && s.state.dataset?["so1"] != nil)
    #expect(runScript("load Tests/fixtures/survey.sav, sheet(1)", in: s).0 != 0)
  }

  @Test("openxlsx's workbook: shared strings, styled dates and date-times, empty cells missing")
  func openxlsx() throws {
    let (s, status, _, err) = load("load Tests/fixtures/survey-openxlsx.xlsx")
    #expect(status == 0, "\(err)")
    let d = try #require(s.state.dataset)
    #expect(d.variableNames == ["id", "groep", "voor", "na", "behandeld", "datum", "tijd"])
    #expect(texts(d["groep"]) == ["controle", "interventie", "interventie", nil])
    #expect(same(numbers(d["voor"]), [3.25, 4, .nan, 2.5]))
    #expect(same(numbers(d["behandeld"]), [0, 1, 1, .nan]))
    let tijd = try #require(d["tijd"])
    #expect(numbers(tijd).map { tijd.time?.text($0) } == ["2010-03-01 08:15:00", "2010-03-15 17:45:30", "2010-04-01 12:00:00", nil])
    let datum = try #require(d["datum"])
    #expect(numbers(datum).map { datum.time?.text($0)?.prefix(10) } == ["2010-03-01", "2010-03-15", nil, "2011-12-31"])
    let (_, _, _) = runScript("load Tests/fixtures/survey-openxlsx.xlsx, sheet(toelichting)", in: s)
    #expect(texts(s.state.dataset?["tekst"]) == ["SYNTHETIC", "voor en na"])
  }

  @Test("other writers' spellings: x: prefixes, no cell references, rich text, the 1904 date system, ISO date cells, formulas")
  func prefixed() throws {
    let (s, status, out, err) = load("load Tests/fixtures/prefixed-1904.xlsx")
    #expect(status == 0, "\(err)")
    let d = try #require(s.state.dataset)
    #expect(d.variableNames == ["id", "wave", "date", "share", "total", "label"])
    // Rich text is its runs joined; the phonetic guide is not text.
    #expect(texts(d["wave"]) == ["voormeting", "na&meting"])
    let date = try #require(d["date"])
    // 40000 in the 1904 system is 2013-07-07; the ISO cell is 2013-07-15.
    #expect(numbers(date).map { date.time?.text($0) } == ["2013-07-07", "2013-07-15"])
    #expect(same(numbers(d["share"]), [0.25, 0.5]))  // a percent style is no date
    #expect(same(numbers(d["total"]), [10, .nan]))  // a formula's stored result; none stored: missing
    #expect(texts(d["label"]) == ["ab", "c_x000D_d"])  // _x005F_ escapes the underscore
    #expect((out + err).contains("formulas without a stored result"))
    #expect((out + err).contains("1904 date system"))
  }

  @Test("broken workbooks: an error naming the file and what is missing; the data loaded before stay", arguments: [
    ("missing-shared-strings.xlsx", "shared strings (xl/sharedStrings.xml) is missing"),
    ("missing-workbook.xlsx", "workbook part (xl/workbook.xml) is missing"),
    ("not-a-workbook.xlsx", "workbook part (xl/workbook.xml) is missing"),
    ("truncated.xlsx", "the zip archive is damaged"),
  ])
  func broken(_ file: String, _ message: String) throws {
    let (s, _) = makeSession()
    #expect(runScript("load Tests/fixtures/survey.sav", in: s).0 == 0)
    let (status, _, err) = runScript("load Tests/fixtures/\(file)", in: s)
    #expect(status == 66, "\(err)")
    #expect(err.contains("Tests/fixtures/\(file)") && err.contains(message), "\(err)")
    #expect(s.state.dataset?.name == "survey")
    let (next, out, _) = runScript("freq treated", in: s)
    #expect(next == 0 && out.contains("treated"))
  }

  @Test("an old .xls is named as such, not read as text")
  func legacy() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("meting-old-\(getpid()).xls").path
    try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: URL(fileURLWithPath: path))
    let (_, status, _, err) = load("load '\(path)'")
    #expect(status != 0 && err.contains("old Excel workbooks (.xls"))
  }

  @Test("mutated XML in every part of a workbook: an error or a dataset, never a crash of the session")
  func fuzz() throws {
    let source = try Archive(url: URL(fileURLWithPath: repositoryRoot + "/Tests/fixtures/prefixed-1904.xlsx"), accessMode: .read)
    var parts: [(String, [UInt8])] = []
    for entry in source {
      var bytes: [UInt8] = []
      _ = try source.extract(entry) { bytes += $0 }
      parts.append((entry.path, bytes))
    }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("meting-xlsx-fuzz-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    func next() -> UInt64 {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return state >> 33
    }
    let (s, _) = makeSession()
    var loaded = 0
    for i in 0..<30 {
      let target = Int(next() % UInt64(parts.count))
      let url = dir.appendingPathComponent("mutant\(i).xlsx")
      try? FileManager.default.removeItem(at: url)
      let archive = try Archive(url: url, accessMode: .create)
      for (k, (name, original)) in parts.enumerated() {
        var bytes = original
        if k == target {
          for _ in 0..<(1 + Int(next() % 6)) where !bytes.isEmpty {
            let at = Int(next() % UInt64(bytes.count))
            // Flip to a byte XML cares about, or any byte.
            let specials: [UInt8] = Array("<>/\"=&;:x0 ".utf8)
            bytes[at] = next() % 2 == 0 ? specials[Int(next() % UInt64(specials.count))] : UInt8(truncatingIfNeeded: next())
          }
        }
        let data = Data(bytes)
        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
          data.subdata(in: Int(position)..<Int(position) + size)
        }
      }
      let (status, _, err) = runScript("load '\(url.path)'", in: s)
      #expect(status == 0 || status == 66, "mutant \(i): status \(status) \(err)")
      if status == 0 { loaded += 1 }
    }
    #expect(runScript("describe", in: s).0 == 0)
    #expect(loaded < 30)  // the mutations do reach the reader
  }

  @Test("dates read from Excel are saved as SPSS and Stata dates")
  func datesToStatFiles() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("meting-xlsx-save-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for ext in ["sav", "dta"] {
      let path = dir.appendingPathComponent("survey.\(ext)").path
      let (s, _) = makeSession()
      #expect(runScript("load Tests/fixtures/survey.xlsx\nsave '\(path)', replace\nload '\(path)'", in: s).0 == 0)
      let d = try #require(s.state.dataset)
      let start = try #require(d["start"])
      #expect(numbers(start).map { start.time?.text($0) } == ["2011-04-30", "2011-05-02", "2012-02-29", nil, "1900-01-01"], "\(ext)")
      let visit = try #require(d["visit"])
      #expect(visit.time?.text(numbers(visit)[1]) == "2011-05-02 09:30:15", "\(ext)")
      #expect(texts(d["category"]) == ["strategie", "personeel", "management", nil, "primair proces"])
    }
  }
}

@Suite("Saving Excel workbooks", .serialized)
struct ExcelSaveTests {
  let dir: URL

  init() throws {
    dir = FileManager.default.temporaryDirectory.appendingPathComponent("meting-xlsx-write-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  }

  func values(_ v: Variable) -> [String] {
    (0..<v.count).map { row in
      switch v.values {
      case .numeric(let c): c[row].isNaN ? "." : "\((c[row] + 0).bitPattern)"  // + 0: -0 and 0 alike
      case .categorical(let c): c.label(at: row) ?? "."
      }
    }
  }

  @Test("numbers in their exact form, awkward text and dates come back from meting's own workbook unchanged")
  func roundTrip() throws {
    let numbers: [Double] = [0, -0.0, 1, -3.25, 0.1, 1.0 / 3, 1e-300, 6.02214076e23, 123_456_789_012_345_678, .nan, 4.9e-324]
    let text: [String?] = ["<a & b>", "  leading space", "line\nbreak", "carriage\rreturn", "_x000D_ literal", "bell\u{7}", "ë, 中文", nil, "\"quoted\"", "1", ""]
    var date = Variable(name: "visit", values: .numeric(NumericColumn([Double](repeating: 13_523_500_800, count: 11))))
    date.time = .spssDate
    var stamp = Variable(name: "stamp", values: .numeric(NumericColumn([Double](repeating: 13_523_551_515, count: 11))))
    stamp.time = .spssDateTime
    var data = try Dataset(name: "odd [sheet]: name?", variables: [
      Variable(name: "x", values: .numeric(NumericColumn(numbers))),
      Variable(name: "t", values: .categorical(CategoricalColumn(text))),
      date, stamp,
    ])
    data.label = "SYNTHETIC"
    let path = dir.appendingPathComponent("round.xlsx").path
    try XLSXWriter.write(data, to: path, replace: true)
    let content = try XLSXReader.read(path: path, sheet: nil)
    #expect(content.detail?.hasPrefix("sheet 'odd _sheet__ name_', 1 of 2") == true, "\(content.detail ?? "")")
    let back = try StatFileImport.dataset(content, name: "round", path: path, format: .xlsx)
    #expect(back.variableNames == ["x", "t", "visit", "stamp"])
    // Bit for bit (but for the sign of zero, which a cell writes as 0).
    #expect(values(back["x"]!) == values(data["x"]!))
    var expected = text.map { $0 ?? "." }
    expected[10] = "."  // an empty string is no value in a cell
    #expect(values(back["t"]!) == expected)
    #expect(back["visit"]?.time == .excelDate && back["stamp"]?.time == .excelDateTime)
    guard case .numeric(let v) = back["visit"]!.values, case .numeric(let s) = back["stamp"]!.values else { return }
    #expect(back["visit"]!.time?.text(v[0]) == "2011-04-30")
    #expect(back["stamp"]!.time?.text(s[0]) == "2011-04-30 14:05:15")
  }

  @Test("through the shell: the data sheet, then the sheet 'variables' with what cells cannot hold; replace rules as for .sav")
  func shell() throws {
    let path = dir.appendingPathComponent("survey.xlsx").path
    try? FileManager.default.removeItem(atPath: path)
    let (s, _) = makeSession()
    #expect(runScript("load Tests/fixtures/survey.sav\nsave '\(path)'", in: s).0 == 0)
    let (again, _, err) = runScript("save '\(path)'", in: s)
    #expect(again != 0 && err.contains("replace"))
    #expect(runScript("load '\(path)'", in: s).0 == 0)
    let d = try #require(s.state.dataset)
    #expect(d.variableNames == ["id", "treated", "category", "so1", "so2", "fte", "remark", "visit"])
    guard case .numeric(let so1) = d["so1"]!.values else { return }
    #expect((0..<6).map { so1[$0] } == [4, 5, 9, 3, 7, 2])  // user-missing cells keep their codes
    #expect(runScript("load '\(path)', sheet(variables)", in: s).0 == 0)
    let v = try #require(s.state.dataset)
    #expect(v.variableNames == ["variable", "label", "type", "measure", "value_labels", "missing_codes", "dates", "format"])
    guard case .categorical(let names) = v["variable"]!.values, case .categorical(let missing) = v["missing_codes"]!.values,
      case .categorical(let labels) = v["value_labels"]!.values
    else { return }
    #expect(names.label(at: 0) == "(file)" && names.label(at: 4) == "so1")
    #expect(missing.label(at: 4) == "7 8 9" && missing.label(at: 6) == "-99 thru -97")
    #expect(labels.label(at: 2) == "0 = control; 1 = treated")
  }
}

@Suite("Excel's building blocks")
struct ExcelPartsTests {
  @Test("number formats: dates, date-times and plain numbers", arguments: [
    ("yyyy-mm-dd", XLSXStyles.Kind.date), ("d/m/yy", .date), ("[$-413]d\\ mmmm\\ yyyy;@", .date),
    ("dd/mm/yyyy hh:mm:ss", .dateTime), ("h:mm", .dateTime), ("[h]:mm:ss", .dateTime), ("mm:ss", .dateTime),
    ("0.00%", .number), ("[Red]0.00", .number), ("0.00E+00", .number), ("General", .number),
    ("#,##0 \"dagen\"", .number), ("0\\d", .number), ("_(* #,##0_);_(* (#,##0)", .number), ("General;[Red]-General", .number),
  ])
  func formats(_ code: String, _ kind: XLSXStyles.Kind) {
    #expect(XLSXStyles.kind(ofCode: code) == kind, "\(code)")
  }

  @Test("built-in number formats")
  func builtIn() {
    #expect(XLSXStyles.kind(ofBuiltIn: 14) == .date && XLSXStyles.kind(ofBuiltIn: 22) == .dateTime)
    #expect(XLSXStyles.kind(ofBuiltIn: 20) == .dateTime && XLSXStyles.kind(ofBuiltIn: 10) == .number)
    #expect(XLSXStyles.kind(ofBuiltIn: 0) == .number && XLSXStyles.kind(ofBuiltIn: 49) == .number)
  }

  @Test("cell references")
  func references() {
    #expect(XLSXSheet.parse(reference: "A1")! == (0, 1))
    #expect(XLSXSheet.parse(reference: "AB12")! == (27, 12))
    #expect(XLSXSheet.parse(reference: "XFD1048576")! == (16383, 1_048_576))
    #expect(XLSXSheet.parse(reference: "$C$3")! == (2, 3))
    for bad in ["XFE1", "A0", "A1048577", "1A", "A", "AAAA1", "A1B"] { #expect(XLSXSheet.parse(reference: bad) == nil, "\(bad)") }
    #expect(XLSXSheet.columnName(0) == "A" && XLSXSheet.columnName(25) == "Z" && XLSXSheet.columnName(26) == "AA")
    #expect(XLSXSheet.columnName(16383) == "XFD")
  }

  @Test("Excel serial days: the 1900 leap-year quirk, times to the millisecond, round trips through SPSS and Stata")
  func serials() {
    let e = TimeEncoding.excelDate
    #expect(e.text(1) == "1900-01-01" && e.text(59) == "1900-02-28" && e.text(61) == "1900-03-01")
    #expect(e.text(25_569) == "1970-01-01" && e.text(40_000) == "2009-07-06")
    #expect(TimeEncoding.excelDateTime.text(40_000 + 14.0 / 24) == "2009-07-06 14:00:00")
    for serial in [1.0, 59, 61, 25_569, 43_831.5, 40_000 + 14.0 / 24] {
      for target in [TimeEncoding.spssDateTime, .milliseconds1960] {
        let back = target.convert(TimeEncoding.excelDateTime.convert(serial, to: target), to: .excelDateTime)
        #expect(abs(back - serial) < 1e-9, "\(serial) via \(target)")
      }
    }
    #expect(XLSXDates.serial(iso: "2013-07-15") == 41_470)
    #expect(XLSXDates.serial(iso: "1900-01-01") == 1)
    #expect(XLSXDates.serial(iso: "2013-07-15T12:00:00") == 41_470.5)
    #expect(XLSXDates.serial(iso: "15-07-2013") == nil)
  }

  @Test("the _xHHHH_ escapes of OOXML text")
  func escapes() {
    #expect(XLSXText.unescape("a_x000D_b") == "a\rb")
    #expect(XLSXText.unescape("c_x005F_x000D_d") == "c_x000D_d")
    #expect(XLSXText.unescape("_x_ and _x12_ stay") == "_x_ and _x12_ stay")
  }

  @Test("relationship targets resolve against their part's folder")
  func targets() {
    #expect(XLSXPackage.resolve("worksheets/sheet1.xml", from: "xl") == "xl/worksheets/sheet1.xml")
    #expect(XLSXPackage.resolve("/xl/worksheets/sheet1.xml", from: "xl") == "xl/worksheets/sheet1.xml")
    #expect(XLSXPackage.resolve("../xl/styles.xml", from: "xl") == "xl/styles.xml")
    #expect(XLSXPackage.resolve("./sheet%201.xml", from: "xl/worksheets") == "xl/worksheets/sheet 1.xml")
  }
}

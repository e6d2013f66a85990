import Foundation
import Testing

@testable import MetingData

private func read(_ text: String, chunk: Int = 1 << 20, _ configure: (inout CSVOptions) -> Void = { _ in })
  throws -> (Dataset, CSVSummary)
{
  var options = CSVOptions()
  options.chunkSize = chunk
  configure(&options)
  return try CSVReader.read(bytes: Array(text.utf8), path: "t.csv", options: options)
}

private func numbers(_ d: Dataset, _ name: String) -> [Double] {
  guard case .numeric(let c)? = d[name]?.values else { return [] }
  return c.doubles()
}

private func texts(_ d: Dataset, _ name: String) -> [String?] {
  guard case .categorical(let c)? = d[name]?.values else { return [] }
  return (0..<c.count).map { c.label(at: $0) }
}

/// `a == b` where NaN equals NaN.
private func same(_ a: [Double], _ b: [Double]) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
}

@Suite("CSV reader")
struct CSVReaderTests {
  @Test("reads numbers and text, infers types")
  func basic() throws {
    let (d, s) = try read("id,score,group\nMB001,3.5,a\nMB002,4,b\nMB003,,a\n")
    #expect(d.rowCount == 3 && d.variableCount == 3)
    #expect(same(numbers(d, "score"), [3.5, 4, .nan]))
    #expect(texts(d, "group") == ["a", "b", "a"])
    #expect(texts(d, "id") == ["MB001", "MB002", "MB003"])
    #expect(s.dialect.delimiter == UInt8(ascii: ",") && s.encoding == .utf8)
  }

  @Test("small integers are stored in one byte, others widen")
  func compactStorage() throws {
    let (d, _) = try read("a,b\n1,1\n5,200\n,3\n")
    guard case .numeric(let a)? = d["a"]?.values, case .numeric(let b)? = d["b"]?.values else {
      Issue.record("not numeric")
      return
    }
    #expect(a.isCompact && !b.isCompact)
    #expect(same(a.doubles(), [1, 5, .nan]) && b.doubles() == [1, 200, 3])
  }

  @Test("Dutch Excel: semicolons and decimal commas")
  func dutchExcel() throws {
    let (d, s) = try read("naam;score;fte\nA;3,5;12\nB;4,25;7,5\n")
    #expect(s.dialect.delimiter == UInt8(ascii: ";"))
    #expect(s.dialect.decimalSeparator == UInt8(ascii: ","))
    #expect(numbers(d, "score") == [3.5, 4.25] && numbers(d, "fte") == [12, 7.5])
  }

  @Test("tabs are sniffed")
  func tabs() throws {
    let (d, s) = try read("a\tb\n1\t2\n3\t4\n")
    #expect(s.dialect.delimiter == UInt8(ascii: "\t") && numbers(d, "b") == [2, 4])
  }

  @Test("quotes, doubled quotes, delimiters and newlines inside quotes")
  func quotes() throws {
    let (d, _) = try read("a,b\n\"x, y\",\"he said \"\"hi\"\"\"\n\"line1\nline2\",\"3\"\n")
    #expect(texts(d, "a") == ["x, y", "line1\nline2"])
    #expect(texts(d, "b") == ["he said \"hi\"", "3"])
  }

  @Test("a quoted number in a numeric column is a number")
  func quotedNumber() throws {
    let (d, _) = try read("a\n\"3.5\"\n4\n")
    #expect(numbers(d, "a") == [3.5, 4])
  }

  @Test("BOM, CRLF and a missing final newline")
  func bomAndCRLF() throws {
    let (d, _) = try read("\u{FEFF}a,b\r\n1,x\r\n2,y")
    #expect(d.variableNames == ["a", "b"])
    #expect(numbers(d, "a") == [1, 2] && texts(d, "b") == ["x", "y"])
  }

  @Test("blank lines are skipped")
  func blankLines() throws {
    let (d, _) = try read("a\n1\n\n2\n\r\n3\n\n")
    #expect(numbers(d, "a") == [1, 2, 3])
  }

  @Test("NA, N/A, NaN, '.' and blanks are missing")
  func missingTokens() throws {
    let (d, _) = try read("a,b\n1,x\nNA,NA\n.,\n  ,y\nN/A,z\nNaN,w\n")
    #expect(same(numbers(d, "a"), [1, .nan, .nan, .nan, .nan, .nan]))
    #expect(texts(d, "b") == ["x", nil, nil, "y", "z", "w"])
  }

  @Test("text after numbers re-reads the column as text, keeping spellings")
  func lateText() throws {
    let (d, s) = try read("zip,n\n0351,1\n3511,2\n3511 AB,3\n")
    #expect(texts(d, "zip") == ["0351", "3511", "3511 AB"])
    #expect(s.reparsedColumns == ["zip"])
    #expect(numbers(d, "n") == [1, 2, 3])
  }

  @Test("chunk boundaries never change the result", arguments: [1, 2, 3, 5, 7, 16, 64])
  func chunkBoundaries(_ chunk: Int) throws {
    let text = "id,v,t\r\n1,3.25,\"a\"\"b\"\r\n2,-1e3,\"x\ny\"\r\n3,,plain\r\n4,7,\"\"\r\n"
    let (whole, _) = try read(text)
    let (chunked, _) = try read(text, chunk: chunk)
    #expect(chunked.rowCount == whole.rowCount)
    for name in whole.variableNames {
      #expect(same(numbers(chunked, name), numbers(whole, name)))
      #expect(texts(chunked, name) == texts(whole, name))
    }
  }

  @Test("numbers parse exactly as strtod does")
  func exactNumbers() throws {
    let values = [
      "0.1", "3.4166666666666665", "1e-300", "123456789012345678901234", "-0.000001",
      "2.2250738585072014e-308", "9007199254740993", "1.7976931348623157e308", "4.35",
      "0.3", "1E5", "+7", "12345678901234567890",
    ]
    let (d, _) = try read("x\n" + values.joined(separator: "\n") + "\n")
    let expected = values.map { Double($0)! }
    #expect(numbers(d, "x") == expected)
  }

  @Test("Windows-1252 text is detected when the file is not UTF-8")
  func windows1252() throws {
    var bytes = Array("naam,x\n".utf8)
    bytes += [0x43, 0x61, 0x66, 0xE9, 0x2C, 0x31, 0x0A]  // "Café,1" in Windows-1252
    bytes += [0x80, 0x35, 0x2C, 0x32, 0x0A]  // "€5,2"
    let (d, s) = try CSVReader.read(bytes: bytes, path: "w.csv")
    #expect(s.encoding == .windows1252)
    #expect(texts(d, "naam") == ["Café", "€5"])
  }

  @Test("invalid UTF-8 is an error when UTF-8 is demanded")
  func invalidUTF8() throws {
    var bytes = Array("a\nok\n".utf8)
    bytes += [0x62, 0xFF, 0x0A]
    var options = CSVOptions()
    options.encoding = .utf8
    #expect(throws: DataError.invalidText(FileLocation(path: "u.csv", line: 3, column: 1), encoding: "UTF-8")) {
      try CSVReader.read(bytes: bytes, path: "u.csv", options: options)
    }
  }

  @Test("header names become valid, unique variable names")
  func names() throws {
    let (d, s) = try read("Total score,total score,2nd,,by,x,x\n1,2,3,4,5,6,7\n")
    #expect(d.variableNames == ["Total_score", "total_score", "v2nd", "v4", "by_", "x", "x_2"])
    #expect(d["Total_score"]?.label == "Total score")
    #expect(s.renamed.count == 6)
  }
}

@Suite("malformed CSV: a clear error or a documented recovery")
struct MalformedCSVTests {
  @Test("ragged row: too many fields points at the first extra field")
  func tooMany() {
    #expect(throws: DataError.raggedRow(FileLocation(path: "t.csv", line: 3, column: 5), expected: 2, got: 3)) {
      try read("a,b\n1,2\n3,4,5\n")
    }
  }

  @Test("ragged row: too few fields points at the end of the row")
  func tooFew() {
    #expect(throws: DataError.raggedRow(FileLocation(path: "t.csv", line: 3, column: 2), expected: 3, got: 1)) {
      try read("a,b,c\n1,2,3\n4\n5,6,7\n")
    }
  }

  @Test("unterminated quote points at the opening quote")
  func unterminated() {
    #expect(throws: DataError.unterminatedQuote(FileLocation(path: "t.csv", line: 2, column: 3))) {
      try read("a,b\n1,\"open\n2,3\n")
    }
  }

  @Test("text after a closing quote is an error")
  func afterQuote() {
    #expect(throws: DataError.unexpectedAfterQuote(FileLocation(path: "t.csv", line: 2, column: 6))) {
      try read("a,b\n1,\"x\"y\n")
    }
  }

  @Test("an empty file is an error")
  func empty() {
    #expect(throws: DataError.emptyFile(path: "t.csv")) { try read("") }
  }

  @Test("a header without rows gives zero rows")
  func headerOnly() throws {
    let (d, _) = try read("a,b,c\n")
    #expect(d.rowCount == 0 && d.variableNames == ["a", "b", "c"])
  }

  @Test("UTF-16 is refused with advice")
  func utf16() {
    #expect(throws: DataError.self) {
      try CSVReader.read(bytes: [0xFF, 0xFE, 0x61, 0x00], path: "t.csv")
    }
  }

  @Test("10,000 columns")
  func manyColumns() throws {
    let header = (0..<10_000).map { "c\($0)" }.joined(separator: ",")
    let row = (0..<10_000).map { "\($0 % 7)" }.joined(separator: ",")
    let (d, _) = try read(header + "\n" + row + "\n" + row + "\n", chunk: 4096)
    #expect(d.variableCount == 10_000 && d.rowCount == 2)
    #expect(numbers(d, "c9999") == [Double(9999 % 7), Double(9999 % 7)])
  }

  @Test("a 1 MB field, in small chunks")
  func hugeField() throws {
    let big = String(repeating: "x", count: 1 << 20)
    let (d, _) = try read("a,b\n\"\(big)\",1\nshort,2\n", chunk: 1000)
    #expect(texts(d, "a").first??.utf8.count == 1 << 20)
    #expect(numbers(d, "b") == [1, 2])
  }

  @Test("the committed corpus files each give an error or data, never a crash",
        arguments: ["ragged.csv", "unterminated.csv", "invalid-utf8.csv", "empty.csv",
                    "header-only.csv", "duplicate-names.csv"])
  func corpus(_ file: String) throws {
    let url = try #require(Bundle.module.url(forResource: "Corpus/\(file)", withExtension: nil))
    do {
      let (d, _) = try CSVReader.read(path: url.path)
      #expect(["header-only.csv", "duplicate-names.csv", "invalid-utf8.csv"].contains(file))
      #expect(d.variableCount > 0)
    } catch {
      #expect(["ragged.csv", "unterminated.csv", "empty.csv"].contains(file))
      #expect(error.path == url.path)
    }
  }

  @Test("a missing file and a directory are errors")
  func notAFile() {
    #expect(throws: DataError.self) { try CSVReader.read(path: "/nonexistent/x.csv") }
    #expect(throws: DataError.cannotOpen(path: "/tmp", reason: "it is a directory")) {
      try CSVReader.read(path: "/tmp")
    }
  }
}

@Suite("CSV reader under mutation")
struct CSVMutationTests {
  /// SplitMix64: the same mutations on every run.
  struct Mix {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  @Test("3,000 mutated copies of a valid file give data or a located error, never a crash")
  func mutations() {
    let valid = Array(#"""
      id;naam;score;fte
      MB001;"Café, de ""Hoek""";3,5;12
      MB002;Bakkerij;4,25;-99

      MB003;"multi
      line";NA;7,5\#r\#n
      """#.utf8)
    let alphabet: [UInt8] = Array(";,\"\n\r.-0123456789aéNA ".utf8) + [0xFF, 0x00, 0xE9]
    var rng = Mix(state: 2026)
    var errors = 0
    for _ in 0..<3000 {
      var bytes = valid
      for _ in 0..<(1 + Int(rng.next() % 4)) {
        let i = Int(rng.next() % UInt64(bytes.count))
        switch rng.next() % 4 {
        case 0: bytes[i] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
        case 1: bytes.insert(alphabet[Int(rng.next() % UInt64(alphabet.count))], at: i)
        case 2: bytes.remove(at: i)
        default: bytes = Array(bytes.prefix(i))
        }
        if bytes.isEmpty { break }
      }
      var options = CSVOptions()
      options.chunkSize = 1 + Int(rng.next() % 64)
      do {
        let (d, _) = try CSVReader.read(bytes: bytes, path: "m.csv", options: options)
        #expect(d.variables.allSatisfy { $0.count == d.rowCount })
      } catch {
        errors += 1
        if let location = error.location {
          #expect(location.line >= 1 && location.column >= 1)
        }
      }
    }
    #expect(errors > 0 && errors < 3000)
  }
}

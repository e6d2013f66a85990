import Testing

@testable import MetingData

@Suite("the reader's wire format")
struct StatFileWireTests {
  static func sample() -> StatFileContent {
    var number = StatVariable(name: "so1", isString: false)
    number.label = "Strategic orientation"
    number.format = "F8.2"
    number.measure = .ordinal
    number.numbers = [4, .nan, 9, -0.0, 1e300]
    number.valueLabels = [1: "oneens", 9: "geen antwoord"]
    number.missingValues = [7, 8, 9]
    number.missingRanges = [-99 ... -97]
    var text = StatVariable(name: "remark", isString: true)
    text.levels = ["goed", "ë ß 😀"]
    text.codes = [0, 1, StatVariable.missingCode, 0, 1]
    text.textLabels = ["goed": "positive", "ë": "accent"]
    return StatFileContent(
      fileLabel: "SYNTHETIC", encoding: "UTF-8", rowCount: 5, variables: [number, text],
      detail: "sheet 'data', cells A1:B6", notes: ["TRUE/FALSE read as 1/0 in: x", ""])
  }

  @Test("what goes in comes out, NaN and −0 included")
  func roundTrip() throws {
    let original = StatFileWireTests.sample()
    let back = try StatFileWire.decode(StatFileWire.encode(original), path: "x.sav")
    #expect(back.fileLabel == original.fileLabel && back.encoding == original.encoding && back.rowCount == 5)
    #expect(back.detail == original.detail && back.notes == original.notes)
    #expect(back.variables[1] == original.variables[1])
    let (a, b) = (back.variables[0], original.variables[0])
    #expect(a.name == b.name && a.label == b.label && a.format == b.format && a.measure == b.measure)
    #expect(a.valueLabels == b.valueLabels && a.missingValues == b.missingValues && a.missingRanges == b.missingRanges)
    #expect(zip(a.numbers, b.numbers).allSatisfy { $0.bitPattern == $1.bitPattern })
  }

  @Test("a stream cut anywhere is an error, never a crash")
  func truncated() {
    let bytes = StatFileWire.encode(StatFileWireTests.sample())
    for cut in stride(from: 0, to: bytes.count, by: 3) {
      #expect(throws: DataError.self) { _ = try StatFileWire.decode(Array(bytes[0..<cut]), path: "x.sav") }
    }
  }

  @Test("a text code that points past the levels is refused")
  func badCode() {
    var content = StatFileWireTests.sample()
    content.variables[1].codes[0] = 7
    #expect(throws: DataError.self) { _ = try StatFileWire.decode(StatFileWire.encode(content), path: "x.sav") }
  }
}

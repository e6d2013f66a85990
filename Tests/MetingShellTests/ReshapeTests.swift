import Foundation
import MetingData
import Testing

@testable import MetingShell

@Suite("reshape", .serialized)
struct ReshapeTests {
  /// Everything a variable carries, as text, for comparing datasets.
  static func fingerprint(_ d: Dataset) -> [String] {
    d.variables.map { v in
      let cells = (0..<d.rowCount).map { r in v.userMissing[r].map { "<\($0)>" } ?? v.values.text(at: r) }
      return [
        v.name, v.label ?? "", "\(v.valueLabels.sorted { $0.key < $1.key })", "\(v.missingCodes)", "\(v.missingRanges)",
        v.format ?? "", v.measure.rawValue, cells.joined(separator: "|"),
      ].joined(separator: " · ")
    }
  }

  @Test("wide → long → wide is the identity on the example study, metadata and missing reasons included")
  func identity() throws {
    let (s, _) = makeSession()
    #expect(runScript("load examples/mijn-bedrijf/firms_wide.sav", in: s).0 == 0)
    let original = try #require(s.state.dataset)
    let (status, _, err) = runScript(
      "reshape long, id(firm_id) time(wave) suffixes(_pre _post)\nreshape wide, id(firm_id) time(wave)", in: s)
    #expect(status == 0, "\(err)")
    let back = try #require(s.state.dataset)
    #expect(back.variableNames == original.variableNames)
    #expect(back.label == original.label)
    #expect(ReshapeTests.fingerprint(back) == ReshapeTests.fingerprint(original))
  }

  @Test("long from the wide file matches the long file in the values that both have")
  func longMatches() throws {
    let (wide, _) = makeSession()
    #expect(runScript("load examples/mijn-bedrijf/firms_wide.sav\nreshape long, id(firm_id) time(wave) suffixes(_pre _post)", in: wide).0 == 0)
    let (long, _) = makeSession()
    #expect(runScript("load examples/mijn-bedrijf/firms_long.sav", in: long).0 == 0)
    let a = try #require(wide.state.dataset)
    let b = try #require(long.state.dataset)
    #expect(a.rowCount == b.rowCount)
    for name in ["firm_id", "wave", "treated", "so1", "sic", "fte", "prod_pct"] {
      let (x, y) = (try #require(a[name]), try #require(b[name]))
      for r in 0..<a.rowCount {
        #expect(x.values.text(at: r) == y.values.text(at: r) && x.userMissing[r] == y.userMissing[r], "\(name) row \(r + 1)")
      }
    }
  }

  @Test("without a remembered layout, wide splits what varies and keeps what does not; a duplicate unit-wave is an error")
  func plainWide() throws {
    let (s, _) = makeSession()
    #expect(runScript("load examples/mijn-bedrijf/firms_long.csv", in: s).0 == 0)
    var (status, _, err) = runScript("reshape wide, id(firm_id) time(wave)", in: s)
    #expect(status == 0, "\(err)")
    let d = try #require(s.state.dataset)
    #expect(d.rowCount == 94 && d["treated"] != nil && d["sic_0"] != nil && d["sic_1"] != nil && d["sic"] == nil)
    let (t, _) = makeSession()
    (status, _, err) = runScript("load examples/mijn-bedrijf/firms_long.csv\nreshape wide, id(treated) time(wave)", in: t)
    #expect(status == 66 && err.contains("has two rows at wave 0"))
  }
}

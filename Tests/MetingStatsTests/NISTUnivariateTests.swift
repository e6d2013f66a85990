import Foundation
import Testing

@testable import MetingStats

/// A NIST StRD univariate file: its data and certified mean and SD.
struct NISTUnivariate: CustomTestStringConvertible, Sendable {
  let name: String
  let data: [Double]
  let mean: Double
  let sd: Double
  var testDescription: String { name }

  static func load(_ name: String) -> NISTUnivariate? {
    guard let url = Bundle.module.url(forResource: "NIST/\(name)", withExtension: "dat"),
      let text = try? String(contentsOf: url, encoding: .utf8)
    else { return nil }
    // The files have CRLF line ends.
    let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
    func certified(_ label: String) -> Double? {
      guard let line = lines.first(where: { $0.hasPrefix(label) }),
        let value = line.split(separator: ":").last?.split(separator: " ").first
      else { return nil }
      return Double(value)
    }
    guard let mean = certified("Sample Mean"), let sd = certified("Sample Standard Deviation"),
      let start = lines.firstIndex(where: { $0.hasPrefix("Data:") })
    else { return nil }
    let data = lines[(start + 1)...].compactMap { Double($0) }
    return NISTUnivariate(name: name, data: data, mean: mean, sd: sd)
  }
}

/// The log relative error (digits of agreement) of a computed value with a
/// certified one: −log10(|x − c|/|c|), capped at 15 (NIST's convention).
func logRelativeError(_ x: Double, certified c: Double) -> Double {
  if x == c { return 15 }
  let r = c == 0 ? abs(x) : abs(x - c) / abs(c)
  return min(15, -log10(r))
}

@Suite("NIST StRD univariate: digits of agreement with the certified values")
struct NISTUnivariateTests {
  /// Minimum LRE of the SD per file, as the issue states them and as
  /// McCullough (1998) reports LREs: to one decimal. R 4.2.2's sd() reaches
  /// Mavro 13.1, Michelso 13.8, NumAcc3 9.5 (9.457), NumAcc4 8.3 (8.253);
  /// 15 elsewhere. NumAcc3/4 hold values such as 10000000.2 that binary
  /// doubles cannot represent; once parsed, the exact SD of the doubles is
  /// 0.1000000000349246 and 0.10000000055879354, which every
  /// double-precision program (R, numpy, PSPP) reports, and which meting
  /// must match (`rSD`). Going beyond needs decimal-exact input.
  static let sdTargets: [String: Double] = [
    "Mavro": 13, "Michelso": 13, "NumAcc3": 9.5, "NumAcc4": 8.3,
  ]

  /// R's sd() on the two files where the input representation limits the
  /// accuracy: meting must give the same digits.
  static let rSD: [String: Double] = ["NumAcc3": 0.1000000000349246, "NumAcc4": 0.10000000055879354]

  static let files = ["PiDigits", "Lottery", "Lew", "Mavro", "Michelso", "NumAcc1", "NumAcc2", "NumAcc3", "NumAcc4"]

  @Test("mean (LRE 15) and SD (LRE as R, at least) of every univariate file", arguments: files)
  func lre(_ name: String) throws {
    let file = try #require(NISTUnivariate.load(name))
    let d = try Descriptives(file.data)
    let meanLRE = logRelativeError(try #require(d.mean), certified: file.mean)
    let sdLRE = logRelativeError(try #require(d.sd), certified: file.sd)
    #expect(meanLRE >= 15, "\(name): mean LRE \(meanLRE)")
    let reported = (sdLRE * 10).rounded() / 10
    #expect(reported >= NISTUnivariateTests.sdTargets[name, default: 15], "\(name): SD LRE \(sdLRE)")
    if let r = NISTUnivariateTests.rSD[name] { expectClose(d.sd, r, relative: 1e-15, "\(name): SD as R's") }
  }
}

import Foundation
import Testing

/// Loads a JSON file of reference values produced by a script in
/// Tests/reference/ (see the "generator" field of each file).
func referenceJSON(_ name: String) throws -> [String: Any] {
  let url = try #require(Bundle.module.url(forResource: "Reference/\(name)", withExtension: "json"))
  let data = try Data(contentsOf: url)
  return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

/// A number from reference JSON. The scripts write numbers as strings
/// ("0.46199000000000001", "Inf"), parsed here by Swift's correctly
/// rounded `Double(String)`: JSONSerialization on Linux misrounds some
/// 17-digit numbers.
func number(_ value: Any?) -> Double? {
  switch value {
  case let s as String:
    switch s {
    case "Inf": return .infinity
    case "-Inf": return -.infinity
    default: return Double(s)
    }
  case let n as NSNumber: return n.doubleValue
  default: return nil
  }
}

func numbers(_ value: Any?) -> [Double]? {
  if let a = value as? [Any] { return a.compactMap(number) }
  return number(value).map { [$0] }
}

/// Checks `actual` against a reference value to a relative tolerance
/// (absolute below 1e-300 and for infinities, exact). The sign is checked
/// first, so a wrong sign fails whatever the tolerance.
func expectClose(
  _ actual: Double?, _ expected: Double?, relative: Double = 1e-10,
  _ what: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation
) {
  guard let expected else {
    Issue.record("\(what()): no reference value", sourceLocation: sourceLocation)
    return
  }
  guard let actual else {
    Issue.record("\(what()): no value, expected \(expected)", sourceLocation: sourceLocation)
    return
  }
  if expected.isInfinite || expected == 0 {
    #expect(actual == expected, "\(what()): \(actual) vs \(expected)", sourceLocation: sourceLocation)
    return
  }
  #expect(
    actual.sign == expected.sign, "\(what()): sign of \(actual) vs \(expected)",
    sourceLocation: sourceLocation)
  let error = abs(actual - expected) / abs(expected)
  #expect(
    error <= relative,
    "\(what()): \(actual) vs \(expected), relative error \(error) > \(relative)",
    sourceLocation: sourceLocation)
}

/// Checks a p-value to an absolute tolerance (1e-12 by default).
func expectCloseP(
  _ actual: Double, _ expected: Double?, absolute: Double = 1e-12,
  _ what: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation
) {
  guard let expected else {
    Issue.record("\(what()): no reference value", sourceLocation: sourceLocation)
    return
  }
  #expect(
    abs(actual - expected) <= absolute, "\(what()): \(actual) vs \(expected)",
    sourceLocation: sourceLocation)
}

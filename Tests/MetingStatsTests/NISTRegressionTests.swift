import Foundation
import Testing

@testable import MetingStats

/// A NIST StRD linear regression file: data, model shape and certified values.
struct NISTRegression: CustomTestStringConvertible, Sendable {
  let name: String
  let y: [Double]
  let predictors: [[Double]]
  let intercept: Bool
  let estimates: [Double]
  let standardErrors: [Double]
  let residualSD: Double
  let r2: Double
  var testDescription: String { name }

  static func load(_ name: String) -> NISTRegression? {
    guard let url = Bundle.module.url(forResource: "NIST/\(name)", withExtension: "dat"),
      let text = try? String(contentsOf: url, encoding: .utf8)
    else { return nil }
    let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
    func numbers(_ line: String) -> [Double] { line.split(separator: " ").compactMap { Double($0) } }
    var estimates: [Double] = []
    var errors: [Double] = []
    for line in lines where line.hasPrefix("B") {
      let fields = line.split(separator: " ")
      guard fields.count == 3, fields[0].dropFirst().allSatisfy(\.isNumber),
        let b = Double(fields[1]), let se = Double(fields[2])
      else { continue }
      estimates.append(b)
      errors.append(se)
    }
    guard let sdLine = lines.first(where: { $0.hasPrefix("Standard Deviation") && !numbers($0).isEmpty }),
      let r2Line = lines.first(where: { $0.hasPrefix("R-Squared") }),
      let residualSD = numbers(sdLine).last, let r2 = numbers(r2Line).last,
      let dataStart = lines.lastIndex(where: { $0.hasPrefix("Data:") }),
      let predictorLine = lines.first(where: { $0.contains("Predictor Variable") }),
      let predictorCount = Int(predictorLine.split(separator: " ")[0])
    else { return nil }
    let rows = lines[(dataStart + 1)...].map(numbers).filter { $0.count == predictorCount + 1 }
    let y = rows.map { $0[0] }
    let intercept = !lines.contains { $0.contains("y = B1*x") }
    var predictors: [[Double]]
    if predictorCount == 1 {
      // Polynomial models: x, x², … as many as the certified parameters.
      let x = rows.map { $0[1] }
      let degree = estimates.count - (intercept ? 1 : 0)
      predictors = (1...degree).map { k in x.map { pow($0, Double(k)) } }
    } else {
      predictors = (1...predictorCount).map { j in rows.map { $0[j] } }
    }
    return NISTRegression(
      name: name, y: y, predictors: predictors, intercept: intercept, estimates: estimates,
      standardErrors: errors, residualSD: residualSD, r2: r2)
  }
}

@Suite("NIST StRD linear regression: digits of agreement with the certified values")
struct NISTRegressionTests {
  /// Minimum LRE over the coefficients. R's `lm` reaches Norris 12.3,
  /// Pontius 12.0, NoInt1 14.7, NoInt2 15, Longley 12.9, Filip 8.4 (only
  /// with tol = 1e-10), Wampler1–5 9.3/13.8/9.5/8.1/6.1. meting reaches
  /// 14.1, 13.5, 14.7, 15, 14.6, 7.6, 15, 13.2, 13.0, 11.2, 9.0: on Filip
  /// 7.6 is the exact least-squares solution of the binary data (checked
  /// with rational arithmetic); R's 8.4 is rounding luck.
  static let targets: [String: Double] = [
    "Norris": 13.5, "Pontius": 13, "NoInt1": 14, "NoInt2": 14, "Longley": 14, "Filip": 7.5,
    "Wampler1": 14, "Wampler2": 13, "Wampler3": 12.5, "Wampler4": 10.5, "Wampler5": 8.5,
  ]

  @Test("coefficients, standard errors, residual SD and R²", arguments: targets.keys.sorted())
  func lre(_ name: String) throws {
    let file = try #require(NISTRegression.load(name))
    let model = try LinearModel(
      LinearModel.Design(
        columns: file.predictors, names: file.predictors.indices.map { "x\($0 + 1)" }, intercept: file.intercept),
      response: file.y)
    #expect(model.rank == file.estimates.count, "\(name): declared rank \(model.rank)")
    let table = try model.coefficientTable(.classical)
    let coefficientLRE = zip(table, file.estimates).map { logRelativeError($0.estimate ?? .nan, certified: $1) }.min() ?? 0
    let seLRE = zip(table, file.standardErrors).map { logRelativeError($0.se ?? .nan, certified: $1) }.min() ?? 0
    let sdLRE = logRelativeError(model.sigma2.squareRoot(), certified: file.residualSD)
    let r2LRE = logRelativeError(try #require(model.r2), certified: file.r2)
    let target = NISTRegressionTests.targets[name]!
    #expect(coefficientLRE >= target, "\(name): coefficient LRE \(coefficientLRE)")
    // SEs, residual SD and R² depend on the residuals, which are accurate
    // where the coefficients are not: at least as many digits.
    #expect(seLRE >= min(target, 7), "\(name): SE LRE \(seLRE)")
    #expect(sdLRE >= min(target, 7), "\(name): residual SD LRE \(sdLRE)")
    #expect(r2LRE >= min(target, 7), "\(name): R² LRE \(r2LRE)")
  }
}

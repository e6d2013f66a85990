import Foundation
import Testing

@testable import MetingStats

/// One case of Tests/MetingStatsTests/Reference/models.json.
struct ModelCase: CustomTestStringConvertible, @unchecked Sendable {
  let procedure: String
  let name: String
  let args: [String: Any]
  let expected: [String: Any]
  var testDescription: String { name }

  static func all(_ procedure: String) -> [ModelCase] {
    guard let json = try? referenceJSON("models"), let cases = json["cases"] as? [[String: Any]] else { return [] }
    return cases.compactMap { c in
      guard c["procedure"] as? String == procedure, let name = c["name"] as? String,
        let args = c["args"] as? [String: Any], let expected = c["expected"] as? [String: Any]
      else { return nil }
      return ModelCase(procedure: procedure, name: name, args: args, expected: expected)
    }
  }
}

@Suite("least squares against R (lm, sandwich, car)")
struct LeastSquaresReferenceTests {
  @Test("the reference file has its cases")
  func count() { #expect(ModelCase.all("ols").count >= 9) }

  @Test("coefficients, fit statistics, every covariance and Wald tests", arguments: ModelCase.all("ols"))
  func ols(_ c: ModelCase) throws {
    let y = try #require(numbers(c.args["y"]))
    let columns = try #require(c.args["columns"] as? [Any]).compactMap(numbers)
    let names = try #require(c.args["names"] as? [String])
    let intercept = (c.args["intercept"] as? Bool) ?? true
    let model = try LinearModel(.init(columns: columns, names: names, intercept: intercept), response: y)
    let e = c.expected

    // Coefficients (null where R reports NA: aliased).
    let expectedCoefficients = try #require(c.expected["coef"] as? [Any])
    #expect(model.coefficients.count == expectedCoefficients.count)
    for (i, value) in expectedCoefficients.enumerated() {
      if let b = number(value) {
        expectClose(model.coefficients[i], b, "\(c.name): coefficient \(model.names[i])")
      } else {
        #expect(model.coefficients[i] == nil, "\(c.name): \(model.names[i]) should be aliased")
      }
    }
    #expect(Double(model.rank) == number(e["rank"]))
    expectClose(model.sigma2.squareRoot(), number(e["sigma"]), "\(c.name): residual SD")
    expectClose(model.r2, number(e["r2"]), "\(c.name): R²")
    expectClose(model.adjustedR2, number(e["adj_r2"]), "\(c.name): adjusted R²")
    if let f = number(e["f"]) {
      let overall = try #require(model.overallF)
      expectClose(overall.f, f, "\(c.name): F")
      expectCloseP(overall.p, number(e["f_p"]), "\(c.name): p of F")
    }

    var kinds: [(String, CovarianceKind)] = [
      ("classical", .classical), ("hc0", .hc0), ("hc1", .hc1), ("hc2", .hc2), ("hc3", .hc3),
    ]
    if let codes = numbers(c.args["cluster"]) {
      let ints = codes.map { Int($0) }
      kinds.append(("cr1", .cluster(codes: ints, count: (ints.max() ?? 0) + 1)))
    }
    let test = numbers(c.args["test"])?.map { model.estimated[Int($0)] }
    for (key, kind) in kinds {
      let table = try model.coefficientTable(kind).filter { $0.estimate != nil }
      let se = try #require(numbers(e["se_\(key)"]))
      let p = try #require(numbers(e["p_\(key)"]))
      #expect(table.count == se.count)
      for (i, row) in table.enumerated() {
        expectClose(row.se, se[i], "\(c.name): \(key) SE of \(row.name)")
        expectCloseP(try #require(row.p), p[i], "\(c.name): \(key) p of \(row.name)")
      }
      if let test {
        let wald = try model.waldTest(test, kind)
        expectClose(wald.f, number(e["wald_\(key)"]), "\(c.name): \(key) Wald F")
        expectCloseP(wald.p, number(e["wald_p_\(key)"]), "\(c.name): \(key) Wald p")
        if key == "classical" { expectClose(wald.f, number(e["wald_car"]), "\(c.name): car's F") }
      }
    }
  }
}

@Suite("difference-in-differences against R (lm + vcovCL, t.test)")
struct DifferenceInDifferencesReferenceTests {
  @Test("the regression estimate with CR1 errors, and the change-score tests", arguments: ModelCase.all("did"))
  func did(_ c: ModelCase) throws {
    let a = c.args
    let did = try DifferenceInDifferences(
      treatedPre: try #require(numbers(a["tpre"])), treatedPost: try #require(numbers(a["tpost"])),
      controlPre: try #require(numbers(a["cpre"])), controlPost: try #require(numbers(a["cpost"])))
    let e = c.expected
    expectClose(did.regression.estimate, number(e["estimate"]), "\(c.name): regression DiD")
    expectClose(did.estimate, number(e["estimate"]), "\(c.name): difference of mean changes")
    expectClose(did.regression.se, number(e["se"]), "\(c.name): CR1 SE")
    expectCloseP(try #require(did.regression.p), number(e["p"]), "\(c.name): p, t(G − 1)")
    expectClose(did.regression.ciLow, number(e["ci_low"]), "\(c.name): CI low")
    expectClose(did.regression.ciHigh, number(e["ci_high"]), "\(c.name): CI high")
    expectClose(did.student.t, number(e["student_t"]), "\(c.name): Student t")
    expectClose(did.student.se, number(e["student_se"]), "\(c.name): Student SE")
    expectCloseP(did.student.p, number(e["student_p"]), "\(c.name): Student p")
    expectClose(did.welch.t, number(e["welch_t"]), "\(c.name): Welch t")
    expectClose(did.welch.df, number(e["welch_df"]), "\(c.name): Welch df")
    expectCloseP(did.welch.p, number(e["welch_p"]), "\(c.name): Welch p")
  }
}

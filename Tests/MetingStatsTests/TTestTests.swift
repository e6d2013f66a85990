import Testing

@testable import MetingStats

/// One reference case of Tests/reference/ttests.R.
struct TTestCase: CustomTestStringConvertible, Sendable {
  let fields: [String: SendableValue]
  var testDescription: String { fields["name"]?.string ?? "?" }

  subscript(key: String) -> Double? { fields[key]?.number }
  func array(_ key: String) -> [Double] { fields[key]?.numbers ?? [] }
  func string(_ key: String) -> String { fields[key]?.string ?? "" }
}

/// JSON values in a Sendable form for test arguments.
enum SendableValue: Sendable {
  case number(Double)
  case numbers([Double])
  case string(String)

  init?(_ any: Any) {
    if let s = any as? String, MetingStatsTests.number(s) == nil {
      self = .string(s)
    } else if any is [Any] {
      self = .numbers(MetingStatsTests.numbers(any) ?? [])
    } else if let n = MetingStatsTests.number(any) {
      self = .number(n)
    } else {
      return nil
    }
  }

  var number: Double? { if case .number(let n) = self { n } else { nil } }
  var numbers: [Double]? {
    switch self {
    case .numbers(let a): a
    case .number(let n): [n]
    default: nil
    }
  }
  var string: String? { if case .string(let s) = self { s } else { nil } }
}

func referenceCases(_ file: String, _ key: String) -> [TTestCase] {
  guard let json = try? referenceJSON(file), let list = json[key] as? [[String: Any]] else {
    return []
  }
  return list.map { TTestCase(fields: $0.compactMapValues(SendableValue.init)) }
}

@Suite("t-tests against R's t.test and effectsize")
struct TTestTests {
  @Test("the reference file has enough cases")
  func enoughCases() {
    #expect(referenceCases("ttests", "ttests").count >= 12)
  }

  @Test("t-test agrees with R", arguments: referenceCases("ttests", "ttests"))
  func agreesWithR(_ c: TTestCase) throws {
    let alternative = try #require(Alternative(rawValue: c.string("alternative")))
    let level = try #require(c["conf_level"])
    let mu = c["mu"] ?? 0
    let x = c.array("x")
    let y = c.array("y")
    let result: TTestResult
    switch c.string("kind") {
    case "one":
      result = try TTestResult.oneSample(x, mu: mu, alternative: alternative, confLevel: level)
    case "paired":
      result = try TTestResult.paired(x, y, mu: mu, alternative: alternative, confLevel: level)
      expectClose(try EffectSize.dz(differences: zip(x, y).map { $0 - $1 }).value, c["d_z"], "d_z")
    case "welch", "student":
      let variances: TTestResult.Variances = c.string("kind") == "welch" ? .unequal : .equal
      result = try TTestResult.twoSample(
        x, y, variances: variances, mu: mu, alternative: alternative, confLevel: level)
      expectClose(try EffectSize.cohenD(x, y).value, c["cohen_d"], "cohen_d")
      expectClose(try EffectSize.hedgesG(x, y).value, c["hedges_g"], "hedges_g")
    default:
      Issue.record("unknown kind \(c.string("kind"))")
      return
    }
    expectClose(result.estimate, c["estimate"], "estimate")
    expectClose(result.se, c["se"], "se")
    expectClose(result.t, c["t"], "t")
    expectClose(result.df, c["df"], "df")
    expectCloseP(result.p, c["p"], "p")
    expectClose(result.ciLow, c["ci_low"], "ci_low")
    expectClose(result.ciHigh, c["ci_high"], "ci_high")
  }

  @Test("degenerate input is a stated error, not NaN")
  func degenerate() {
    #expect(throws: StatsError.tooFewObservations(what: "x", needed: 2, got: 1)) {
      try TTestResult.oneSample([3])
    }
    #expect(throws: StatsError.constantData(what: "the paired differences")) {
      try TTestResult.paired([1, 2, 3], [0, 1, 2])
    }
    #expect(throws: StatsError.tooFewObservations(what: "y", needed: 2, got: 0)) {
      try TTestResult.twoSample([1, 2, 3], [])
    }
    #expect(throws: StatsError.constantData(what: "both groups")) {
      try TTestResult.twoSample([2, 2, 2], [2, 2])
    }
    #expect(throws: StatsError.self) { try TTestResult.oneSample([1, 2], confLevel: 1.5) }
    #expect(throws: StatsError.constantData(what: "the paired differences")) {
      try EffectSize.dz(differences: [0.5, 0.5, 0.5])
    }
  }

  @Test("one constant group still gives Welch's test, as in R")
  func oneConstantGroup() throws {
    // R: t.test(c(1, 1, 1), c(1, 2, 3, 4)): df = 3, p = 0.10272807885839903.
    let r = try TTestResult.twoSample([1, 1, 1], [1, 2, 3, 4])
    expectClose(r.df, 3, relative: 1e-14, "df")
    expectCloseP(r.p, 0.10272807885839903, "p")
  }
}

@Suite("descriptives against R")
struct DescriptivesTests {
  @Test("descriptives agree with R", arguments: referenceCases("ttests", "descriptives"))
  func agreesWithR(_ c: TTestCase) throws {
    let x = c.array("x")
    let d = try Descriptives(x)
    #expect(Double(d.n) == c["n"])
    expectClose(d.mean, c["mean"], "mean")
    expectClose(d.sd, c["sd"], "sd")
    expectClose(d.se, c["se"], "se")
    expectClose(d.ciLow, c["ci_low"], "ci_low")
    expectClose(d.ciHigh, c["ci_high"], "ci_high")
    let sorted = x.sorted()
    let probabilities = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1]
    for (p, expected) in zip(probabilities, c.array("q7")) {
      expectClose(Quantile.sorted(sorted, p, definition: .type7), expected, relative: 1e-15, "type 7 at \(p)")
    }
    for (p, expected) in zip(probabilities, c.array("q6")) {
      expectClose(Quantile.sorted(sorted, p, definition: .type6), expected, relative: 1e-15, "type 6 at \(p)")
    }
  }

  @Test("an empty or single-value sample states what it cannot give")
  func small() throws {
    let empty = try Descriptives([])
    #expect(empty.n == 0 && empty.mean == nil && empty.sd == nil)
    let one = try Descriptives([4])
    #expect(one.mean == 4 && one.sd == nil && one.ciLow == nil && one.median == 4)
  }
}

/// Analysis of covariance for a pretest–posttest design:
/// post = b0 + b_pre·pre + Σ b_c·covariate_c + Σ b_g·[group = g] + e,
/// with the groups coded against a reference (treatment coding).
///
/// As SPSS `UNIANOVA post BY group WITH pre`: Type III F tests of each term
/// (each is the Wald test of the term's coefficients given all others; with
/// no interaction in the model this does not depend on the coding), partial
/// η² = SS/(SS + SS_error), and adjusted (estimated marginal) means at the
/// covariates' means, b0 + b_pre·mean(pre) + … + b_g (SPSS `/EMMEANS …
/// WITH(pre=MEAN)`), with their standard errors. The homogeneity-of-slopes
/// check is the F test of pre × group added to the model.
public struct Ancova: Sendable {
  public struct TermTest: Sendable, Equatable {
    public let term: String
    public let f: Double
    public let df1: Int
    public let df2: Int
    public let p: Double
    /// SS_term = F·df1·MSE (Type III).
    public let sumOfSquares: Double
    public let partialEta2: Double
  }

  public struct AdjustedMean: Sendable, Equatable {
    public let group: String
    public let n: Int
    public let mean: Double
    public let se: Double
    public let ciLow: Double
    public let ciHigh: Double
  }

  public let model: LinearModel
  /// Type III tests: the pretest, each covariate, the group.
  public let tests: [TermTest]
  /// The coefficients of the group dummies (each group − reference).
  public let groupEffects: [Coefficient]
  public let adjustedMeans: [AdjustedMean]
  /// The F test of pre × group (homogeneity of regression slopes).
  public let slopes: TermTest
  /// The pretest coefficient.
  public let preSlope: Double

  /// - Parameters:
  ///   - group: each unit's group as 0..<groupNames.count.
  ///   - reference: the group the others are compared with.
  ///   - covariance: for the coefficient table (the F tests and η² are
  ///     classical, as SPSS; with a robust covariance the group effects'
  ///     SEs and p follow it).
  public init(
    post: [Double], pre: [Double], group: [Int], groupNames: [String], reference: Int = 0,
    covariates: [(name: String, values: [Double])] = [], preName: String = "pre", groupName: String = "group",
    covariance: CovarianceKind = .classical, confLevel: Double = 0.95
  ) throws(StatsError) {
    let n = post.count
    precondition(pre.count == n && group.count == n)
    let k = groupNames.count
    guard k >= 2 else { throw .invalidArgument("the ANCOVA needs two or more groups, not \(k)") }
    var counts = [Int](repeating: 0, count: k)
    for g in group { counts[g] += 1 }
    for (g, c) in counts.enumerated() where c == 0 {
      throw .tooFewObservations(what: "\(groupName) = \(groupNames[g])", needed: 1, got: 0)
    }
    let others = (0..<k).filter { $0 != reference }
    let dummies = others.map { g in group.map { $0 == g ? 1.0 : 0.0 } }
    let columns = [pre] + covariates.map(\.values) + dummies
    let names = [preName] + covariates.map(\.name) + others.map { "\(groupName) = \(groupNames[$0])" }
    let model = try LinearModel(.init(columns: columns, names: names), response: post)
    guard model.dfResidual > 0 else {
      throw .tooFewObservations(what: "the residual degrees of freedom", needed: 1, got: 0)
    }
    self.model = model
    func test(_ term: String, _ indices: [Int], in m: LinearModel) throws(StatsError) -> TermTest {
      let w = try m.waldTest(indices, .classical)
      let ss = w.f * Double(w.df1) * m.sigma2
      return TermTest(
        term: term, f: w.f, df1: w.df1, df2: w.df2, p: w.p, sumOfSquares: ss, partialEta2: ss / (ss + m.rss))
    }
    // Coefficient indices: 0 intercept, 1 pre, then covariates, then dummies.
    var tests = [try test(preName, [1], in: model)]
    for (c, covariate) in covariates.enumerated() { tests.append(try test(covariate.name, [2 + c], in: model)) }
    let groupIndices = Array((2 + covariates.count)..<(2 + covariates.count + others.count))
    tests.append(try test(groupName, groupIndices, in: model))
    self.tests = tests
    let table = try model.coefficientTable(covariance, confLevel: confLevel)
    groupEffects = groupIndices.map { table[$0] }
    preSlope = model.coefficients[1] ?? .nan

    // Adjusted means: x̄ = (1, mean(pre), means(covariates), dummy of g).
    let v = try model.covariance(covariance)
    let means = [Summation.mean(pre)] + covariates.map { Summation.mean($0.values) }
    let q = Distribution.studentTQuantile((1 + confLevel) / 2, df: Double(model.inferenceDF(covariance)))
    var adjusted: [AdjustedMean] = []
    for g in 0..<k {
      var x = [1.0] + means + [Double](repeating: 0, count: others.count)
      if let position = others.firstIndex(of: g) { x[1 + means.count + position] = 1 }
      // x̄ᵀb and x̄ᵀVx̄ over the estimated coefficients.
      let rows = model.estimated
      var mean = 0.0
      for i in rows { mean += x[i] * (model.coefficients[i] ?? 0) }
      var variance = 0.0
      for (a, i) in rows.enumerated() { for (b, j) in rows.enumerated() { variance += x[i] * v[a, b] * x[j] } }
      let se = max(0, variance).squareRoot()
      adjusted.append(AdjustedMean(group: groupNames[g], n: counts[g], mean: mean, se: se, ciLow: mean - q * se, ciHigh: mean + q * se))
    }
    adjustedMeans = adjusted

    // Homogeneity of slopes: add pre × dummy columns and test them.
    let interactions = dummies.map { d in zip(d, pre).map { $0 * $1 } }
    let full = try LinearModel(
      .init(columns: columns + interactions, names: names + others.map { "\(preName) × \(groupName) = \(groupNames[$0])" }),
      response: post)
    let first = 1 + columns.count
    slopes = try test("\(preName) × \(groupName)", Array(first..<(first + interactions.count)), in: full)
  }
}

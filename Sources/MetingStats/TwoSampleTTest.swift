extension TTestResult {
  /// How the two-sample t-test treats the group variances.
  public enum Variances: String, CaseIterable, Sendable {
    /// Welch: SE = √(s1²/n1 + s2²/n2), Welch–Satterthwaite df. R's default.
    case unequal
    /// Student: pooled variance, df = n1 + n2 − 2 (R `var.equal = TRUE`).
    case equal
  }

  /// Two-sample t-test of H0: mean(x) − mean(y) = μ0.
  ///
  /// Welch (default, R `t.test(x, y)`, SPSS "equal variances not assumed",
  /// Stata `ttest, unequal`): SE = √(v1 + v2), v = s²/n,
  /// df = (v1 + v2)²/(v1²/(n1 − 1) + v2²/(n2 − 1)).
  /// Student (R `var.equal = TRUE`, Stata `ttest` default):
  /// s_p² = ((n1 − 1)s1² + (n2 − 1)s2²)/(n1 + n2 − 2), SE = s_p√(1/n1 + 1/n2).
  /// - Throws: `tooFewObservations` for a group with n < 2 (Welch) or fewer
  ///   than 3 observations in all (Student); `constantData` when SE ≈ 0.
  public static func twoSample(
    _ x: [Double], _ y: [Double], variances: Variances = .unequal, mu: Double = 0,
    alternative: Alternative = .twoSided, confLevel: Double = 0.95,
    names: (String, String) = ("x", "y")
  ) throws(StatsError) -> TTestResult {
    try twoSample(
      SampleMoments(x), SampleMoments(y), variances: variances, mu: mu, alternative: alternative,
      confLevel: confLevel, names: names)
  }

  /// The two-sample t-test from each group's n, mean and variance.
  public static func twoSample(
    _ a: SampleMoments, _ b: SampleMoments, variances: Variances = .unequal, mu: Double = 0,
    alternative: Alternative = .twoSided, confLevel: Double = 0.95, names: (String, String) = ("x", "y")
  ) throws(StatsError) -> TTestResult {
    try requireConfidenceLevel(confLevel)
    let needed = variances == .unequal ? 2 : 1
    guard a.n >= needed else { throw .tooFewObservations(what: names.0, needed: needed, got: a.n) }
    guard b.n >= needed else { throw .tooFewObservations(what: names.1, needed: needed, got: b.n) }
    if variances == .equal, a.n + b.n < 3 {
      throw .tooFewObservations(what: "both groups", needed: 3, got: a.n + b.n)
    }
    let nx = Double(a.n)
    let ny = Double(b.n)
    let mx = a.mean
    let my = b.mean
    let vx = a.n > 1 ? a.variance : 0
    let vy = b.n > 1 ? b.variance : 0
    let se: Double
    let df: Double
    switch variances {
    case .equal:
      df = nx + ny - 2
      let pooled = ((nx - 1) * vx + (ny - 1) * vy) / df
      se = (pooled * (1 / nx + 1 / ny)).squareRoot()
    case .unequal:
      let sx2 = vx / nx
      let sy2 = vy / ny
      se = (sx2 + sy2).squareRoot()
      df = (se * se * se * se) / (sx2 * sx2 / (nx - 1) + sy2 * sy2 / (ny - 1))
    }
    if isEssentiallyZero(se: se, comparedTo: max(abs(mx), abs(my))) {
      throw .constantData(what: "both groups")
    }
    return TTestResult(
      variant: variances == .equal ? .student : .welch, estimate: mx - my, nullValue: mu,
      se: se, df: df, alternative: alternative, confLevel: confLevel)
  }
}

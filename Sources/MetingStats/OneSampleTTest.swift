extension TTestResult {
  /// One-sample t-test of H0: mean(x) = μ0.
  ///
  /// t = (x̄ − μ0)/(s/√n), df = n − 1; matches R `t.test(x, mu = μ0)`.
  /// - Throws: `tooFewObservations` when n < 2, `constantData` when s ≈ 0.
  public static func oneSample(
    _ x: [Double], mu: Double = 0, alternative: Alternative = .twoSided,
    confLevel: Double = 0.95, what: String = "x"
  ) throws(StatsError) -> TTestResult {
    try requireConfidenceLevel(confLevel)
    return try oneSampleCore(x, mu: mu, variant: .oneSample, alternative: alternative,
                      confLevel: confLevel, what: what)
  }

  /// The one-sample test from the sample's n, mean and variance.
  public static func oneSample(
    _ moments: SampleMoments, mu: Double = 0, alternative: Alternative = .twoSided,
    confLevel: Double = 0.95, what: String = "x"
  ) throws(StatsError) -> TTestResult {
    try requireConfidenceLevel(confLevel)
    return try oneSampleCore(moments, mu: mu, variant: .oneSample, alternative: alternative,
                             confLevel: confLevel, what: what)
  }

  static func oneSampleCore(
    _ x: [Double], mu: Double, variant: Variant, alternative: Alternative,
    confLevel: Double, what: String
  ) throws(StatsError) -> TTestResult {
    try oneSampleCore(SampleMoments(x), mu: mu, variant: variant, alternative: alternative,
                      confLevel: confLevel, what: what)
  }

  static func oneSampleCore(
    _ x: SampleMoments, mu: Double, variant: Variant, alternative: Alternative,
    confLevel: Double, what: String
  ) throws(StatsError) -> TTestResult {
    guard x.n >= 2 else {
      throw .tooFewObservations(what: what, needed: 2, got: x.n)
    }
    let n = Double(x.n)
    let m = x.mean
    let se = (max(0, x.variance) / n).squareRoot()
    if isEssentiallyZero(se: se, comparedTo: m) { throw .constantData(what: what) }
    return TTestResult(
      variant: variant, estimate: m, nullValue: mu, se: se, df: n - 1,
      alternative: alternative, confLevel: confLevel)
  }
}

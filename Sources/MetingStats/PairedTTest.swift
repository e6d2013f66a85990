extension TTestResult {
  /// Paired t-test of H0: mean(x − y) = μ0, on complete pairs.
  ///
  /// d = x − y (first minus second, as R, SPSS and Stata); t = d̄/(s_d/√n),
  /// df = n − 1; CI d̄ ± t(1 − α/2, n − 1)·s_d/√n. Matches R
  /// `t.test(x, y, paired = TRUE)`. The caller removes incomplete pairs.
  /// - Throws: `tooFewObservations` when n < 2, `constantData` when every
  ///   difference is the same.
  public static func paired(
    _ x: [Double], _ y: [Double], mu: Double = 0, alternative: Alternative = .twoSided,
    confLevel: Double = 0.95
  ) throws(StatsError) -> TTestResult {
    try requireConfidenceLevel(confLevel)
    precondition(x.count == y.count, "paired samples must be equally long")
    let d = zip(x, y).map { $0 - $1 }
    return try paired(differences: SampleMoments(d), mu: mu, alternative: alternative, confLevel: confLevel)
  }

  /// The paired t-test from the n, mean and variance of the differences.
  public static func paired(
    differences d: SampleMoments, mu: Double = 0, alternative: Alternative = .twoSided,
    confLevel: Double = 0.95
  ) throws(StatsError) -> TTestResult {
    try requireConfidenceLevel(confLevel)
    return try oneSampleCore(d, mu: mu, variant: .paired, alternative: alternative,
                             confLevel: confLevel, what: "the paired differences")
  }
}

/// The result of a test in the shape of R's `htest`: the statistic with
/// its name, an optional parameter (df), the p-value, an optional estimate
/// and confidence interval, and the method in words. Used by the rank
/// tests, correlations and permutation tests.
public struct HypothesisTest: Sendable, Equatable {
  /// The JSON key of the statistic, e.g. "w", "v", "z", "chi2", "s".
  public let statisticKey: String
  public let statistic: Double
  /// Degrees of freedom, where the reference distribution has them.
  public let df: Double?
  public let p: Double
  /// What `estimate` is, e.g. "(pseudo)median", "rho", "difference in location".
  public let estimateName: String?
  public let estimate: Double?
  public let ciLow: Double?
  public let ciHigh: Double?
  /// The confidence level actually achieved (R lowers it when the exact
  /// distribution cannot reach the requested one).
  public let confLevel: Double?
  public let alternative: Alternative
  /// The variant in words, e.g. "Wilcoxon signed rank exact test".
  public let method: String
  /// Whether the p-value is exact (enumerated) rather than approximate.
  public let exact: Bool
  /// Observations used (pairs without zero differences, both samples …).
  public let n: Int

  public init(
    statisticKey: String, statistic: Double, df: Double? = nil, p: Double, estimateName: String? = nil,
    estimate: Double? = nil, ciLow: Double? = nil, ciHigh: Double? = nil, confLevel: Double? = nil,
    alternative: Alternative, method: String, exact: Bool, n: Int
  ) {
    self.statisticKey = statisticKey
    self.statistic = statistic
    self.df = df
    self.p = p
    self.estimateName = estimateName
    self.estimate = estimate
    self.ciLow = ciLow
    self.ciHigh = ciHigh
    self.confLevel = confLevel
    self.alternative = alternative
    self.method = method
    self.exact = exact
    self.n = n
  }
}

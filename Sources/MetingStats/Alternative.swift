/// The alternative hypothesis of a test, as R's `alternative` argument.
///
/// The first case is the default, as everywhere in meting's option sets.
public enum Alternative: String, CaseIterable, Sendable {
  /// H1: the parameter differs from the null value (R `"two.sided"`).
  case twoSided = "two.sided"
  /// H1: the parameter is below the null value.
  case less
  /// H1: the parameter is above the null value.
  case greater

  /// Words for a method line, e.g. "two-sided".
  public var words: String {
    switch self {
    case .twoSided: "two-sided"
    case .less: "one-sided, less"
    case .greater: "one-sided, greater"
    }
  }

  /// The p-value of an observed t statistic under this alternative.
  func pValue(t: Double, df: Double) -> Double {
    switch self {
    case .twoSided: 2 * Distribution.studentT(-abs(t), df: df)
    case .less: Distribution.studentT(t, df: df)
    case .greater: Distribution.studentT(t, df: df, tail: .upper)
    }
  }

  /// The confidence interval `estimate ± q·se` matching this alternative
  /// (one-sided alternatives give a half-open interval, as R's `t.test`).
  func tInterval(estimate: Double, se: Double, df: Double, level: Double)
    -> (low: Double, high: Double)
  {
    switch self {
    case .twoSided:
      let q = Distribution.studentTQuantile(1 - (1 - level) / 2, df: df)
      return (estimate - q * se, estimate + q * se)
    case .less:
      let q = Distribution.studentTQuantile(level, df: df)
      return (-.infinity, estimate + q * se)
    case .greater:
      let q = Distribution.studentTQuantile(level, df: df)
      return (estimate - q * se, .infinity)
    }
  }
}

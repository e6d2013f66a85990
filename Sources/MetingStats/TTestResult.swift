/// The result of a t-test, with the fields of R's `htest` and meting's
/// stable JSON names: `estimate`, `se`, `t`, `df`, `p`, `ci_low`, `ci_high`.
public struct TTestResult: Sendable, Equatable {
  /// Which t-test ran.
  public enum Variant: String, Sendable {
    case oneSample = "one_sample_t"
    case paired = "paired_t"
    case student = "student_t"
    case welch = "welch_t"
  }

  public let variant: Variant
  /// Mean (one-sample), mean difference (paired) or difference of means.
  public let estimate: Double
  /// The hypothesised value of `estimate` (R `mu`).
  public let nullValue: Double
  public let se: Double
  public let t: Double
  public let df: Double
  public let p: Double
  public let ciLow: Double
  public let ciHigh: Double
  public let confLevel: Double
  public let alternative: Alternative

  /// The variant in words, e.g. "Welch two-sample t-test (Welch–Satterthwaite df), two-sided".
  public var method: String {
    let name =
      switch variant {
      case .oneSample: "One-sample t-test"
      case .paired: "Paired t-test"
      case .student: "Student two-sample t-test (pooled variance)"
      case .welch: "Welch two-sample t-test (Welch–Satterthwaite df)"
      }
    return "\(name), \(alternative.words)"
  }

  /// Builds the result from t's ingredients the way R's `t.test` does:
  /// t = (estimate − μ0)/se, CI = μ0 + (t ± q)·se.
  init(
    variant: Variant, estimate: Double, nullValue: Double, se: Double, df: Double,
    alternative: Alternative, confLevel: Double
  ) {
    let t = (estimate - nullValue) / se
    let q: Double
    let interval: (Double, Double)
    switch alternative {
    case .twoSided:
      q = Distribution.studentTQuantile(1 - (1 - confLevel) / 2, df: df)
      interval = (nullValue + (t - q) * se, nullValue + (t + q) * se)
    case .less:
      q = Distribution.studentTQuantile(confLevel, df: df)
      interval = (-.infinity, nullValue + (t + q) * se)
    case .greater:
      q = Distribution.studentTQuantile(confLevel, df: df)
      interval = (nullValue + (t - q) * se, .infinity)
    }
    self.variant = variant
    self.estimate = estimate
    self.nullValue = nullValue
    self.se = se
    self.t = t
    self.df = df
    self.p = alternative.pValue(t: t, df: df)
    self.ciLow = interval.0
    self.ciHigh = interval.1
    self.confLevel = confLevel
    self.alternative = alternative
  }
}

/// R's guard against a zero standard error: `stderr < 10·ε·|mean|` means the
/// data are essentially constant and t is undefined.
func isEssentiallyZero(se: Double, comparedTo scale: Double) -> Bool {
  !(se >= 10 * Double.ulpOfOne * abs(scale)) || se == 0
}

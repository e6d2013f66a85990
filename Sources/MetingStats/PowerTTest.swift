/// Power and sample size of t-tests, by the noncentral t distribution.
///
/// Designs: one-sample and paired (df = n − 1, ncp = √n·d; for paired d is
/// d_z, the mean difference over the SD of the differences); two-sample
/// with n per group (df = 2(n − 1), ncp = √(n/2)·d, R's `power.t.test`) or
/// with unequal groups n1, n2 (df = n1 + n2 − 2, ncp = d/√(1/n1 + 1/n2),
/// as statsmodels' `TTestIndPower` with `ratio`).
///
/// Two-sided power counts both rejection regions,
/// P(T > t_{1−α/2}) + P(T < −t_{1−α/2}) (statsmodels, pingouin, R
/// `strict = TRUE`): `.exact`. R's `power.t.test` default ignores the far
/// region: `.rFarTailIgnored`. The two differ in the 4th–6th digit.
/// Solved quantities are found by Brent's method to 1e-10 (R's
/// `power.t.test` stops at 1.2e-4, so its printed n differs from the exact
/// root by about 1e-6).
public enum PowerTTest {
  public enum Design: Sendable, Equatable {
    case oneSample
    case paired
    /// Equal groups of n each.
    case twoSample
    /// Groups of n and ratio·n.
    case twoSampleRatio(Double)
  }

  public enum Variant: String, Sendable {
    case exact
    case rFarTailIgnored = "r"
  }

  /// The power for n (per group, or the first group's n), effect size d
  /// (mean difference over SD) and significance level α.
  public static func power(
    design: Design, n: Double, d: Double, alpha: Double = 0.05, alternative: Alternative = .twoSided,
    variant: Variant = .exact
  ) -> Double {
    let (df, ncp) = parameters(design, n: n, d: d)
    switch alternative {
    case .twoSided:
      let q = Distribution.studentTQuantile(alpha / 2, df: df, tail: .upper)
      let upper = Distribution.noncentralT(q, df: df, ncp: ncp, tail: .upper)
      guard variant == .exact else { return upper }
      return upper + Distribution.noncentralT(-q, df: df, ncp: ncp)
    case .greater:
      let q = Distribution.studentTQuantile(alpha, df: df, tail: .upper)
      return Distribution.noncentralT(q, df: df, ncp: ncp, tail: .upper)
    case .less:
      let q = Distribution.studentTQuantile(alpha, df: df, tail: .upper)
      return Distribution.noncentralT(-q, df: df, ncp: ncp)
    }
  }

  static func parameters(_ design: Design, n: Double, d: Double) -> (df: Double, ncp: Double) {
    switch design {
    case .oneSample, .paired:
      return (max(1e-7, n - 1), n.squareRoot() * d)
    case .twoSample:
      return (max(1e-7, n - 1) * 2, (n / 2).squareRoot() * d)
    case .twoSampleRatio(let k):
      let n2 = k * n
      return (max(1e-7, n + n2 - 2), d / (1 / n + 1 / n2).squareRoot())
    }
  }

  /// The smallest n (continuous; per group or of the first group) that
  /// reaches `power`.
  public static func sampleSize(
    design: Design, d: Double, power target: Double, alpha: Double = 0.05, alternative: Alternative = .twoSided,
    variant: Variant = .exact
  ) throws(StatsError) -> Double {
    try requireProbability(target, "power")
    guard d != 0 else { throw .invalidArgument("an effect size of 0 cannot reach any power") }
    let effect = alternative == .twoSided ? abs(d) : d
    let f = { (n: Double) in power(design: design, n: n, d: effect, alpha: alpha, alternative: alternative, variant: variant) - target }
    guard let n = RootFinding.zeroin(f, lower: 2, upper: 1e7, tolerance: 1e-10) else {
      throw .invalidArgument("the power \(target) is not reached with up to 10,000,000 per group")
    }
    return n
  }

  /// The effect size d that `n` detects with `power`.
  public static func detectableEffect(
    design: Design, n: Double, power target: Double, alpha: Double = 0.05, alternative: Alternative = .twoSided,
    variant: Variant = .exact
  ) throws(StatsError) -> Double {
    try requireProbability(target, "power")
    let sign: Double = alternative == .less ? -1 : 1
    let f = { (d: Double) in
      power(design: design, n: n, d: sign * d, alpha: alpha, alternative: alternative, variant: variant) - target
    }
    guard let d = RootFinding.zeroin(f, lower: 1e-7, upper: 1e7, tolerance: 1e-10) else {
      throw .invalidArgument("no effect size reaches power \(target) with these n")
    }
    return sign * d
  }

  private static func requireProbability(_ p: Double, _ what: String) throws(StatsError) {
    guard p > 0, p < 1 else { throw .invalidArgument("\(what) must be between 0 and 1, not \(p)") }
  }
}

/// Confidence limits for a noncentrality parameter, by inverting the
/// noncentral t distribution: the ncp_L and ncp_U with
/// P(T(df, ncp_L) ≤ t) = 1 − α/2 and P(T(df, ncp_U) ≤ t) = α/2. Effect-size
/// intervals are these limits rescaled (Steiger & Fouladi 1997; the method
/// of R's effectsize, JASP, SPSS 28 and Stata `esize`).
///
/// effectsize finds the limits with Nelder–Mead (`optim`, abstol 1e-9), so
/// its printed limits are good to about 1e-6; meting solves to 1e-13 with
/// Brent's method. Tests compare with the exact roots R finds with
/// `uniroot(tol = 1e-14)`, and with effectsize at its own accuracy.
public enum NoncentralTInterval {
  /// The limits for an observed t on `df` degrees of freedom. One-sided
  /// alternatives give one finite limit, at level 2·level − 1 as
  /// effectsize does.
  public static func limits(t: Double, df: Double, confLevel: Double, alternative: Alternative = .twoSided)
    -> (low: Double, high: Double)?
  {
    let level = alternative == .twoSided ? confLevel : 2 * confLevel - 1
    let alpha = 1 - level
    guard let low = ncp(t: t, df: df, cumulative: 1 - alpha / 2),
      let high = ncp(t: t, df: df, cumulative: alpha / 2)
    else { return nil }
    switch alternative {
    case .twoSided: return (low, high)
    case .greater: return (low, .infinity)
    case .less: return (-.infinity, high)
    }
  }

  /// The ncp at which P(T(df, ncp) ≤ t) equals `cumulative` (the
  /// probability falls as ncp grows).
  static func ncp(t: Double, df: Double, cumulative p: Double) -> Double? {
    let f = { (ncp: Double) in Distribution.noncentralT(t, df: df, ncp: ncp) - p }
    var step = max(1, abs(t) / 2)
    var lower = t - step
    var upper = t + step
    var fLower = f(lower)
    var fUpper = f(upper)
    var tries = 0
    while fLower < 0, tries < 60 {
      step *= 2
      lower = t - step
      fLower = f(lower)
      tries += 1
    }
    while fUpper > 0, tries < 120 {
      step *= 2
      upper = t + step
      fUpper = f(upper)
      tries += 1
    }
    return RootFinding.zeroin(f, lower: lower, upper: upper, fLower: fLower, fUpper: fUpper, tolerance: 1e-13)
  }
}

/// Roots of a function of one variable.
public enum RootFinding {
  /// A zero of `f` in [lower, upper], where f(lower) and f(upper) differ in
  /// sign, by Brent's method as R's `uniroot` runs it (the zeroin of
  /// Forsythe, Malcolm & Moler 1977: bisection combined with linear or
  /// inverse quadratic interpolation; R's `R_zeroin2`). Following R step
  /// for step matters where R itself stops early (`uniroot`'s default
  /// `tol` is 1.2e-4): then meting reports the same digits as R.
  ///
  /// The answer is within 4·ε·|x| + `tolerance` of a root. Returns nil
  /// when the ends do not bracket a root or the iterations run out.
  public static func zeroin(
    _ f: (Double) -> Double, lower: Double, upper: Double, fLower: Double? = nil, fUpper: Double? = nil,
    tolerance: Double, maxIterations: Int = 1000
  ) -> Double? {
    var a = lower
    var b = upper
    var fa = fLower ?? f(lower)
    var fb = fUpper ?? f(upper)
    guard fa.isFinite, fb.isFinite, (fa <= 0 && fb >= 0) || (fa >= 0 && fb <= 0) else { return nil }
    if fa == 0 { return a }
    if fb == 0 { return b }
    var c = a
    var fc = fa
    for _ in 0...maxIterations {
      let previousStep = b - a
      if abs(fc) < abs(fb) {
        (a, b, c) = (b, c, b)
        (fa, fb, fc) = (fb, fc, fb)
      }
      let tolerated = 2 * Double.ulpOfOne * abs(b) + tolerance / 2
      var step = (c - b) / 2
      if abs(step) <= tolerated || fb == 0 { return b }
      // Interpolate when the last step was large enough and went the
      // right way; accept it only if it stays well inside [b, c].
      if abs(previousStep) >= tolerated, abs(fa) > abs(fb) {
        let cb = c - b
        var p: Double
        var q: Double
        if a == c {
          let t1 = fb / fa
          p = cb * t1
          q = 1 - t1
        } else {
          let qa = fa / fc
          let t1 = fb / fc
          let t2 = fb / fa
          p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1))
          q = (qa - 1) * (t1 - 1) * (t2 - 1)
        }
        if p > 0 { q = -q } else { p = -p }
        if p < 0.75 * cb * q - abs(tolerated * q) / 2, p < abs(previousStep * q / 2) {
          step = p / q
        }
      }
      if abs(step) < tolerated { step = step > 0 ? tolerated : -tolerated }
      a = b
      fa = fb
      b += step
      fb = f(b)
      if (fb > 0 && fc > 0) || (fb < 0 && fc < 0) {
        c = a
        fc = fa
      }
    }
    return nil
  }

  /// The tolerance R's `uniroot` uses by default, ε^¼ ≈ 1.22e-4.
  public static let rDefaultTolerance = Double.ulpOfOne.squareRoot().squareRoot()
}

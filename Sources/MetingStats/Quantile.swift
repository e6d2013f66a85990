/// Sample quantiles by the definitions of Hyndman & Fan (1996).
///
/// Type 7 is R's `quantile()` default (also numpy, pandas, Excel
/// PERCENTILE.INC); type 6 is SPSS's and PSPP's HAVERAGE default in EXAMINE
/// and FREQUENCIES (also Minitab, Excel PERCENTILE.EXC). Both interpolate as
/// R does, `(1 − h)·x[j] + h·x[j+1]`, so results match R to the last bit.
public enum QuantileDefinition: String, CaseIterable, Sendable {
  /// R type 7: position h = (n − 1)p + 1.
  case type7
  /// R type 6 (SPSS HAVERAGE): position h = (n + 1)p.
  case type6

  public var words: String {
    switch self {
    case .type7: "R type 7"
    case .type6: "type 6 (SPSS HAVERAGE)"
    }
  }
}

public enum Quantile {
  /// The median of sorted data as R's `median()`: the middle value, or the
  /// mean of the two middle values; NaN when empty.
  public static func median(sorted x: [Double]) -> Double {
    guard !x.isEmpty else { return .nan }
    let half = x.count / 2
    return x.count % 2 == 1 ? x[half] : Summation.mean([x[half - 1], x[half]])
  }

  /// The `p` quantile of already sorted, NaN-free data; NaN when empty.
  public static func sorted(
    _ x: [Double], _ p: Double, definition: QuantileDefinition = .type7
  ) -> Double {
    let n = x.count
    guard n > 0 else { return .nan }
    let p = min(1, max(0, p))
    switch definition {
    case .type7:
      let index = 1 + Double(n - 1) * p
      let lo = index.rounded(.down)
      let hi = index.rounded(.up)
      let qLow = x[Int(lo) - 1]
      let qHigh = x[Int(hi) - 1]
      guard index > lo, qHigh != qLow else { return qLow }
      let h = index - lo
      return (1 - h) * qLow + h * qHigh
    case .type6:
      // R: a = b = 0, nppm = p(n + 1), with a fuzz of 4 ε on the fraction.
      let fuzz = 4 * Double.ulpOfOne
      let nppm = p * Double(n + 1)
      let j = (nppm + fuzz).rounded(.down)
      var h = nppm - j
      if abs(h) < fuzz { h = 0 }
      // Padded order statistics: x[0] and x[n+1] repeat the extremes.
      func order(_ k: Int) -> Double { x[min(max(k, 1), n) - 1] }
      let jInt = Int(j)
      let a = order(jInt)
      let b = order(jInt + 1)
      if h == 1 { return b }
      guard h > 0, h < 1, a != b else { return a }
      return (1 - h) * a + h * b
    }
  }
}

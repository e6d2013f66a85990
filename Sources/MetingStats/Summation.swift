/// Accurate sums and central moments of plain arrays.
///
/// Goals, in order: accuracy (NIST StRD univariate LRE at least what R
/// reaches), then speed. Sums are compensated (every addition's rounding
/// error is kept, Knuth's TwoSum), the mean gets R's second refinement pass, and
/// the variance uses the corrected two-pass algorithm of Chan, Golub &
/// LeVeque (1983): Σ(x − m)² − (Σ(x − m))²/n, which removes the rounding
/// error left in m. The textbook one-pass Σx² − (Σx)²/n is never used.
public enum Summation {
  /// Σx, compensated.
  public static func sum(_ x: [Double]) -> Double {
    var s = CompensatedSum()
    for v in x { s.add(v) }
    return s.value
  }

  /// The arithmetic mean: compensated Σx/n, refined by adding Σ(x − m)/n as
  /// R's `mean()` does. NaN for an empty array.
  public static func mean(_ x: [Double]) -> Double {
    guard !x.isEmpty else { return .nan }
    let n = Double(x.count)
    let m = sum(x) / n
    guard m.isFinite else { return m }
    var r = CompensatedSum()
    for v in x { r.add(v - m) }
    return m + r.value / n
  }

  /// Σ(x − m)², corrected for the rounding error in `m` (corrected two-pass).
  public static func sumOfSquaredDeviations(_ x: [Double], mean m: Double) -> Double {
    var squares = CompensatedSum()
    var deviations = CompensatedSum()
    for v in x {
      let d = v - m
      squares.add(d * d)
      deviations.add(d)
    }
    let s = deviations.value
    return squares.value - s * s / Double(x.count)
  }

  /// The sample variance with denominator n − 1 (R `var`); NaN when n < 2.
  public static func variance(_ x: [Double]) -> Double {
    guard x.count > 1 else { return .nan }
    return variance(x, mean: mean(x))
  }

  /// The sample variance about a known mean `m` of the same data.
  public static func variance(_ x: [Double], mean m: Double) -> Double {
    guard x.count > 1 else { return .nan }
    return max(0, sumOfSquaredDeviations(x, mean: m)) / Double(x.count - 1)
  }

  /// Σ(x − mx)(y − my) for equally long arrays, corrected two-pass.
  public static func sumOfCrossProducts(
    _ x: [Double], _ y: [Double], meanX: Double, meanY: Double
  ) -> Double {
    precondition(x.count == y.count, "cross products need equally long arrays")
    var products = CompensatedSum()
    var dxs = CompensatedSum()
    var dys = CompensatedSum()
    for i in x.indices {
      let dx = x[i] - meanX
      let dy = y[i] - meanY
      products.add(dx * dy)
      dxs.add(dx)
      dys.add(dy)
    }
    return products.value - dxs.value * dys.value / Double(x.count)
  }
}

/// A running sum with a compensation term that collects the rounding
/// error of every addition exactly (Knuth's branch-free TwoSum, which gives
/// the same error term as Neumaier's branchy version).
public struct CompensatedSum: Sendable {
  @usableFromInline var sum = 0.0
  @usableFromInline var compensation = 0.0

  @inlinable public init() {}

  @inlinable
  public mutating func add(_ v: Double) {
    let t = sum + v
    let vv = t - sum
    compensation += (sum - (t - vv)) + (v - vv)
    sum = t
  }

  @inlinable public var value: Double { sum + compensation }

  /// The sum as an unevaluated pair high + low, |low| ≤ ulp(high)/2.
  public var parts: (high: Double, low: Double) {
    let high = sum + compensation
    return (high, compensation - (high - sum))
  }
}

extension Summation {
  /// The mean as an unevaluated pair high + low (about 32 digits): the
  /// compensated sum divided by n with the division's remainder kept
  /// (fma). Deviations x − mean taken as (x − high) − low stay accurate
  /// when the data share many leading digits (NIST SmLs04–09).
  public static func preciseMean<C: Collection<Double>>(_ x: C) -> (high: Double, low: Double) {
    var s = CompensatedSum()
    for v in x { s.add(v) }
    let (sh, sl) = s.parts
    let n = Double(x.count)
    let high = sh / n
    // sh − high·n in one rounding (fma); exact, since high·n ≈ sh.
    let remainder = sh.addingProduct(-high, n)
    return (high, (remainder + sl) / n)
  }
}

/// Skewness, kurtosis and robust summaries, as SPSS and PSPP print them.
///
/// G1 = √(n(n−1))/(n−2)·m3/m2^{3/2} and
/// G2 = [(n+1)(m4/m2² − 3) + 6]·(n−1)/((n−2)(n−3)), m_k = Σ(x − x̄)^k/n
/// (SPSS/PSPP DESCRIPTIVES, Excel SKEW/KURT, scipy `bias=False`); standard
/// errors SE(G1) = √(6n(n−1)/((n−2)(n+1)(n+3))) and
/// SE(G2) = 2·SE(G1)·√((n²−1)/((n−3)(n+5))). Stata's `summarize, detail`
/// prints the uncorrected g1 and b2 instead.
public struct Shape: Sendable, Equatable {
  public let skewness: Double?
  public let seSkewness: Double?
  public let kurtosis: Double?
  public let seKurtosis: Double?
  /// The mean after removing ⌊n·trim⌋ values at each end (R `mean(x, trim)`).
  public let trimmedMean: Double?
  public let trim: Double
  public let iqr: Double?

  public init(_ x: [Double], trim: Double = 0.05, quantiles: QuantileDefinition = .type7) {
    let n = Double(x.count)
    self.trim = trim
    let sorted = x.sorted()
    iqr = x.isEmpty ? nil
      : Quantile.sorted(sorted, 0.75, definition: quantiles) - Quantile.sorted(sorted, 0.25, definition: quantiles)
    trimmedMean = Shape.trimmedMean(sorted: sorted, trim: trim)
    guard x.count >= 3 else {
      (skewness, seSkewness, kurtosis, seKurtosis) = (nil, nil, nil, nil)
      return
    }
    let m = Summation.mean(x)
    var c2 = CompensatedSum()
    var c3 = CompensatedSum()
    var c4 = CompensatedSum()
    for v in x {
      let d = v - m
      c2.add(d * d)
      c3.add(d * d * d)
      c4.add(d * d * d * d)
    }
    let m2 = c2.value / n
    let m3 = c3.value / n
    let m4 = c4.value / n
    // The standard errors depend on n only: SPSS prints them even when
    // the values are constant and G1, G2 are undefined (0/0).
    let seG1 = (6 * n * (n - 1) / ((n - 2) * (n + 1) * (n + 3))).squareRoot()
    seSkewness = seG1
    seKurtosis = x.count >= 4 ? 2 * seG1 * ((n * n - 1) / ((n - 3) * (n + 5))).squareRoot() : nil
    skewness = m2 > 0 ? (n * (n - 1)).squareRoot() / (n - 2) * m3 / (m2 * m2.squareRoot()) : nil
    kurtosis = m2 > 0 && x.count >= 4 ? ((n + 1) * (m4 / (m2 * m2) - 3) + 6) * (n - 1) / ((n - 2) * (n - 3)) : nil
  }

  /// R's `mean(x, trim)`: the median when trim ≥ 0.5.
  static func trimmedMean(sorted x: [Double], trim: Double) -> Double? {
    guard !x.isEmpty else { return nil }
    if trim >= 0.5 { return Quantile.median(sorted: x) }
    let lo = Int((Double(x.count) * trim).rounded(.down))
    return Summation.mean(Array(x[lo..<(x.count - lo)]))
  }
}

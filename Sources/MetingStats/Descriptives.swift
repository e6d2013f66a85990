/// Descriptive statistics of one variable.
///
/// n, mean, SD (denominator n − 1), SE = SD/√n, the t-based confidence
/// interval of the mean m ± t(1 − α/2, n − 1)·SE (R `t.test(x)$conf.int`,
/// SPSS/PSPP EXAMINE, Stata `ci means`), minimum, quartiles and maximum.
/// Quantities that need more data than there is are `nil`, not NaN.
public struct Descriptives: Sendable, Equatable {
  public let n: Int
  public let mean: Double?
  public let sd: Double?
  public let se: Double?
  public let min: Double?
  public let q1: Double?
  public let median: Double?
  public let q3: Double?
  public let max: Double?
  public let ciLow: Double?
  public let ciHigh: Double?
  public let confLevel: Double
  public let quantileDefinition: QuantileDefinition

  /// Describes `x`, which must not contain NaN (the caller drops missing
  /// values and reports how many).
  public init(
    _ x: [Double], confLevel: Double = 0.95, quantiles: QuantileDefinition = .type7
  ) throws(StatsError) {
    try requireConfidenceLevel(confLevel)
    let n = x.count
    self.n = n
    self.confLevel = confLevel
    self.quantileDefinition = quantiles
    guard n > 0 else {
      (mean, sd, se, min, q1, median, q3, max, ciLow, ciHigh) =
        (nil, nil, nil, nil, nil, nil, nil, nil, nil, nil)
      return
    }
    let sorted = x.sorted()
    let m = Summation.mean(x)
    mean = m
    min = sorted[0]
    max = sorted[n - 1]
    q1 = Quantile.sorted(sorted, 0.25, definition: quantiles)
    median = Quantile.sorted(sorted, 0.5, definition: quantiles)
    q3 = Quantile.sorted(sorted, 0.75, definition: quantiles)
    if n > 1 {
      let s = Summation.variance(x, mean: m).squareRoot()
      let standardError = s / Double(n).squareRoot()
      let q = Distribution.studentTQuantile(1 - (1 - confLevel) / 2, df: Double(n - 1))
      sd = s
      se = standardError
      ciLow = m - q * standardError
      ciHigh = m + q * standardError
    } else {
      (sd, se, ciLow, ciHigh) = (nil, nil, nil, nil)
    }
  }
}

/// n, mean and variance (n − 1) of a sample, without the order statistics
/// (no sort): the sufficient statistics of the t-tests and of Cohen's d.
/// Computed once per group and shared by a test and its effect sizes.
public struct SampleMoments: Sendable, Equatable {
  public let n: Int
  /// NaN when n = 0.
  public let mean: Double
  /// Denominator n − 1; NaN when n < 2.
  public let variance: Double

  public init(_ x: [Double]) {
    n = x.count
    mean = Summation.mean(x)
    variance = n > 1 ? Summation.variance(x, mean: mean) : .nan
  }

  public init(n: Int, mean: Double, variance: Double) {
    self.n = n
    self.mean = mean
    self.variance = variance
  }

  /// The mean, or nil for an empty sample.
  public var meanValue: Double? { n > 0 ? mean : nil }
  /// The SD, or nil when n < 2.
  public var sd: Double? { n > 1 ? variance.squareRoot() : nil }
  /// The standard error SD/√n, or nil when n < 2.
  public var se: Double? { n > 1 ? (variance / Double(n)).squareRoot() : nil }
}

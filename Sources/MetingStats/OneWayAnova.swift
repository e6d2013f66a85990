/// One-way analysis of variance of k groups, with Welch's heteroskedastic
/// version and Levene's test of equal variances.
///
/// Classical: F = MS_between/MS_within, SS_between = Σ n_g (m_g − m)²,
/// SS_within = Σ_g Σ (x − m_g)², each group mean and sum of squares by the
/// corrected two-pass algorithm (NIST SmLs and AtmWtAg at R's digits or
/// better). Welch (1951), as R `oneway.test` and SPSS /STATISTICS=WELCH:
/// w_g = n_g/s_g², m_w = Σw_g m_g/Σw_g, A = Σw_g(m_g − m_w)²/(k − 1),
/// λ = Σ(1 − w_g/Σw)²/(n_g − 1), F = A/(1 + 2(k − 2)λ/(k² − 1)),
/// df = (k − 1, (k² − 1)/(3λ)).
public struct OneWayAnova: Sendable {
  public struct Group: Sendable, Equatable {
    public let n: Int
    public let mean: Double
    public let variance: Double
  }

  public let groups: [Group]
  public let ssBetween: Double
  public let ssWithin: Double
  public var dfBetween: Int { groups.count - 1 }
  public var dfWithin: Int { groups.reduce(0) { $0 + $1.n } - groups.count }
  public var msWithin: Double { ssWithin / Double(dfWithin) }
  public var f: Double { (ssBetween / Double(dfBetween)) / msWithin }
  public var p: Double { Distribution.f(f, df1: Double(dfBetween), df2: Double(dfWithin), tail: .upper) }
  /// η² = SS_between/SS_total.
  public var eta2: Double { ssBetween / (ssBetween + ssWithin) }

  /// - Throws: fewer than two groups with data, a group with no values,
  ///   no within-group degrees of freedom, or zero within-group variance.
  public init(_ samples: [[Double]], names: [String]? = nil) throws(StatsError) {
    guard samples.count >= 2 else { throw .tooFewObservations(what: "groups", needed: 2, got: samples.count) }
    for (g, s) in samples.enumerated() where s.isEmpty {
      throw .tooFewObservations(what: names?[g] ?? "group \(g + 1)", needed: 1, got: 0)
    }
    groups = samples.map { s in
      let m = Summation.mean(s)
      return Group(n: s.count, mean: m, variance: s.count > 1 ? Summation.variance(s, mean: m) : 0)
    }
    let total = samples.reduce(0) { $0 + $1.count }
    guard total > samples.count else {
      throw .tooFewObservations(what: "the groups (more values than groups)", needed: samples.count + 1, got: total)
    }
    // Means as high + low pairs, so that deviations keep their digits when
    // the values share many leading digits (NIST SmLs07–09).
    let means = samples.map { Summation.preciseMean($0) }
    let grand = Summation.preciseMean(samples.joined())
    var between = CompensatedSum()
    var within = CompensatedSum()
    for (g, s) in zip(means, samples) {
      let d = (g.high - grand.high) + (g.low - grand.low)
      between.add(Double(s.count) * d * d)
      for v in s {
        let e = (v - g.high) - g.low
        within.add(e * e)
      }
    }
    ssBetween = between.value
    ssWithin = max(0, within.value)
    guard ssWithin > 0 else {
      throw .constantData(what: "the values within every group")
    }
  }

  /// Welch's F for unequal variances (R `oneway.test`).
  public func welch() throws(StatsError) -> (f: Double, df1: Double, df2: Double, p: Double) {
    for g in groups where g.n < 2 || g.variance <= 0 {
      throw g.n < 2
        ? .tooFewObservations(what: "each group (Welch's ANOVA)", needed: 2, got: g.n)
        : .constantData(what: "the values of a group (Welch's ANOVA weights by 1/variance)")
    }
    let k = Double(groups.count)
    let w = groups.map { Double($0.n) / $0.variance }
    let sw = w.reduce(0, +)
    let mw = zip(w, groups).reduce(0) { $0 + $1.0 * $1.1.mean } / sw
    let a = zip(w, groups).reduce(0) { $0 + $1.0 * ($1.1.mean - mw) * ($1.1.mean - mw) } / (k - 1)
    let lambda = zip(w, groups).reduce(0) { $0 + (1 - $1.0 / sw) * (1 - $1.0 / sw) / Double($1.1.n - 1) }
    let f = a / (1 + 2 * (k - 2) * lambda / (k * k - 1))
    let df2 = (k * k - 1) / (3 * lambda)
    return (f, k - 1, df2, Distribution.f(f, df1: k - 1, df2: df2, tail: .upper))
  }

  /// Levene's test: the one-way F of |x − centre of its group|, the centre
  /// the mean (SPSS, PSPP) or the median (Brown–Forsythe; `car::leveneTest`
  /// and scipy's default).
  public enum LeveneCentre: String, Sendable {
    case mean
    case median
  }

  public static func levene(_ samples: [[Double]], centre: LeveneCentre) throws(StatsError) -> (f: Double, df1: Int, df2: Int, p: Double) {
    let deviations = samples.map { s -> [Double] in
      let c = centre == .mean ? Summation.mean(s) : Quantile.median(sorted: s.sorted())
      return s.map { abs($0 - c) }
    }
    let anova = try OneWayAnova(deviations)
    return (anova.f, anova.dfBetween, anova.dfWithin, anova.p)
  }
}

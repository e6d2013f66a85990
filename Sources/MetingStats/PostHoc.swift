/// Pairwise comparisons after a one-way ANOVA, every pair (i, j), i < j,
/// reported as mean_j − mean_i (R `TukeyHSD`'s "j-i" order).
///
/// - Tukey HSD (Tukey–Kramer for unequal n), as R `TukeyHSD`, PSPP and
///   scipy: q = |m_j − m_i| / √(MS_within/2 · (1/n_i + 1/n_j)),
///   p = P(Q(k, N − k) > q), CI = diff ± q_{1−α}(k, N − k)·√(MS_within/2·(…)).
/// - Games–Howell (unequal variances), as PSPP /POSTHOC=GH and pingouin:
///   SE = √(v_i + v_j) with v = s²/n, Welch–Satterthwaite df,
///   q = |diff|/SE·√2, p = P(Q(k, df) > q), CI = diff ± q_{1−α}(k, df)/√2·SE.
public enum PostHoc {
  public struct Comparison: Sendable, Equatable {
    public let first: Int
    public let second: Int
    /// mean(second) − mean(first).
    public let difference: Double
    public let se: Double
    public let q: Double
    public let df: Double
    public let p: Double
    public let ciLow: Double
    public let ciHigh: Double
  }

  public static func tukey(_ anova: OneWayAnova, confLevel: Double = 0.95) throws(StatsError) -> [Comparison] {
    try requireConfidenceLevel(confLevel)
    let k = Double(anova.groups.count)
    let df = Double(anova.dfWithin)
    let critical = Distribution.studentizedRangeQuantile(confLevel, means: k, df: df)
    var out: [Comparison] = []
    for i in anova.groups.indices {
      for j in (i + 1)..<anova.groups.count {
        let (a, b) = (anova.groups[i], anova.groups[j])
        let difference = b.mean - a.mean
        let scale = (anova.msWithin / 2 * (1 / Double(a.n) + 1 / Double(b.n))).squareRoot()
        let q = abs(difference) / scale
        out.append(Comparison(
          first: i, second: j, difference: difference, se: scale * 2.0.squareRoot(), q: q, df: df,
          p: Distribution.studentizedRange(q, means: k, df: df, tail: .upper),
          ciLow: difference - critical * scale, ciHigh: difference + critical * scale))
      }
    }
    return out
  }

  public static func gamesHowell(_ anova: OneWayAnova, confLevel: Double = 0.95) throws(StatsError) -> [Comparison] {
    try requireConfidenceLevel(confLevel)
    for g in anova.groups where g.n < 2 {
      throw .tooFewObservations(what: "each group (Games–Howell)", needed: 2, got: g.n)
    }
    let k = Double(anova.groups.count)
    var out: [Comparison] = []
    for i in anova.groups.indices {
      for j in (i + 1)..<anova.groups.count {
        let (a, b) = (anova.groups[i], anova.groups[j])
        let va = a.variance / Double(a.n)
        let vb = b.variance / Double(b.n)
        let se = (va + vb).squareRoot()
        guard se > 0 else { throw .constantData(what: "the values of two groups (Games–Howell)") }
        let df = (va + vb) * (va + vb) / (va * va / Double(a.n - 1) + vb * vb / Double(b.n - 1))
        let difference = b.mean - a.mean
        let q = abs(difference) / se * 2.0.squareRoot()
        let critical = Distribution.studentizedRangeQuantile(confLevel, means: k, df: df) / 2.0.squareRoot() * se
        out.append(Comparison(
          first: i, second: j, difference: difference, se: se, q: q, df: df,
          p: Distribution.studentizedRange(q, means: k, df: df, tail: .upper),
          ciLow: difference - critical, ciHigh: difference + critical))
      }
    }
    return out
  }
}

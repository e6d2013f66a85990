import Foundation

/// The Wilcoxon signed-rank test (one sample, or paired differences), as
/// R's `wilcox.test(x, mu = μ0)` / `wilcox.test(x, y, paired = TRUE)`.
///
/// d = x − μ0; zero differences are dropped (Wilcoxon's rule; R, SPSS,
/// scipy `zero_method = "wilcox"`); V = the sum of the ranks of |d| over
/// the positive d (R's V = W+). Exact p (psignrank) when n < 50 and there
/// are no ties or zeros (R < 4.6's rule); else the normal approximation
/// with E = n(n+1)/4, Var = n(n+1)(2n+1)/24 − Σ(t³−t)/48 and, by default,
/// a continuity correction of ½ (R `correct = TRUE`; SPSS and PSPP use
/// none). The Hodges–Lehmann estimate (pseudomedian) and its interval come
/// from the Walsh averages when exact, else from inverting the normal
/// statistic by R's root search (`uniroot`, tol 1e-4 unless given).
public enum WilcoxonSignedRank {
  public static func test(
    _ x: [Double], mu: Double = 0, alternative: Alternative = .twoSided, exact requested: Bool? = nil,
    correct: Bool = true, confLevel: Double = 0.95, rootTolerance: Double = 1e-4,
    paired: Bool = false
  ) throws(StatsError) -> HypothesisTest {
    try requireConfidenceLevel(confLevel)
    guard !x.isEmpty else { throw .tooFewObservations(what: "x", needed: 1, got: 0) }
    let shifted = x.map { $0 - mu }
    let zeroes = shifted.contains(0)
    let d = shifted.filter { $0 != 0 }
    let n = Double(d.count)
    guard !d.isEmpty else {
      throw .constantData(what: paired ? "the paired differences (all equal to μ0)" : "the values (all equal to μ0)")
    }
    let exact = requested ?? (n < 50)
    let ranks = Ranks(d.map(abs))
    let v = zip(ranks.ranks, d).reduce(0) { $1.1 > 0 ? $0 + $1.0 : $0 }
    let name = "Wilcoxon signed rank"
    if exact && !ranks.hasTies && !zeroes {
      return Distribution.withWilcoxonTables { t in
        let p: Double
        switch alternative {
        case .twoSided:
          let one = v > n * (n + 1) / 4 ? t.signedRank(v - 1, n: n, tail: .upper) : t.signedRank(v, n: n)
          p = min(2 * one, 1)
        case .greater: p = t.signedRank(v - 1, n: n, tail: .upper)
        case .less: p = t.signedRank(v, n: n)
        }
        // Hodges–Lehmann: the Walsh averages (x_i + x_j)/2, i ≤ j.
        let values = d.map { $0 + mu }
        var walsh: [Double] = []
        walsh.reserveCapacity(values.count * (values.count + 1) / 2)
        for i in values.indices { for j in i..<values.count { walsh.append((values[i] + values[j]) / 2) } }
        walsh.sort()
        let alpha = 1 - confLevel
        let total = n * (n + 1) / 2
        var low = -Double.infinity
        var high = Double.infinity
        let achieved: Double
        switch alternative {
        case .twoSided:
          var qu = t.signedRankQuantile(alpha / 2, n: n)
          if qu == 0 { qu = 1 }
          let ql = total - qu
          achieved = 2 * t.signedRank(qu.rounded(.towardZero) - 1, n: n)
          low = walsh[Int(qu) - 1]
          high = walsh[Int(ql)]
        case .greater:
          var qu = t.signedRankQuantile(alpha, n: n)
          if qu == 0 { qu = 1 }
          achieved = t.signedRank(qu.rounded(.towardZero) - 1, n: n)
          low = walsh[Int(qu) - 1]
        case .less:
          var qu = t.signedRankQuantile(alpha, n: n)
          if qu == 0 { qu = 1 }
          let ql = total - qu
          achieved = t.signedRank(qu.rounded(.towardZero) - 1, n: n)
          high = walsh[Int(ql)]
        }
        let level = achieved - alpha > alpha / 2 ? 1 - significant(achieved, 2) : confLevel
        return HypothesisTest(
          statisticKey: "v", statistic: v, p: p, estimateName: "(pseudo)median", estimate: Quantile.median(sorted: walsh),
          ciLow: low, ciHigh: high, confLevel: level, alternative: alternative,
          method: "\(name) exact test, \(alternative.words)", exact: true, n: d.count)
      }
    }
    // Normal approximation.
    let sigma = (n * (n + 1) * (2 * n + 1) / 24 - ranks.tieCorrection / 48).squareRoot()
    guard sigma > 0 else { throw .constantData(what: "the absolute differences") }
    let z0 = v - n * (n + 1) / 4
    let correction = correct ? continuity(z0, alternative) : 0
    let z = (z0 - correction) / sigma
    let p = normalP(z, alternative)
    // Interval and estimate by inverting the statistic (R's wilcox.test).
    let values = d.map { $0 + mu }
    func w(_ shift: Double, corrected: Bool) -> Double {
      let xd = values.map { $0 - shift }.filter { $0 != 0 }
      let nx = Double(xd.count)
      let r = Ranks(xd.map(abs))
      let zd = zip(r.ranks, xd).reduce(0) { $1.1 > 0 ? $0 + $1.0 : $0 } - nx * (nx + 1) / 4
      let s = (nx * (nx + 1) * (2 * nx + 1) / 24 - r.tieCorrection / 48).squareRoot()
      let c = corrected ? continuity(zd, alternative) : 0
      return (zd - c) / s
    }
    let low = values.min() ?? 0
    let high = values.max() ?? 0
    let interval = invertNormal(
      { w($0, corrected: correct) }, lower: low, upper: high, confLevel: confLevel,
      alternative: alternative, tolerance: rootTolerance, fallback: Quantile.median(sorted: values.sorted()))
    // All values tied: W is 0/0 everywhere, so R gives no interval
    // (conf.level 0) and the midrange as the estimate.
    let allTied = !w(low, corrected: false).isFinite
    let estimate =
      allTied
      ? (low + high) / 2
      : RootFinding.zeroin({ w($0, corrected: false) }, lower: low, upper: high, tolerance: rootTolerance)
    return HypothesisTest(
      statisticKey: "v", statistic: v, p: p, estimateName: allTied ? "midrange" : "(pseudo)median", estimate: estimate,
      ciLow: interval.low, ciHigh: interval.high, confLevel: interval.level, alternative: alternative,
      method: "\(name) test\(correct ? " with continuity correction" : ""), normal approximation, \(alternative.words)"
        + (ranks.hasTies || zeroes ? " (ties or zeros: no exact p)" : ""),
      exact: false, n: d.count)
  }
}

/// R's continuity correction for a centred statistic.
func continuity(_ z: Double, _ alternative: Alternative) -> Double {
  switch alternative {
  case .twoSided: z > 0 ? 0.5 : (z < 0 ? -0.5 : 0)
  case .greater: 0.5
  case .less: -0.5
  }
}

/// The p-value of a standard normal statistic.
func normalP(_ z: Double, _ alternative: Alternative) -> Double {
  switch alternative {
  case .less: Distribution.normal(z)
  case .greater: Distribution.normal(z, tail: .upper)
  case .twoSided: 2 * min(Distribution.normal(z), Distribution.normal(z, tail: .upper))
  }
}

/// `x` rounded to `digits` significant digits (R `signif`).
func significant(_ x: Double, _ digits: Int) -> Double {
  guard x != 0, x.isFinite else { return x }
  let scale = pow(10, floor(log10(abs(x))) - Double(digits) + 1)
  return (x / scale).rounded() * scale
}

/// The confidence interval of a location shift found by inverting a
/// standardised statistic W(d), decreasing in d, at the normal quantiles,
/// as R's `wilcox.test` does (widening α when the data cannot reach it).
func invertNormal(
  _ w: (Double) -> Double, lower: Double, upper: Double, confLevel: Double, alternative: Alternative,
  tolerance: Double, fallback: Double, clampToEnds: Bool = false
) -> (low: Double?, high: Double?, level: Double) {
  let wLower = w(lower)
  let wUpper = w(upper)
  guard wLower.isFinite, wUpper.isFinite else {
    return (alternative == .less ? -.infinity : nil, alternative == .greater ? .infinity : nil, 0)
  }
  func root(_ zq: Double) -> Double? {
    if clampToEnds {
      if wLower - zq <= 0 { return lower }
      if wUpper - zq >= 0 { return upper }
    }
    return RootFinding.zeroin(
      { w($0) - zq }, lower: lower, upper: upper, fLower: wLower - zq, fUpper: wUpper - zq, tolerance: tolerance)
  }
  var alpha = 1 - confLevel
  var level = confLevel
  switch alternative {
  case .twoSided:
    if !clampToEnds {
      while alpha < 1, wLower - Distribution.normalQuantile(alpha / 2, tail: .upper) < 0
        || wUpper - Distribution.normalQuantile(alpha / 2) > 0
      {
        alpha *= 2
      }
      if alpha >= 1 || 1 - confLevel < alpha * 0.75 { level = 1 - min(1, alpha) }
      if alpha >= 1 { return (fallback, fallback, level) }
    }
    return (root(Distribution.normalQuantile(alpha / 2, tail: .upper)), root(Distribution.normalQuantile(alpha / 2)), level)
  case .greater:
    if !clampToEnds {
      while alpha < 1, wLower - Distribution.normalQuantile(alpha, tail: .upper) < 0 { alpha *= 2 }
      if alpha >= 1 || 1 - confLevel < alpha * 0.75 { level = 1 - min(1, alpha) }
      if alpha >= 1 { return (fallback, .infinity, level) }
    }
    return (root(Distribution.normalQuantile(alpha, tail: .upper)), .infinity, level)
  case .less:
    if !clampToEnds {
      while alpha < 1, wUpper - Distribution.normalQuantile(alpha / 2) > 0 { alpha *= 2 }
      if alpha >= 1 || 1 - confLevel < alpha * 0.75 { level = 1 - min(1, alpha) }
      if alpha >= 1 { return (-.infinity, fallback, level) }
    }
    return (-.infinity, root(Distribution.normalQuantile(alpha)), level)
  }
}

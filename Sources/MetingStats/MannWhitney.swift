/// The Wilcoxon rank-sum (Mann–Whitney) test, as R's `wilcox.test(x, y)`.
///
/// W = R₁ − n₁(n₁+1)/2 (R's W = U₁; SPSS prints U = min(U₁, U₂)). Exact p
/// (pwilcox) when both samples are below 50 and there are no ties (R's
/// rule); else the normal approximation with E = n₁n₂/2,
/// Var = n₁n₂/12·[(N+1) − Σ(t³−t)/(N(N−1))] and a continuity correction of
/// ½ by default (R; SPSS and PSPP use none). The Hodges–Lehmann estimate is
/// the median of the pairwise differences x_i − y_j when exact, else found
/// by R's root search, as is its interval.
public enum MannWhitney {
  public static func test(
    _ x: [Double], _ y: [Double], mu: Double = 0, alternative: Alternative = .twoSided, exact requested: Bool? = nil,
    correct: Bool = true, confLevel: Double = 0.95, rootTolerance: Double = 1e-4,
    names: (String, String) = ("the first group", "the second group")
  ) throws(StatsError) -> HypothesisTest {
    try requireConfidenceLevel(confLevel)
    guard !x.isEmpty else { throw .tooFewObservations(what: names.0, needed: 1, got: 0) }
    guard !y.isEmpty else { throw .tooFewObservations(what: names.1, needed: 1, got: 0) }
    let nx = Double(x.count)
    let ny = Double(y.count)
    let ranks = Ranks(x.map { $0 - mu } + y)
    let w = ranks.ranks.prefix(x.count).reduce(0, +) - nx * (nx + 1) / 2
    let exact = requested ?? (nx < 50 && ny < 50)
    if exact && !ranks.hasTies {
      return Distribution.withWilcoxonTables { t in
        let p: Double
        switch alternative {
        case .twoSided:
          let one = w > nx * ny / 2 ? t.rankSum(w - 1, m: nx, n: ny, tail: .upper) : t.rankSum(w, m: nx, n: ny)
          p = min(2 * one, 1)
        case .greater: p = t.rankSum(w - 1, m: nx, n: ny, tail: .upper)
        case .less: p = t.rankSum(w, m: nx, n: ny)
        }
        var diffs: [Double] = []
        diffs.reserveCapacity(x.count * y.count)
        for b in y { for a in x { diffs.append(a - b) } }
        diffs.sort()
        let alpha = 1 - confLevel
        var low = -Double.infinity
        var high = Double.infinity
        let achieved: Double
        switch alternative {
        case .twoSided:
          var qu = t.rankSumQuantile(alpha / 2, m: nx, n: ny)
          if qu == 0 { qu = 1 }
          let ql = nx * ny - qu
          achieved = 2 * t.rankSum(qu.rounded(.towardZero) - 1, m: nx, n: ny)
          low = diffs[Int(qu) - 1]
          high = diffs[Int(ql)]
        case .greater:
          var qu = t.rankSumQuantile(alpha, m: nx, n: ny)
          if qu == 0 { qu = 1 }
          achieved = t.rankSum(qu.rounded(.towardZero) - 1, m: nx, n: ny)
          low = diffs[Int(qu) - 1]
        case .less:
          var qu = t.rankSumQuantile(alpha, m: nx, n: ny)
          if qu == 0 { qu = 1 }
          let ql = nx * ny - qu
          achieved = t.rankSum(qu.rounded(.towardZero) - 1, m: nx, n: ny)
          high = diffs[Int(ql)]
        }
        let level = achieved - alpha > alpha / 2 ? 1 - achieved : confLevel
        return HypothesisTest(
          statisticKey: "w", statistic: w, p: p, estimateName: "difference in location",
          estimate: Quantile.median(sorted: diffs), ciLow: low, ciHigh: high, confLevel: level,
          alternative: alternative, method: "Wilcoxon rank sum exact test, \(alternative.words)", exact: true,
          n: x.count + y.count)
      }
    }
    let total = nx + ny
    func sigma(_ r: Ranks) -> Double {
      ((nx * ny / 12) * ((total + 1) - r.tieCorrection / (total * (total - 1)))).squareRoot()
    }
    let s = sigma(ranks)
    guard s > 0 else { throw .constantData(what: "the two groups (all values tied)") }
    let z0 = w - nx * ny / 2
    let z = (z0 - (correct ? continuity(z0, alternative) : 0)) / s
    let p = normalP(z, alternative)
    func standardized(_ shift: Double, corrected: Bool) -> Double {
      let r = Ranks(x.map { $0 - shift } + y)
      let dz = r.ranks.prefix(x.count).reduce(0, +) - nx * (nx + 1) / 2 - nx * ny / 2
      let c = corrected ? continuity(dz, alternative) : 0
      return (dz - c) / sigma(r)
    }
    let lower = (x.min() ?? 0) - (y.max() ?? 0)
    let upper = (x.max() ?? 0) - (y.min() ?? 0)
    let interval = invertNormal(
      { standardized($0, corrected: correct) }, lower: lower, upper: upper, confLevel: confLevel,
      alternative: alternative, tolerance: rootTolerance, fallback: 0, clampToEnds: true)
    let estimate = RootFinding.zeroin(
      { standardized($0, corrected: false) }, lower: lower, upper: upper, tolerance: rootTolerance)
    return HypothesisTest(
      statisticKey: "w", statistic: w, p: p, estimateName: "difference in location", estimate: estimate,
      ciLow: interval.low, ciHigh: interval.high, confLevel: confLevel, alternative: alternative,
      method: "Wilcoxon rank sum test\(correct ? " with continuity correction" : ""), normal approximation, \(alternative.words)"
        + (ranks.hasTies ? " (ties: no exact p)" : ""),
      exact: false, n: x.count + y.count)
  }
}

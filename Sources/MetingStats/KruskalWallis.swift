/// The Kruskal–Wallis rank sum test of k groups, as R's `kruskal.test`:
/// H = [12/(N(N+1))·Σ R_j²/n_j − 3(N+1)] / [1 − Σ(t³−t)/(N³−N)] (tie
/// corrected, as every anchor), against χ²(k − 1). The tie sizes t come
/// from R's `table(x)`, which treats values equal to 15 digits as tied
/// (see `RTable`).
public enum KruskalWallis {
  public static func test(_ groups: [[Double]]) throws(StatsError) -> HypothesisTest {
    let nonEmpty = groups.filter { !$0.isEmpty }
    guard nonEmpty.count >= 2 else {
      throw .tooFewObservations(what: "groups with data", needed: 2, got: nonEmpty.count)
    }
    let all = nonEmpty.flatMap { $0 }
    let n = Double(all.count)
    let ranks = Ranks(all)
    var start = 0
    var sum = 0.0
    for g in nonEmpty {
      let r = ranks.ranks[start..<(start + g.count)].reduce(0, +)
      sum += r * r / Double(g.count)
      start += g.count
    }
    let ties = RTable.counts(all).reduce(0.0) { $0 + Double($1 * $1 * $1 - $1) }
    let denominator = 1 - ties / (n * n * n - n)
    guard denominator > 0 else { throw .constantData(what: "all values (every one tied)") }
    let h = (12 * sum / (n * (n + 1)) - 3 * (n + 1)) / denominator
    let df = Double(nonEmpty.count - 1)
    return HypothesisTest(
      statisticKey: "chi2", statistic: h, df: df, p: Distribution.chiSquared(h, df: df, tail: .upper),
      alternative: .twoSided, method: "Kruskal–Wallis rank sum test (tie-corrected H, χ² approximation)",
      exact: false, n: all.count)
  }
}

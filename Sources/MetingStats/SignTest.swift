/// The sign test: the number of positive differences x − μ0 among the
/// non-zero ones, against Binomial(n, ½); exact two-sided p as R's
/// `binom.test` (the sum of the probabilities of outcomes no more likely
/// than the observed, with R's relative tolerance 1 + 1e-7).
public enum SignTest {
  public static func test(_ x: [Double], mu: Double = 0, alternative: Alternative = .twoSided) throws(StatsError)
    -> HypothesisTest
  {
    let d = x.map { $0 - mu }.filter { $0 != 0 }
    guard !d.isEmpty else { throw .constantData(what: "the differences (all zero)") }
    let n = Double(d.count)
    let positive = Double(d.filter { $0 > 0 }.count)
    let p: Double
    switch alternative {
    case .less: p = Distribution.binomial(positive, n: n, p: 0.5)
    case .greater: p = Distribution.binomial(positive - 1, n: n, p: 0.5, tail: .upper)
    case .twoSided:
      // binom.test with p = ½ is symmetric: the smaller tail, doubled.
      if positive == n / 2 {
        p = 1
      } else {
        let tail = positive < n / 2
          ? Distribution.binomial(positive, n: n, p: 0.5)
          : Distribution.binomial(positive - 1, n: n, p: 0.5, tail: .upper)
        p = min(1, 2 * tail)
      }
    }
    return HypothesisTest(
      statisticKey: "s", statistic: positive, p: p, estimateName: "proportion positive", estimate: positive / n,
      alternative: alternative, method: "Sign test (exact binomial), \(alternative.words)", exact: true, n: d.count)
  }
}

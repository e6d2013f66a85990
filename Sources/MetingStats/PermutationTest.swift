/// The permutation test of a difference in means between two groups: the
/// group labels are reassigned at random (or in every possible way) and
/// the observed difference is compared with the differences so obtained.
///
/// Exact when the number of relabellings, C(n1 + n2, n1), is at most
/// `exactLimit` (every one is enumerated); otherwise Monte Carlo with
/// p = (b + 1)/(B + 1), b the number of relabellings at least as extreme
/// (Phipson & Smyth 2010; scipy's `permutation_test`). Two-sided counts
/// |T*| ≥ |T|, which for unequal groups is not scipy's 2·min(one-sided).
/// Ties in T are judged with a relative tolerance of 1e-12.
public enum PermutationTest {
  public static func meanDifference(
    _ x: [Double], _ y: [Double], alternative: Alternative = .twoSided, replicates: Int = 10_000,
    exactLimit: Double = 200_000, generator: inout SeededGenerator, progress: ((Int) -> Bool)? = nil,
    names: (String, String) = ("the first group", "the second group")
  ) throws(StatsError) -> HypothesisTest {
    guard !x.isEmpty else { throw .tooFewObservations(what: names.0, needed: 1, got: 0) }
    guard !y.isEmpty else { throw .tooFewObservations(what: names.1, needed: 1, got: 0) }
    guard x.count + y.count >= 3 else {
      throw .tooFewObservations(what: "the two groups", needed: 3, got: x.count + y.count)
    }
    let all = x + y
    let n1 = x.count
    let total = Summation.sum(all)
    let n = all.count
    func difference(sumOfFirst s: Double) -> Double { s / Double(n1) - (total - s) / Double(n - n1) }
    let observed = difference(sumOfFirst: Summation.sum(x))
    let tolerance = 1e-12 * max(1, abs(observed))
    func extreme(_ t: Double) -> Bool {
      switch alternative {
      case .twoSided: abs(t) >= abs(observed) - tolerance
      case .greater: t >= observed - tolerance
      case .less: t <= observed + tolerance
      }
    }
    let combinations = binomialCoefficient(n, n1)
    if combinations <= exactLimit {
      // Every subset of n1 indices, in lexicographic order.
      var index = Array(0..<n1)
      var hits = 0.0
      var count = 0.0
      while true {
        var s = 0.0
        for i in index { s += all[i] }
        if extreme(difference(sumOfFirst: s)) { hits += 1 }
        count += 1
        var k = n1 - 1
        while k >= 0, index[k] == n - n1 + k { k -= 1 }
        if k < 0 { break }
        index[k] += 1
        for j in (k + 1)..<n1 { index[j] = index[j - 1] + 1 }
      }
      return HypothesisTest(
        statisticKey: "mean_diff", statistic: observed, p: hits / count, alternative: alternative,
        method: "Permutation test of the difference in means, exact (\(Int(count)) relabellings), \(alternative.words)",
        exact: true, n: n)
    }
    guard replicates >= 1 else { throw .invalidArgument("the permutation test needs at least 1 replicate") }
    var shuffled = all
    var hits = 0
    for b in 0..<replicates {
      // A partial Fisher–Yates shuffle picks the first group.
      var s = 0.0
      for i in 0..<n1 {
        let j = i + generator.below(n - i)
        shuffled.swapAt(i, j)
        s += shuffled[i]
      }
      if extreme(difference(sumOfFirst: s)) { hits += 1 }
      if b % 1024 == 1023, let progress, !progress(b + 1) {
        throw .invalidArgument("cancelled after \(b + 1) of \(replicates) permutations; nothing was changed")
      }
    }
    return HypothesisTest(
      statisticKey: "mean_diff", statistic: observed, p: Double(hits + 1) / Double(replicates + 1),
      alternative: alternative,
      method: "Permutation test of the difference in means, Monte Carlo (\(replicates) relabellings, p = (b+1)/(B+1)), \(alternative.words)",
      exact: false, n: n)
  }

  /// C(n, k) as a Double (may be inexact beyond 2^53; only compared with a limit).
  static func binomialCoefficient(_ n: Int, _ k: Int) -> Double {
    let k = min(k, n - k)
    var c = 1.0
    if k > 0 { for i in 1...k { c = c * Double(n - k + i) / Double(i) } }
    return c
  }
}

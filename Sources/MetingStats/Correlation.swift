import Foundation

/// Correlation tests as R's `cor.test`.
public enum Correlation {
  /// The method of `cor.test(method = …)`.
  public enum Method: String, CaseIterable, Sendable {
    case pearson
    case spearman
    case kendall
  }

  /// Pearson's r = Sxy/√(Sxx·Syy) (centred, compensated sums); t = r√(n−2)/√(1−r²)
  /// with n − 2 df; CI by Fisher's z: tanh(atanh r ± z_{1−α/2}/√(n−3)) (R,
  /// scipy), given when n > 3.
  public static func pearson(
    _ x: [Double], _ y: [Double], alternative: Alternative = .twoSided, confLevel: Double = 0.95
  ) throws(StatsError) -> HypothesisTest {
    try requireConfidenceLevel(confLevel)
    guard x.count >= 3 else { throw .tooFewObservations(what: "complete pairs", needed: 3, got: x.count) }
    let r = try coefficient(x, y)
    let n = Double(x.count)
    let df = n - 2
    let t = df.squareRoot() * r / (1 - r * r).squareRoot()
    let p: Double =
      switch alternative {
      case .less: Distribution.studentT(t, df: df)
      case .greater: Distribution.studentT(t, df: df, tail: .upper)
      case .twoSided: 2 * min(Distribution.studentT(t, df: df), Distribution.studentT(t, df: df, tail: .upper))
      }
    var low: Double? = nil
    var high: Double? = nil
    if n > 3 {
      let z = atanh(r)
      let sigma = 1 / (n - 3).squareRoot()
      switch alternative {
      case .less:
        low = -1
        high = tanh(z + sigma * Distribution.normalQuantile(confLevel))
      case .greater:
        low = tanh(z - sigma * Distribution.normalQuantile(confLevel))
        high = 1
      case .twoSided:
        let q = Distribution.normalQuantile((1 + confLevel) / 2)
        low = tanh(z - sigma * q)
        high = tanh(z + sigma * q)
      }
    }
    return HypothesisTest(
      statisticKey: "t", statistic: t, df: df, p: p, estimateName: "r", estimate: r, ciLow: low, ciHigh: high,
      confLevel: n > 3 ? confLevel : nil, alternative: alternative,
      method: "Pearson's product-moment correlation, t test; Fisher z interval, \(alternative.words)",
      exact: false, n: x.count)
  }

  /// Pearson's r of complete pairs.
  public static func coefficient(_ x: [Double], _ y: [Double]) throws(StatsError) -> Double {
    precondition(x.count == y.count, "correlation needs pairs")
    let mx = Summation.mean(x)
    let my = Summation.mean(y)
    let sxx = Summation.sumOfSquaredDeviations(x, mean: mx)
    let syy = Summation.sumOfSquaredDeviations(y, mean: my)
    guard sxx > 0 else { throw .constantData(what: "the first variable's values") }
    guard syy > 0 else { throw .constantData(what: "the second variable's values") }
    let r = Summation.sumOfCrossProducts(x, y, meanX: mx, meanY: my) / (sxx * syy).squareRoot()
    return max(-1, min(1, r))
  }

  /// Spearman's ρ = Pearson's r of the ranks; S = (n³ − n)(1 − ρ)/6. The
  /// p-value is exact (AS 89: enumeration for n ≤ 9, an Edgeworth series
  /// above; R's `prho`) for n ≤ 1290 without ties, as R; with ties or
  /// `exact = false`, the t approximation r/√((1−r²)/(n−2)) on n − 2 df
  /// (scipy's and SPSS's method).
  public static func spearman(
    _ x: [Double], _ y: [Double], alternative: Alternative = .twoSided, exact requested: Bool? = nil
  ) throws(StatsError) -> HypothesisTest {
    guard x.count >= 2 else { throw .tooFewObservations(what: "complete pairs", needed: 2, got: x.count) }
    let rx = Ranks(x)
    let ry = Ranks(y)
    let rho = try coefficient(rx.ranks, ry.ranks)
    let n = Double(x.count)
    let q = (n * n * n - n) * (1 - rho) / 6
    let ties = rx.hasTies || ry.hasTies
    let exact = (requested ?? true) && !ties && n <= 1290
    func p(_ lowerTail: Bool) -> Double {
      if exact { return SpearmanExact.probability(n: x.count, s: q.rounded(.toNearestOrEven) + (lowerTail ? 2 : 0), lowerTail: lowerTail) }
      let den = n * (n * n - 1) / 6
      let r = 1 - q / den
      let t = r / ((1 - r * r) / (n - 2)).squareRoot()
      return Distribution.studentT(t, df: n - 2, tail: lowerTail ? .upper : .lower)
    }
    let pValue: Double =
      switch alternative {
      case .twoSided: min(2 * (q > (n * n * n - n) / 6 ? p(false) : p(true)), 1)
      case .greater: p(true)
      case .less: p(false)
      }
    return HypothesisTest(
      statisticKey: "s", statistic: q, p: pValue, estimateName: "rho", estimate: rho, alternative: alternative,
      method: "Spearman's rank correlation, " + (exact ? "exact p (AS 89)" : "t approximation" + (ties ? " (ties)" : ""))
        + ", \(alternative.words)",
      exact: exact, n: x.count)
  }

  /// Kendall's τ-b = Σ sign(Δx)sign(Δy)/√(Σ sign(Δx)²·Σ sign(Δy)²). For
  /// n < 50 without ties the p-value is exact (the distribution of the
  /// number of concordant pairs T, R's `ckendall`); otherwise the normal
  /// approximation with the tie-corrected variance of S (R's `cor.test`).
  public static func kendall(
    _ x: [Double], _ y: [Double], alternative: Alternative = .twoSided, exact requested: Bool? = nil,
    continuity: Bool = false
  ) throws(StatsError) -> HypothesisTest {
    guard x.count >= 2 else { throw .tooFewObservations(what: "complete pairs", needed: 2, got: x.count) }
    let count = x.count
    var s = 0.0
    var tx = 0.0
    var ty = 0.0
    for i in 0..<count {
      for j in 0..<count where j != i {
        let a = (x[i] - x[j]).sign0
        let b = (y[i] - y[j]).sign0
        s += a * b
        tx += a * a
        ty += b * b
      }
    }
    guard tx > 0 else { throw .constantData(what: "the first variable's values") }
    guard ty > 0 else { throw .constantData(what: "the second variable's values") }
    let tau = s / (tx * ty).squareRoot()
    let n = Double(count)
    let ties = Ranks(x).hasTies || Ranks(y).hasTies
    let exact = (requested ?? (n < 50)) && !ties
    if exact {
      let q = ((tau + 1) * n * (n - 1) / 4).rounded(.toNearestOrEven)
      let distribution = KendallExact(n: count)
      let p: Double =
        switch alternative {
        case .twoSided:
          min(2 * (q > n * (n - 1) / 4 ? 1 - distribution.cumulative(q - 1) : distribution.cumulative(q)), 1)
        case .greater: 1 - distribution.cumulative(q - 1)
        case .less: distribution.cumulative(q)
        }
      return HypothesisTest(
        statisticKey: "t", statistic: q, p: p, estimateName: "tau", estimate: tau, alternative: alternative,
        method: "Kendall's rank correlation τ-b, exact p, \(alternative.words)", exact: true, n: count)
    }
    // Tie-corrected variance of S (R's cor.test).
    let xt = tieGroups(x)
    let yt = tieGroups(y)
    let t0 = n * (n - 1) / 2
    let t1 = xt.reduce(0) { $0 + $1 * ($1 - 1) } / 2
    let t2 = yt.reduce(0) { $0 + $1 * ($1 - 1) } / 2
    var statistic = tau * ((t0 - t1) * (t0 - t2)).squareRoot()
    let v0 = n * (n - 1) * (2 * n + 5)
    let vt = xt.reduce(0) { $0 + $1 * ($1 - 1) * (2 * $1 + 5) }
    let vu = yt.reduce(0) { $0 + $1 * ($1 - 1) * (2 * $1 + 5) }
    let v1 = xt.reduce(0) { $0 + $1 * ($1 - 1) } * yt.reduce(0) { $0 + $1 * ($1 - 1) }
    let v2 = xt.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) } * yt.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) }
    let variance = (v0 - vt - vu) / 18 + v1 / (2 * n * (n - 1)) + v2 / (9 * n * (n - 1) * (n - 2))
    if continuity { statistic = statistic.sign0 * (abs(statistic) - 1) }
    let z = statistic / variance.squareRoot()
    return HypothesisTest(
      statisticKey: "z", statistic: z, p: normalP(z, alternative), estimateName: "tau", estimate: tau,
      alternative: alternative,
      method: "Kendall's rank correlation τ-b, normal approximation (tie-corrected variance), \(alternative.words)",
      exact: false, n: count)
  }

  /// Sizes of groups of tied values, as R's `table(x[duplicated(x)]) + 1`
  /// (exact duplicates, grouped by 15 significant digits as `table` does).
  private static func tieGroups(_ x: [Double]) -> [Double] {
    var seen: Set<Double> = []
    var duplicated: [Double] = []
    for v in x where !seen.insert(v).inserted { duplicated.append(v) }
    return RTable.counts(duplicated).map { Double($0 + 1) }
  }
}

extension Double {
  /// −1, 0 or 1 (R `sign`).
  var sign0: Double { self > 0 ? 1 : (self < 0 ? -1 : 0) }
}

/// The null distribution of Spearman's S (Algorithm AS 89, Best & Roberts
/// 1975, as in R's `prho`): P[S ≥ s] (or P[S < s] for the lower tail),
/// exact by enumerating the n! permutations for n ≤ 9, else an Edgeworth
/// series expansion.
enum SpearmanExact {
  static func probability(n: Int, s: Double, lowerTail: Bool) -> Double {
    var pv: Double = lowerTail ? 0 : 1
    guard n > 1, s > 0 else { return pv }
    let n3 = Double(n) * (Double(n) * Double(n) - 1) / 3  // (n³ − n)/3, the largest S
    if s > n3 { return 1 - pv }
    if n <= 9 {
      // Enumerate the permutations of 1…n by rotating prefixes.
      var l = Array(1...n)
      var factorial = 1
      for i in 1...n { factorial *= i }
      var hits = 0
      if s == n3 {
        hits = 1
      } else {
        for _ in 0..<factorial {
          var sum = 0
          for i in 0..<n {
            let d = i + 1 - l[i]
            sum += d * d
          }
          if s <= Double(sum) { hits += 1 }
          var m = n
          var first = 0
          repeat {
            first = l[0]
            for i in 1..<m { l[i - 1] = l[i] }
            m -= 1
            l[m] = first
          } while first == m + 1 && m > 1
        }
      }
      pv = Double(lowerTail ? factorial - hits : hits) / Double(factorial)
      return pv
    }
    let c: [Double] = [0.2274, 0.2531, 0.1745, 0.0758, 0.1033, 0.3932, 0.0879, 0.0151, 0.0072, 0.0831, 0.0131, 4.6e-4]
    let y0 = Double(n)
    let b = 1 / y0
    let x = (6 * (s - 1) * b / (y0 * y0 - 1) - 1) * (y0 - 1).squareRoot()
    var y = x * x
    let u = x * b * (c[0] + b * (c[1] + c[2] * b)
      + y * (-c[3] + b * (c[4] + c[5] * b) - y * b * (c[6] + c[7] * b - y * (c[8] - c[9] * b + y * b * (c[10] - c[11] * y)))))
    y = u / exp(y / 2)
    pv = (lowerTail ? -y : y) + Distribution.normal(x, tail: lowerTail ? .lower : .upper)
    return min(1, max(0, pv))
  }
}

/// The exact distribution of Kendall's T (the number of concordant pairs)
/// without ties, by the recursion c(k, n) = Σ_{i<n} c(k − i, n − 1) (R's
/// `ckendall`), memoised.
struct KendallExact {
  let n: Int
  private var table: [[Double]]

  init(n: Int) {
    self.n = n
    table = [[1]]  // n = 1: one permutation with k = 0
    if n >= 2 {
      for m in 2...n {
        let previous = table[m - 2]
        let size = m * (m - 1) / 2 + 1
        var row = [Double](repeating: 0, count: size)
        for k in 0..<size {
          var s = 0.0
          for i in 0..<m where k - i >= 0 && k - i < previous.count { s += previous[k - i] }
          row[k] = s
        }
        table.append(row)
      }
    }
  }

  /// P(T ≤ q).
  func cumulative(_ q: Double) -> Double {
    let k = (q + 1e-7).rounded(.down)
    if k < 0 { return 0 }
    let row = table[n - 1]
    if k > Double(row.count - 1) { return 1 }
    var p = 0.0
    for j in 0...Int(k) { p += row[j] }
    return p / Distribution.gamma(Double(n) + 1)
  }
}

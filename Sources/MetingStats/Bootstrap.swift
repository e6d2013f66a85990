/// Bootstrap confidence intervals, percentile and BCa, from meting's own
/// seeded generator (so a seed gives the same interval on every platform).
///
/// Resampling draws each group's observations with replacement within the
/// group (a stratified bootstrap, as `boot(strata = …)`), so group sizes
/// stay fixed. The interval rules are R's `boot.ci`:
/// - percentile: the α/2 and 1 − α/2 quantiles of the replicates by the
///   (B + 1)·α order statistic, interpolated on the normal scale when it
///   falls between two (boot's `norm.inter`);
/// - BCa (Efron 1987): bias correction z0 = Φ⁻¹(#{θ* < θ̂}/B), acceleration
///   a = ΣL³/(6(ΣL²)^{3/2}) from jackknife influence values
///   L_i = (n_g − 1)(θ̄_(·) − θ̂_(−i)) within each group (boot's
///   `empinf(type = "jack")`; boot's own default estimates L by regression
///   on the resampling frequencies instead), then the quantiles at
///   Φ(z0 + (z0 + z_α)/(1 − a(z0 + z_α))).
public enum Bootstrap {
  public struct Result: Sendable, Equatable {
    public let estimate: Double
    public let replicates: Int
    public let bias: Double
    public let se: Double
    public let percentileLow: Double
    public let percentileHigh: Double
    public let bcaLow: Double?
    public let bcaHigh: Double?
    public let z0: Double?
    public let acceleration: Double?
    public let confLevel: Double
    /// Replicates whose statistic was not finite (e.g. d of a resample
    /// with an SD of 0): left out of the intervals, as boot.ci does.
    public let nonFinite: Int
  }

  /// Resamples `samples` `replicates` times and returns the intervals of
  /// `statistic`. `progress` is called now and then with the replicates
  /// done; returning false cancels (the error says how far it got).
  /// `names` and `statisticName` word the errors.
  public static func run(
    samples: [[Double]], replicates: Int, confLevel: Double = 0.95, generator: inout SeededGenerator,
    names: [String]? = nil, statisticName: String = "the statistic",
    progress: ((Int) -> Bool)? = nil, statistic: ([[Double]]) -> Double
  ) throws(StatsError) -> Result {
    try requireConfidenceLevel(confLevel)
    guard replicates >= 10 else { throw .invalidArgument("the bootstrap needs at least 10 replicates, not \(replicates)") }
    for (g, s) in samples.enumerated() where s.count < 2 {
      throw .tooFewObservations(what: names?[g] ?? "group \(g + 1) of the bootstrap", needed: 2, got: s.count)
    }
    let t0 = statistic(samples)
    guard t0.isFinite else { throw .invalidArgument("\(statisticName) is not defined on these data (an SD of 0?)") }
    var t = [Double](repeating: 0, count: replicates)
    var scratch = samples.map { [Double](repeating: 0, count: $0.count) }
    for b in 0..<replicates {
      for (g, s) in samples.enumerated() {
        let n = s.count
        for i in 0..<n { scratch[g][i] = s[generator.below(n)] }
      }
      t[b] = statistic(scratch)
      if b % 256 == 255, let progress, !progress(b + 1) {
        throw .invalidArgument("cancelled after \(b + 1) of \(replicates) bootstrap replicates; nothing was changed")
      }
    }
    let finite = t.lazy.filter(\.isFinite).count
    guard finite >= 2 else {
      throw .invalidArgument("\(statisticName) is not defined on \(replicates - finite) of \(replicates) resamples; no interval")
    }
    let influence = jackknifeInfluence(samples: samples, statistic: statistic)
    return intervals(t0: t0, replicates: t, influence: influence, confLevel: confLevel)
  }

  /// The intervals from given replicates and influence values (also used
  /// by the tests with replicates made by R).
  public static func intervals(t0: Double, replicates raw: [Double], influence: [Double], confLevel: Double) -> Result {
    let t = raw.filter(\.isFinite).sorted()
    let b = Double(t.count)
    let mean = Summation.mean(t)
    let se = Summation.variance(t, mean: mean).squareRoot()
    let alphas = [(1 - confLevel) / 2, (1 + confLevel) / 2]
    let percentile = alphas.map { normalInterpolation(sorted: t, $0) }
    // BCa.
    let below = Double(t.filter { $0 < t0 }.count)
    let z0 = Distribution.normalQuantile(below / b)
    var s2 = CompensatedSum()
    var s3 = CompensatedSum()
    for l in influence {
      s2.add(l * l)
      s3.add(l * l * l)
    }
    let a = s3.value / (6 * pow15(s2.value))
    var bca: [Double]? = nil
    if z0.isFinite, a.isFinite {
      bca = alphas.map { alpha in
        let z = Distribution.normalQuantile(alpha)
        let adjusted = Distribution.normal(z0 + (z0 + z) / (1 - a * (z0 + z)))
        return normalInterpolation(sorted: t, adjusted)
      }
    }
    return Result(
      estimate: t0, replicates: t.count, bias: mean - t0, se: se, percentileLow: percentile[0],
      percentileHigh: percentile[1], bcaLow: bca?[0], bcaHigh: bca?[1], z0: z0.isFinite ? z0 : nil,
      acceleration: a.isFinite ? a : nil, confLevel: confLevel, nonFinite: raw.count - t.count)
  }

  private static func pow15(_ x: Double) -> Double { x * x.squareRoot() }

  /// The α quantile of sorted replicates by boot's `norm.inter`: the
  /// (B + 1)α-th order statistic, interpolated between neighbours on the
  /// normal quantile scale; the extremes beyond the ends.
  static func normalInterpolation(sorted t: [Double], _ alpha: Double) -> Double {
    let r = Double(t.count)
    let rk = (r + 1) * alpha
    let k = rk.rounded(.towardZero)
    if k == rk, k >= 1, k <= r { return t[Int(k) - 1] }
    if k <= 0 { return t[0] }
    if k >= r { return t[t.count - 1] }
    let z = Distribution.normalQuantile(alpha)
    let zk = Distribution.normalQuantile(k / (r + 1))
    let zk1 = Distribution.normalQuantile((k + 1) / (r + 1))
    let tk = t[Int(k) - 1]
    let tk1 = t[Int(k)]
    return tk + (z - zk) / (zk1 - zk) * (tk1 - tk)
  }

  /// Jackknife influence values within each group: L_i = (n_g − 1)·
  /// (mean of the group's leave-one-out statistics − θ̂_(−i)).
  static func jackknifeInfluence(samples: [[Double]], statistic: ([[Double]]) -> Double) -> [Double] {
    var influence: [Double] = []
    for (g, s) in samples.enumerated() {
      var leaveOneOut: [Double] = []
      leaveOneOut.reserveCapacity(s.count)
      var reduced = samples
      for i in s.indices {
        var without = s
        without.remove(at: i)
        reduced[g] = without
        leaveOneOut.append(statistic(reduced))
      }
      let m = Summation.mean(leaveOneOut)
      influence += leaveOneOut.map { Double(s.count - 1) * (m - $0) }
    }
    return influence
  }
}

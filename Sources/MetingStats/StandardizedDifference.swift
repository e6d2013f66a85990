import Foundation

/// A standardized mean difference with its confidence interval, as R's
/// effectsize 0.8.3 computes it.
public struct StandardizedDifference: Sendable, Equatable {
  public enum Kind: String, Sendable, CaseIterable {
    case cohenD = "cohen_d"
    case hedgesG = "hedges_g"
    case glassDelta = "glass_delta"
    case dz = "d_z"
    case dav = "d_av"
    case drm = "d_rm"
    case morris = "d_ppc2"
  }

  public let kind: Kind
  public let estimate: Double
  /// nil where no interval is computed (d_av, d_rm, Morris's d_ppc2: their
  /// anchors give none; said so in the method).
  public let ciLow: Double?
  public let ciHigh: Double?
  public let confLevel: Double
  public let method: String

  // MARK: Independent groups

  /// Cohen's d with the pooled SD, CI by noncentral t: t = d/√(1/n1 + 1/n2)
  /// on n1 + n2 − 2 df, limits × √(1/n1 + 1/n2) (`effectsize::cohens_d`).
  public static func cohenD(
    _ a: SampleMoments, _ b: SampleMoments, mu: Double = 0, confLevel: Double = 0.95,
    alternative: Alternative = .twoSided
  ) throws(StatsError) -> StandardizedDifference {
    let (d, df) = try pooled(a, b, mu: mu)
    let hn = 1 / Double(a.n) + 1 / Double(b.n)
    let ci = NoncentralTInterval.limits(t: d / hn.squareRoot(), df: df, confLevel: confLevel, alternative: alternative)
    return StandardizedDifference(
      kind: .cohenD, estimate: d, ciLow: ci.map { $0.low * hn.squareRoot() }, ciHigh: ci.map { $0.high * hn.squareRoot() },
      confLevel: confLevel, method: "Cohen's d (pooled SD); CI by noncentral t")
  }

  /// Hedges' g = d·J(df) with the exact J; its CI is d's times J
  /// (`effectsize::hedges_g`).
  public static func hedgesG(
    _ a: SampleMoments, _ b: SampleMoments, mu: Double = 0, confLevel: Double = 0.95,
    alternative: Alternative = .twoSided
  ) throws(StatsError) -> StandardizedDifference {
    let d = try cohenD(a, b, mu: mu, confLevel: confLevel, alternative: alternative)
    let j = EffectSize.hedgesJ(Double(a.n + b.n - 2))
    return StandardizedDifference(
      kind: .hedgesG, estimate: d.estimate * j, ciLow: d.ciLow.map { $0 * j }, ciHigh: d.ciHigh.map { $0 * j },
      confLevel: confLevel, method: "Hedges' g (pooled SD, exact J); CI by noncentral t")
  }

  /// Glass's Δ = (m1 − m2)/s2, standardized by the second (control)
  /// group's SD, without bias correction (effectsize 0.8.3's
  /// `glass_delta`; newer versions correct by default). CI by noncentral t
  /// on n2 − 1 df with h = 1/n2 + s1²/(n1·s2²).
  public static func glassDelta(
    _ a: SampleMoments, control b: SampleMoments, mu: Double = 0, confLevel: Double = 0.95,
    alternative: Alternative = .twoSided
  ) throws(StatsError) -> StandardizedDifference {
    guard a.n >= 2 else { throw .tooFewObservations(what: "the first group", needed: 2, got: a.n) }
    guard b.n >= 2 else { throw .tooFewObservations(what: "the control group", needed: 2, got: b.n) }
    let s2 = b.variance.squareRoot()
    guard s2 > 0 else { throw .constantData(what: "the control group's values") }
    let delta = (a.mean - b.mean - mu) / s2
    let hn = 1 / Double(b.n) + a.variance / (Double(a.n) * b.variance)
    let ci = NoncentralTInterval.limits(
      t: delta / hn.squareRoot(), df: Double(b.n - 1), confLevel: confLevel, alternative: alternative)
    return StandardizedDifference(
      kind: .glassDelta, estimate: delta, ciLow: ci.map { $0.low * hn.squareRoot() },
      ciHigh: ci.map { $0.high * hn.squareRoot() }, confLevel: confLevel,
      method: "Glass's Δ (SD of the control group, not bias-corrected); CI by noncentral t")
  }

  /// (m1 − m2 − μ)/s_p with the pooled SD, and its df n1 + n2 − 2.
  static func pooled(_ a: SampleMoments, _ b: SampleMoments, mu: Double) throws(StatsError)
    -> (d: Double, df: Double)
  {
    guard a.n >= 1, b.n >= 1, a.n + b.n >= 3 else {
      throw .tooFewObservations(what: "the two groups", needed: 3, got: a.n + b.n)
    }
    let ssx = a.n > 1 ? a.variance * Double(a.n - 1) : 0
    let ssy = b.n > 1 ? b.variance * Double(b.n - 1) : 0
    let df = Double(a.n + b.n - 2)
    let sp = (max(0, ssx + ssy) / df).squareRoot()
    guard sp > 0 else { throw .constantData(what: "both groups") }
    return ((a.mean - b.mean - mu) / sp, df)
  }

  // MARK: Paired

  /// d_z = mean(d)/SD(d) of the differences; CI by noncentral t on n − 1 df,
  /// limits / √n (`effectsize::cohens_d(paired = TRUE)`, SPSS, JASP).
  public static func dz(
    differences d: SampleMoments, mu: Double = 0, confLevel: Double = 0.95, alternative: Alternative = .twoSided
  ) throws(StatsError) -> StandardizedDifference {
    guard d.n >= 2 else { throw .tooFewObservations(what: "the paired differences", needed: 2, got: d.n) }
    let s = max(0, d.variance).squareRoot()
    guard s > 0 else { throw .constantData(what: "the paired differences") }
    let value = (d.mean - mu) / s
    let rootN = Double(d.n).squareRoot()
    let ci = NoncentralTInterval.limits(t: value * rootN, df: Double(d.n - 1), confLevel: confLevel, alternative: alternative)
    return StandardizedDifference(
      kind: .dz, estimate: value, ciLow: ci.map { $0.low / rootN }, ciHigh: ci.map { $0.high / rootN },
      confLevel: confLevel, method: "Cohen's d_z (SD of the differences); CI by noncentral t")
  }

  /// d_av = mean(x − y)/√((s_x² + s_y²)/2), the mean difference over the
  /// average SD of the two measurements (Lakens 2013, eq. 10; SPSS
  /// STANDARDIZER(AVERAGE)). No interval: no anchor computes one.
  public static func dav(_ x: [Double], _ y: [Double]) throws(StatsError) -> StandardizedDifference {
    guard x.count >= 2, x.count == y.count else { throw .tooFewObservations(what: "pairs", needed: 2, got: x.count) }
    let average = ((Summation.variance(x) + Summation.variance(y)) / 2).squareRoot()
    guard average > 0 else { throw .constantData(what: "both measurements") }
    let diff = Summation.mean(zip(x, y).map { $0 - $1 })
    return StandardizedDifference(
      kind: .dav, estimate: diff / average, ciLow: nil, ciHigh: nil, confLevel: 0,
      method: "d_av (average SD of the two measurements; Lakens 2013); no CI")
  }

  /// d_rm = d_z·√(2(1 − r)), r the correlation of the two measurements
  /// (Lakens 2013, eq. 9). No interval.
  public static func drm(_ x: [Double], _ y: [Double]) throws(StatsError) -> StandardizedDifference {
    guard x.count >= 3, x.count == y.count else { throw .tooFewObservations(what: "pairs", needed: 3, got: x.count) }
    let r = try Correlation.coefficient(x, y)
    let dz = try EffectSize.dz(differences: zip(x, y).map { $0 - $1 }).value
    return StandardizedDifference(
      kind: .drm, estimate: dz * (2 * (1 - r)).squareRoot(), ciLow: nil, ciHigh: nil, confLevel: 0,
      method: "d_rm (repeated measures, r = \(String(format: "%.3f", r)); Lakens 2013); no CI")
  }

  /// Morris (2008) d_ppc2 for a pretest–posttest–control design:
  /// c_p·[(M_post,T − M_pre,T) − (M_post,C − M_pre,C)]/SD_pre,pooled with
  /// c_p = 1 − 3/(4(n_T + n_C − 2) − 1) (Morris 2008, eqs. 8–9). No
  /// interval (its variance needs the pre–post correlation; not computed).
  public static func morris(
    treatedPre: [Double], treatedPost: [Double], controlPre: [Double], controlPost: [Double]
  ) throws(StatsError) -> StandardizedDifference {
    let nT = treatedPre.count
    let nC = controlPre.count
    guard nT >= 2, nC >= 2 else { throw .tooFewObservations(what: "units per group", needed: 2, got: min(nT, nC)) }
    let pooledPre = (((Double(nT) - 1) * Summation.variance(treatedPre) + (Double(nC) - 1) * Summation.variance(controlPre))
      / Double(nT + nC - 2)).squareRoot()
    guard pooledPre > 0 else { throw .constantData(what: "the pretest") }
    let change = (Summation.mean(treatedPost) - Summation.mean(treatedPre))
      - (Summation.mean(controlPost) - Summation.mean(controlPre))
    let cp = 1 - 3 / (4 * Double(nT + nC - 2) - 1)
    return StandardizedDifference(
      kind: .morris, estimate: cp * change / pooledPre, ciLow: nil, ciHigh: nil, confLevel: 0,
      method: "Morris (2008) d_ppc2: difference in change over the pooled pretest SD, small-sample corrected; no CI")
  }
}

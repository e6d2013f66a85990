import Foundation

/// A standardized mean difference: which one, its value and how it was
/// standardized. JSON keys follow design.md (`cohen_d`, `d_z`, `hedges_g`).
public struct EffectSize: Sendable, Equatable {
  public enum Kind: String, Sendable {
    /// Cohen's d for independent groups, standardized by the pooled SD.
    case cohenD = "cohen_d"
    /// Cohen's d_z for paired data: mean difference / SD of the differences.
    case dz = "d_z"
    /// Hedges' g: d times the exact small-sample correction J.
    case hedgesG = "hedges_g"
  }

  public let kind: Kind
  public let value: Double

  /// How the value was standardized, in words.
  public var method: String {
    switch kind {
    case .cohenD: "Cohen's d (pooled SD)"
    case .dz: "Cohen's d_z (SD of the differences)"
    case .hedgesG: "Hedges' g (pooled SD, exact J)"
    }
  }

  /// d_z = d̄ / s_d (Cohen 1988; SPSS paired default, `effectsize::cohens_d(paired = TRUE)`
  /// in effectsize 0.8.3). Equals t/√n of the paired t-test with μ0 = 0.
  public static func dz(differences d: [Double]) throws(StatsError) -> EffectSize {
    try dz(differences: SampleMoments(d))
  }

  /// d_z from the n, mean and variance of the differences.
  public static func dz(differences d: SampleMoments) throws(StatsError) -> EffectSize {
    guard d.n >= 2 else {
      throw .tooFewObservations(what: "the paired differences", needed: 2, got: d.n)
    }
    let s = max(0, d.variance).squareRoot()
    guard s > 0 else { throw .constantData(what: "the paired differences") }
    return EffectSize(kind: .dz, value: d.mean / s)
  }

  /// Cohen's d = (x̄ − ȳ)/s_p with the pooled SD
  /// s_p² = ((n1 − 1)s1² + (n2 − 1)s2²)/(n1 + n2 − 2)
  /// (`effectsize::cohens_d`, Stata `esize`, SPSS T-TEST).
  public static func cohenD(_ x: [Double], _ y: [Double]) throws(StatsError) -> EffectSize {
    try cohenD(SampleMoments(x), SampleMoments(y))
  }

  /// Cohen's d from each group's n, mean and variance.
  public static func cohenD(_ a: SampleMoments, _ b: SampleMoments) throws(StatsError) -> EffectSize {
    EffectSize(kind: .cohenD, value: try StandardizedDifference.pooled(a, b, mu: 0).d)
  }

  /// Hedges' g = d·J(m), m = n1 + n2 − 2, with the exact correction
  /// J(m) = Γ(m/2)/(√(m/2)·Γ((m − 1)/2)) (Hedges 1981; `effectsize::hedges_g`,
  /// Stata `esize`), not the approximation 1 − 3/(4m − 1).
  public static func hedgesG(_ x: [Double], _ y: [Double]) throws(StatsError) -> EffectSize {
    try hedgesG(SampleMoments(x), SampleMoments(y))
  }

  /// Hedges' g from each group's n, mean and variance.
  public static func hedgesG(_ a: SampleMoments, _ b: SampleMoments) throws(StatsError) -> EffectSize {
    let (d, df) = try StandardizedDifference.pooled(a, b, mu: 0)
    return EffectSize(kind: .hedgesG, value: d * hedgesJ(df))
  }

  /// The exact small-sample correction factor J(m) of Hedges (1981).
  public static func hedgesJ(_ m: Double) -> Double {
    exp(Distribution.logGamma(m / 2) - log((m / 2).squareRoot())
      - Distribution.logGamma((m - 1) / 2))
  }
}

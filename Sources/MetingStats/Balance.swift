/// Covariate balance between treated and control units, and the check
/// for regression to the mean.
///
/// Standardized mean difference (Austin 2009; cobalt's default "pooled"
/// denominator): SMD = (m_T − m_C)/√((s_T² + s_C²)/2); for a proportion
/// (a 0/1 variable or one category) (p_T − p_C)/√((p_T(1 − p_T) +
/// p_C(1 − p_C))/2). |SMD| > 0.1 is the usual mark of imbalance; above
/// 0.25 regression adjustment is not trusted to remove it (Stuart 2010).
public enum Balance {
  public static func smd(treated: [Double], control: [Double]) throws(StatsError) -> Double {
    guard treated.count >= 2 else { throw .tooFewObservations(what: "the treated units", needed: 2, got: treated.count) }
    guard control.count >= 2 else { throw .tooFewObservations(what: "the control units", needed: 2, got: control.count) }
    let (t, c) = (SampleMoments(treated), SampleMoments(control))
    let denominator = ((t.variance + c.variance) / 2).squareRoot()
    guard denominator > 0 else { throw .constantData(what: "the values of both groups") }
    return (t.mean - c.mean) / denominator
  }

  public static func proportionSMD(treated pT: Double, control pC: Double) -> Double? {
    let denominator = ((pT * (1 - pT) + pC * (1 - pC)) / 2).squareRoot()
    return denominator > 0 ? (pT - pC) / denominator : nil
  }

  /// Regression to the mean within a group: the correlation of the change
  /// (post − pre) with the pretest, and the slope of change on pretest.
  /// Without any effect, r < 0 and b = ρ − 1 < 0 when pre and post are
  /// imperfectly correlated: those who start low gain most.
  public static func changeOnBaseline(pre: [Double], post: [Double]) throws(StatsError) -> (r: Double, slope: Double, meanChange: Double) {
    guard pre.count >= 3 else { throw .tooFewObservations(what: "units with both waves", needed: 3, got: pre.count) }
    let change = zip(post, pre).map { $0 - $1 }
    let mp = Summation.mean(pre)
    let mc = Summation.mean(change)
    let sxy = Summation.sumOfCrossProducts(pre, change, meanX: mp, meanY: mc)
    let sxx = Summation.sumOfSquaredDeviations(pre, mean: mp)
    let syy = Summation.sumOfSquaredDeviations(change, mean: mc)
    guard sxx > 0, syy > 0 else { throw .constantData(what: "the pretest or the change") }
    return (sxy / (sxx * syy).squareRoot(), sxy / sxx, mc)
  }
}

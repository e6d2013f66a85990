/// The mixed (split-plot) ANOVA of a between-subjects group and a
/// within-subjects time factor, with Type III sums of squares as SPSS GLM
/// and R's afex (car::Anova on the multivariate model, sum-to-zero
/// contrasts), on units measured at every wave.
///
/// Between: the group's F on the units' means over the waves,
/// SS = w·SS_between(means), error w·SS_within(means), df (k − 1, N − k).
/// Within: each unit's waves transformed by orthonormal contrasts
/// (z = Pᵀy, w − 1 of them); time tests the unweighted mean of the group
/// means of z (Type III), group × time the differences between the group
/// means of z, both against the pooled within-group SSCP of z; each F is
/// the univariate (sphericity-assuming) one, SS = the trace of its SSCP.
/// Beyond two waves, Greenhouse–Geisser ε = (tr E)²/((w − 1)·tr E²) and
/// Huynh–Feldt ε = ((N − k + 1)(w − 1)ε_GG − 2)/((w − 1)(N − k − (w − 1)ε_GG))
/// (car's formula with Lecoutre's correction; capped at 1 for p) scale both
/// df. Partial η² = SS/(SS + SS_error of its stratum). With two waves,
/// F(group × time) is the square of Student's t on the change scores.
public struct MixedAnova: Sendable {
  public struct Effect: Sendable, Equatable {
    public let term: String
    public let ss: Double
    public let df1: Double
    public let ssError: Double
    public let df2: Double
    public let f: Double
    public let p: Double
    public let partialEta2: Double
    /// Within-subject effects beyond two waves.
    public let greenhouseGeisser: Double?
    public let huynhFeldt: Double?
    public let pGreenhouseGeisser: Double?
    public let pHuynhFeldt: Double?
  }

  public let effects: [Effect]
  public let units: Int
  public let waves: Int

  /// - Parameters:
  ///   - values: one row per unit, one value per wave (no missing).
  ///   - group: each unit's group, 0..<groupCount.
  public init(values: [[Double]], group: [Int], groupCount k: Int, groupName: String = "group", timeName: String = "time")
    throws(StatsError)
  {
    let n = values.count
    guard let w = values.first?.count, w >= 2 else {
      throw .tooFewObservations(what: "waves", needed: 2, got: values.first?.count ?? 0)
    }
    guard k >= 2 else { throw .tooFewObservations(what: "groups", needed: 2, got: k) }
    var sizes = [Int](repeating: 0, count: k)
    for g in group { sizes[g] += 1 }
    for (g, size) in sizes.enumerated() where size == 0 {
      throw .tooFewObservations(what: "\(groupName) group \(g + 1)", needed: 1, got: 0)
    }
    guard n > k else { throw .tooFewObservations(what: "units (more than groups)", needed: k + 1, got: n) }
    units = n
    waves = w
    let dfError = Double(n - k)

    // Between: one-way ANOVA of the unit means.
    let means = values.map { Summation.mean($0) }
    var byGroup = [[Double]](repeating: [], count: k)
    for (m, g) in zip(means, group) { byGroup[g].append(m) }
    let between = try OneWayAnova(byGroup)
    let ssGroup = Double(w) * between.ssBetween
    let ssGroupError = Double(w) * between.ssWithin
    let fGroup = (ssGroup / Double(k - 1)) / (ssGroupError / dfError)
    var effects = [
      Effect(
        term: groupName, ss: ssGroup, df1: Double(k - 1), ssError: ssGroupError, df2: dfError, f: fGroup,
        p: Distribution.f(fGroup, df1: Double(k - 1), df2: dfError, tail: .upper),
        partialEta2: ssGroup / (ssGroup + ssGroupError), greenhouseGeisser: nil, huynhFeldt: nil,
        pGreenhouseGeisser: nil, pHuynhFeldt: nil)
    ]

    // Within: orthonormal Helmert contrasts.
    let p = w - 1
    var contrast = [[Double]](repeating: [Double](repeating: 0, count: w), count: p)
    for c in 0..<p {
      let m = Double(c + 1)
      let norm = (m * (m + 1)).squareRoot()
      for t in 0...c { contrast[c][t] = 1 / norm }
      contrast[c][c + 1] = -m / norm
    }
    let z = values.map { y in contrast.map { row in zip(row, y).reduce(0) { $0 + $1.0 * $1.1 } } }
    var groupMeans = [[Double]](repeating: [Double](repeating: 0, count: p), count: k)
    for g in 0..<k {
      let members = z.indices.filter { group[$0] == g }
      for c in 0..<p { groupMeans[g][c] = Summation.mean(members.map { z[$0][c] }) }
    }
    let weighted = (0..<p).map { c in Summation.mean(z.map { $0[c] }) }
    let unweighted = (0..<p).map { c in groupMeans.reduce(0) { $0 + $1[c] } / Double(k) }
    let varianceFactor = sizes.reduce(0) { $0 + 1 / Double($1) } / Double(k * k)
    var hTime = SmallMatrix(rows: p, columns: p)
    var hInteraction = SmallMatrix(rows: p, columns: p)
    var e = SmallMatrix(rows: p, columns: p)
    for a in 0..<p {
      for b in 0..<p {
        hTime[a, b] = unweighted[a] * unweighted[b] / varianceFactor
        var s = 0.0
        for g in 0..<k { s += Double(sizes[g]) * (groupMeans[g][a] - weighted[a]) * (groupMeans[g][b] - weighted[b]) }
        hInteraction[a, b] = s
        var r = CompensatedSum()
        for (i, zi) in z.enumerated() {
          let m = groupMeans[group[i]]
          r.add((zi[a] - m[a]) * (zi[b] - m[b]))
        }
        e[a, b] = r.value
      }
    }
    func trace(_ m: SmallMatrix) -> Double { (0..<m.rows).reduce(0) { $0 + m[$1, $1] } }
    let ssError = trace(e)
    guard ssError > 0 else { throw .constantData(what: "the changes within units") }
    var gg: Double? = nil
    var hf: Double? = nil
    if p >= 2 {
      let e2 = e * e
      let epsilon = trace(e) * trace(e) / (Double(p) * trace(e2))
      gg = epsilon
      hf = ((dfError + 1) * Double(p) * epsilon - 2) / (Double(p) * (dfError - Double(p) * epsilon))
    }
    for (term, h, df1) in [
      (timeName, hTime, Double(p)), ("\(groupName) × \(timeName)", hInteraction, Double((k - 1) * p)),
    ] {
      let ss = trace(h)
      let df2 = Double(p) * dfError
      let f = (ss / df1) / (ssError / df2)
      func pValue(_ eps: Double?) -> Double? {
        eps.map { Distribution.f(f, df1: Swift.min(1, $0) * df1, df2: Swift.min(1, $0) * df2, tail: .upper) }
      }
      effects.append(
        Effect(
          term: term, ss: ss, df1: df1, ssError: ssError, df2: df2, f: f,
          p: Distribution.f(f, df1: df1, df2: df2, tail: .upper), partialEta2: ss / (ss + ssError),
          greenhouseGeisser: gg, huynhFeldt: hf, pGreenhouseGeisser: pValue(gg), pHuynhFeldt: pValue(hf)))
    }
    self.effects = effects
  }
}

/// Internal consistency of a set of items, as SPSS RELIABILITY, PSPP and
/// `psych::alpha` print it (on complete cases: SPSS and PSPP delete
/// listwise; psych's default uses pairwise covariances, which differ when
/// items are missing).
///
/// Cronbach's α = k/(k − 1)·(1 − Σs_i²/s_total²) (item variances and the
/// variance of the sum, n − 1); standardized α = k·r̄/(1 + (k − 1)r̄) with r̄
/// the mean inter-item correlation; the corrected item–total correlation
/// r(item, total − item) (psych's r.drop, SPSS); α if the item is deleted;
/// Feldt's interval [1 − (1 − α)·F(1 − a/2), 1 − (1 − α)·F(a/2)] with
/// F on (n − 1, (n − 1)(k − 1)) df (pingouin, Feldt 1965).
public struct Reliability: Sendable {
  public struct Item: Sendable, Equatable {
    public let name: String
    public let mean: Double
    public let sd: Double
    public let correctedItemTotal: Double
    public let alphaIfDeleted: Double?
  }

  public let n: Int
  public let alpha: Double
  public let standardizedAlpha: Double
  public let meanInterItemCorrelation: Double
  public let ciLow: Double
  public let ciHigh: Double
  public let confLevel: Double
  public let items: [Item]

  /// - Parameter columns: one array per item, over the same complete cases.
  public init(_ columns: [[Double]], names: [String], confLevel: Double = 0.95) throws(StatsError) {
    try requireConfidenceLevel(confLevel)
    let k = columns.count
    guard k >= 2 else { throw .tooFewObservations(what: "items (reliability needs two or more)", needed: 2, got: k) }
    let n = columns[0].count
    guard n >= 2 else { throw .tooFewObservations(what: "cases with every item", needed: 2, got: n) }
    self.n = n
    self.confLevel = confLevel
    let means = columns.map { Summation.mean($0) }
    let variances = zip(columns, means).map { Summation.variance($0, mean: $1) }
    for (name, v) in zip(names, variances) where !(v > 0) {
      throw .constantData(what: "the answers to \(name)")
    }
    let totals = (0..<n).map { i in columns.reduce(0) { $0 + $1[i] } }
    alpha = Reliability.alpha(variances: variances, total: totals)
    // Correlations between items.
    var r = [[Double]](repeating: [Double](repeating: 1, count: k), count: k)
    for a in 0..<k {
      for b in (a + 1)..<k {
        let c = Summation.sumOfCrossProducts(columns[a], columns[b], meanX: means[a], meanY: means[b]) / Double(n - 1)
        r[a][b] = c / (variances[a] * variances[b]).squareRoot()
        r[b][a] = r[a][b]
      }
    }
    var sum = 0.0
    for a in 0..<k { for b in (a + 1)..<k { sum += r[a][b] } }
    let mean = sum / Double(k * (k - 1) / 2)
    meanInterItemCorrelation = mean
    standardizedAlpha = Double(k) * mean / (1 + Double(k - 1) * mean)
    let df1 = Double(n - 1)
    let df2 = Double((n - 1) * (k - 1))
    let tail = (1 - confLevel) / 2
    ciLow = 1 - (1 - alpha) * Distribution.fQuantile(1 - tail, df1: df1, df2: df2)
    ciHigh = 1 - (1 - alpha) * Distribution.fQuantile(tail, df1: df1, df2: df2)
    var items: [Item] = []
    for j in 0..<k {
      let rest = zip(totals, columns[j]).map { $0 - $1 }
      let restMean = Summation.mean(rest)
      let restVariance = Summation.variance(rest, mean: restMean)
      let covariance = Summation.sumOfCrossProducts(columns[j], rest, meanX: means[j], meanY: restMean) / Double(n - 1)
      let itemTotal = covariance / (variances[j] * restVariance).squareRoot()
      var dropped: Double? = nil
      if k > 2 {
        dropped = Reliability.alpha(variances: variances.enumerated().filter { $0.offset != j }.map(\.element), total: rest)
      }
      items.append(Item(name: names[j], mean: means[j], sd: variances[j].squareRoot(), correctedItemTotal: itemTotal, alphaIfDeleted: dropped))
    }
    self.items = items
  }

  static func alpha(variances: [Double], total: [Double]) -> Double {
    let k = Double(variances.count)
    let totalVariance = Summation.variance(total)
    return k / (k - 1) * (1 - variances.reduce(0, +) / totalVariance)
  }
}

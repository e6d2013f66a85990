import Foundation

/// An r × c table of counts and its χ² tests, as R's `chisq.test` and
/// SPSS CROSSTABS print them.
///
/// Expected counts E_ij = r_i·c_j/N. Pearson X² = Σ(O − E)²/E on
/// (r − 1)(c − 1) df; for 2 × 2 tables Yates's correction
/// Σ(|O − E| − y)²/E with y = min(0.5, |O − E|) (R's rule; SPSS's
/// "Continuity Correction"); the likelihood ratio G² = 2ΣO·ln(O/E)
/// (SPSS); Cramér's V = √(X²/(N·(min(r, c) − 1))).
public struct ContingencyTable: Sendable {
  public let counts: [[Double]]
  public let rowTotals: [Double]
  public let columnTotals: [Double]
  public let total: Double
  public let expected: [[Double]]

  public var rows: Int { counts.count }
  public var columns: Int { counts.first?.count ?? 0 }
  public var df: Int { (rows - 1) * (columns - 1) }

  /// - Throws: fewer than 2 rows or columns with counts (a row or column
  ///   of zeros is a category nobody is in; leave it out first).
  public init(_ counts: [[Double]]) throws(StatsError) {
    guard counts.count >= 2, let c = counts.first?.count, c >= 2, counts.allSatisfy({ $0.count == c }) else {
      throw .invalidArgument("a contingency table needs at least 2 rows and 2 columns")
    }
    self.counts = counts
    rowTotals = counts.map { $0.reduce(0, +) }
    columnTotals = (0..<c).map { j in counts.reduce(0) { $0 + $1[j] } }
    total = rowTotals.reduce(0, +)
    guard rowTotals.allSatisfy({ $0 > 0 }), columnTotals.allSatisfy({ $0 > 0 }) else {
      throw .invalidArgument("a row or column of the table has no counts")
    }
    let (rt, ct, n) = (rowTotals, columnTotals, total)
    expected = rt.map { r in ct.map { r * $0 / n } }
  }

  /// Pearson's X² (with Yates's correction when asked and the table is 2 × 2).
  public func pearson(yates: Bool = false) -> (chi2: Double, df: Int, p: Double) {
    var correction = 0.0
    if yates, rows == 2, columns == 2 {
      correction = 0.5
      for i in 0..<rows { for j in 0..<columns { correction = min(correction, abs(counts[i][j] - expected[i][j])) } }
    }
    var s = CompensatedSum()
    for i in 0..<rows {
      for j in 0..<columns {
        let d = abs(counts[i][j] - expected[i][j]) - correction
        s.add(d * d / expected[i][j])
      }
    }
    return (s.value, df, Distribution.chiSquared(s.value, df: Double(df), tail: .upper))
  }

  /// The likelihood-ratio statistic G² (cells with O = 0 add nothing).
  public func likelihoodRatio() -> (g2: Double, df: Int, p: Double) {
    var s = CompensatedSum()
    for i in 0..<rows {
      for j in 0..<columns where counts[i][j] > 0 {
        s.add(counts[i][j] * log(counts[i][j] / expected[i][j]))
      }
    }
    let g2 = 2 * s.value
    return (g2, df, Distribution.chiSquared(g2, df: Double(df), tail: .upper))
  }

  /// Cramér's V from the uncorrected X².
  public var cramersV: Double {
    (pearson().chi2 / (total * Double(min(rows, columns) - 1))).squareRoot()
  }

  /// Cells with an expected count below 5, and the smallest expected count.
  public var smallExpected: (below5: Int, minimum: Double) {
    let all = expected.joined()
    return (all.filter { $0 < 5 }.count, all.min() ?? 0)
  }
}

import Foundation

/// Ranks with ties averaged (R `rank(ties.method = "average")`) and the
/// sizes of the tied groups, which tie corrections need.
public struct Ranks: Sendable {
  public let ranks: [Double]
  /// The size of every group of equal values (1 for untied values).
  public let tieSizes: [Int]

  public init(_ x: [Double]) {
    let order = x.indices.sorted { x[$0] < x[$1] }
    var ranks = [Double](repeating: 0, count: x.count)
    var sizes: [Int] = []
    var i = 0
    while i < order.count {
      var j = i
      while j + 1 < order.count, x[order[j + 1]] == x[order[i]] { j += 1 }
      let average = Double(i + j + 2) / 2  // ranks i+1 … j+1
      for k in i...j { ranks[order[k]] = average }
      sizes.append(j - i + 1)
      i = j + 1
    }
    self.ranks = ranks
    self.tieSizes = sizes
  }

  public var hasTies: Bool { tieSizes.contains { $0 > 1 } }

  /// Σ(t³ − t) over the tied groups.
  public var tieCorrection: Double {
    tieSizes.reduce(0) { $0 + Double($1 * $1 * $1 - $1) }
  }
}

/// Counts of equal values as R's `table(x)` makes them: `table` turns the
/// numbers into text with 15 significant digits first, so values that
/// differ only beyond the 15th digit (0.16666666666666652 and
/// 0.16666666666666674, say, from sums of item means) count as one. R's
/// `kruskal.test` takes its tie correction from such a table while its
/// ranks compare exactly; meting does the same to give R's digits.
enum RTable {
  static func counts(_ x: [Double]) -> [Int] {
    var counts: [String: Int] = [:]
    for v in x { counts[String(format: "%.15g", v), default: 0] += 1 }
    return Array(counts.values)
  }
}

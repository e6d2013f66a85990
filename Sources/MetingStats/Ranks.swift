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

import Foundation

/// Fisher's exact test of independence in an r × c table, conditional on
/// both margins, as R's `fisher.test`.
///
/// The two-sided p sums the probabilities of all tables with the observed
/// margins that are no more likely than the observed one, within R's
/// relative tolerance 1 + 1e−7 (so that tables tied with it in exact
/// arithmetic are not lost to rounding; PSPP 1.6 misses them). 2 × 2
/// tables also get the one-sided tests, the conditional maximum-likelihood
/// odds ratio and its interval (noncentral hypergeometric), found here to
/// 1e−12; R's `uniroot` stops near 1e−4, so R's printed odds ratio and
/// interval agree with these to about 4 digits (TeaTasting's upper limit
/// to 0.7 %). Larger tables go through the network algorithm, as R's
/// FEXACT, up to a limit on the work (a 5 × 4 table with n = 94 takes
/// 0.45 s and 180 MB; R's FEXACT 0.1 s).
public enum FisherExact {
  public struct Result: Sendable, Equatable {
    public let p: Double
    /// 2 × 2 only: the conditional MLE of the odds ratio (0 or ∞ when the
    /// observed count is at the end of its range).
    public let oddsRatio: Double?
    public let ciLow: Double?
    public let ciHigh: Double?
    public let alternative: Alternative
    /// Steps of the network algorithm (r × c), a measure of the work.
    public let work: Int
  }

  static let relativeTolerance = 1 + 1e-7
  /// Steps (fillings × open paths) beyond which an r × c test is refused
  /// as too slow or too large: 8.5 million take 0.45 s and 180 MB (a 5 × 4
  /// table, n = 94); the paths of a stage are held until they are merged.
  static let workLimit = 60_000_000

  public static func test(
    _ counts: [[Int]], alternative: Alternative = .twoSided, confLevel: Double = 0.95
  ) throws(StatsError) -> Result {
    try requireConfidenceLevel(confLevel)
    guard counts.count >= 2, let c = counts.first?.count, c >= 2, counts.allSatisfy({ $0.count == c }),
      counts.joined().allSatisfy({ $0 >= 0 })
    else { throw .invalidArgument("Fisher's test needs a table of counts with at least 2 rows and 2 columns") }
    if counts.count == 2, c == 2 { return twoByTwo(counts, alternative: alternative, confLevel: confLevel) }
    guard alternative == .twoSided else {
      throw .invalidArgument("one-sided Fisher tests are for 2 × 2 tables")
    }
    return try rowsByColumns(counts)
  }

  // MARK: 2 × 2

  private static func twoByTwo(_ x: [[Int]], alternative: Alternative, confLevel: Double) -> Result {
    let m = Double(x[0][0] + x[1][0])  // first column
    let n = Double(x[0][1] + x[1][1])  // second column
    let k = Double(x[0][0] + x[0][1])  // first row
    let observed = Double(x[0][0])
    let lo = max(0, k - n)
    let hi = min(k, m)
    let support = Array(stride(from: lo, through: hi, by: 1))
    let logDensity = support.map { Distribution.hypergeometricLogDensity($0, m: m, n: n, k: k) }

    /// The noncentral hypergeometric probabilities for odds ratio ψ.
    func density(_ psi: Double) -> [Double] {
      let d = zip(logDensity, support).map { $0 + log(psi) * $1 }
      let top = d.max() ?? 0
      let e = d.map { exp($0 - top) }
      let total = e.reduce(0, +)
      return e.map { $0 / total }
    }
    func mean(_ psi: Double) -> Double {
      if psi == 0 { return lo }
      if psi == .infinity { return hi }
      return zip(support, density(psi)).reduce(0) { $0 + $1.0 * $1.1 }
    }
    func cumulative(_ q: Double, _ psi: Double, upper: Bool) -> Double {
      if psi == 0 { return upper ? (q <= lo ? 1 : 0) : (q >= lo ? 1 : 0) }
      if psi == .infinity { return upper ? (q <= hi ? 1 : 0) : (q >= hi ? 1 : 0) }
      if psi == 1 {
        return upper
          ? Distribution.hypergeometric(q - 1, m: m, n: n, k: k, tail: .upper)
          : Distribution.hypergeometric(q, m: m, n: n, k: k)
      }
      return zip(support, density(psi)).reduce(0) { upper ? ($1.0 >= q ? $0 + $1.1 : $0) : ($1.0 <= q ? $0 + $1.1 : $0) }
    }

    let p: Double
    switch alternative {
    case .less: p = cumulative(observed, 1, upper: false)
    case .greater: p = cumulative(observed, 1, upper: true)
    case .twoSided:
      let d = density(1)
      let at = d[Int(observed - lo)] * relativeTolerance
      p = min(1, d.filter { $0 <= at }.reduce(0, +))
    }

    // Solves f(ψ) = target on (0, ∞) by ψ in (0, 1] or 1/ψ in (0, 1].
    func solve(_ f: (Double) -> Double, target: Double, increasing: Bool) -> Double {
      let atOne = f(1)
      if atOne == target { return 1 }
      let below = increasing ? atOne > target : atOne < target
      let tolerance = 1e-13
      if below {
        return RootFinding.zeroin({ f($0) - target }, lower: 0, upper: 1, tolerance: tolerance) ?? .nan
      }
      let t = RootFinding.zeroin({ f(1 / $0) - target }, lower: Double.ulpOfOne, upper: 1, tolerance: tolerance) ?? .nan
      return 1 / t
    }
    let estimate: Double =
      observed == lo ? 0 : observed == hi ? .infinity : solve(mean, target: observed, increasing: true)
    func upperLimit(_ alpha: Double) -> Double {
      observed == hi ? .infinity : solve({ cumulative(observed, $0, upper: false) }, target: alpha, increasing: false)
    }
    func lowerLimit(_ alpha: Double) -> Double {
      observed == lo ? 0 : solve({ cumulative(observed, $0, upper: true) }, target: alpha, increasing: true)
    }
    let interval: (Double, Double) =
      switch alternative {
      case .less: (0, upperLimit(1 - confLevel))
      case .greater: (lowerLimit(1 - confLevel), .infinity)
      case .twoSided: (lowerLimit((1 - confLevel) / 2), upperLimit((1 - confLevel) / 2))
      }
    return Result(
      p: p, oddsRatio: estimate, ciLow: interval.0, ciHigh: interval.1, alternative: alternative, work: support.count)
  }

  // MARK: r × c

  /// The network algorithm (Mehta & Patel 1983, as FEXACT): tables are
  /// paths through stages, one per column; a node is the multiset of row
  /// totals still to fill. Paths reaching a node with equal weight are
  /// merged; at each node the longest and shortest completions bound the
  /// table probabilities, so that a whole subtree is counted (all its
  /// tables are at most as likely as the observed one: the subtree's total,
  /// known in closed form, is added) or dropped (all are more likely)
  /// without enumeration.
  private static func rowsByColumns(_ counts: [[Int]]) throws(StatsError) -> Result {
    // Stages along the longer dimension: fewer rows per column means fewer
    // ways to fill each column.
    var table = counts
    if table.count > table[0].count {
      table = (0..<table[0].count).map { j in table.map { $0[j] } }
    }
    let rowTotals = table.map { $0.reduce(0, +) }
    let columnTotals = (0..<table[0].count).map { j in table.reduce(0) { $0 + $1[j] } }.sorted(by: >)
    let total = rowTotals.reduce(0, +)
    let lf = (0...max(total, 1)).map { Distribution.logGamma(Double($0) + 1) }
    let constant = rowTotals.reduce(0) { $0 + lf[$1] } + columnTotals.reduce(0) { $0 + lf[$1] } - lf[total]
    let observed = constant - table.joined().reduce(0) { $0 + lf[$1] }
    let threshold = observed + log(relativeTolerance)
    let stages = columnTotals.count
    // Nodes are encoded as one integer, the sorted remaining row totals in
    // base N + 1; tables whose code would overflow are refused.
    let base = total + 1
    var capacity = 1.0
    for _ in rowTotals { capacity *= Double(base) }
    guard capacity < 9e15 else {
      throw .invalidArgument(
        "Fisher's exact test of a \(counts.count) × \(counts[0].count) table with n = \(total) is too large here; use the χ² test")
    }
    let network = Network(columnTotals: columnTotals, logFactorial: lf, rows: rowTotals.count, base: base)

    // Forward, stage by stage: each node gathers the past log weights of
    // the paths into it; after the stage, paths whose past log weights
    // agree to 1e-10 are merged (the entry keeps its exact mass: weight ×
    // e^representative). One dictionary lookup per node and parent, not
    // per path: the paths into a child arrive as a block.
    struct Past {
      var representative: Double
      var weight: Double
    }
    var current: [Int: [Past]] = [network.encode(rowTotals.sorted()): [Past(representative: constant, weight: 1)]]
    var p = 0.0
    var work = 0
    var rows = [Int](repeating: 0, count: rowTotals.count)
    for stage in 0..<stages {
      var next: [Int: [Past]] = [:]
      for (node, pasts) in current {
        network.decode(node, into: &rows)
        let bounds = network.bounds(stage: stage, node: node)
        let subtotal = network.logTotal(stage: stage, rows: rows)
        var open: [Past] = []
        for past in pasts {
          if past.representative + bounds.max <= threshold {
            p += past.weight * exp(past.representative + subtotal)
          } else if past.representative + bounds.min <= threshold {
            open.append(past)
          }
        }
        guard !open.isEmpty else { continue }
        if work > workLimit {
          throw .invalidArgument(
            "Fisher's exact test of this \(counts.count) × \(counts[0].count) table needs more work than meting allows here; use the χ² test")
        }
        let last = stage == stages - 1
        network.forEachFilling(rows: rows, total: columnTotals[stage]) { child, logWeight in
          work += open.count
          if last {
            for past in open {
              let value = past.representative + logWeight
              if value <= threshold { p += past.weight * exp(value) }
            }
            return
          }
          next[child, default: []].append(
            contentsOf: open.lazy.map { Past(representative: $0.representative + logWeight, weight: $0.weight) })
        }
      }
      current = [:]
      current.reserveCapacity(next.count)
      for (node, var pasts) in next {
        pasts.sort { $0.representative < $1.representative }
        var merged: [Past] = []
        merged.reserveCapacity(pasts.count)
        for q in pasts {
          if let head = merged.last, q.representative - head.representative < 1e-10 {
            // |d| < 1e-10: e^d = 1 + d to 1e-20.
            merged[merged.count - 1].weight += q.weight * (1 + (q.representative - head.representative))
          } else {
            merged.append(q)
          }
        }
        current[node] = merged
      }
    }
    return Result(p: min(1, p), oddsRatio: nil, ciLow: nil, ciHigh: nil, alternative: .twoSided, work: work)
  }

  /// The stages of the network: column totals, node codes, memoised bounds.
  private final class Network {
    let columnTotals: [Int]
    let lf: [Double]
    let rowCount: Int
    let base: Int
    private var memo: [Int: (max: Double, min: Double)] = [:]
    private var scratch: [[Int]]

    init(columnTotals: [Int], logFactorial: [Double], rows: Int, base: Int) {
      self.columnTotals = columnTotals
      lf = logFactorial
      rowCount = rows
      self.base = base
      scratch = Array(repeating: [Int](repeating: 0, count: rows), count: columnTotals.count + 1)
    }

    func encode(_ sortedRows: [Int]) -> Int { sortedRows.reduce(0) { $0 * base + $1 } }

    func decode(_ code: Int, into rows: inout [Int]) {
      var c = code
      for i in stride(from: rowCount - 1, through: 0, by: -1) {
        rows[i] = c % base
        c /= base
      }
    }

    /// log of Σ over completions of Π 1/n_ij! = N'!/(Π R'_i! Π C'_k!).
    func logTotal(stage: Int, rows: [Int]) -> Double {
      let n = rows.reduce(0, +)
      return lf[n] - rows.reduce(0) { $0 + lf[$1] } - columnTotals[stage...].reduce(0) { $0 + lf[$1] }
    }

    /// The largest and smallest log Π 1/n_ij! over the completions of a
    /// node (the most and least likely rest of the table), by dynamic
    /// programming over the network, memoised per node.
    func bounds(stage: Int, node: Int) -> (max: Double, min: Double) {
      let key = node * columnTotals.count + stage
      if let known = memo[key] { return known }
      var rows = scratch[stage]
      decode(node, into: &rows)
      let result: (max: Double, min: Double)
      if stage == columnTotals.count - 1 {
        let v = -rows.reduce(0) { $0 + lf[$1] }
        result = (v, v)
      } else {
        var best = -Double.infinity
        var worst = Double.infinity
        forEachFilling(rows: rows, total: columnTotals[stage]) { child, logWeight in
          let b = bounds(stage: stage + 1, node: child)
          best = Swift.max(best, logWeight + b.max)
          worst = Swift.min(worst, logWeight + b.min)
        }
        result = (best, worst)
      }
      memo[key] = result
      return result
    }

    /// Every way to put `total` into the rows (each at most its
    /// remaining total): the child node's code and log Π 1/n_i!.
    func forEachFilling(rows: [Int], total: Int, _ body: (Int, Double) -> Void) {
      let r = rows.count
      var suffix = [Int](repeating: 0, count: r + 1)
      for i in stride(from: r - 1, through: 0, by: -1) { suffix[i] = suffix[i + 1] + rows[i] }
      var child = rows
      var sorted = rows
      func place(_ i: Int, _ left: Int, _ logWeight: Double) {
        if i == r - 1 {
          guard left <= rows[i] else { return }
          child[i] = rows[i] - left
          // Insertion sort of a handful of numbers, then the code.
          for k in 0..<r {
            var j = k
            let v = child[k]
            while j > 0, sorted[j - 1] > v {
              sorted[j] = sorted[j - 1]
              j -= 1
            }
            sorted[j] = v
          }
          var code = 0
          for v in sorted { code = code * base + v }
          body(code, logWeight - lf[left])
          return
        }
        let low = Swift.max(0, left - suffix[i + 1])
        let high = Swift.min(left, rows[i])
        guard low <= high else { return }
        for v in low...high {
          child[i] = rows[i] - v
          place(i + 1, left - v, logWeight - lf[v])
        }
      }
      place(0, total, 0)
    }
  }
}

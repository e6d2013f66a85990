import CLapack

/// Householder QR with column pivoting, A·P = Q·R, by LAPACK's `dgeqp3`
/// (Businger–Golub pivoting on the remaining column norms), and Qᵀy by
/// `dormqr`. Least squares goes through this, never the normal equations
/// X'X b = X'y, which square the condition number (NIST Longley, Filip).
struct HouseholderQR {
  let rowCount: Int
  let columnCount: Int
  /// Column-major: R in the upper triangle, the reflectors below it.
  private(set) var factor: [Double]
  private let tau: [Double]
  /// Column k of R belongs to column `pivots[k]` of A (0-based).
  let pivots: [Int]

  /// Factors the column-major `rows`×`columns` matrix `a` (rows ≥ columns).
  init(_ a: [Double], rows: Int, columns: Int) throws(StatsError) {
    precondition(a.count == rows * columns && rows >= columns && columns > 0)
    guard rows * columns < Int(Int32.max) else {
      throw .invalidArgument("the design has \(rows) × \(columns) cells, more than LAPACK's 32-bit indices allow")
    }
    rowCount = rows
    columnCount = columns
    var factor = a
    var jpvt = [Int32](repeating: 0, count: columns)
    var tau = [Double](repeating: 0, count: columns)
    var query = 0.0
    var info = meting_dgeqp3(Int32(rows), Int32(columns), &factor, Int32(rows), &jpvt, &tau, &query, -1)
    var work = [Double](repeating: 0, count: max(1, Int(query)))
    info = meting_dgeqp3(Int32(rows), Int32(columns), &factor, Int32(rows), &jpvt, &tau, &work, Int32(work.count))
    guard info == 0 else { throw .invalidArgument("LAPACK dgeqp3 failed (info \(info))") }
    self.factor = factor
    self.tau = tau
    pivots = jpvt.map { Int($0) - 1 }
  }

  /// R[i, j] (0 ≤ i ≤ j < columns).
  func r(_ i: Int, _ j: Int) -> Double { factor[j * rowCount + i] }

  /// The upper-triangular R, columns × columns, row-major.
  var upperTriangle: SmallMatrix {
    var m = SmallMatrix(rows: columnCount, columns: columnCount)
    for j in 0..<columnCount { for i in 0...j { m[i, j] = r(i, j) } }
    return m
  }

  /// Qᵀy (y has `rows` entries).
  func qTransposeTimes(_ y: [Double]) throws(StatsError) -> [Double] {
    var c = y
    var query = 0.0
    let m = Int32(rowCount)
    let k = Int32(columnCount)
    var info = factor.withUnsafeBufferPointer { a in
      tau.withUnsafeBufferPointer { t in
        meting_dormqr_left_transpose(m, 1, k, a.baseAddress, m, t.baseAddress, &c, m, &query, -1)
      }
    }
    var work = [Double](repeating: 0, count: max(1, Int(query)))
    info = factor.withUnsafeBufferPointer { a in
      tau.withUnsafeBufferPointer { t in
        meting_dormqr_left_transpose(m, 1, k, a.baseAddress, m, t.baseAddress, &c, m, &work, Int32(work.count))
      }
    }
    guard info == 0 else { throw .invalidArgument("LAPACK dormqr failed (info \(info))") }
    return c
  }
}

extension SmallMatrix {
  /// The inverse of an upper-triangular matrix (back substitution).
  func upperTriangularInverse() -> SmallMatrix {
    let n = rows
    var inv = SmallMatrix(rows: n, columns: n)
    for j in 0..<n {
      inv[j, j] = 1 / self[j, j]
      for i in stride(from: j - 1, through: 0, by: -1) {
        var s = 0.0
        for k in (i + 1)...j { s += self[i, k] * inv[k, j] }
        inv[i, j] = -s / self[i, i]
      }
    }
    return inv
  }
}

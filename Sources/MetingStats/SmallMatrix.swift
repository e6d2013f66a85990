/// A small dense matrix (row-major), for the K×K products of regression:
/// covariance matrices, their sandwiches and Wald tests. The large n×K
/// work goes through LAPACK (`HouseholderQR`).
public struct SmallMatrix: Sendable, Equatable {
  public let rows: Int
  public let columns: Int
  public var storage: [Double]

  public init(rows: Int, columns: Int, repeating value: Double = 0) {
    self.rows = rows
    self.columns = columns
    storage = [Double](repeating: value, count: rows * columns)
  }

  public static func identity(_ n: Int) -> SmallMatrix {
    var m = SmallMatrix(rows: n, columns: n)
    for i in 0..<n { m[i, i] = 1 }
    return m
  }

  public subscript(i: Int, j: Int) -> Double {
    get { storage[i * columns + j] }
    set { storage[i * columns + j] = newValue }
  }

  public var transposed: SmallMatrix {
    var t = SmallMatrix(rows: columns, columns: rows)
    for i in 0..<rows { for j in 0..<columns { t[j, i] = self[i, j] } }
    return t
  }

  public static func * (a: SmallMatrix, b: SmallMatrix) -> SmallMatrix {
    precondition(a.columns == b.rows)
    var c = SmallMatrix(rows: a.rows, columns: b.columns)
    for i in 0..<a.rows {
      for k in 0..<a.columns {
        let aik = a[i, k]
        if aik == 0 { continue }
        for j in 0..<b.columns { c.storage[i * c.columns + j] += aik * b.storage[k * b.columns + j] }
      }
    }
    return c
  }

  public static func * (m: SmallMatrix, s: Double) -> SmallMatrix {
    var r = m
    for i in r.storage.indices { r.storage[i] *= s }
    return r
  }

  /// A·B·Aᵀ (a sandwich, or a change of parameters of a covariance).
  public func sandwich(_ b: SmallMatrix) -> SmallMatrix { self * b * transposed }

  /// The submatrix of the given rows and columns.
  public func submatrix(_ indices: [Int]) -> SmallMatrix {
    var s = SmallMatrix(rows: indices.count, columns: indices.count)
    for (a, i) in indices.enumerated() { for (b, j) in indices.enumerated() { s[a, b] = self[i, j] } }
    return s
  }

  /// Solves A·x = b for a symmetric positive definite A by Cholesky;
  /// nil when A is not positive definite (to working precision).
  public func choleskySolve(_ b: [Double]) -> [Double]? {
    precondition(rows == columns && b.count == rows)
    let n = rows
    var l = SmallMatrix(rows: n, columns: n)
    for j in 0..<n {
      var d = self[j, j]
      for k in 0..<j { d -= l[j, k] * l[j, k] }
      guard d > 0, d.isFinite else { return nil }
      let ljj = d.squareRoot()
      l[j, j] = ljj
      for i in (j + 1)..<max(j + 1, n) {
        var s = self[i, j]
        for k in 0..<j { s -= l[i, k] * l[j, k] }
        l[i, j] = s / ljj
      }
    }
    var y = b
    for i in 0..<n {
      var s = y[i]
      for k in 0..<i { s -= l[i, k] * y[k] }
      y[i] = s / l[i, i]
    }
    for i in stride(from: n - 1, through: 0, by: -1) {
      var s = y[i]
      for k in (i + 1)..<max(i + 1, n) { s -= l[k, i] * y[k] }
      y[i] = s / l[i, i]
    }
    return y
  }
}

/// Ordinary least squares, y = b0 + Xb + e, as R's `lm`.
///
/// Numerics: with an intercept the columns are centred (and y), so the
/// intercept separates from the slopes; every column is then scaled to
/// unit length and the slopes come from a Householder QR with column
/// pivoting (LAPACK `dgeqp3`), never from the normal equations. The
/// intercept is recovered as b0 = ȳ − Σ x̄_j b_j, and every covariance
/// is computed in the centred, scaled parameters and mapped back
/// (Cov(b) = T·Cov(θ)·Tᵀ), which is exact algebra and keeps the digits
/// NIST's Longley, Filip and Wampler files ask for.
///
/// Rank: a column whose part orthogonal to the columns before it is
/// shorter than `tolerance` times its own (centred) length is aliased and
/// gets no coefficient (NA in R): R's `lm` rule (LINPACK `dqrdc2`, which
/// keeps the earlier of two collinear columns), applied to the centred
/// columns with tolerance 1e-10, as `lm(tol = 1e-10)`: R's default 1e-7
/// drops the x¹⁰ term of NIST Filip, which is not singular. Exact
/// dependencies (a dummy for every category and an intercept) leave
/// residuals near 1e-16 and are caught either way.
public struct LinearModel: Sendable {
  /// The predictors (the intercept is not a column: `intercept` says
  /// whether one is fitted).
  public struct Design: Sendable {
    public var columns: [[Double]]
    public var names: [String]
    public var intercept: Bool

    public init(columns: [[Double]], names: [String], intercept: Bool = true) {
      precondition(columns.count == names.count)
      self.columns = columns
      self.names = names
      self.intercept = intercept
    }
  }

  /// Coefficient names: "(Intercept)" first when fitted, then the columns.
  public let names: [String]
  /// nil for an aliased (linearly dependent) column.
  public let coefficients: [Double?]
  /// Indices into `names` of the estimated coefficients; covariance
  /// matrices are over these, in this order.
  public let estimated: [Int]
  public let n: Int
  /// Estimated coefficients, the intercept included.
  public var rank: Int { estimated.count }
  public var dfResidual: Int { n - rank }
  public let hasIntercept: Bool
  /// Residual sum of squares.
  public let rss: Double
  /// Total sum of squares: about the mean with an intercept, about 0
  /// without (R's convention for R² of a model without intercept).
  public let tss: Double
  public let residuals: [Double]

  // The centred, scaled parameterisation the covariances are built in.
  private let design: Design
  private let means: [Double]
  private let scales: [Double]
  /// Estimated design columns in the order of R's rows.
  private let keptColumns: [Int]
  /// R⁻¹ of the kept columns (centred and scaled).
  private let rInverse: SmallMatrix

  public static let defaultTolerance = 1e-10

  public init(_ design: Design, response y: [Double], tolerance: Double = LinearModel.defaultTolerance) throws(StatsError) {
    let n = y.count
    let p = design.columns.count
    for c in design.columns { precondition(c.count == n, "design columns and response differ in length") }
    let intercept = design.intercept
    guard p > 0 || intercept else { throw .invalidArgument("the model has no terms and no intercept") }
    self.n = n
    self.design = design
    hasIntercept = intercept
    names = (intercept ? ["(Intercept)"] : []) + design.names

    // Centre and scale. The centre need not be the exact mean: the
    // refinement below works on the exact residuals, and the intercept
    // absorbs whatever the centring left. Plain sums keep this to two
    // vectorised passes per column.
    func plainMean(_ x: [Double]) -> Double {
      var s = 0.0
      for v in x { s += v }
      return s / Double(x.count)
    }
    let yMean = intercept ? plainMean(y) : 0
    var means = [Double](repeating: 0, count: p)
    var scales = [Double](repeating: 0, count: p)
    for j in 0..<p {
      let column = design.columns[j]
      let m = intercept ? plainMean(column) : 0
      means[j] = m
      var s = 0.0
      for v in column { s += (v - m) * (v - m) }
      scales[j] = s.squareRoot()
    }
    self.means = means
    self.scales = scales
    // Columns that are constant (zero once centred) are aliased with the
    // intercept; the rest go to the QR.
    var candidates = (0..<p).filter { scales[$0] > 0 && scales[$0].isFinite }
    let kept: [Int]
    var qr: HouseholderQR? = nil
    if !candidates.isEmpty {
      guard n >= candidates.count else {
        throw .tooFewObservations(
          what: "the model (one per coefficient, and one more)", needed: candidates.count + (intercept ? 2 : 1), got: n)
      }
      func scaledMatrix(_ columns: [Int]) -> [Double] {
        var a = [Double](repeating: 0, count: n * columns.count)
        for (k, j) in columns.enumerated() {
          let column = design.columns[j]
          let m = means[j]
          let s = scales[j]
          a.withUnsafeMutableBufferPointer { buffer in
            let base = k * n
            for i in 0..<n { buffer[base + i] = (column[i] - m) / s }
          }
        }
        return a
      }
      var factored = try HouseholderQR(scaledMatrix(candidates), rows: n, columns: candidates.count)
      let independent = LinearModel.independentColumns(factored, tolerance: tolerance)
      if independent.count < candidates.count {
        candidates = independent.map { candidates[$0] }
        factored = try HouseholderQR(scaledMatrix(candidates), rows: n, columns: candidates.count)
      }
      kept = factored.pivots.map { candidates[$0] }
      qr = factored
    } else {
      kept = []
    }
    keptColumns = kept
    guard n > kept.count + (intercept ? 1 : 0) else {
      throw .tooFewObservations(
        what: "the model (one per coefficient, and one more)", needed: kept.count + (intercept ? 2 : 1), got: n)
    }

    // Slopes in the scaled parameters: R γ = (Qᵀ y_c)[0..<r].
    let r = kept.count
    var rInv = SmallMatrix(rows: 0, columns: 0)
    func solve(_ rhs: [Double]) throws(StatsError) -> [Double] {
      guard let qr else { return [] }
      let qty = try qr.qTransposeTimes(rhs)
      var gamma = [Double](repeating: 0, count: r)
      for i in 0..<r {
        var s = 0.0
        for k in i..<r { s += rInv[i, k] * qty[k] }
        gamma[i] = s
      }
      return gamma
    }
    if let qr { rInv = qr.upperTriangle.upperTriangularInverse() }
    rInverse = rInv
    var slopes = [Double](repeating: 0, count: p)
    var b0 = yMean
    func apply(_ gamma: [Double], shift: Double) {
      var delta0 = CompensatedSum()
      delta0.add(shift)
      for (k, j) in kept.enumerated() {
        let step = gamma[k] / scales[j]
        slopes[j] += step
        delta0.add(-means[j] * step)
      }
      if intercept { b0 += delta0.value }
    }
    apply(try solve(intercept ? y.map { $0 - yMean } : y), shift: 0)

    // Refinement by the corrected seminormal equations (Björck 1987):
    // with the residuals r and the gradient g = Zᵀr summed exactly from the
    // stored columns (TwoProduct by fma, compensated sums), the correction
    // δ = R⁻¹R⁻ᵀg moves b to the least-squares solution of the data as
    // stored; the QR alone stops short by the rounding of the centred,
    // scaled copy. On NIST Filip this reaches the exact solution of the
    // binary data (7.6 digits from the certified values of the decimal
    // data); Wampler 3–5 gain 3–4 digits over R.
    func residualVector() -> [Double] {
      var e = [Double](repeating: 0, count: n)
      let columns = kept.map { design.columns[$0] }
      let b = kept.map { slopes[$0] }
      for i in 0..<n {
        var sum = CompensatedSum()
        sum.add(y[i])
        sum.add(-b0)
        for (c, column) in columns.enumerated() {
          // x·b = product + low exactly.
          let product = column[i] * b[c]
          sum.add(-product)
          sum.add(-(-product).addingProduct(column[i], b[c]))
        }
        e[i] = sum.value
      }
      return e
    }
    // One step always; more while a step still moves a coefficient by
    // more than 1e-13 of its size (ill-conditioned designs).
    var e = residualVector()
    for step in 0..<3 where r > 0 {
      var sumR = CompensatedSum()
      for v in e { sumR.add(v) }
      var g = [Double](repeating: 0, count: r)
      for (k, j) in kept.enumerated() {
        let column = design.columns[j]
        var dot = CompensatedSum()
        for i in 0..<n {
          let product = column[i] * e[i]
          dot.add(product)
          dot.add((-product).addingProduct(column[i], e[i]))
        }
        g[k] = (dot.value - means[j] * sumR.value) / scales[j]
      }
      var w = [Double](repeating: 0, count: r)
      for a in 0..<r { for c in 0...a { w[a] += rInv[c, a] * g[c] } }
      var delta = [Double](repeating: 0, count: r)
      for a in 0..<r { for c in a..<r { delta[a] += rInv[a, c] * w[c] } }
      let shift = intercept ? sumR.value / Double(n) : 0
      let before = slopes
      apply(delta, shift: shift)
      e = residualVector()
      let moved = kept.contains { j in abs(slopes[j] - before[j]) > 1e-13 * abs(slopes[j]) }
      if !moved || step == 2 { break }
    }

    var coefficients = [Double?](repeating: nil, count: names.count)
    let offset = intercept ? 1 : 0
    for j in kept { coefficients[offset + j] = slopes[j] }
    if intercept { coefficients[0] = b0 }
    self.coefficients = coefficients
    estimated = (intercept ? [0] : []) + kept.sorted().map { $0 + offset }
    residuals = e
    var rssSum = CompensatedSum()
    for v in e { rssSum.add(v * v) }
    rss = rssSum.value
    tss = intercept ? Summation.sumOfSquaredDeviations(y, mean: yMean) : { var s = CompensatedSum(); for v in y { s.add(v * v) }; return s.value }()
  }

  /// Greedy selection in column order, as LINPACK's `dqrdc2`: column j is
  /// kept if its part orthogonal to the kept columns before it is at least
  /// `tolerance` of its length. Works on R·Pᵀ (p × p), which has the same
  /// column dependencies as A = Q·R·Pᵀ.
  static func independentColumns(_ qr: HouseholderQR, tolerance: Double) -> [Int] {
    let p = qr.columnCount
    // Columns of R·Pᵀ in the original order.
    var columns = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
    for k in 0..<p {
      let original = qr.pivots[k]
      for i in 0...k { columns[original][i] = qr.r(i, k) }
    }
    var basis: [[Double]] = []
    var kept: [Int] = []
    for j in 0..<p {
      var v = columns[j]
      let length = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
      guard length > 0 else { continue }
      // Modified Gram–Schmidt, twice (enough for orthogonality).
      for _ in 0..<2 {
        for q in basis {
          let d = zip(q, v).reduce(0) { $0 + $1.0 * $1.1 }
          for i in 0..<p { v[i] -= d * q[i] }
        }
      }
      let rest = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
      if rest >= tolerance * length {
        basis.append(v.map { $0 / rest })
        kept.append(j)
      }
    }
    return kept
  }

  /// The residual variance RSS/(n − rank).
  public var sigma2: Double { rss / Double(dfResidual) }

  /// R² (nil when y is constant); with an intercept it is at least 0,
  /// so rounding cannot print −2e−16.
  public var r2: Double? {
    guard tss > 0 else { return nil }
    return hasIntercept ? max(0, 1 - rss / tss) : 1 - rss / tss
  }

  /// Adjusted R², with R's degrees of freedom: 1 − (1 − R²)(n − i)/(n − rank), i = 1 with an intercept.
  public var adjustedR2: Double? {
    guard let r2 else { return nil }
    let i = hasIntercept ? 1.0 : 0.0
    return 1 - (1 - r2) * (Double(n) - i) / Double(dfResidual)
  }

  /// The overall F test of all slopes (R's `summary.lm` F): nil for a
  /// model with only an intercept.
  public var overallF: (f: Double, df1: Int, df2: Int, p: Double)? {
    let df1 = rank - (hasIntercept ? 1 : 0)
    guard df1 > 0, dfResidual > 0 else { return nil }
    let f = ((tss - rss) / Double(df1)) / sigma2
    return (f, df1, dfResidual, Distribution.f(f, df1: Double(df1), df2: Double(dfResidual), tail: .upper))
  }

  // MARK: Covariances

  /// Maps θ = (a, γ) of the centred, scaled fit to the reported b: rows
  /// and columns follow `estimated` (θ follows intercept, then the kept
  /// columns in R's order).
  private var jacobian: SmallMatrix {
    let k = rank
    var t = SmallMatrix(rows: k, columns: k)
    let offset = hasIntercept ? 1 : 0
    // Position of design column j among the estimated coefficients.
    var position: [Int: Int] = [:]
    for (row, index) in estimated.enumerated() where index >= offset { position[index - offset] = row }
    if hasIntercept { t[0, 0] = 1 }
    for (c, j) in keptColumns.enumerated() {
      let row = position[j]!
      t[row, offset + c] = 1 / scales[j]
      if hasIntercept { t[0, offset + c] = -means[j] / scales[j] }
    }
    return t
  }

  /// (ZᵀZ)⁻¹ of the centred, scaled design with the intercept: block
  /// diagonal, 1/n and R⁻¹R⁻ᵀ.
  private var bread: SmallMatrix {
    let r = keptColumns.count
    let offset = hasIntercept ? 1 : 0
    var b = SmallMatrix(rows: r + offset, columns: r + offset)
    if hasIntercept { b[0, 0] = 1 / Double(n) }
    for i in 0..<r {
      for j in 0..<r {
        var s = 0.0
        for k in max(i, j)..<r { s += rInverse[i, k] * rInverse[j, k] }
        b[offset + i, offset + j] = s
      }
    }
    return b
  }

  /// The row z_i of the centred, scaled design (1 first with an intercept).
  @inline(__always)
  private func designRow(_ i: Int, into z: inout [Double]) {
    let offset = hasIntercept ? 1 : 0
    if hasIntercept { z[0] = 1 }
    for (c, j) in keptColumns.enumerated() { z[offset + c] = (design.columns[j][i] - means[j]) / scales[j] }
  }

  /// The covariance of the estimated coefficients (over `estimated`).
  public func covariance(_ kind: CovarianceKind) throws(StatsError) -> SmallMatrix {
    let b = bread
    let k = b.rows
    let theta: SmallMatrix
    switch kind {
    case .classical:
      theta = b * sigma2
    case .hc0, .hc1, .hc2, .hc3:
      var meat = SmallMatrix(rows: k, columns: k)
      var z = [Double](repeating: 0, count: k)
      let needLeverage = kind == .hc2 || kind == .hc3
      let offset = hasIntercept ? 1 : 0
      let r = keptColumns.count
      var u = [Double](repeating: 0, count: r)
      for i in 0..<n {
        designRow(i, into: &z)
        var w = residuals[i] * residuals[i]
        if needLeverage {
          // h_i = 1/n + ‖R⁻ᵀ z_i‖² (the intercept block is 1/n).
          var h = hasIntercept ? 1 / Double(n) : 0
          for a in 0..<r {
            var s = 0.0
            for c in 0...a { s += rInverse[c, a] * z[offset + c] }
            u[a] = s
            h += s * s
          }
          guard h < 1 - 1e-12 else {
            throw .invalidArgument("an observation has leverage 1, so \(kind.name) is undefined (use hc1)")
          }
          w /= kind == .hc2 ? (1 - h) : (1 - h) * (1 - h)
        }
        for a in 0..<k {
          let wa = w * z[a]
          for c in 0...a { meat.storage[a * k + c] += wa * z[c] }
        }
      }
      for a in 0..<k { for c in 0..<a { meat[c, a] = meat[a, c] } }
      var v = b * meat * b
      if kind == .hc1 { v = v * (Double(n) / Double(dfResidual)) }
      theta = v
    case .cluster(let codes, let count):
      precondition(codes.count == n)
      guard count >= 2 else {
        throw .tooFewObservations(what: "clusters (cluster-robust standard errors)", needed: 2, got: count)
      }
      var scores = [Double](repeating: 0, count: count * k)
      var z = [Double](repeating: 0, count: k)
      for i in 0..<n {
        designRow(i, into: &z)
        let base = codes[i] * k
        let e = residuals[i]
        for a in 0..<k { scores[base + a] += z[a] * e }
      }
      var meat = SmallMatrix(rows: k, columns: k)
      for g in 0..<count {
        let base = g * k
        for a in 0..<k {
          let sa = scores[base + a]
          if sa == 0 { continue }
          for c in 0...a { meat.storage[a * k + c] += sa * scores[base + c] }
        }
      }
      for a in 0..<k { for c in 0..<a { meat[c, a] = meat[a, c] } }
      let g = Double(count)
      let factor = g / (g - 1) * Double(n - 1) / Double(dfResidual)
      theta = b * meat * b * factor
    }
    return jacobian.sandwich(theta)
  }

  /// Degrees of freedom of t and F under a covariance: n − rank, or
  /// G − 1 for cluster-robust (Stata's `vce(cluster)`).
  public func inferenceDF(_ kind: CovarianceKind) -> Int {
    if case .cluster(_, let count) = kind { return count - 1 }
    return dfResidual
  }

  /// The coefficient table under a covariance.
  public func coefficientTable(_ kind: CovarianceKind, confLevel: Double = 0.95) throws(StatsError) -> [Coefficient] {
    try requireConfidenceLevel(confLevel)
    guard dfResidual > 0 else {
      throw .tooFewObservations(what: "the residual degrees of freedom", needed: 1, got: 0)
    }
    let v = try covariance(kind)
    let df = Double(inferenceDF(kind))
    let q = Distribution.studentTQuantile((1 + confLevel) / 2, df: df)
    var table: [Coefficient] = []
    for (index, name) in names.enumerated() {
      guard let b = coefficients[index], let row = estimated.firstIndex(of: index) else {
        table.append(Coefficient(name: name, estimate: nil, se: nil, t: nil, df: df, p: nil, ciLow: nil, ciHigh: nil))
        continue
      }
      let se = max(0, v[row, row]).squareRoot()
      // A zero SE (an exact fit) leaves t and p undefined, not infinite.
      let t: Double? = se > 0 ? b / se : nil
      let p = t.map { 2 * Distribution.studentT(-abs($0), df: df) }
      table.append(
        Coefficient(name: name, estimate: b, se: se, t: t, df: df, p: p, ciLow: b - q * se, ciHigh: b + q * se))
    }
    return table
  }

  /// The Wald F test that the named coefficients are all 0:
  /// F = bᵀV⁻¹b/q on (q, df) degrees of freedom. With the classical
  /// covariance this is the partial (Type III) F of those terms.
  public func waldTest(_ indices: [Int], _ kind: CovarianceKind) throws(StatsError) -> (f: Double, df1: Int, df2: Int, p: Double) {
    let rows = indices.compactMap { estimated.firstIndex(of: $0) }
    guard !rows.isEmpty else { throw .invalidArgument("the term has no estimated coefficient (aliased)") }
    let v = try covariance(kind).submatrix(rows)
    let b = rows.map { coefficients[estimated[$0]]! }
    guard let x = v.choleskySolve(b) else {
      throw .invalidArgument("the covariance of the tested coefficients is singular")
    }
    let q = rows.count
    let f = zip(b, x).reduce(0) { $0 + $1.0 * $1.1 } / Double(q)
    let df2 = inferenceDF(kind)
    return (f, q, df2, Distribution.f(f, df1: Double(q), df2: Double(df2), tail: .upper))
  }
}

/// How coefficient standard errors are computed.
public enum CovarianceKind: Sendable, Equatable {
  /// σ²(XᵀX)⁻¹.
  case classical
  /// White: (XᵀX)⁻¹ Σ e_i² x_i x_iᵀ (XᵀX)⁻¹.
  case hc0
  /// HC0 · n/(n − k): Stata's `vce(robust)`.
  case hc1
  /// e_i²/(1 − h_i).
  case hc2
  /// e_i²/(1 − h_i)²: `sandwich::vcovHC`'s default.
  case hc3
  /// CR1: Σ_g (X_gᵀe_g)(X_gᵀe_g)ᵀ sandwiched, times G/(G − 1)·(n − 1)/(n − k)
  /// (Stata `vce(cluster)`, `sandwich::vcovCL`), with t(G − 1) inference as
  /// Stata. `codes` numbers each observation's cluster 0..<count.
  case cluster(codes: [Int], count: Int)

  public var name: String {
    switch self {
    case .classical: "classical"
    case .hc0: "HC0"
    case .hc1: "HC1"
    case .hc2: "HC2"
    case .hc3: "HC3"
    case .cluster: "CR1"
    }
  }
}

/// One row of a coefficient table; nil estimate for an aliased term.
public struct Coefficient: Sendable, Equatable {
  public let name: String
  public let estimate: Double?
  public let se: Double?
  public let t: Double?
  public let df: Double
  public let p: Double?
  public let ciLow: Double?
  public let ciHigh: Double?
}

/// Adjusted p-values for m tests (R `p.adjust`), p_(1) ≤ … ≤ p_(m) sorted:
///
/// - Holm (1979), the default as in R: p̃_(i) = max_{j≤i} min(1, (m−j+1)·p_(j));
///   it controls the family-wise error like Bonferroni and is never less
///   powerful ("no reason to use the unmodified Bonferroni", R's help);
/// - Bonferroni: min(1, m·p);
/// - Hochberg (1988): p̃_(i) = min_{j≥i} min(1, (m−j+1)·p_(j));
/// - Benjamini–Hochberg (1995), false discovery rate: min_{j≥i} min(1, m·p_(j)/j);
/// - Benjamini–Yekutieli (2001): BH × Σ_{k=1}^m 1/k.
public enum PValueAdjustment: String, CaseIterable, Sendable {
  case holm
  case bonferroni
  case hochberg
  case bh = "BH"
  case by = "BY"
  case none

  public var words: String {
    switch self {
    case .holm: "Holm"
    case .bonferroni: "Bonferroni"
    case .hochberg: "Hochberg"
    case .bh: "Benjamini–Hochberg (FDR)"
    case .by: "Benjamini–Yekutieli (FDR)"
    case .none: "none"
    }
  }

  /// Adjusts `p`; NaN entries stay NaN and do not count in m.
  public func adjust(_ p: [Double]) -> [Double] {
    let valid = p.indices.filter { !p[$0].isNaN }
    let m = Double(valid.count)
    guard valid.count > 1, self != .none else { return p }
    var out = p
    switch self {
    case .bonferroni:
      for i in valid { out[i] = min(1, m * p[i]) }
    case .holm:
      let order = valid.sorted { (p[$0], $0) < (p[$1], $1) }  // stable, as R's order()
      var running = 0.0
      for (k, i) in order.enumerated() {
        running = max(running, (m - Double(k)) * p[i])
        out[i] = min(1, running)
      }
    case .hochberg, .bh, .by:
      let order = valid.sorted { (p[$0], $1) > (p[$1], $0) }  // decreasing, stable
      let q = self == .by ? (1...valid.count).reduce(0) { $0 + 1 / Double($1) } : 1
      var running = Double.infinity
      for (k, i) in order.enumerated() {
        let rank = m - Double(k)  // i-th smallest has rank i
        let value = self == .hochberg ? (m + 1 - rank) * p[i] : q * m / rank * p[i]
        running = min(running, value)
        out[i] = min(1, running)
      }
    case .none:
      break
    }
    return out
  }
}

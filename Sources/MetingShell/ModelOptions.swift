import MetingLanguage
import MetingReport
import MetingStats

/// The standard-error options of the model commands (`se()`, `robust`,
/// `cluster()`), turned into a covariance and the words that say which.
struct StandardErrorChoice {
  enum Kind: String {
    case classical, hc0, hc1, hc2, hc3
  }
  let kind: Kind
  let cluster: Name?

  init(_ inv: Invocation) throws(Diagnostic) {
    var kind = Kind.classical
    if let o = inv.command.option("se") {
      kind = Kind(rawValue: try o.choice(["classical", "hc0", "hc1", "hc2", "hc3"]))!
    }
    if inv.flag("robust") {
      if let o = inv.command.option("se"), kind != .hc1 {
        throw LanguageDiagnostics.invalid(
          "'robust' is se(hc1); it cannot be combined with se(\(kind.rawValue))", range: o.range, category: .syntax)
      }
      kind = .hc1
    }
    cluster = try inv.command.option("cluster").map { o throws(Diagnostic) in try o.variable() }
    if cluster != nil, let o = inv.command.option("se") ?? inv.command.option("robust") {
      throw LanguageDiagnostics.invalid(
        "cluster(…) gives cluster-robust (CR1) errors; leave out \(o.name.text)", range: o.range, category: .syntax)
    }
    self.kind = kind
  }

  /// The covariance for a fitted frame.
  func covariance(_ frame: ModelFrame) -> CovarianceKind {
    if let c = frame.clusters { return .cluster(codes: c.codes, count: c.count) }
    switch kind {
    case .classical: return .classical
    case .hc0: return .hc0
    case .hc1: return .hc1
    case .hc2: return .hc2
    case .hc3: return .hc3
    }
  }

  /// What the standard errors are, in words, for the table's notes.
  func words(_ frame: ModelFrame, model: LinearModel) -> String {
    if let c = frame.clusters {
      return "standard errors: CR1 clustered by \(c.variable) (G/(G−1)·(n−1)/(n−k), as Stata's vce(cluster) and sandwich's vcovCL); t and F on G − 1 df (G = \(c.count) clusters), as Stata"
    }
    let what: String =
      switch kind {
      case .classical: "classical (σ²(XᵀX)⁻¹)"
      case .hc0: "HC0 (White)"
      case .hc1: "HC1 (White × n/(n−k), Stata's robust)"
      case .hc2: "HC2 (e²/(1−h))"
      case .hc3: "HC3 (e²/(1−h)², sandwich's default)"
      }
    return "standard errors: \(what); t on n − k df"
  }

  /// The JSON name of the covariance.
  func name(_ frame: ModelFrame) -> String { frame.clusters != nil ? "cr1" : kind.rawValue }
}

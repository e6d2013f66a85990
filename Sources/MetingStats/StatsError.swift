/// Why a procedure could not produce a result. Degenerate input is an
/// explicit error, never a silent NaN (R: `stop("not enough 'x'
/// observations")`, `stop("data are essentially constant")`).
public enum StatsError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Fewer valid observations than the procedure needs.
  case tooFewObservations(what: String, needed: Int, got: Int)
  /// The data have (essentially) zero variance, so the statistic is undefined.
  case constantData(what: String)
  /// An argument is outside its domain (e.g. a confidence level of 1.2).
  case invalidArgument(String)
  /// The procedure was cancelled (Ctrl-C) before it finished.
  case cancelled

  public var description: String {
    switch self {
    case .tooFewObservations(let what, let needed, let got):
      "not enough observations in \(what): need at least \(needed), have \(got)"
    case .constantData(let what):
      "\(what) are essentially constant (zero variance), so the statistic is undefined"
    case .invalidArgument(let message):
      message
    case .cancelled:
      "cancelled"
    }
  }
}

func requireConfidenceLevel(_ level: Double) throws(StatsError) {
  guard level > 0, level < 1 else {
    throw .invalidArgument("confidence level must be between 0 and 1, not \(level)")
  }
}

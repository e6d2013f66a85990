import CRmath
import Synchronization

/// Probability distributions used by the tests, evaluated by R's standalone
/// math library (libRmath), so that p-values and quantiles agree with R to the
/// last digit.
///
/// Every function takes the tail explicitly: `upper` probabilities are
/// computed directly, never as `1 - lower`, which keeps tiny p-values exact.
public enum Distribution {
  /// Which tail of a distribution a probability refers to.
  public enum Tail: Sendable {
    case lower
    case upper

    var rFlag: Int32 { self == .lower ? 1 : 0 }
  }

  /// P(T ≤ t) or P(T > t) for Student's t with `df` degrees of freedom (R `pt`).
  public static func studentT(_ t: Double, df: Double, tail: Tail = .lower) -> Double {
    pt(t, df, tail.rFlag, 0)
  }

  /// The `p` quantile of Student's t (R `qt`).
  public static func studentTQuantile(_ p: Double, df: Double, tail: Tail = .lower) -> Double {
    qt(p, df, tail.rFlag, 0)
  }

  /// P(T ≤ t) for the noncentral t with noncentrality `ncp` (R `pt(t, df, ncp)`).
  public static func noncentralT(_ t: Double, df: Double, ncp: Double, tail: Tail = .lower)
    -> Double
  {
    pnt(t, df, ncp, tail.rFlag, 0)
  }

  /// P(Z ≤ z) for the standard normal (R `pnorm`).
  public static func normal(_ z: Double, tail: Tail = .lower) -> Double {
    meting_pnorm(z, 0, 1, tail.rFlag, 0)
  }

  /// The `p` quantile of the standard normal (R `qnorm`, Wichura's AS 241).
  public static func normalQuantile(_ p: Double, tail: Tail = .lower) -> Double {
    meting_qnorm(p, 0, 1, tail.rFlag, 0)
  }

  /// P(X ≤ x) for the F distribution (R `pf`).
  public static func f(_ x: Double, df1: Double, df2: Double, tail: Tail = .lower) -> Double {
    pf(x, df1, df2, tail.rFlag, 0)
  }

  /// The `p` quantile of the F distribution (R `qf`).
  public static func fQuantile(_ p: Double, df1: Double, df2: Double, tail: Tail = .lower) -> Double {
    qf(p, df1, df2, tail.rFlag, 0)
  }

  /// P(X ≤ x) for the χ² distribution (R `pchisq`).
  public static func chiSquared(_ x: Double, df: Double, tail: Tail = .lower) -> Double {
    pchisq(x, df, tail.rFlag, 0)
  }

  /// P(X ≤ x) for the binomial (R `pbinom`).
  public static func binomial(_ x: Double, n: Double, p: Double, tail: Tail = .lower) -> Double {
    pbinom(x, n, p, tail.rFlag, 0)
  }

  /// P(Q ≤ q) for the studentized range of `means` means with `df`
  /// degrees of freedom (R `ptukey`, one range).
  public static func studentizedRange(_ q: Double, means: Double, df: Double, tail: Tail = .lower) -> Double {
    ptukey(q, 1, means, df, tail.rFlag, 0)
  }

  /// The `p` quantile of the studentized range (R `qtukey`; R's own search
  /// stops at about 1e-4 relative, so intervals built on it agree with R
  /// to about 10 digits).
  public static func studentizedRangeQuantile(_ p: Double, means: Double, df: Double, tail: Tail = .lower) -> Double {
    qtukey(p, 1, means, df, tail.rFlag, 0)
  }

  /// Guards libRmath's static caches for the Wilcoxon distributions,
  /// which are not thread-safe.
  private static let exactDistributions = Mutex<Void>(())

  /// Runs `body` with exclusive use of libRmath's Wilcoxon tables, and
  /// frees them afterwards.
  public static func withWilcoxonTables<R>(_ body: (WilcoxonTables) -> R) -> R {
    exactDistributions.withLock { _ in
      defer {
        signrank_free()
        wilcox_free()
      }
      return body(WilcoxonTables())
    }
  }

  /// The exact null distributions of the signed-rank statistic V and the
  /// rank-sum statistic W (R `psignrank`, `qsignrank`, `pwilcox`,
  /// `qwilcox`); only available inside `withWilcoxonTables`.
  public struct WilcoxonTables {
    fileprivate init() {}

    public func signedRank(_ v: Double, n: Double, tail: Tail = .lower) -> Double {
      psignrank(v, n, tail.rFlag, 0)
    }

    public func signedRankQuantile(_ p: Double, n: Double) -> Double {
      qsignrank(p, n, 1, 0)
    }

    public func rankSum(_ w: Double, m: Double, n: Double, tail: Tail = .lower) -> Double {
      pwilcox(w, m, n, tail.rFlag, 0)
    }

    public func rankSumQuantile(_ p: Double, m: Double, n: Double) -> Double {
      qwilcox(p, m, n, 1, 0)
    }
  }

  /// Γ(x) (R `gamma`).
  public static func gamma(_ x: Double) -> Double {
    gammafn(x)
  }

  /// log P(X = x) for the hypergeometric: x white balls drawn in k draws
  /// from m white and n black (R `dhyper(x, m, n, k, log = TRUE)`).
  public static func hypergeometricLogDensity(_ x: Double, m: Double, n: Double, k: Double) -> Double {
    dhyper(x, m, n, k, 1)
  }

  /// P(X ≤ x) or P(X > x) for the hypergeometric (R `phyper`).
  public static func hypergeometric(_ x: Double, m: Double, n: Double, k: Double, tail: Tail = .lower) -> Double {
    phyper(x, m, n, k, tail.rFlag, 0)
  }

  /// log Γ(x) (R `lgamma`).
  public static func logGamma(_ x: Double) -> Double {
    lgammafn(x)
  }
}

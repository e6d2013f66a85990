/// McNemar's test of a paired 2 × 2 table (before/after on the same
/// units), and Bowker's test of symmetry for k × k, as R's `mcnemar.test`.
///
/// With discordant counts b = n₁₂ and c = n₂₁: corrected χ² =
/// (|b − c| − 1)²/(b + c) (R's default), uncorrected (b − c)²/(b + c)
/// (Stata `mcc`, R `correct = FALSE`), on 1 df; exact: the two-sided
/// binomial test of b in b + c at ½, min(1, 2·P(X ≤ min(b, c)))
/// (statsmodels' default, PSPP). k × k: Σ_{i<j}(n_ij − n_ji)²/(n_ij + n_ji)
/// on k(k − 1)/2 df, as R (pairs with n_ij + n_ji = 0, where R's statistic
/// is NaN, are left out of the sum and the df).
public enum McNemar {
  public struct Result: Sendable, Equatable {
    public let chi2: Double
    public let df: Int
    public let p: Double
    public let method: String
  }

  public static func test(_ counts: [[Double]], correct: Bool = true) throws(StatsError) -> Result {
    let k = counts.count
    guard k >= 2, counts.allSatisfy({ $0.count == k }) else {
      throw .invalidArgument("McNemar's test needs a square table (the same categories before and after)")
    }
    var chi2 = 0.0
    var df = 0
    for i in 0..<k {
      for j in (i + 1)..<k {
        let (b, c) = (counts[i][j], counts[j][i])
        guard b + c > 0 else { continue }
        // R corrects only when b ≠ c.
        let d = k == 2 && correct && b != c ? abs(b - c) - 1 : b - c
        chi2 += d * d / (b + c)
        df += 1
      }
    }
    guard df > 0 else {
      throw .constantData(what: "the discordant pairs (there are none)")
    }
    let method = k == 2
      ? "McNemar's χ²" + (correct ? " with continuity correction" : "")
      : "Bowker's test of symmetry"
    return Result(chi2: chi2, df: df, p: Distribution.chiSquared(chi2, df: Double(df), tail: .upper), method: method)
  }

  /// The exact (binomial) McNemar test of a 2 × 2 table.
  public static func exact(_ counts: [[Double]]) throws(StatsError) -> Double {
    guard counts.count == 2, counts.allSatisfy({ $0.count == 2 }) else {
      throw .invalidArgument("the exact McNemar test is for 2 × 2 tables")
    }
    let (b, c) = (counts[0][1], counts[1][0])
    guard b + c > 0 else { throw .constantData(what: "the discordant pairs (there are none)") }
    return min(1, 2 * Distribution.binomial(min(b, c), n: b + c, p: 0.5))
  }
}

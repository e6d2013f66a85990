import Foundation
import MetingData
import MetingStats

/// The synthetic example study: 94 firms measured before and after, 71 with
/// an intervention in one of four categories, 23 without. SYNTHETIC: every
/// number is invented by this generator; none is a finding of the real
/// study.
///
/// Generating model (examples/mijn-bedrijf/README.md has the long form):
/// latent capacity θ ~ N(3.40, 0.42²). An item at wave w is
/// round(θ + o_w + s_kw + c_j + e) clamped to 1–5, with an occasion effect
/// o ~ N(0, 0.19²) shared by the wave's items, a subscale effect
/// s ~ N(0, 0.25²), an item intercept c_j and noise e ~ N(0, 0.55²); at the
/// post wave add −0.02 and, for treated firms, the category's effect on
/// that subscale (0.34 on its own dimension, 0.10 on the others: 0.16 on
/// the mean). Assignment selects on the pretest: the 71 firms with the
/// highest −0.6·z(pre sic) + 0.3·[10+ employees] + logistic noise are
/// treated, so regression to the mean inflates the raw change of the
/// treated (Lord's paradox: change-score DiD > ANCOVA).
public struct ExampleStudy: Sendable {
  /// The creation time written into the example's .sav files
  /// (2026-01-01 00:00 UTC), so that regenerating them gives the same bytes.
  public static let fileTimestamp = 1_767_225_600

  /// The seed of the committed example files, picked by
  /// `meting generate example --find-seed`: of the seeds 1–200 whose
  /// realisation shows the teaching pattern (`TeachingPattern`), the one
  /// closest to the design's expected DiD and ANCOVA estimates.
  public static let seed: UInt64 = 104

  public static let fileComment =
    "SYNTHETIC data: invented by meting's example generator (seed %SEED%); not the data of the Mijn bedrijf 2.0 study"

  public let seed: UInt64
  public let firms: [Firm]

  public init(seed: UInt64 = ExampleStudy.seed) {
    self.seed = seed
    var rng = SeededGenerator(seed: seed)
    var draws: [FirmDraws] = []
    for _ in 0..<StudyDesign.firms { draws.append(FirmDraws(&rng)) }
    let treated = ExampleStudy.assign(&draws, rng: &rng)
    var firms = draws.indices.map { draws[$0].firm(index: $0, assignment: treated[$0]) }
    ExampleStudy.arrangeMissing(&firms)
    self.firms = firms
  }

  public var comment: String {
    ExampleStudy.fileComment.replacingOccurrences(of: "%SEED%", with: String(seed))
  }

  /// The file label of the .sav files (SPSS keeps 64 bytes).
  public var shortLabel: String { "SYNTHETIC: meting's example study (seed \(seed)), not real data" }

  /// Missing values placed on purpose, so the scoring rules show: firm 11
  /// answers only one strategic-orientation item at the pretest (so is
  /// invalid, sic is the mean of the other three subscales); firm 41
  /// likewise for flexible work at the posttest. Numeric fields get the
  /// codes −99 (no answer) and −98 (don't know).
  static func arrangeMissing(_ firms: inout [Firm]) {
    firms[10].waves[0].items[0] = 9
    firms[10].waves[0].items[1] = 8
    firms[40].waves[1].items[6] = 9
    firms[40].waves[1].items[8] = 7
    firms[19].fte = -99
    firms[32].prodPct = -98
    firms[70].prodPct = -99
  }

  /// Picks the treated firms and their categories (indices into
  /// `StudyDesign.categories`), nil for controls.
  static func assign(_ draws: inout [FirmDraws], rng: inout SeededGenerator) -> [(category: Int, subtype: Int)?] {
    let pre = draws.map { $0.observedPreSIC() }
    let valid = pre.compactMap { $0 }
    let mean = valid.reduce(0, +) / Double(valid.count)
    let sd = (valid.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(valid.count - 1)).squareRoot()
    let scores = draws.indices.map { i -> Double in
      let z = ((pre[i] ?? mean) - mean) / sd
      return -0.6 * z + 0.3 * (draws[i].employees >= 10 ? 1 : 0) + draws[i].assignmentNoise
    }
    let order = scores.indices.sorted { scores[$0] > scores[$1] }
    let treated = Array(order.prefix(StudyDesign.treatedFirms)).sorted()
    let shuffled = rng.shuffled(treated)
    var result = [(category: Int, subtype: Int)?](repeating: nil, count: draws.count)
    var start = 0
    for (c, category) in StudyDesign.categories.enumerated() {
      for firm in shuffled[start..<(start + category.firms)] {
        result[firm] = (category: c, subtype: rng.below(3))
      }
      start += category.firms
    }
    return result
  }
}


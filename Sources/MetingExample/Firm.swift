import MetingData
import MetingStats

/// Everything drawn for one firm before treatment is assigned. Drawing all
/// noise first keeps the random stream independent of the assignment.
struct FirmDraws {
  /// Item intercepts of the 12 capacity items (design constants).
  static let intercepts: [Double] = [0.15, 0.05, -0.10, 0.20, 0.00, -0.05, -0.15, 0.10, 0.05, 0.00, -0.10, 0.10]

  let theta: Double
  let sizeClass: Int
  let employees: Int
  let fte: Double
  let sector: Int
  let region: Int
  let bureau: Int
  let adviser: Int
  /// [wave] occasion effect, [wave][subscale] effect, [wave][item] noise.
  let occasion: [Double]
  let subscale: [[Double]]
  let itemNoise: [[Double]]
  let qualFirm: Double
  let qualNoise: [[Double]]
  let quantFirm: Double
  let quantNoise: [[Double]]
  let prodNoise: [Double]
  let goalFirm: Double
  let goalNoise: [Double]
  let prodPctNoise: Double
  let attrNoise: Double
  let assignmentNoise: Double
  let preDay: Int
  let postDay: Int
  let rolePre: Int
  let same: Bool
  let rolePost: Int
  let supportDraws: [Double]
  let hoursNoise: Double
  /// Which item cells go missing and with which code: (wave, item, code).
  let missingItems: [(Int, Int, Double)]

  init(_ rng: inout SeededGenerator) {
    theta = rng.normal(mean: 3.40, sd: 0.42)
    sizeClass = rng.choose(weights: StudyDesign.sizeClasses.map(\.weight))
    let size = StudyDesign.sizeClasses[sizeClass]
    employees = size.low + rng.below(size.high - size.low + 1)
    fte = (Double(employees) * (0.70 + 0.25 * rng.uniform()) * 10).rounded() / 10
    sector = rng.choose(weights: StudyDesign.sectors.map(\.weight))
    region = rng.below(StudyDesign.regions.count)
    bureau = rng.below(3)
    adviser = bureau * 4 + rng.below(4)
    occasion = (0..<2).map { _ in rng.normal(mean: 0, sd: 0.19) }
    subscale = (0..<2).map { _ in (0..<4).map { _ in rng.normal(mean: 0, sd: 0.25) } }
    itemNoise = (0..<2).map { _ in (0..<12).map { _ in rng.normal(mean: 0, sd: 0.55) } }
    qualFirm = rng.normal(mean: 0, sd: 0.45)
    qualNoise = (0..<2).map { _ in (0..<4).map { _ in rng.normal(mean: 0, sd: 0.45) } }
    quantFirm = rng.normal(mean: 0, sd: 0.40)
    quantNoise = (0..<2).map { _ in (0..<4).map { _ in rng.normal(mean: 0, sd: 0.48) } }
    prodNoise = (0..<2).map { _ in rng.normal(mean: 0, sd: 0.6) }
    goalFirm = rng.normal(mean: 0, sd: 0.6)
    goalNoise = (0..<3).map { _ in rng.normal(mean: 0, sd: 0.45) }
    prodPctNoise = rng.normal(mean: 0, sd: 7)
    attrNoise = rng.normal(mean: 0, sd: 0.7)
    assignmentNoise = rng.logistic()
    preDay = rng.below(515)  // 2010-02-01 … 2011-06-29
    postDay = rng.below(153)  // 2012-09-01 … 2013-01-31
    rolePre = rng.choose(weights: [0.55, 0.30, 0.15])
    same = rng.uniform() < 0.8
    let other = rng.choose(weights: [0.55, 0.30, 0.15])
    rolePost = same ? rolePre : other
    supportDraws = (0..<4).map { _ in rng.uniform() }
    hoursNoise = rng.normal()
    // About 0.5 % of the 2 × 21 item cells: 8 (don't know) or 9 (no answer).
    var missing: [(Int, Int, Double)] = []
    for wave in 0..<2 {
      for item in 0..<21 where rng.uniform() < 0.005 {
        missing.append((wave, item, rng.uniform() < 0.5 ? 8 : 9))
      }
    }
    missingItems = missing
  }

  /// A Likert answer: the rounded latent value, clamped to 1–5.
  static func likert(_ x: Double) -> Double { min(5, max(1, x.rounded())) }

  /// The 12 capacity items at a wave, in the positive direction, before
  /// reverse wording and missing codes.
  func capacityItems(wave: Int, effects: [Double]) -> [Double] {
    (0..<12).map { j in
      let k = j / 3
      let shift = wave == 1 ? -0.02 + effects[k] : 0
      return FirmDraws.likert(theta + occasion[wave] + subscale[wave][k] + FirmDraws.intercepts[j] + shift + itemNoise[wave][j])
    }
  }

  /// The capacity items as answered: reverse-worded ones (so3r, fw3r,
  /// sl3r) as 6 − x.
  func answeredCapacityItems(wave: Int, effects: [Double]) -> [Double] {
    var items = capacityItems(wave: wave, effects: effects)
    for j in [2, 8, 11] { items[j] = 6 - items[j] }
    return items
  }

  /// The pretest sic as an analyst would compute it (for the assignment).
  func observedPreSIC() -> Double? {
    let items = answeredCapacityItems(wave: 0, effects: [0, 0, 0, 0]).enumerated().map { j, v -> Double in
      missingItems.contains { $0.0 == 0 && $0.1 == j } ? .nan : v
    }
    return Scales.sic(items)
  }

  func firm(index i: Int, assignment: (category: Int, subtype: Int)?) -> Firm {
    let treated = assignment != nil
    let effects = assignment.map { StudyDesign.effects[$0.category] } ?? [0, 0, 0, 0]
    let t = treated ? 1.0 : 0.0
    var waves: [FirmWave] = []
    for w in 0..<2 {
      let capacity = answeredCapacityItems(wave: w, effects: effects)
      let post = Double(w)
      let qual = (0..<4).map { k in
        FirmDraws.likert(3.30 + 0.30 * (theta - 3.4) + qualFirm + post * (0.25 * t - 0.03 * (1 - t)) + qualNoise[w][k])
      }
      let quant = (0..<4).map { k in
        FirmDraws.likert(3.20 + 0.20 * (theta - 3.4) + quantFirm + post * (0.08 * t - 0.03 * (1 - t)) + quantNoise[w][k])
      }
      let prod = FirmDraws.likert(3.2 + 0.3 * (theta - 3.4) + post * (0.2 * t - 0.05 * (1 - t)) + prodNoise[w])
      var items = capacity + qual + quant + [prod]
      for (wave, item, code) in missingItems where wave == w && item < items.count { items[item] = code }
      waves.append(
        FirmWave(
          day: w == 0 ? Dates.pre(preDay) : Dates.post(postDay), role: w == 0 ? rolePre : rolePost,
          items: items))
    }
    let goal = (0..<3).map { k in FirmDraws.likert(3.0 + 0.45 * t + goalFirm + goalNoise[k]) }
    let prodPct = ((treated ? 5.0 : 1.0) + prodPctNoise).rounded()
    let change = (Scales.sic(waves[1].items) ?? 0) - (Scales.sic(waves[0].items) ?? 0)
    let attr = treated ? FirmDraws.likert(3.4 + 0.5 * change + attrNoise) : 7
    let support = [
      1.0,
      supportDraws[0] < (treated ? 0.60 : 0.15) ? 1 : 0,
      supportDraws[1] < (treated ? 0.45 : 0.05) ? 1 : 0,
      supportDraws[2] < (treated ? 0.50 : 0.30) ? 1 : 0,
      treated && supportDraws[3] < 0.70 ? 1 : 0,
    ]
    let hours = treated ? max(8, (22 + 6 * hoursNoise).rounded()) : max(2, (4 + 1.5 * hoursNoise).rounded())
    return Firm(
      id: "MB" + String(repeating: "0", count: max(0, 3 - String(i + 1).count)) + String(i + 1),
      treated: treated, category: assignment?.category, subtype: assignment?.subtype,
      sizeClass: sizeClass, fte: fte, sector: sector, region: region, bureau: bureau,
      adviser: adviser, support: support, adviserHours: hours, sameRespondent: same, waves: waves,
      prodPct: prodPct, goal: goal, attr: attr)
  }
}

/// One firm of the example study, with its raw answers (missing codes
/// included) at both waves.
public struct Firm: Sendable {
  public let id: String
  public let treated: Bool
  public let category: Int?
  public let subtype: Int?
  public let sizeClass: Int
  public var fte: Double
  public let sector: Int
  public let region: Int
  public let bureau: Int
  public let adviser: Int
  /// talk, workshop, training, network, voucher (0/1).
  public let support: [Double]
  public let adviserHours: Double
  public let sameRespondent: Bool
  public var waves: [FirmWave]
  public var prodPct: Double
  public var goal: [Double]
  public let attr: Double
}

/// The answers at one wave: 12 capacity items (reverse-worded ones as
/// answered), 4 qual, 4 quant, prod; codes 7/8/9 where missing.
public struct FirmWave: Sendable {
  public let day: String
  public let role: Int
  public var items: [Double]
}

/// Calendar dates of the two measurement windows, as ISO 8601 text.
enum Dates {
  static func pre(_ offset: Int) -> String { TimeEncoding.isoDate(days: TimeEncoding.days(fromCivil: 2010, 2, 1) + Int64(offset)) }
  static func post(_ offset: Int) -> String { TimeEncoding.isoDate(days: TimeEncoding.days(fromCivil: 2012, 9, 1) + Int64(offset)) }
}

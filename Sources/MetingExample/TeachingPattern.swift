import MetingStats

/// The pattern the example study must show to teach what it teaches
/// (example-study.md): treated firms improve (paired p < .01), controls
/// drift slightly down (change in [−0.15, 0], p > .10), the change-score
/// difference-in-differences is significant (p < .05) and the ANCOVA
/// estimate is below it (regression to the mean, Lord's paradox).
public struct TeachingPattern: Sendable {
  public let treatedChange: Double
  public let treatedP: Double
  public let controlChange: Double
  public let controlP: Double
  public let didEstimate: Double
  public let didP: Double
  public let ancovaEstimate: Double

  public init(_ study: ExampleStudy) throws(StatsError) {
    var pre: [[Double]] = [[], []]
    var post: [[Double]] = [[], []]
    for firm in study.firms {
      guard let a = Scales.sic(Array(firm.waves[0].items[0..<12])),
        let b = Scales.sic(Array(firm.waves[1].items[0..<12]))
      else { continue }
      let g = firm.treated ? 1 : 0
      pre[g].append(a)
      post[g].append(b)
    }
    let treated = try TTestResult.paired(post[1], pre[1])
    let control = try TTestResult.paired(post[0], pre[0])
    let changeT = zip(post[1], pre[1]).map { $0 - $1 }
    let changeC = zip(post[0], pre[0]).map { $0 - $1 }
    let did = try TTestResult.twoSample(changeT, changeC)
    treatedChange = treated.estimate
    treatedP = treated.p
    controlChange = control.estimate
    controlP = control.p
    didEstimate = did.estimate
    didP = did.p
    let ancova = try Ancova(
      post: post[1] + post[0], pre: pre[1] + pre[0],
      group: Array(repeating: 1, count: pre[1].count) + Array(repeating: 0, count: pre[0].count), groupNames: ["0", "1"])
    ancovaEstimate = ancova.groupEffects[0].estimate ?? .nan
  }

  public var holds: Bool {
    treatedP < 0.01 && controlChange >= -0.15 && controlChange <= 0 && controlP > 0.10 && didP < 0.05
      && ancovaEstimate < didEstimate
  }

  /// How far the realisation is from the design's expected values
  /// (change-score DiD ≈ 0.25, ANCOVA ≈ 0.16): |ΔDiD| + |ΔANCOVA|.
  public var distanceFromDesign: Double {
    abs(didEstimate - 0.25) + abs(ancovaEstimate - 0.16)
  }

  /// Of the seeds 1…`limit` whose study shows the pattern, the one closest
  /// to the design's expected values (ties: the smaller seed).
  public static func bestSeed(limit: UInt64 = 200) -> UInt64? {
    var best: (seed: UInt64, distance: Double)? = nil
    for seed in 1...limit {
      guard let p = try? TeachingPattern(ExampleStudy(seed: seed)), p.holds else { continue }
      if best.map({ p.distanceFromDesign < $0.distance }) ?? true { best = (seed, p.distanceFromDesign) }
    }
    return best?.seed
  }
}

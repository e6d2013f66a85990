import Foundation
import Testing

@testable import MetingStats

/// One case of Tests/reference/statistics.R: a procedure, its arguments
/// and R's values.
struct ReferenceCase: CustomTestStringConvertible, @unchecked Sendable {
  let procedure: String
  let name: String
  let args: [String: Any]
  let expected: [String: Any]
  var testDescription: String { "\(procedure): \(name)" }

  func numbers(_ key: String) -> [Double] { MetingStatsTests.numbers(args[key]) ?? [] }
  func number(_ key: String) -> Double? { MetingStatsTests.number(args[key]) }
  func string(_ key: String) -> String { args[key] as? String ?? "" }
  func flag(_ key: String) -> Bool? { args[key] as? Bool }
  func value(_ key: String) -> Double? { MetingStatsTests.number(expected[key]) }
  var alternative: Alternative { Alternative(rawValue: string("alternative")) ?? .twoSided }
}

func statisticsCases(_ procedures: String...) -> [ReferenceCase] {
  guard let json = try? referenceJSON("statistics"), let list = json["cases"] as? [[String: Any]] else { return [] }
  return list.compactMap { c in
    guard let p = c["procedure"] as? String, procedures.contains(p) else { return nil }
    return ReferenceCase(
      procedure: p, name: c["name"] as? String ?? "", args: c["args"] as? [String: Any] ?? [:],
      expected: c["expected"] as? [String: Any] ?? [:])
  }
}

@Suite("reference cases from R: effect sizes, rank tests, correlations, adjustment, power")
struct StatisticsReferenceTests {
  @Test("the reference files hold at least 80 cases together")
  func enough() throws {
    let all = try #require(try referenceJSON("statistics")["cases"] as? [Any]).count
    let ttests = referenceCases("ttests", "ttests").count + referenceCases("ttests", "descriptives").count
    #expect(all + ttests >= 80)
  }

  @Test("Cohen's d, Hedges' g and Glass's Δ with noncentral-t intervals", arguments: statisticsCases("effect_two"))
  func effectTwo(_ c: ReferenceCase) throws {
    let a = SampleMoments(c.numbers("x"))
    let b = SampleMoments(c.numbers("y"))
    let level = try #require(c.number("conf"))
    let d = try StandardizedDifference.cohenD(a, b, confLevel: level)
    expectClose(d.estimate, c.value("d"), "d")
    // Interval limits: the exact roots, to the precision of pnt.
    expectClose(d.ciLow, c.value("d_low"), relative: 1e-9, "d low")
    expectClose(d.ciHigh, c.value("d_high"), relative: 1e-9, "d high")
    // effectsize's own limits come from Nelder–Mead: compared at its accuracy.
    expectClose(d.ciLow, c.value("effectsize_d_low"), relative: 1e-4, "effectsize d low")
    expectClose(d.ciHigh, c.value("effectsize_d_high"), relative: 1e-4, "effectsize d high")
    let g = try StandardizedDifference.hedgesG(a, b, confLevel: level)
    expectClose(g.estimate, c.value("g"), "g")
    expectClose(g.estimate, c.value("effectsize_g"), "g vs effectsize")
    expectClose(g.ciLow, c.value("g_low"), relative: 1e-9, "g low")
    expectClose(g.ciHigh, c.value("g_high"), relative: 1e-9, "g high")
    let glass = try StandardizedDifference.glassDelta(a, control: b, confLevel: level)
    expectClose(glass.estimate, c.value("glass"), "glass")
    expectClose(glass.estimate, c.value("effectsize_glass"), "glass vs effectsize")
    expectClose(glass.ciLow, c.value("glass_low"), relative: 1e-9, "glass low")
    expectClose(glass.ciHigh, c.value("glass_high"), relative: 1e-9, "glass high")
    expectClose(glass.ciLow, c.value("effectsize_glass_low"), relative: 1e-4, "effectsize glass low")
  }

  @Test("d_z with its interval, d_av and d_rm", arguments: statisticsCases("effect_paired"))
  func effectPaired(_ c: ReferenceCase) throws {
    let x = c.numbers("x")
    let y = c.numbers("y")
    let level = try #require(c.number("conf"))
    let dz = try StandardizedDifference.dz(differences: SampleMoments(zip(x, y).map { $0 - $1 }), confLevel: level)
    expectClose(dz.estimate, c.value("dz"), "d_z")
    expectClose(dz.ciLow, c.value("dz_low"), relative: 1e-9, "d_z low")
    expectClose(dz.ciHigh, c.value("dz_high"), relative: 1e-9, "d_z high")
    expectClose(dz.ciLow, c.value("effectsize_dz_low"), relative: 1e-4, "effectsize d_z low")
    expectClose(try StandardizedDifference.dav(x, y).estimate, c.value("dav"), "d_av")
    expectClose(try StandardizedDifference.drm(x, y).estimate, c.value("drm"), "d_rm")
  }

  @Test("Morris's d_ppc2", arguments: statisticsCases("morris"))
  func morris(_ c: ReferenceCase) throws {
    let d = try StandardizedDifference.morris(
      treatedPre: c.numbers("tpre"), treatedPost: c.numbers("tpost"), controlPre: c.numbers("cpre"),
      controlPost: c.numbers("cpost"))
    expectClose(d.estimate, c.value("d"), "d_ppc2")
  }

  @Test("Wilcoxon signed rank as R's wilcox.test", arguments: statisticsCases("wilcoxon_signed_rank"))
  func signedRank(_ c: ReferenceCase) throws {
    let x = c.numbers("x")
    let y = c.numbers("y")
    let data = y.isEmpty ? x : zip(x, y).map { $0 - $1 }
    let r = try WilcoxonSignedRank.test(
      data, mu: c.number("mu") ?? 0, alternative: c.alternative, exact: c.flag("exact"), correct: c.flag("correct") ?? true,
      confLevel: c.number("conf") ?? 0.95, paired: !y.isEmpty)
    expectClose(r.statistic, c.value("v"), "V")
    expectCloseP(r.p, c.value("p"), "p")
    expectClose(r.estimate, c.value("estimate"), "estimate")
    expectClose(r.ciLow, c.value("ci_low"), "ci low")
    expectClose(r.ciHigh, c.value("ci_high"), "ci high")
    expectClose(r.confLevel, c.value("conf_level"), "achieved level")
  }

  @Test("Mann–Whitney as R's wilcox.test", arguments: statisticsCases("mann_whitney"))
  func mannWhitney(_ c: ReferenceCase) throws {
    let r = try MannWhitney.test(
      c.numbers("x"), c.numbers("y"), mu: c.number("mu") ?? 0, alternative: c.alternative, exact: c.flag("exact"),
      correct: c.flag("correct") ?? true, confLevel: c.number("conf") ?? 0.95)
    expectClose(r.statistic, c.value("w"), "W")
    expectCloseP(r.p, c.value("p"), "p")
    expectClose(r.estimate, c.value("estimate"), "estimate")
    expectClose(r.ciLow, c.value("ci_low"), "ci low")
    expectClose(r.ciHigh, c.value("ci_high"), "ci high")
  }

  @Test("sign test as binom.test", arguments: statisticsCases("sign_test"))
  func sign(_ c: ReferenceCase) throws {
    let r = try SignTest.test(c.numbers("x"), mu: c.number("mu") ?? 0, alternative: c.alternative)
    expectClose(r.statistic, c.value("s"), "S")
    expectCloseP(r.p, c.value("p"), "p")
  }

  @Test("Kruskal–Wallis as kruskal.test", arguments: statisticsCases("kruskal_wallis"))
  func kruskal(_ c: ReferenceCase) throws {
    let groups = (c.args["groups"] as? [Any] ?? []).map { MetingStatsTests.numbers($0) ?? [] }
    let r = try KruskalWallis.test(groups)
    expectClose(r.statistic, c.value("chi2"), "H")
    expectClose(r.df, c.value("df"), "df")
    expectCloseP(r.p, c.value("p"), "p")
  }

  @Test("correlations as cor.test", arguments: statisticsCases("cor_pearson", "cor_spearman", "cor_kendall"))
  func correlation(_ c: ReferenceCase) throws {
    let x = c.numbers("x")
    let y = c.numbers("y")
    let r: HypothesisTest
    switch c.procedure {
    case "cor_pearson": r = try Correlation.pearson(x, y, alternative: c.alternative, confLevel: c.number("conf") ?? 0.95)
    case "cor_spearman": r = try Correlation.spearman(x, y, alternative: c.alternative, exact: c.flag("exact"))
    default: r = try Correlation.kendall(x, y, alternative: c.alternative, exact: c.flag("exact"))
    }
    expectClose(r.statistic, c.value("statistic"), "statistic")
    expectCloseP(r.p, c.value("p"), "p")
    expectClose(r.estimate, c.value("estimate"), "estimate")
    if c.expected["ci_low"] != nil {
      expectClose(r.ciLow, c.value("ci_low"), "ci low")
      expectClose(r.ciHigh, c.value("ci_high"), "ci high")
    }
  }

  @Test("p-value adjustment as p.adjust", arguments: statisticsCases("p_adjust"))
  func adjust(_ c: ReferenceCase) throws {
    let method = try #require(PValueAdjustment(rawValue: c.string("method")))
    let adjusted = method.adjust(c.numbers("p"))
    let expected = MetingStatsTests.numbers(c.expected["adjusted"]) ?? []
    #expect(adjusted.count == expected.count)
    for (a, e) in zip(adjusted, expected) { expectCloseP(a, e, absolute: 1e-15, "adjusted") }
  }

  @Test("power and sample size as power.t.test", arguments: statisticsCases("power_t"))
  func power(_ c: ReferenceCase) throws {
    let design: PowerTTest.Design =
      switch c.string("type") {
      case "one.sample": .oneSample
      case "paired": .paired
      default: .twoSample
      }
    let variant: PowerTTest.Variant = c.flag("strict") == true ? .exact : .rFarTailIgnored
    let alternative: Alternative = c.string("alternative") == "one.sided" ? .greater : .twoSided
    let alpha = c.number("alpha") ?? 0.05
    if let n = c.number("n"), let d = c.number("d") {
      let p = PowerTTest.power(design: design, n: n, d: d, alpha: alpha, alternative: alternative, variant: variant)
      expectClose(p, c.value("power"), relative: 1e-12, "power")
    } else if let d = c.number("d"), let target = c.number("power") {
      let n = try PowerTTest.sampleSize(design: design, d: d, power: target, alpha: alpha, alternative: alternative, variant: variant)
      expectClose(n, c.value("n"), relative: 1e-9, "n (exact root)")
      // R's printed n comes from uniroot(tol = 1.2e-4).
      expectClose(n, c.value("r_printed_n"), relative: 1e-4, "n as R prints it")
    } else if let n = c.number("n"), let target = c.number("power") {
      let d = try PowerTTest.detectableEffect(design: design, n: n, power: target, alpha: alpha, alternative: alternative, variant: variant)
      expectClose(d, c.value("d"), relative: 1e-9, "d (exact root)")
      expectClose(d, c.value("r_printed_d"), relative: 1e-4, "d as R prints it")
    }
  }

  @Test("power with unequal groups", arguments: statisticsCases("power_unequal"))
  func unequal(_ c: ReferenceCase) throws {
    let n1 = try #require(c.number("n1"))
    let n2 = try #require(c.number("n2"))
    let alpha = c.number("alpha") ?? 0.05
    let design = PowerTTest.Design.twoSampleRatio(n2 / n1)
    expectClose(PowerTTest.power(design: design, n: n1, d: try #require(c.number("d")), alpha: alpha), c.value("power"), relative: 1e-12, "power")
    expectClose(try PowerTTest.detectableEffect(design: design, n: n1, power: 0.8, alpha: alpha), c.value("detectable_d_80"), relative: 1e-9, "detectable d")
  }

  @Test("skewness, kurtosis (SPSS G1/G2) with SEs, trimmed mean, IQR", arguments: statisticsCases("shape"))
  func shape(_ c: ReferenceCase) throws {
    let x = c.numbers("x")
    let s = Shape(x)
    expectClose(s.skewness, c.value("skewness"), "G1")
    expectClose(s.seSkewness, c.value("se_skewness"), "SE G1")
    expectClose(s.kurtosis, c.value("kurtosis"), "G2")
    expectClose(s.seKurtosis, c.value("se_kurtosis"), "SE G2")
    expectClose(s.trimmedMean, c.value("trimmed"), "5% trimmed mean")
    expectClose(Shape(x, trim: 0.2).trimmedMean, c.value("trimmed20"), "20% trimmed mean")
    expectClose(s.iqr, c.value("iqr7"), "IQR type 7")
    expectClose(Shape(x, quantiles: .type6).iqr, c.value("iqr6"), "IQR type 6")
  }

  @Test("bootstrap intervals from R's replicates, as boot.ci (perc, bca with jackknife L)", arguments: statisticsCases("bootstrap"))
  func bootstrap(_ c: ReferenceCase) throws {
    let r = Bootstrap.intervals(
      t0: try #require(c.number("t0")), replicates: c.numbers("replicates"), influence: c.numbers("influence"),
      confLevel: try #require(c.number("conf")))
    expectClose(r.percentileLow, c.value("perc_low"), "percentile low")
    expectClose(r.percentileHigh, c.value("perc_high"), "percentile high")
    expectClose(r.bcaLow, c.value("bca_low"), "BCa low")
    expectClose(r.bcaHigh, c.value("bca_high"), "BCa high")
  }

  @Test("exact permutation tests as enumeration in R", arguments: statisticsCases("permutation"))
  func permutation(_ c: ReferenceCase) throws {
    var rng = SeededGenerator(seed: 1)
    let r = try PermutationTest.meanDifference(c.numbers("x"), c.numbers("y"), alternative: c.alternative, generator: &rng)
    #expect(r.exact)
    expectClose(r.statistic, c.value("mean_diff"), "mean difference")
    expectCloseP(r.p, c.value("p"), absolute: 1e-14, "p")
  }
}

import Foundation
import Testing

@testable import MetingStats

/// One case of Tests/MetingStatsTests/Reference/models.json.
struct ModelCase: CustomTestStringConvertible, @unchecked Sendable {
  let procedure: String
  let name: String
  let args: [String: Any]
  let expected: [String: Any]
  var testDescription: String { name }

  static func all(_ procedure: String) -> [ModelCase] {
    guard let json = try? referenceJSON("models"), let cases = json["cases"] as? [[String: Any]] else { return [] }
    return cases.compactMap { c in
      guard c["procedure"] as? String == procedure, let name = c["name"] as? String,
        let args = c["args"] as? [String: Any], let expected = c["expected"] as? [String: Any]
      else { return nil }
      return ModelCase(procedure: procedure, name: name, args: args, expected: expected)
    }
  }
}

@Suite("least squares against R (lm, sandwich, car)")
struct LeastSquaresReferenceTests {
  @Test("the reference file has its cases")
  func count() { #expect(ModelCase.all("ols").count >= 9) }

  @Test("coefficients, fit statistics, every covariance and Wald tests", arguments: ModelCase.all("ols"))
  func ols(_ c: ModelCase) throws {
    let y = try #require(numbers(c.args["y"]))
    let columns = try #require(c.args["columns"] as? [Any]).compactMap(numbers)
    let names = try #require(c.args["names"] as? [String])
    let intercept = (c.args["intercept"] as? Bool) ?? true
    let model = try LinearModel(.init(columns: columns, names: names, intercept: intercept), response: y)
    let e = c.expected

    // Coefficients (null where R reports NA: aliased).
    let expectedCoefficients = try #require(c.expected["coef"] as? [Any])
    #expect(model.coefficients.count == expectedCoefficients.count)
    for (i, value) in expectedCoefficients.enumerated() {
      if let b = number(value) {
        expectClose(model.coefficients[i], b, "\(c.name): coefficient \(model.names[i])")
      } else {
        #expect(model.coefficients[i] == nil, "\(c.name): \(model.names[i]) should be aliased")
      }
    }
    #expect(Double(model.rank) == number(e["rank"]))
    expectClose(model.sigma2.squareRoot(), number(e["sigma"]), "\(c.name): residual SD")
    expectClose(model.r2, number(e["r2"]), "\(c.name): R²")
    expectClose(model.adjustedR2, number(e["adj_r2"]), "\(c.name): adjusted R²")
    if let f = number(e["f"]) {
      let overall = try #require(model.overallF)
      expectClose(overall.f, f, "\(c.name): F")
      expectCloseP(overall.p, number(e["f_p"]), "\(c.name): p of F")
    }

    var kinds: [(String, CovarianceKind)] = [
      ("classical", .classical), ("hc0", .hc0), ("hc1", .hc1), ("hc2", .hc2), ("hc3", .hc3),
    ]
    if let codes = numbers(c.args["cluster"]) {
      let ints = codes.map { Int($0) }
      kinds.append(("cr1", .cluster(codes: ints, count: (ints.max() ?? 0) + 1)))
    }
    let test = numbers(c.args["test"])?.map { model.estimated[Int($0)] }
    for (key, kind) in kinds {
      let table = try model.coefficientTable(kind).filter { $0.estimate != nil }
      let se = try #require(numbers(e["se_\(key)"]))
      let p = try #require(numbers(e["p_\(key)"]))
      #expect(table.count == se.count)
      for (i, row) in table.enumerated() {
        expectClose(row.se, se[i], "\(c.name): \(key) SE of \(row.name)")
        expectCloseP(try #require(row.p), p[i], "\(c.name): \(key) p of \(row.name)")
      }
      if let test {
        let wald = try model.waldTest(test, kind)
        expectClose(wald.f, number(e["wald_\(key)"]), "\(c.name): \(key) Wald F")
        expectCloseP(wald.p, number(e["wald_p_\(key)"]), "\(c.name): \(key) Wald p")
        if key == "classical" { expectClose(wald.f, number(e["wald_car"]), "\(c.name): car's F") }
      }
    }
  }
}

@Suite("difference-in-differences against R (lm + vcovCL, t.test)")
struct DifferenceInDifferencesReferenceTests {
  @Test("the regression estimate with CR1 errors, and the change-score tests", arguments: ModelCase.all("did"))
  func did(_ c: ModelCase) throws {
    let a = c.args
    let did = try DifferenceInDifferences(
      treatedPre: try #require(numbers(a["tpre"])), treatedPost: try #require(numbers(a["tpost"])),
      controlPre: try #require(numbers(a["cpre"])), controlPost: try #require(numbers(a["cpost"])))
    let e = c.expected
    expectClose(did.regression.estimate, number(e["estimate"]), "\(c.name): regression DiD")
    expectClose(did.estimate, number(e["estimate"]), "\(c.name): difference of mean changes")
    expectClose(did.regression.se, number(e["se"]), "\(c.name): CR1 SE")
    expectCloseP(try #require(did.regression.p), number(e["p"]), "\(c.name): p, t(G − 1)")
    expectClose(did.regression.ciLow, number(e["ci_low"]), "\(c.name): CI low")
    expectClose(did.regression.ciHigh, number(e["ci_high"]), "\(c.name): CI high")
    expectClose(did.student.t, number(e["student_t"]), "\(c.name): Student t")
    expectClose(did.student.se, number(e["student_se"]), "\(c.name): Student SE")
    expectCloseP(did.student.p, number(e["student_p"]), "\(c.name): Student p")
    expectClose(did.welch.t, number(e["welch_t"]), "\(c.name): Welch t")
    expectClose(did.welch.df, number(e["welch_df"]), "\(c.name): Welch df")
    expectCloseP(did.welch.p, number(e["welch_p"]), "\(c.name): Welch p")
  }
}

@Suite("ANCOVA against R (car::Anova type 3, predict, anova)")
struct AncovaReferenceTests {
  @Test("Type III F, partial η², group effects, adjusted means, slopes check", arguments: ModelCase.all("ancova"))
  func ancova(_ c: ModelCase) throws {
    let a = c.args
    let levels = try #require(a["levels"] as? [String])
    let groups = try #require(a["group"] as? [String]).map { levels.firstIndex(of: $0)! }
    let reference = levels.firstIndex(of: try #require(a["reference"] as? String))!
    let covariateNames = try #require(a["covariate_names"] as? [String])
    let covariateValues = try #require(a["covariates"] as? [String: Any])
    let covariates = try covariateNames.map { name in (name: name, values: try #require(numbers(covariateValues[name]))) }
    let result = try Ancova(
      post: try #require(numbers(a["post"])), pre: try #require(numbers(a["pre"])), group: groups, groupNames: levels,
      reference: reference, covariates: covariates)
    let e = c.expected
    let f = try #require(numbers(e["f"]))
    let p = try #require(numbers(e["p"]))
    let ss = try #require(numbers(e["ss"]))
    let eta = try #require(numbers(e["partial_eta2"]))
    #expect(result.tests.count == f.count)
    for (i, t) in result.tests.enumerated() {
      expectClose(t.f, f[i], "\(c.name): F of \(t.term)")
      expectCloseP(t.p, p[i], "\(c.name): p of \(t.term)")
      expectClose(t.sumOfSquares, ss[i], "\(c.name): SS of \(t.term)")
      expectClose(t.partialEta2, eta[i], "\(c.name): partial η² of \(t.term)")
      #expect(Double(t.df2) == number(e["df_error"]))
    }
    let coef = try #require(numbers(e["group_coef"]))
    let se = try #require(numbers(e["group_se"]))
    let gp = try #require(numbers(e["group_p"]))
    for (i, g) in result.groupEffects.enumerated() {
      expectClose(g.estimate, coef[i], "\(c.name): effect \(g.name)")
      expectClose(g.se, se[i], "\(c.name): SE of \(g.name)")
      expectCloseP(try #require(g.p), gp[i], "\(c.name): p of \(g.name)")
    }
    // R's predict orders the groups with the reference first.
    let order = [reference] + levels.indices.filter { $0 != reference }
    let means = try #require(numbers(e["adjusted"]))
    let meanSE = try #require(numbers(e["adjusted_se"]))
    let low = try #require(numbers(e["adjusted_low"]))
    let high = try #require(numbers(e["adjusted_high"]))
    for (row, g) in order.enumerated() {
      let m = result.adjustedMeans[g]
      expectClose(m.mean, means[row], "\(c.name): adjusted mean of \(m.group)")
      expectClose(m.se, meanSE[row], "\(c.name): SE of the adjusted mean of \(m.group)")
      expectClose(m.ciLow, low[row], "\(c.name): CI low of \(m.group)")
      expectClose(m.ciHigh, high[row], "\(c.name): CI high of \(m.group)")
    }
    expectClose(result.slopes.f, number(e["slopes_f"]), "\(c.name): homogeneity of slopes F")
    expectCloseP(result.slopes.p, number(e["slopes_p"]), "\(c.name): homogeneity of slopes p")
    expectClose(result.preSlope, number(e["pre_slope"]), "\(c.name): pretest slope")
  }

  @Test("the group coefficient is the same with the posttest or the change as outcome")
  func changeOrPost() throws {
    let pre = [3.1, 2.8, 3.9, 3.3, 2.5, 3.6, 3.0, 4.1, 2.9, 3.4, 3.8, 2.7]
    let post = [3.4, 3.3, 3.8, 3.9, 2.9, 3.7, 3.1, 4.0, 3.4, 3.3, 4.2, 2.9]
    let group = [1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]
    let change = zip(post, pre).map { $0 - $1 }
    let onPost = try Ancova(post: post, pre: pre, group: group, groupNames: ["0", "1"])
    let onChange = try Ancova(post: change, pre: pre, group: group, groupNames: ["0", "1"])
    expectClose(onChange.groupEffects[0].estimate, onPost.groupEffects[0].estimate, relative: 1e-13, "group effect")
    expectClose(onChange.groupEffects[0].se, onPost.groupEffects[0].se, relative: 1e-12, "its SE")
    expectClose(onChange.preSlope, onPost.preSlope - 1, relative: 1e-12, "the slope moves by 1")
  }
}

@Suite("one-way ANOVA against R (aov, oneway.test, car::leveneTest, TukeyHSD, ptukey)")
struct OneWayAnovaReferenceTests {
  @Test("F, Welch, Levene (mean and median), Tukey HSD and Games–Howell", arguments: ModelCase.all("oneway"))
  func oneway(_ c: ModelCase) throws {
    let groups = try #require(c.args["groups"] as? [Any]).compactMap(numbers)
    let anova = try OneWayAnova(groups)
    let e = c.expected
    expectClose(anova.f, number(e["f"]), "\(c.name): F")
    expectCloseP(anova.p, number(e["p"]), "\(c.name): p")
    expectClose(anova.ssBetween, number(e["ss_between"]), "\(c.name): SS between")
    expectClose(anova.ssWithin, number(e["ss_within"]), "\(c.name): SS within")
    let welch = try anova.welch()
    expectClose(welch.f, number(e["welch_f"]), "\(c.name): Welch F")
    expectClose(welch.df2, number(e["welch_df2"]), "\(c.name): Welch df2")
    expectCloseP(welch.p, number(e["welch_p"]), "\(c.name): Welch p")
    let mean = try OneWayAnova.levene(groups, centre: .mean)
    expectClose(mean.f, number(e["levene_mean_f"]), "\(c.name): Levene (mean) F")
    expectCloseP(mean.p, number(e["levene_mean_p"]), "\(c.name): Levene (mean) p")
    let median = try OneWayAnova.levene(groups, centre: .median)
    expectClose(median.f, number(e["levene_median_f"]), "\(c.name): Levene (median) F")
    expectCloseP(median.p, number(e["levene_median_p"]), "\(c.name): Levene (median) p")
    for (label, comparisons, prefix) in [
      ("Tukey", try PostHoc.tukey(anova), "tukey"), ("Games–Howell", try PostHoc.gamesHowell(anova), "gh"),
    ] {
      let diff = try #require(numbers(e["\(prefix)_diff"]))
      let p = try #require(numbers(e["\(prefix)_p"]))
      let low = try #require(numbers(e["\(prefix)_low"]))
      let high = try #require(numbers(e["\(prefix)_high"]))
      #expect(comparisons.count == diff.count)
      for (i, cmp) in comparisons.enumerated() {
        let pair = "\(c.name): \(label) \(cmp.second)−\(cmp.first)"
        expectClose(cmp.difference, diff[i], "\(pair) difference")
        // ptukey integrates numerically (R's own accuracy about 1e-8 to
        // 1e-12): the same library gives the same digits.
        expectCloseP(cmp.p, p[i], "\(pair) p")
        expectClose(cmp.ciLow, low[i], "\(pair) CI low")
        expectClose(cmp.ciHigh, high[i], "\(pair) CI high")
        if prefix == "gh", let df = numbers(e["gh_df"]) { expectClose(cmp.df, df[i], "\(pair) df") }
      }
    }
  }
}

@Suite("crosstabs against R (chisq.test, fisher.test, mcnemar.test)")
struct CrosstabReferenceTests {
  @Test("χ², Yates, G², Cramér's V, Fisher, McNemar", arguments: ModelCase.all("crosstab"))
  func crosstab(_ c: ModelCase) throws {
    let counts = try #require(c.args["counts"] as? [Any]).compactMap(numbers)
    let table = try ContingencyTable(counts)
    let e = c.expected
    let pearson = table.pearson()
    expectClose(pearson.chi2, number(e["chi2"]), relative: 1e-12, "\(c.name): X²")
    #expect(Double(pearson.df) == number(e["df"]))
    expectCloseP(pearson.p, number(e["p"]), "\(c.name): p")
    let expected = try #require(numbers(e["expected"]))
    for (a, b) in zip(table.expected.joined(), expected) { expectClose(a, b, "\(c.name): expected count") }
    if let yates = number(e["yates"]) {
      let y = table.pearson(yates: true)
      expectClose(y.chi2, yates, "\(c.name): Yates X²")
      expectCloseP(y.p, number(e["yates_p"]), "\(c.name): Yates p")
    }
    let g2 = table.likelihoodRatio()
    expectClose(g2.g2, number(e["g2"]), "\(c.name): G²")
    expectCloseP(g2.p, number(e["g2_p"]), "\(c.name): G² p")
    expectClose(table.cramersV, number(e["cramers_v"]), "\(c.name): Cramér's V")

    let integers = counts.map { $0.map { Int($0) } }
    let fisher = try FisherExact.test(integers)
    // r × c: FEXACT and meting's network sum the same terms in another
    // order (1.4e-12 apart on the 5 × 4 example).
    expectCloseP(fisher.p, number(e["fisher_p"]), absolute: counts.count == 2 && counts[0].count == 2 ? 1e-12 : 1e-11, "\(c.name): Fisher p")
    if let or = number(e["fisher_or"]) {
      // fisher.test finds the odds ratio and its interval with uniroot
      // (tol ≈ 1e-4): its printed values agree to about 4 digits; the
      // roots solved to 1e-14 (fisher_exact_roots in models.R) to 1e-9.
      for (mine, printed, exact) in [
        (fisher.oddsRatio, or, number(e["fisher_or_exact"])), (fisher.ciLow, number(e["fisher_low"]), number(e["fisher_low_exact"])),
        (fisher.ciHigh, number(e["fisher_high"]), number(e["fisher_high_exact"])),
      ] {
        let r = try #require(printed)
        if r.isInfinite || r == 0 {
          #expect(mine == r, "\(c.name): odds ratio or limit \(String(describing: mine)) vs \(r)")
        } else {
          expectClose(mine, r, relative: 1e-2, "\(c.name): odds ratio or limit as R prints it")
          expectClose(mine, exact, relative: 1e-9, "\(c.name): odds ratio or limit, exact root")
        }
      }
      expectCloseP(try FisherExact.test(integers, alternative: .less).p, number(e["fisher_less"]), "\(c.name): Fisher less")
      expectCloseP(try FisherExact.test(integers, alternative: .greater).p, number(e["fisher_greater"]), "\(c.name): Fisher greater")
    }
    if let m = number(e["mcnemar"]) {
      let result = try McNemar.test(counts)
      expectClose(result.chi2, m, "\(c.name): McNemar")
      #expect(Double(result.df) == number(e["mcnemar_df"]))
      expectCloseP(result.p, number(e["mcnemar_p"]), "\(c.name): McNemar p")
      if let u = number(e["mcnemar_uncorrected"]) {
        let plain = try McNemar.test(counts, correct: false)
        expectClose(plain.chi2, u, "\(c.name): McNemar uncorrected")
        expectCloseP(plain.p, number(e["mcnemar_uncorrected_p"]), "\(c.name): McNemar uncorrected p")
        expectCloseP(try McNemar.exact(counts), number(e["mcnemar_exact_p"]), "\(c.name): exact McNemar")
      }
    }
  }
}

@Suite("reliability against R (psych::alpha)")
struct ReliabilityReferenceTests {
  @Test("α, standardized α, Feldt interval, item statistics", arguments: ModelCase.all("alpha"))
  func alpha(_ c: ModelCase) throws {
    let columns = try #require(c.args["items"] as? [Any]).compactMap(numbers)
    let names = try #require(c.args["names"] as? [String])
    let r = try Reliability(columns, names: names)
    let e = c.expected
    expectClose(r.alpha, number(e["alpha"]), "\(c.name): α")
    expectClose(r.standardizedAlpha, number(e["std_alpha"]), "\(c.name): standardized α")
    expectClose(r.meanInterItemCorrelation, number(e["average_r"]), "\(c.name): mean inter-item r")
    expectClose(r.ciLow, number(e["ci_low"]), "\(c.name): Feldt low")
    expectClose(r.ciHigh, number(e["ci_high"]), "\(c.name): Feldt high")
    let drop = try #require(numbers(e["r_drop"]))
    let alphaDrop = try #require(numbers(e["alpha_drop"]))
    let means = try #require(numbers(e["item_mean"]))
    let sds = try #require(numbers(e["item_sd"]))
    for (i, item) in r.items.enumerated() {
      expectClose(item.correctedItemTotal, drop[i], "\(c.name): r.drop of \(item.name)")
      expectClose(item.alphaIfDeleted, alphaDrop[i], "\(c.name): α without \(item.name)")
      expectClose(item.mean, means[i], "\(c.name): mean of \(item.name)")
      expectClose(item.sd, sds[i], "\(c.name): SD of \(item.name)")
    }
  }
}

@Suite("mixed ANOVA against R (afex::aov_ez, car's Type III, GG and HF)")
struct MixedAnovaReferenceTests {
  @Test("SS, F, p, and the sphericity corrections", arguments: ModelCase.all("mixed"))
  func mixed(_ c: ModelCase) throws {
    let values = try #require(c.args["values"] as? [Any]).compactMap(numbers)
    let group = try #require(numbers(c.args["group"])).map { Int($0) }
    let result = try MixedAnova(values: values, group: group, groupCount: (group.max() ?? 0) + 1)
    let e = c.expected
    for (key, path) in [("ss", \MixedAnova.Effect.ss), ("df1", \.df1), ("ss_error", \.ssError), ("df2", \.df2), ("f", \.f)] {
      let expected = try #require(numbers(e[key]))
      for (i, effect) in result.effects.enumerated() { expectClose(effect[keyPath: path], expected[i], "\(c.name): \(key) of \(effect.term)") }
    }
    let p = try #require(numbers(e["p"]))
    for (i, effect) in result.effects.enumerated() { expectCloseP(effect.p, p[i], "\(c.name): p of \(effect.term)") }
    if let gg = numbers(e["gg"]), let hf = numbers(e["hf"]), let pgg = numbers(e["p_gg"]), let phf = numbers(e["p_hf"]) {
      for (i, effect) in result.effects.dropFirst().enumerated() {
        expectClose(effect.greenhouseGeisser, gg[i], "\(c.name): GG ε of \(effect.term)")
        expectClose(effect.huynhFeldt, hf[i], "\(c.name): HF ε of \(effect.term)")
        expectCloseP(try #require(effect.pGreenhouseGeisser), pgg[i], "\(c.name): GG p of \(effect.term)")
        expectCloseP(try #require(effect.pHuynhFeldt), phf[i], "\(c.name): HF p of \(effect.term)")
      }
    }
    if let t = number(e["change_t"]) {
      // Two waves, two groups: F(group × time) = t² of Student's t on the change scores.
      expectClose(result.effects[2].f, t * t, relative: 1e-12, "\(c.name): F(group × time) = t²")
    }
  }
}

@Suite("balance against R (SMD by its formula, cor and lm)")
struct BalanceReferenceTests {
  @Test("standardized mean difference and change on baseline", arguments: ModelCase.all("balance"))
  func balance(_ c: ModelCase) throws {
    let a = c.args
    let smd = try Balance.smd(treated: try #require(numbers(a["treated"])), control: try #require(numbers(a["control"])))
    expectClose(smd, number(c.expected["smd"]), "\(c.name): SMD")
    let rtm = try Balance.changeOnBaseline(pre: try #require(numbers(a["pre"])), post: try #require(numbers(a["post"])))
    expectClose(rtm.r, number(c.expected["r"]), "\(c.name): r(pre, change)")
    expectClose(rtm.slope, number(c.expected["slope"]), "\(c.name): slope")
    expectClose(rtm.meanChange, number(c.expected["mean_change"]), "\(c.name): mean change")
  }

  @Test("proportions: (p₁ − p₀)/√((p₁(1 − p₁) + p₀(1 − p₀))/2), undefined without variation")
  func proportions() {
    expectClose(Balance.proportionSMD(treated: 0.3, control: 0.5), (0.3 - 0.5) / ((0.21 + 0.25) / 2).squareRoot(), "SMD")
    #expect(Balance.proportionSMD(treated: 1, control: 1) == nil)
  }
}

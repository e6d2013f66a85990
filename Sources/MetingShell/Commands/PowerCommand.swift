import MetingLanguage
import MetingReport
import MetingStats

/// `power onesample|paired|twosample, n(…) d(…) power(…) [alpha() alternative() variant(exact|r)]`:
/// leave out one of n, d and power, and it is solved for.
enum PowerCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .words(let words) = inv.command.arguments, let designWord = words.first else {
      throw LanguageDiagnostics.missingArgument("a design: onesample, paired or twosample", command: "power", range: inv.command.range)
    }
    let designs = ["onesample", "paired", "twosample"]
    guard let design = designs.first(where: { $0.hasPrefix(designWord.text) }) else {
      throw LanguageDiagnostics.invalid(
        "unknown design '\(designWord.text)'", range: designWord.range, category: .syntax,
        help: ["one of " + designs.joined(separator: ", ")])
    }
    let alpha = try inv.number("alpha", default: 0.05)
    guard alpha > 0, alpha < 1 else {
      throw LanguageDiagnostics.badOptionValue(option: "alpha", expected: "a number between 0 and 1", range: inv.command.option("alpha")?.range ?? inv.command.range)
    }
    let alternative = try inv.alternative()
    var variant = PowerTTest.Variant.exact
    if let o = inv.command.option("variant") { variant = try o.choice(["exact", "r"]) == "r" ? .rFarTailIgnored : .exact }
    let ns = try inv.command.option("n")?.numbers()
    let d = try inv.command.option("d")?.number()
    let target = try inv.command.option("power")?.number()
    let given = [ns != nil, d != nil, target != nil].filter { $0 }.count
    guard given == 2 else {
      throw LanguageDiagnostics.invalid(
        "give two of n(), d() and power(): the third is solved for", range: inv.command.range, category: .syntax,
        help: ["e.g. power twosample, n(71 23) power(0.8)  — the effect 71 and 23 firms can detect"])
    }
    if let ns, let o = inv.command.option("n") {
      let most = design == "twosample" ? 2 : 1
      guard ns.count <= most else {
        throw LanguageDiagnostics.badOptionValue(
          option: "n", expected: design == "twosample" ? "n per group, or n1 and n2" : "one n", range: o.range)
      }
      // df ≥ 1 in every design, and n ≥ 2 per group as R's power.t.test.
      guard ns.allSatisfy({ $0 >= 2 && $0.isFinite }) else {
        throw LanguageDiagnostics.badOptionValue(option: "n", expected: "at least 2 per group", range: o.range)
      }
    }
    if let d, !d.isFinite {
      throw LanguageDiagnostics.badOptionValue(option: "d", expected: "a finite effect size", range: inv.command.option("d")?.range ?? inv.command.range)
    }
    var model: PowerTTest.Design
    var n1: Double? = ns?.first
    var n2: Double? = nil
    switch design {
    case "onesample": model = .oneSample
    case "paired": model = .paired
    default:
      if let ns, ns.count >= 2 {
        model = .twoSampleRatio(ns[1] / ns[0])
        n2 = ns[1]
      } else if let ratio = try inv.command.option("ratio")?.number() {
        guard ratio > 0, ratio.isFinite else {
          throw LanguageDiagnostics.badOptionValue(option: "ratio", expected: "a positive n2/n1", range: inv.command.option("ratio")?.range ?? inv.command.range)
        }
        model = .twoSampleRatio(ratio)
      } else {
        model = .twoSample
      }
    }
    let solved: String
    var power = target
    var effect = d
    do throws(StatsError) {
      if let n = n1, let effectSize = d {
        power = PowerTTest.power(design: model, n: n, d: effectSize, alpha: alpha, alternative: alternative, variant: variant)
        solved = "power"
      } else if let n = n1, let p = target {
        effect = try PowerTTest.detectableEffect(design: model, n: n, power: p, alpha: alpha, alternative: alternative, variant: variant)
        solved = "d"
      } else if let effectSize = d, let p = target {
        n1 = try PowerTTest.sampleSize(design: model, d: effectSize, power: p, alpha: alpha, alternative: alternative, variant: variant)
        solved = "n"
      } else {
        solved = ""
      }
    } catch {
      throw inv.statisticsError(error)
    }
    if case .twoSampleRatio(let k) = model, let n = n1 { n2 = k * n }
    if model == .twoSample { n2 = n1 }
    let what: String =
      switch model {
      case .oneSample: "One-sample t-test"
      case .paired: "Paired t-test (d = d_z: mean difference / SD of the differences)"
      case .twoSample: "Two-sample t-test, equal groups"
      case .twoSampleRatio: "Two-sample t-test, unequal groups"
      }
    let tails = alternative == .twoSided
      ? (variant == .exact ? "both rejection regions counted" : "far rejection region ignored (R power.t.test default)")
      : "one-sided"
    var columns = [Column("n", key: "n", role: .df)]
    var row: [Cell] = [n1.map(Cell.number) ?? .empty]
    if n2 != nil {
      columns = [Column("n1", key: "n1", role: .df), Column("n2", key: "n2", role: .df)]
      row = [n1.map(Cell.number) ?? .empty, n2.map(Cell.number) ?? .empty]
    }
    columns += [
      Column("d", key: "d", role: .statistic), Column("alpha", key: "alpha", role: .statistic),
      Column("power", key: "power", role: .statistic), Column("solved for", key: "solved_for", role: .label),
    ]
    row += [effect.map(Cell.number) ?? .empty, .number(alpha), power.map(Cell.number) ?? .empty, .text(solved)]
    var notes = ["\(what); noncentral t, \(tails), \(alternative.words)."]
    if solved == "n" { notes.append("n is the exact (continuous) root; round up: \(Int((n1 ?? 0).rounded(.up))) per group.") }
    let table = Table(
      title: "Power · \(what)", kind: "power_t",
      method: "\(what); noncentral t; \(tails); \(alternative.words)", columns: columns, rows: [row], notes: notes,
      fields: [("alternative", .text(alternative.rawValue)), ("variant", .text(variant.rawValue))])
    return inv.report([.table(table)])
  }
}

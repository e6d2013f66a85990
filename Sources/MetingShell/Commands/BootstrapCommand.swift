import MetingData
import MetingLanguage
import MetingReport
import MetingStats

/// `bootstrap mean|median VAR`, `bootstrap meandiff|d VAR by GROUP`,
/// `bootstrap did VAR, time() id() group(G)`: percentile and BCa intervals
/// from meting's seeded generator.
enum BootstrapCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .subcommand(let statisticWord, .variables(let items)) = inv.command.arguments else { return inv.report([]) }
    let level = try inv.confidenceLevel()
    let reps = try inv.command.option("reps")?.integer() ?? 10_000
    guard reps >= 100, reps <= 10_000_000 else {
      throw LanguageDiagnostics.badOptionValue(option: "reps", expected: "100 to 10,000,000 replicates", range: inv.command.option("reps")?.range ?? inv.command.range)
    }
    let statistic = statisticWord.text
    var samples: [[Double]] = []
    var names: [String] = []
    var what = ""
    var provenance: Provenance
    let compute: ([[Double]]) -> Double
    switch statistic {
    case "mean", "median":
      let v = try inv.variables(items, kind: .numeric)
      guard v.count == 1 else { throw LanguageDiagnostics.invalid("bootstrap one variable at a time", range: items.last?.range) }
      let rows = try inv.rows()
      let values = try inv.numbers(v[0].name, rows).filter { !$0.isNaN }
      samples = [values]
      names = [v[0].name]
      what = "\(statistic) of \(v[0].name)"
      compute = statistic == "mean"
        ? { Summation.mean($0[0]) }
        : { Quantile.median(sorted: $0[0].sorted()) }
      provenance = inv.provenance(selected: rows, used: values.count, unit: "values",
                                  dropped: [(reason: "missing \(v[0].name)", count: rows.count - values.count)])
    case "meandiff", "d":
      let v = try inv.variables(items, kind: .numeric)
      guard v.count == 1 else { throw LanguageDiagnostics.invalid("bootstrap one variable at a time", range: items.last?.range) }
      guard inv.command.byPrefix.isEmpty else {
        throw LanguageDiagnostics.invalid("bootstrap does not take a 'by …:' prefix; use where", range: inv.command.range)
      }
      let data = try GroupedSamples.gather(&inv, variables: v, exactlyTwo: true, command: "bootstrap")
      samples = data.cells[0].samples
      names = data.labels.map { "\(v[0].name) in \(data.groupVariable) = \($0)" }
      what = (statistic == "d" ? "Cohen's d" : "mean difference") + " of \(v[0].name): \(data.groupVariable) \(data.labels[0]) − \(data.labels[1])"
      compute = statistic == "d"
        ? { (try? EffectSize.cohenD(SampleMoments($0[0]), SampleMoments($0[1])).value) ?? .nan }
        : { Summation.mean($0[0]) - Summation.mean($0[1]) }
      provenance = inv.provenance(selected: try inv.rows(), used: data.usedByFirst, unit: "values", dropped: data.dropped)
    case "did":
      guard let groupOption = inv.command.option("group") else {
        throw LanguageDiagnostics.missingArgument("group(TREATMENT) with time() and id()", command: "bootstrap did", range: inv.command.range)
      }
      let groupName = try groupOption.variable()
      let pairs = try PairedSamples.gather(&inv, command: "bootstrap", items: items, extraGroups: [.name(groupName)])
      guard pairs.groups.count == 2 else {
        throw LanguageDiagnostics.invalid("the difference-in-differences needs a treated and a control group", range: groupOption.range)
      }
      // Later group minus earlier: change in group 2 − change in group 1.
      samples = [pairs.groups[1].differences, pairs.groups[0].differences]
      let labels = pairs.groups.map { $0.values.last?.value ?? "" }
      names = [labels[1], labels[0]].map { "\(groupName.text) = \($0)" }
      what = "difference in mean change (\(pairs.difference)): \(groupName.text) \(labels[1]) − \(labels[0])"
      compute = { Summation.mean($0[0]) - Summation.mean($0[1]) }
      provenance = inv.provenance(selected: try inv.rows(), used: pairs.used, unit: pairs.unit, dropped: pairs.dropped)
    default:
      throw LanguageDiagnostics.invalid(
        "unknown bootstrap statistic '\(statistic)'", range: statisticWord.range, category: .syntax,
        help: ["one of mean, median, meandiff, d, did"])
    }
    var (generator, seedWords) = inv.randomGenerator()
    let progress = inv.progress("bootstrap", total: reps)
    defer { progress.finish() }
    let result: Bootstrap.Result
    do {
      result = try Bootstrap.run(
        samples: samples, replicates: reps, confLevel: level, generator: &generator, names: names,
        statisticName: statistic == "d" ? "Cohen's d" : "the \(statistic)", progress: progress.update, statistic: compute)
    } catch {
      if Interrupt.isRequested { throw LanguageDiagnostics.cancelled().with(message: error.description) }
      throw inv.statisticsError(error)
    }
    let percent = NumberFormat.shortest(level * 100)
    let table = Table(
      title: "Bootstrap · \(what)", kind: "bootstrap",
      method: "nonparametric bootstrap, \(reps) replicates\(samples.count > 1 ? " resampled within groups" : ""); percentile and BCa (jackknife acceleration) intervals as boot.ci",
      columns: [
        Column("estimate", key: "estimate", role: .statistic), Column("bias", key: "bias", role: .statistic),
        Column("se", key: "se", role: .statistic), .lower("percentile \(percent)% CI", key: "ci_low"),
        .upper("CI high", key: "ci_high"), .lower("BCa \(percent)% CI", key: "bca_ci_low"), .upper("BCa high", key: "bca_ci_high"),
        Column("replicates", key: "replicates", role: .count),
      ],
      rows: [[
        .number(result.estimate), .number(result.bias), .number(result.se), .number(result.percentileLow),
        .number(result.percentileHigh), result.bcaLow.map(Cell.number) ?? .missing("—"),
        result.bcaHigh.map(Cell.number) ?? .missing("—"), .number(Double(result.replicates)),
      ]],
      notes: [
        "Percentile: the (B+1)·α order statistics, interpolated on the normal scale; BCa: bias correction z0 = "
          + (result.z0.map { NumberFormat(digits: 4).text($0, role: .statistic) } ?? "—") + ", acceleration a = "
          + (result.acceleration.map { NumberFormat(digits: 4).text($0, role: .statistic) } ?? "—") + ".",
        "Random numbers: \(seedWords).",
      ] + (result.nonFinite > 0
        ? ["\(result.nonFinite) of \(reps) resamples gave no finite value (an SD of 0) and are left out, as boot.ci does."]
        : []),
      fields: [("conf_level", .number(level)), ("statistic", .text(statistic))])
    return inv.report([.table(table)], provenance: provenance)
  }
}

extension Diagnostic {
  func with(message: String) -> Diagnostic {
    Diagnostic(id: id, severity: severity, category: category, message: message, range: range, help: help)
  }
}

import MetingData
import MetingLanguage
import MetingReport
import MetingStats

/// `anova VAR by GROUP [, posthoc(tukey|gameshowell|none) level()]`: the
/// one-way ANOVA table, Welch's F, Levene's tests and pairwise comparisons.
enum AnovaCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .variables(let items) = inv.command.arguments else { return inv.report([]) }
    let variables = try inv.variables(items, kind: .numeric)
    let level = try inv.confidenceLevel()
    let posthoc = try inv.command.option("posthoc")?.choice(["tukey", "gameshowell", "none"]) ?? "tukey"
    let data = try GroupedSamples.gather(&inv, variables: variables, exactlyTwo: false, command: "anova")
    let labelColumns = [Column("variable", key: "variable", role: .label)] + (try inv.groupColumns())
    let percent = NumberFormat.shortest(level * 100)
    var anovaRows: [[Cell]] = []
    var testRows: [[Cell]] = []
    var pairRows: [[Cell]] = []
    var notes: [String] = []
    for cell in data.cells {
      let labels: [Cell] = [.text(cell.variable)] + cell.subgroup.map { .text($0.value) }
      let context = ([cell.variable] + cell.subgroup.map { "\($0.variable) = \($0.value)" }).joined(separator: ", ")
      // Groups without values are left out, as R's factor() drops them.
      let present = cell.samples.indices.filter { !cell.samples[$0].isEmpty }
      let samples = present.map { cell.samples[$0] }
      let names = present.map { "\(data.groupVariable) = \(data.labels[$0])" }
      if present.count < cell.samples.count {
        notes.append("\(context): " + cell.samples.indices.filter { cell.samples[$0].isEmpty }.map { data.labels[$0] }.joined(separator: ", ") + " has no values and is left out.")
      }
      let anova: OneWayAnova
      do {
        anova = try OneWayAnova(samples, names: names)
      } catch {
        if data.cells.count == 1 { throw inv.statisticsError(error, context: context) }
        notes.append("\(context): \(error.description)")
        continue
      }
      let total = anova.ssBetween + anova.ssWithin
      anovaRows += [
        labels + [
          .text("between groups"), .number(anova.ssBetween), .number(Double(anova.dfBetween)),
          .number(anova.ssBetween / Double(anova.dfBetween)), .number(anova.f), .number(anova.p), .number(anova.eta2),
        ],
        labels + [
          .text("within groups"), .number(anova.ssWithin), .number(Double(anova.dfWithin)), .number(anova.msWithin),
          .empty, .empty, .empty,
        ],
        labels + [.text("total"), .number(total), .number(Double(anova.dfBetween + anova.dfWithin)), .empty, .empty, .empty, .empty],
      ]
      if let welch = try? anova.welch() {
        testRows.append(labels + [.text("Welch F (unequal variances)"), .number(welch.f), .number(welch.df1), .number(welch.df2), .number(welch.p)])
      } else {
        notes.append("\(context): Welch's F needs at least 2 values and some spread in every group.")
      }
      for centre in [OneWayAnova.LeveneCentre.mean, .median] {
        if let l = try? OneWayAnova.levene(samples, centre: centre) {
          testRows.append(
            labels + [
              .text(centre == .mean ? "Levene (mean; SPSS)" : "Levene (median; Brown–Forsythe, car)"), .number(l.f),
              .number(Double(l.df1)), .number(Double(l.df2)), .number(l.p),
            ])
        }
      }
      if posthoc != "none", samples.count >= 3 {
        do {
          let comparisons = posthoc == "tukey" ? try PostHoc.tukey(anova, confLevel: level) : try PostHoc.gamesHowell(anova, confLevel: level)
          for c in comparisons {
            pairRows.append(
              labels + [
                .text("\(data.labels[present[c.second]]) − \(data.labels[present[c.first]])"), .number(c.difference),
                .number(c.se), .number(c.df), .number(c.p), .number(c.ciLow), .number(c.ciHigh),
              ])
          }
        } catch {
          notes.append("\(context): \(error.description)")
        }
      }
    }
    guard !anovaRows.isEmpty else {
      throw LanguageDiagnostics.statistics(notes.first ?? "no group could be analysed", range: inv.command.name.range)
    }
    var blocks: [Block] = [
      .table(Table(
        title: "One-way ANOVA · by \(data.groupVariable)", kind: "anova",
        columns: labelColumns + [
          Column("source", key: "source", role: .label), Column("SS", key: "ss", role: .statistic),
          Column("df", key: "df", role: .df), Column("MS", key: "ms", role: .statistic), Column("F", key: "f", role: .statistic),
          Column("p", key: "p", role: .pValue), Column("η²", key: "eta2", role: .statistic),
        ],
        rows: anovaRows, notes: ["Classical F (equal variances assumed); η² = SS_between/SS_total."] + notes,
        fields: [("group_variable", .text(data.groupVariable))])),
      .table(Table(
        title: "Unequal variances", kind: "anova_variances",
        columns: labelColumns + [
          Column("test", key: "test", role: .label), Column("F", key: "f", role: .statistic),
          Column("df1", key: "df1", role: .df), Column("df2", key: "df2", role: .df), Column("p", key: "p", role: .pValue),
        ],
        rows: testRows,
        notes: [
          "Welch (1951), as R's oneway.test and SPSS /STATISTICS=WELCH. Levene: F on |x − group centre|; SPSS centres on the mean, car::leveneTest and scipy on the median."
        ])),
    ]
    if !pairRows.isEmpty {
      blocks.append(.table(Table(
        title: posthoc == "tukey" ? "Tukey HSD" : "Games–Howell", kind: posthoc == "tukey" ? "tukey_hsd" : "games_howell",
        columns: labelColumns + [
          Column("comparison", key: "comparison", role: .label), Column("difference", key: "estimate", role: .statistic),
          Column("se", key: "std_error", role: .statistic), Column("df", key: "df", role: .df),
          Column("p adj", key: "p_adj", role: .pValue), .lower("\(percent)% CI", key: "ci_low"), .upper("CI high", key: "ci_high"),
        ],
        rows: pairRows,
        notes: [
          posthoc == "tukey"
            ? "Tukey–Kramer: studentized range on the pooled within-group variance (R TukeyHSD, SPSS, PSPP); p and intervals are family-wise."
            : "Games–Howell: studentized range with each pair's own variances and Welch df (SPSS, PSPP /POSTHOC=GH, pingouin); family-wise p and intervals."
        ])))
    }
    return inv.report(
      blocks,
      provenance: inv.provenance(
        selected: try inv.rows(), used: variables.count == 1 ? data.usedByFirst : nil, unit: "values", dropped: data.dropped))
  }
}

import MetingData
import MetingLanguage
import MetingReport
import MetingStats

/// `mixed VAR, time(WAVE) id(UNIT) group(G)` (long) or
/// `mixed V1 V2 … , group(G)` (wide, one variable per wave): the group ×
/// time ANOVA with partial η² and, beyond two waves, the sphericity
/// corrections.
enum MixedCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .variables(let items) = inv.command.arguments else { return inv.report([]) }
    guard let groupOption = inv.command.option("group") else {
      throw LanguageDiagnostics.missingArgument("group(G): the between-units factor", command: "mixed", range: inv.command.range)
    }
    guard inv.command.byPrefix.isEmpty else {
      throw LanguageDiagnostics.invalid("mixed does not take a 'by …:' prefix; use where", range: inv.command.range, category: .syntax)
    }
    let data = try inv.dataset()
    let groupVariable = data[try inv.variables([.name(try groupOption.variable())])[0].name]!
    let variables = try inv.variables(items, kind: .numeric).map(\.name)
    let rows = try inv.rows()
    var values: [[Double]] = []
    var groupOfUnit: [Int32] = []
    var waveLabels: [String] = []
    var groupLabels: [String] = []
    var dropped: [(reason: String, count: Int)] = []
    var timeName = "time"

    if variables.count >= 2 {
      // Wide: each row a unit, each variable a wave.
      guard inv.command.option("time") == nil, inv.command.option("id") == nil else {
        throw LanguageDiagnostics.invalid(
          "time() and id() are for one variable in long layout; with several variables each is a wave",
          range: inv.command.option("time")?.range ?? inv.command.option("id")?.range, category: .syntax)
      }
      let columns = try variables.map { name throws(Diagnostic) in try inv.numbers(name, rows) }
      let groups = GroupCodes(groupVariable, rows: rows)
      var incomplete = 0
      var noGroup = 0
      for i in 0..<rows.count {
        let y = columns.map { $0[i] }
        if groups.codes[i] < 0 { noGroup += 1; continue }
        if y.contains(where: \.isNaN) { incomplete += 1; continue }
        values.append(y)
        groupOfUnit.append(groups.codes[i])
      }
      waveLabels = variables
      groupLabels = groups.labels
      dropped = [(reason: "rows missing a wave", count: incomplete), (reason: "missing \(groupVariable.name)", count: noGroup)]
    } else {
      guard let timeOption = inv.command.option("time"), let idOption = inv.command.option("id") else {
        throw LanguageDiagnostics.missingArgument(
          "time() and id() (long layout), or one variable per wave (wide)", command: "mixed", range: inv.command.range)
      }
      let time = data[try inv.variables([.name(try timeOption.variable())])[0].name]!
      let id = data[try inv.variables([.name(try idOption.variable())])[0].name]!
      timeName = time.name
      let waves = GroupCodes(time, rows: rows)
      let ids = GroupCodes(id, rows: rows)
      let groups = GroupCodes(groupVariable, rows: rows)
      let y = try inv.numbers(variables[0], rows)
      guard waves.count >= 2 else {
        throw LanguageDiagnostics.invalid(
          "'\(time.name)' has \(waves.count) value here; a mixed ANOVA needs two or more waves", range: timeOption.range, category: .data)
      }
      let w = waves.count
      var cells = [[Double]](repeating: [Double](repeating: .nan, count: w), count: ids.count)
      var seen = [[Bool]](repeating: [Bool](repeating: false, count: w), count: ids.count)
      var unitGroup = [Int32](repeating: -1, count: ids.count)
      var missingRows = 0
      for k in 0..<rows.count {
        let (u, t, g) = (ids.codes[k], waves.codes[k], groups.codes[k])
        guard u >= 0, t >= 0 else { missingRows += 1; continue }
        if seen[Int(u)][Int(t)] {
          throw LanguageDiagnostics.invalid(
            "\(id.name) \(ids.labels[Int(u)]) has two rows at \(time.name) \(waves.labels[Int(t)])", range: idOption.range, category: .data,
            help: ["each unit needs one row per wave"])
        }
        seen[Int(u)][Int(t)] = true
        cells[Int(u)][Int(t)] = y[k]
        if g >= 0 {
          if unitGroup[Int(u)] >= 0, unitGroup[Int(u)] != g {
            throw LanguageDiagnostics.invalid(
              "\(id.name) \(ids.labels[Int(u)]) is in more than one \(groupVariable.name) group", range: groupOption.range, category: .data,
              help: ["the group is a between-units factor: one value per unit"])
          }
          unitGroup[Int(u)] = g
        }
      }
      var incomplete = 0
      var noGroup = 0
      var absent: [String] = []
      for u in 0..<ids.count {
        if seen[u].contains(false) { absent.append(ids.labels[u]) }
        if unitGroup[u] < 0 { noGroup += 1; continue }
        if cells[u].contains(where: \.isNaN) { incomplete += 1; continue }
        values.append(cells[u])
        groupOfUnit.append(unitGroup[u])
      }
      // Units without a row at some wave: an error unless `complete`.
      if !absent.isEmpty {
        let what = "\(absent.count) \(id.name) value\(absent.count == 1 ? " has" : "s have") no row at some wave (e.g. \(absent.prefix(3).joined(separator: ", ")))"
        guard inv.flag("complete") else {
          throw LanguageDiagnostics.invalid(
            "\(what): the mixed ANOVA needs every wave of every unit", range: idOption.range, category: .data,
            help: ["add ', complete' to leave them out"])
        }
        inv.warnings.append("\(what) and \(absent.count == 1 ? "is" : "are") left out")
      }
      waveLabels = waves.labels.map { "\(time.name) \($0)" }
      groupLabels = groups.labels
      dropped = [
        (reason: "units missing a wave", count: incomplete), (reason: "units without \(groupVariable.name)", count: noGroup),
        (reason: "rows missing \(time.name) or \(id.name)", count: missingRows),
      ]
    }
    // Only the groups with units, renumbered.
    let present = Array(Set(groupOfUnit)).sorted()
    let group = groupOfUnit.map { present.firstIndex(of: $0)! }
    let labels = present.map { groupLabels[Int($0)] }
    let result: MixedAnova
    do {
      result = try MixedAnova(
        values: values, group: group, groupCount: present.count, groupName: groupVariable.name, timeName: timeName)
    } catch {
      throw inv.statisticsError(error)
    }
    let corrected = waveLabels.count > 2
    var columns = [
      Column("effect", key: "term", role: .label), Column("SS", key: "ss", role: .statistic),
      Column("df", key: "df1", role: .df), Column("error SS", key: "ss_error", role: .statistic),
      Column("error df", key: "df2", role: .df), Column("F", key: "f", role: .statistic), Column("p", key: "p", role: .pValue),
      Column("partial η²", key: "partial_eta2", role: .statistic),
    ]
    if corrected {
      columns += [
        Column("ε GG", key: "gg_epsilon", role: .statistic), Column("p GG", key: "p_gg", role: .pValue),
        Column("ε HF", key: "hf_epsilon", role: .statistic), Column("p HF", key: "p_hf", role: .pValue),
      ]
    }
    let body: [[Cell]] = result.effects.map { e in
      var row: [Cell] = [
        .text(e.term), .number(e.ss), .number(e.df1), .number(e.ssError), .number(e.df2), .number(e.f), .number(e.p),
        .number(e.partialEta2),
      ]
      if corrected {
        row += [e.greenhouseGeisser, e.pGreenhouseGeisser, e.huynhFeldt, e.pHuynhFeldt].map { $0.map(Cell.number) ?? .empty }
      }
      return row
    }
    var notes = [
      "Type III sums of squares (SPSS GLM, afex); between: \(groupVariable.name) on the units' means; within: against the pooled unit × \(timeName) residual. Partial η² = SS/(SS + error SS)."
    ]
    notes.append(
      corrected
        ? "Sphericity: Greenhouse–Geisser and Huynh–Feldt ε scale both df (HF capped at 1, as car)."
        : "Two waves: sphericity holds trivially; F(\(groupVariable.name) × \(timeName)) is "
          + (labels.count == 2 ? "t² of Student's t on the change scores (the DiD; see did)." : "the one-way ANOVA F of the change scores (see anova)."))
    let anova = Table(
      title: "Mixed ANOVA · \(variables.count == 1 ? variables[0] : variables.joined(separator: ", ")) by \(groupVariable.name) × \(timeName)",
      kind: "mixed_anova", columns: columns, rows: body, notes: notes)
    // Cell means.
    var meanRows: [[Cell]] = []
    for (g, label) in labels.enumerated() {
      let members = values.indices.filter { group[$0] == g }
      meanRows.append(
        [.text(label), .number(Double(members.count))]
          + (0..<waveLabels.count).map { t in .number(Summation.mean(members.map { values[$0][t] })) })
    }
    let means = Table(
      title: "Means", kind: "mixed_means",
      columns: [Column(groupVariable.name, key: "group", role: .label), Column("n", key: "n", role: .count)]
        + waveLabels.map { Column($0, key: $0, role: .statistic) },
      rows: meanRows)
    return inv.report(
      [.table(means), .table(anova)],
      provenance: inv.provenance(selected: rows, used: values.count, unit: "units", dropped: dropped))
  }
}

import MetingData
import MetingLanguage
import MetingReport
import MetingStats

/// `effectsize VAR by GROUP` (d, g, Glass's Δ), `effectsize A B` or
/// `effectsize VAR, time() id()` (d_z, d_av, d_rm), and
/// `effectsize VAR, time() id() group(G)` (Morris's d_ppc2 for a
/// pretest–posttest–control design).
enum EffectSizeCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .variables(let items) = inv.command.arguments else { return inv.report([]) }
    let level = try inv.confidenceLevel()
    let alternative = try inv.alternative()
    let percent = NumberFormat.shortest(level * 100)
    var rows: [[Cell]] = []
    var notes: [String] = []
    var title = ""
    var provenance: Provenance
    /// One row per measure; a measure that cannot be computed keeps its
    /// row, with the reason in the notes (once per context).
    var failures = 0
    var firstFailure: String?
    func add(
      _ labels: [Cell], _ kind: StandardizedDifference.Kind, _ context: String,
      _ compute: () throws(StatsError) -> StandardizedDifference
    ) {
      do {
        let e = try compute()
        rows.append(
          labels + [
            .text(e.kind.rawValue), .number(e.estimate), e.ciLow.map(Cell.number) ?? .missing("—"),
            e.ciHigh.map(Cell.number) ?? .missing("—"), .text(e.method),
          ])
      } catch {
        failures += 1
        let note = "\(context): \(error.description)"
        if firstFailure == nil { firstFailure = note }
        if !notes.contains(note) { notes.append(note) }
        rows.append(labels + [.text(kind.rawValue), .missing("—"), .missing("—"), .missing("—"), .text("not computed (see below)")])
      }
    }
    var labelColumns = [Column("variable", key: "variable", role: .label)] + (try inv.groupColumns())
    if !inv.command.byClause.isEmpty {
      let variables = try inv.variables(items, kind: .numeric)
      let data = try GroupedSamples.gather(&inv, variables: variables, exactlyTwo: true, command: "effectsize")
      for cell in data.cells {
        let a = SampleMoments(cell.samples[0])
        let b = SampleMoments(cell.samples[1])
        let labels: [Cell] = [.text(cell.variable)] + cell.subgroup.map { .text($0.value) }
        let context = ([cell.variable] + cell.subgroup.map { "\($0.variable) = \($0.value)" }).joined(separator: ", ")
        add(labels, .cohenD, context) { () throws(StatsError) in
          try StandardizedDifference.cohenD(a, b, confLevel: level, alternative: alternative)
        }
        add(labels, .hedgesG, context) { () throws(StatsError) in
          try StandardizedDifference.hedgesG(a, b, confLevel: level, alternative: alternative)
        }
        add(labels, .glassDelta, context) { () throws(StatsError) in
          try StandardizedDifference.glassDelta(a, control: b, confLevel: level, alternative: alternative)
        }
      }
      title = "Effect sizes · \(data.groupVariable) \(data.labels[0]) − \(data.labels[1])"
      notes.insert("Glass's Δ uses the SD of \(data.groupVariable) = \(data.labels[1]) (the second group; reference(…) chooses it).", at: 0)
      provenance = inv.provenance(
        selected: try inv.rows(), used: variables.count == 1 ? data.usedByFirst : nil, unit: "values", dropped: data.dropped)
    } else if let groupOption = inv.command.option("group") {
      // Pretest–posttest–control: pairs per group of the treatment variable.
      let groupName = try groupOption.variable()
      let data = try inv.dataset()
      guard let grouping = data[groupName.text] else { throw VarListResolver.unknown(groupName, in: data) }
      let codes = GroupCodes(grouping, rows: try inv.rows())
      guard codes.count == 2 else {
        throw LanguageDiagnostics.invalid(
          "'\(grouping.name)' has \(codes.count) values here; d_ppc2 compares a treated and a control group",
          range: groupOption.range)
      }
      let pairs = try PairedSamples.gather(&inv, command: "effectsize", extraGroups: [.name(groupName)])
      // Subgroups now end with the treatment value; pair control and treated.
      let prefix = inv.command.byPrefix.count
      var bySubgroup: [[String]: [String: PairedSamples.Group]] = [:]
      var order: [[String]] = []
      for g in pairs.groups {
        let key = g.values.prefix(prefix).map(\.value)
        if bySubgroup[key] == nil { order.append(key) }
        bySubgroup[key, default: [:]][g.values[prefix].value] = g
      }
      let control = try inv.command.option("reference").map { o throws(Diagnostic) in try o.word() } ?? codes.labels[0]
      guard let treated = codes.labels.first(where: { $0 != control }), codes.labels.contains(control) else {
        throw LanguageDiagnostics.invalid("reference(\(control)) is not a value of '\(grouping.name)'", range: groupOption.range)
      }
      for key in order {
        guard let t = bySubgroup[key]?[treated], let c = bySubgroup[key]?[control] else {
          notes.append("\(key.joined(separator: ", ")): treated or control units missing")
          continue
        }
        let labels: [Cell] = [.text(pairs.difference)] + key.map { .text($0) }
        add(labels, .morris, key.joined(separator: ", ")) { () throws(StatsError) in
          try StandardizedDifference.morris(treatedPre: t.second, treatedPost: t.first, controlPre: c.second, controlPost: c.first)
        }
      }
      title = "Effect size of a pretest–posttest–control design · \(grouping.name) \(treated) vs \(control)"
      labelColumns[0].hiddenInText = true
      provenance = inv.provenance(selected: try inv.rows(), used: pairs.used, unit: pairs.unit, dropped: pairs.dropped)
    } else {
      let pairs = try PairedSamples.gather(&inv, command: "effectsize")
      for g in pairs.groups {
        let labels: [Cell] = [.text(pairs.difference)] + g.values.map { .text($0.value) }
        let context = ([pairs.difference] + g.values.map { "\($0.variable) = \($0.value)" }).joined(separator: ", ")
        let (x, y) = (g.first, g.second)
        add(labels, .dz, context) { () throws(StatsError) in
          try StandardizedDifference.dz(differences: SampleMoments(g.differences), confLevel: level, alternative: alternative)
        }
        add(labels, .dav, context) { () throws(StatsError) in try StandardizedDifference.dav(x, y) }
        add(labels, .drm, context) { () throws(StatsError) in try StandardizedDifference.drm(x, y) }
      }
      title = "Effect sizes of paired data · \(pairs.difference)"
      labelColumns[0].hiddenInText = true
      provenance = inv.provenance(selected: try inv.rows(), used: pairs.used, unit: pairs.unit, dropped: pairs.dropped)
    }
    if failures == rows.count, let first = firstFailure {
      throw LanguageDiagnostics.statistics(first, range: inv.command.name.range)
    }
    let table = Table(
      title: title, kind: "effect_size",
      columns: labelColumns + [
        Column("measure", key: "measure", role: .label), Column("estimate", key: "estimate", role: .statistic),
        .lower("\(percent)% CI", key: "ci_low"), .upper("CI high", key: "ci_high"), Column("method", key: "method", role: .label),
      ],
      rows: rows, notes: notes, fields: [("conf_level", .number(level)), ("alternative", .text(alternative.rawValue))])
    return inv.report([.table(table)], provenance: provenance)
  }
}

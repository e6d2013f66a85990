import MetingData
import MetingLanguage
import MetingReport
import MetingStats

/// `paired A B` (wide: A − B) and `paired VAR, time(T) id(ID)` (long: the
/// later wave − the earlier one), with d_z.
enum PairedCommand {
  /// Pairs of one subgroup: first and second value of each complete unit.
  struct Pairs {
    var first: [Double] = []
    var second: [Double] = []
    var dropped: [String: Int] = [:]
  }

  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .variables(let items) = inv.command.arguments else { return inv.report([]) }
    let variables = try inv.variables(items, kind: .numeric)
    let level = try inv.confidenceLevel()
    let alternative = try inv.alternative()
    let mu = try inv.number("mu", default: 0)
    let rows = try inv.rows()
    let (subgroups, missingSubgroup) = try inv.groups(rows)

    let context = inv  // the closures below read the invocation, never change it
    let labels: (first: String, second: String, variable: String)
    let pairsOf: (RowSelection) throws(Diagnostic) -> Pairs
    let unit: String
    if variables.count == 2 {
      guard inv.command.option("time") == nil, inv.command.option("id") == nil else {
        throw LanguageDiagnostics.invalid(
          "time() and id() are for one variable in long layout; with two variables the pairs are the rows",
          range: inv.command.option("time")?.range ?? inv.command.option("id")?.range, category: .syntax)
      }
      let (a, b) = (variables[0].name, variables[1].name)
      labels = (a, b, "\(a) − \(b)")
      unit = "pairs"
      pairsOf = { (sub: RowSelection) throws(Diagnostic) -> Pairs in
        try wide(context, a, b, sub)
      }
    } else {
      guard let timeOption = inv.command.option("time"), let idOption = inv.command.option("id") else {
        throw LanguageDiagnostics.missingArgument(
          "a second variable (wide layout) or time() and id() (long layout)", command: "paired",
          range: inv.command.range)
      }
      let time = try inv.variables([.name(try timeOption.variable())]).first?.name ?? ""
      let id = try inv.variables([.name(try idOption.variable())]).first?.name ?? ""
      let data = try inv.dataset()
      guard let timeVariable = data[time], let idVariable = data[id] else { return inv.report([]) }
      let waves = GroupCodes(timeVariable, rows: rows)
      guard waves.count == 2 else {
        throw LanguageDiagnostics.invalid(
          "'\(time)' has \(waves.count) value\(waves.count == 1 ? "" : "s") in these rows (\(waves.labels.prefix(6).joined(separator: ", "))); the paired test compares two waves",
          range: timeOption.range,
          help: waves.count > 2 ? ["pick two with where, e.g. where \(time) in (\(waves.labels.prefix(2).joined(separator: ", ")))"] : [])
      }
      let v = variables[0].name
      labels = ("\(time) \(waves.labels[1])", "\(time) \(waves.labels[0])", "\(v): \(time) \(waves.labels[1]) − \(waves.labels[0])")
      unit = "\(id) pairs"
      let units = LongPairing(rows: rows, waves: waves, ids: GroupCodes(idVariable, rows: rows), idName: id)
      pairsOf = { (sub: RowSelection) throws(Diagnostic) -> Pairs in
        try units.pairs(context, v, sub)
      }
    }

    var body: [[Cell]] = []
    var notes: [String] = []
    var used = 0
    var dropped: [String: Int] = [:]
    var method = ""
    for sub in subgroups {
      let pairs = try pairsOf(sub.rows)
      used += pairs.first.count
      for (k, n) in pairs.dropped { dropped[k, default: 0] += n }
      let subCells = sub.values.map { Cell.text($0.value) }
      let m1 = pairs.first.isEmpty ? nil : Summation.mean(pairs.first)
      let m2 = pairs.second.isEmpty ? nil : Summation.mean(pairs.second)
      let head: [Cell] = [.text(labels.variable)] + subCells + [
        .number(Double(pairs.first.count)), m1.map(Cell.number) ?? .empty, m2.map(Cell.number) ?? .empty,
      ]
      do throws(StatsError) {
        let differences = SampleMoments(zip(pairs.first, pairs.second).map { $0 - $1 })
        let r = try TTestResult.paired(differences: differences, mu: mu, alternative: alternative, confLevel: level)
        let dz = try EffectSize.dz(differences: differences)
        method = r.method
        let sd = differences.sd ?? .nan
        body.append(
          head + [
            .number(r.estimate), .number(sd), .number(r.se), .number(r.t), .number(r.df), .number(r.p),
            .number(r.ciLow), .number(r.ciHigh), .number(dz.value),
          ])
      } catch {
        if subgroups.count == 1 { throw inv.statisticsError(error) }
        notes.append(sub.values.map { "\($0.variable) = \($0.value)" }.joined(separator: ", ") + ": \(error.description)")
        body.append(head + Array(repeating: .missing("—"), count: 9))
      }
    }
    let percent = NumberFormat.shortest(level * 100)
    let table = Table(
      title: "Paired t-test · \(labels.variable)", kind: "paired_t", method: method.isEmpty ? nil : method,
      columns: [Column("difference", key: "variable", role: .label, hiddenInText: true)] + (try inv.groupColumns()) + [
        Column("n", key: "n", role: .count), Column(labels.first, key: "mean1", role: .statistic),
        Column(labels.second, key: "mean2", role: .statistic), Column("mean diff", key: "mean_diff", role: .statistic),
        Column("sd", key: "sd", role: .statistic), Column("se", key: "se", role: .statistic),
        Column("t", key: "t", role: .statistic), Column("df", key: "df", role: .df), Column("p", key: "p", role: .pValue),
        Column("\(percent)% CI low", key: "ci_low", role: .statistic), Column("CI high", key: "ci_high", role: .statistic),
        Column("d_z", key: "d_z", role: .statistic),
      ],
      rows: body,
      notes: [
        "\(method.isEmpty ? "Paired t-test" : method); difference = \(labels.first) − \(labels.second)"
          + (mu != 0 ? ", H0: mean difference = \(NumberFormat.shortest(mu))" : "")
          + "; d_z = mean difference / SD of the differences."
      ] + notes,
      fields: [
        ("first", .text(labels.first)), ("second", .text(labels.second)), ("conf_level", .number(level)),
        ("alternative", .text(alternative.rawValue)), ("mu", .number(mu)),
      ])
    var drops = dropped.sorted { $0.key < $1.key }.map { (reason: $0.key, count: $0.value) }
    if missingSubgroup > 0 { drops.append((reason: "rows with a missing by value", count: missingSubgroup)) }
    return inv.report([.table(table)], provenance: inv.provenance(selected: rows, used: used, unit: unit, dropped: drops))
  }

  /// Wide layout: each row is a pair.
  static func wide(_ inv: Invocation, _ a: String, _ b: String, _ rows: RowSelection) throws(Diagnostic) -> Pairs {
    let x = try inv.numbers(a, rows)
    let y = try inv.numbers(b, rows)
    var pairs = Pairs()
    for i in x.indices {
      switch (x[i].isNaN, y[i].isNaN) {
      case (false, false):
        pairs.first.append(x[i])
        pairs.second.append(y[i])
      case (true, true): pairs.dropped["pairs missing both", default: 0] += 1
      case (true, false): pairs.dropped["pairs missing \(a)", default: 0] += 1
      case (false, true): pairs.dropped["pairs missing \(b)", default: 0] += 1
      }
    }
    return pairs
  }
}

/// Pairs rows of a long layout: the rows of one unit (id) at the two
/// waves. Wave and id become integer codes once for the whole selection;
/// each subgroup is then one pass over its rows with arrays indexed by id.
struct LongPairing {
  let waveOfRow: [Int32]
  let idOfRow: [Int32]
  let ids: GroupCodes
  let idName: String

  init(rows: RowSelection, waves: GroupCodes, ids: GroupCodes, idName: String) {
    var w = [Int32](repeating: -1, count: rows.rowCount)
    var u = [Int32](repeating: -1, count: rows.rowCount)
    for (k, row) in rows.enumerated() {
      w[row] = waves.codes[k]
      u[row] = ids.codes[k]
    }
    waveOfRow = w
    idOfRow = u
    self.ids = ids
    self.idName = idName
  }

  /// The pairs (later wave first) of the units in `rows`, in the order the
  /// units first appear; units without both waves are counted as dropped.
  func pairs(_ inv: Invocation, _ v: String, _ rows: RowSelection) throws(Diagnostic) -> PairedCommand.Pairs {
    let values = try inv.numbers(v, rows)
    var pairs = PairedCommand.Pairs()
    var seen = [UInt8](repeating: 0, count: ids.count)
    var slot = [Double](repeating: .nan, count: 2 * ids.count)
    var order: [Int32] = []
    for (k, row) in rows.enumerated() {
      let wave = waveOfRow[row]
      guard wave >= 0 else {
        pairs.dropped["rows missing the wave", default: 0] += 1
        continue
      }
      let id = idOfRow[row]
      guard id >= 0 else {
        pairs.dropped["rows missing \(idName)", default: 0] += 1
        continue
      }
      let bit = UInt8(1) << UInt8(wave)
      if seen[Int(id)] & bit != 0 {
        let key = ids.labels[Int(id)]
        throw LanguageDiagnostics.invalid(
          "\(idName) \(key) has more than one row at the same wave", range: inv.command.option("id")?.range,
          help: ["each unit needs one row per wave; check with 'list where \(idName) == \"\(key)\"'"])
      }
      if seen[Int(id)] == 0 { order.append(id) }
      seen[Int(id)] |= bit
      slot[2 * Int(id) + Int(wave)] = values[k]
    }
    for id in order.map(Int.init) {
      guard seen[id] == 3 else {
        pairs.dropped["units with one wave only", default: 0] += 1
        continue
      }
      let (earlier, later) = (slot[2 * id], slot[2 * id + 1])
      if earlier.isNaN || later.isNaN {
        pairs.dropped["units missing \(v) at a wave", default: 0] += 1
      } else {
        pairs.first.append(later)
        pairs.second.append(earlier)
      }
    }
    return pairs
  }
}

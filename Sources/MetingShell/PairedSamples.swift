import MetingData
import MetingLanguage
import MetingReport

/// The pairs of a paired design, per subgroup, gathered the same way for
/// every paired command (paired, wilcoxon, signtest, effectsize):
///
/// - wide: two variables, each row a pair, difference = first − second
///   (as R, SPSS and Stata);
/// - long: one variable with `time(WAVE) id(UNIT)`: the rows of a unit at
///   the two waves form a pair, difference = later − earlier wave.
///
/// Units without both values are left out and counted by reason; when some
/// units lack a wave, a warning names a few of them.
struct PairedSamples {
  struct Group {
    let values: [(variable: String, value: String)]
    let first: [Double]
    let second: [Double]
    var differences: [Double] { zip(first, second).map { $0 - $1 } }
  }

  /// Column headers of the two measurements and the difference in words.
  let first: String
  let second: String
  let difference: String
  /// What a pair is ("pairs", "firm_id pairs").
  let unit: String
  let groups: [Group]
  let dropped: [(reason: String, count: Int)]
  var used: Int { groups.reduce(0) { $0 + $1.first.count } }

  /// - Parameter extraGroups: variables that split the pairs further, after
  ///   the `by` subgroups (the treatment of a pretest–posttest–control design).
  static func gather(
    _ inv: inout Invocation, command: String, items explicitItems: [VarListItem]? = nil, extraGroups: [VarListItem] = []
  ) throws(Diagnostic) -> PairedSamples {
    var items: [VarListItem] = explicitItems ?? []
    if explicitItems == nil {
      guard case .variables(let list) = inv.command.arguments else {
        throw LanguageDiagnostics.missingArgument("variables", command: command, range: inv.command.name.range)
      }
      items = list
    }
    let variables = try inv.variables(items, kind: .numeric)
    let rows = try inv.rows()
    let (subgroups, missingSubgroup) = try inv.groups(rows, extra: extraGroups)
    let context = inv
    var groups: [Group] = []
    var dropped: [String: Int] = [:]
    let labels: (String, String, String, String)
    if variables.count == 2 {
      guard inv.command.option("time") == nil, inv.command.option("id") == nil else {
        throw LanguageDiagnostics.invalid(
          "time() and id() are for one variable in long layout; with two variables the pairs are the rows",
          range: inv.command.option("time")?.range ?? inv.command.option("id")?.range, category: .syntax)
      }
      let (a, b) = (variables[0].name, variables[1].name)
      labels = (a, b, "\(a) − \(b)", "pairs")
      for sub in subgroups {
        let x = try context.numbers(a, sub.rows)
        let y = try context.numbers(b, sub.rows)
        var first: [Double] = []
        var second: [Double] = []
        for i in x.indices {
          switch (x[i].isNaN, y[i].isNaN) {
          case (false, false):
            first.append(x[i])
            second.append(y[i])
          case (true, true): dropped["pairs missing both", default: 0] += 1
          case (true, false): dropped["pairs missing \(a)", default: 0] += 1
          case (false, true): dropped["pairs missing \(b)", default: 0] += 1
          }
        }
        groups.append(Group(values: sub.values, first: first, second: second))
      }
    } else {
      guard variables.count == 1, let timeOption = inv.command.option("time"), let idOption = inv.command.option("id")
      else {
        throw LanguageDiagnostics.missingArgument(
          "a second variable (wide layout) or time() and id() (long layout)", command: command,
          range: inv.command.range)
      }
      let data = try inv.dataset()
      let time = try inv.variables([.name(try timeOption.variable())]).first?.name ?? ""
      let id = try inv.variables([.name(try idOption.variable())]).first?.name ?? ""
      guard let timeVariable = data[time], let idVariable = data[id] else {
        throw LanguageDiagnostics.invalid("time() and id() need variables", range: inv.command.range)
      }
      let waves = GroupCodes(timeVariable, rows: rows)
      guard waves.count == 2 else {
        throw LanguageDiagnostics.invalid(
          "'\(time)' has \(waves.count) value\(waves.count == 1 ? "" : "s") in these rows (\(waves.labels.prefix(6).joined(separator: ", "))); a paired comparison needs two waves",
          range: timeOption.range,
          help: waves.count > 2 ? ["pick two with where, e.g. where \(time) in (\(waves.labels.prefix(2).joined(separator: ", ")))"] : [])
      }
      let v = variables[0].name
      labels = ("\(time) \(waves.labels[1])", "\(time) \(waves.labels[0])", "\(v): \(time) \(waves.labels[1]) − \(waves.labels[0])", "\(id) pairs")
      let pairing = LongPairing(rows: rows, waves: waves, ids: GroupCodes(idVariable, rows: rows), idName: id)
      var unpaired: [String] = []
      for sub in subgroups {
        let result = try pairing.pairs(context, v, sub.rows)
        for (k, n) in result.dropped { dropped[k, default: 0] += n }
        unpaired += result.unpaired.prefix(3 - min(3, unpaired.count))
        groups.append(Group(values: sub.values, first: result.first, second: result.second))
      }
      // Units seen at one wave only: an error unless `complete` accepts
      // leaving them out (attrition should be a decision, not a surprise).
      if let count = dropped["units with one wave only"], count > 0 {
        let what = "\(count) \(id) value\(count == 1 ? " has" : "s have") a row at one wave only (e.g. \(unpaired.joined(separator: ", ")))"
        guard inv.flag("complete") else {
          throw LanguageDiagnostics.invalid(
            "\(what): a paired comparison needs both waves", range: idOption.range, category: .data,
            help: ["add ', complete' to leave them out (as the wide layout leaves out incomplete rows)"])
        }
        inv.warnings.append("\(what) and \(count == 1 ? "is" : "are") left out")
      }
    }
    if missingSubgroup > 0 { dropped["rows with a missing by value", default: 0] += missingSubgroup }
    return PairedSamples(
      first: labels.0, second: labels.1, difference: labels.2, unit: labels.3, groups: groups,
      dropped: dropped.sorted { $0.key < $1.key }.map { (reason: $0.key, count: $0.value) })
  }
}

/// Pairs rows of a long layout: the rows of one unit (id) at the two
/// waves. Wave and id become integer codes once for the whole selection;
/// each subgroup is then one pass over its rows with arrays indexed by id.
struct LongPairing {
  struct Result {
    var first: [Double] = []
    var second: [Double] = []
    var dropped: [String: Int] = [:]
    /// A few ids of units with one wave only (for the warning).
    var unpaired: [String] = []
  }

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
  func pairs(_ inv: Invocation, _ v: String, _ rows: RowSelection) throws(Diagnostic) -> Result {
    let values = try inv.numbers(v, rows)
    var result = Result()
    var seen = [UInt8](repeating: 0, count: ids.count)
    var slot = [Double](repeating: .nan, count: 2 * ids.count)
    var order: [Int32] = []
    for (k, row) in rows.enumerated() {
      let wave = waveOfRow[row]
      guard wave >= 0 else {
        result.dropped["rows missing the wave", default: 0] += 1
        continue
      }
      let id = idOfRow[row]
      guard id >= 0 else {
        result.dropped["rows missing \(idName)", default: 0] += 1
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
        result.dropped["units with one wave only", default: 0] += 1
        if result.unpaired.count < 3 { result.unpaired.append(ids.labels[id]) }
        continue
      }
      let (earlier, later) = (slot[2 * id], slot[2 * id + 1])
      if earlier.isNaN || later.isNaN {
        result.dropped["units missing \(v) at a wave", default: 0] += 1
      } else {
        result.first.append(later)
        result.second.append(earlier)
      }
    }
    return result
  }
}

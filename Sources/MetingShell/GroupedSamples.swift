import MetingData
import MetingLanguage
import MetingReport

/// Values of numeric variables split by the groups of a comparison (the
/// `by GROUP` of ttest, ranksum, kruskal, permute, effectsize, bootstrap),
/// per subgroup of a `by VARS:` prefix. The groups are the values of GROUP
/// present in the rows in force, in sorted order.
struct GroupedSamples {
  struct Cell {
    let variable: String
    let subgroup: [(variable: String, value: String)]
    /// One array per group, in the order of `labels`.
    let samples: [[Double]]
  }

  let groupVariable: String
  let labels: [String]
  let cells: [Cell]
  let dropped: [(reason: String, count: Int)]
  /// Values used by the first variable (for the provenance line).
  let usedByFirst: Int

  /// - Parameter exactlyTwo: refuse a GROUP with other than two values.
  static func gather(
    _ inv: inout Invocation, variables: [ResolvedVariable], exactlyTwo: Bool, command: String
  ) throws(Diagnostic) -> GroupedSamples {
    let data = try inv.dataset()
    let groupItems = inv.command.byClause
    guard groupItems.count == 1, let groupVariable = try inv.variables(groupItems).first,
      let grouping = data[groupVariable.name]
    else {
      throw LanguageDiagnostics.invalid(
        "'\(command)' compares the groups of one variable: '\(command) VAR by GROUP'",
        range: groupItems.first?.range ?? inv.command.name.range, category: .syntax,
        help: ["e.g. \(command) sic_change by treated"])
    }
    let rows = try inv.rows()
    let codes = GroupCodes(grouping, rows: rows)
    var labels = codes.labels
    // `reference(VALUE)` puts that group second: differences are other − reference.
    var order = Array(labels.indices)
    if let option = inv.command.option("reference") {
      let wanted = try option.word()
      guard let r = labels.firstIndex(of: wanted) else {
        throw LanguageDiagnostics.unknownValue(
          wanted, variable: grouping.name, range: option.range, suggestion: Suggestions.closest(to: wanted, in: labels))
      }
      order.remove(at: r)
      order.append(r)
      labels = order.map { labels[$0] }
    }
    var position = [Int32](repeating: 0, count: order.count)
    for (newIndex, old) in order.enumerated() { position[old] = Int32(newIndex) }
    if exactlyTwo, labels.count != 2 {
      let shown = labels.prefix(6).joined(separator: ", ")
      throw LanguageDiagnostics.invalid(
        "'\(grouping.name)' has \(labels.count) value\(labels.count == 1 ? "" : "s") in these rows (\(shown)); '\(command)' compares exactly two",
        range: groupVariable.range,
        help: [labels.count > 2
          ? "pick two with where, e.g. where \(grouping.name) in (\(labels.prefix(2).joined(separator: ", ")))"
          : "the other group has no rows here; check the filter"])
    }
    if labels.count < 2 {
      throw LanguageDiagnostics.invalid(
        "'\(grouping.name)' has \(labels.count) value in these rows; '\(command)' needs at least two groups",
        range: groupVariable.range)
    }
    var groupOfRow = [Int32](repeating: -1, count: rows.rowCount)
    for (k, row) in rows.enumerated() where codes.codes[k] >= 0 { groupOfRow[row] = position[Int(codes.codes[k])] }
    let (subgroups, missingSubgroup) = try inv.groups(rows)
    var cells: [Cell] = []
    var dropped: [String: Int] = [:]
    var missingGroup = 0
    var used = 0
    for (vi, v) in variables.enumerated() {
      for sub in subgroups {
        let values = try inv.numbers(v.name, sub.rows)
        var samples = [[Double]](repeating: [], count: labels.count)
        for (k, row) in sub.rows.enumerated() {
          let g = groupOfRow[row]
          guard g >= 0 else {
            if vi == 0 { missingGroup += 1 }
            continue
          }
          if values[k].isNaN {
            if vi == 0 { dropped["missing \(v.name)", default: 0] += 1 }
          } else {
            samples[Int(g)].append(values[k])
          }
        }
        if vi == 0 { used += samples.reduce(0) { $0 + $1.count } }
        cells.append(Cell(variable: v.name, subgroup: sub.values, samples: samples))
      }
    }
    var drops = dropped.sorted { $0.key < $1.key }.map { (reason: $0.key, count: $0.value) }
    if missingGroup > 0 { drops.append((reason: "missing \(grouping.name)", count: missingGroup)) }
    if missingSubgroup > 0 { drops.append((reason: "missing by value", count: missingSubgroup)) }
    return GroupedSamples(groupVariable: grouping.name, labels: labels, cells: cells, dropped: drops, usedByFirst: used)
  }
}

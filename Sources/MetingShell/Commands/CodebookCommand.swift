import MetingData
import MetingLanguage
import MetingReport

/// `codebook VARLIST`: each variable in full — label, type, format,
/// measure, missing-value declarations and counts by reason, the value
/// labels with their counts, and the range (numbers) or most frequent
/// values (texts).
enum CodebookCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    let data = try inv.dataset()
    guard case .variables(let items) = inv.command.arguments else { return inv.report([]) }
    let names = items.isEmpty ? data.variableNames : try inv.variables(items).map(\.name)
    var blocks: [Block] = []
    for name in names {
      guard let v = data[name] else { continue }
      var properties: [(String, String)] = [("label", v.label ?? "—")]
      var userByCode: [Double: Int] = [:]
      for code in v.userMissing.values { userByCode[code, default: 0] += 1 }
      var system = 0
      for row in 0..<data.rowCount where v.values.isMissing(row) && v.userMissing[row] == nil { system += 1 }
      let valid = data.rowCount - system - v.userMissing.count
      switch v.values {
      case .numeric(let c):
        properties.append(("type", "numeric" + (c.isCompact ? " (small integers, one byte per value)" : "")))
        var lo = Double.infinity
        var hi = -Double.infinity
        var distinct = Set<Double>()
        for row in 0..<c.count where !c[row].isNaN {
          lo = min(lo, c[row])
          hi = max(hi, c[row])
          if distinct.count <= 1000 { distinct.insert(c[row]) }
        }
        if valid > 0 {
          let show = { (x: Double) in v.time?.text(x) ?? NumberFormat.shortest(x) }
          properties.append(("range", "\(show(lo)) to \(show(hi))"))
          properties.append(("distinct values", distinct.count > 1000 ? "more than 1000" : String(distinct.count)))
        }
      case .categorical(let c):
        properties.append(("type", "text (\(c.levels.count) distinct)"))
      }
      properties.append(("format", v.format ?? "—"))
      if let time = v.time { properties.append(("dates", "\(time.rawValue) (shown as dates)")) }
      properties.append(("measure", v.measure.rawValue))
      let declared = v.missingCodes.map(formatCode) + v.missingTexts.map { "\"\($0)\"" }
        + v.missingRanges.map { "\(NumberFormat.shortest($0.lowerBound)) thru \(NumberFormat.shortest($0.upperBound))" }
      properties.append(("user-missing codes", declared.isEmpty ? "—" : declared.joined(separator: " ")))
      properties.append(("valid", String(valid)))
      properties.append(("system-missing", String(system)))
      for code in userByCode.keys.sorted() {
        let label = v.userMissingLabel(code).map { " \($0)" } ?? ""
        properties.append(("user-missing \(v.userMissingText(code))\(label)", String(userByCode[code]!)))
      }
      blocks.append(.table(Table(
        title: "\(v.name)", kind: "codebook",
        columns: [Column("property", key: "property", role: .label), Column("value", key: "value", role: .label)],
        rows: properties.map { [.text($0.0), .text($0.1)] }, fields: [("variable", .text(v.name))])))

      // Value labels with their counts (codes and texts).
      switch v.values {
      case .numeric(let c):
        if !v.valueLabels.isEmpty {
          var counts: [Double: Int] = [:]
          for row in 0..<c.count { if let x = v.userMissing[row] ?? (c[row].isNaN ? nil : c[row]) { counts[x, default: 0] += 1 } }
          let rows: [[Cell]] = v.valueLabels.keys.sorted().map { code in
            [
              ExtendedMissing.text(code).map(Cell.text) ?? .number(code),
              .text(v.valueLabels[code]! + (v.isMissingCode(code) ? " (missing)" : "")), .number(Double(counts[code] ?? 0)),
            ]
          }
          blocks.append(valueLabels(of: v, first: Column("code", key: "code", role: .value), rows: rows))
        }
      case .categorical(let c):
        var counts = [Int](repeating: 0, count: c.levels.count)
        for code in c.codes where code != CategoricalColumn.missingCode { counts[Int(code)] += 1 }
        let top = counts.indices.sorted { counts[$0] > counts[$1] || (counts[$0] == counts[$1] && $0 < $1) }.prefix(10)
        blocks.append(.table(Table(
          title: c.levels.count > 10 ? "the 10 most frequent of \(c.levels.count) values" : "values", kind: "value_counts",
          columns: [Column("value", key: "value", role: .label), Column("count", key: "count", role: .count)],
          rows: top.map { [.text(c.levels[$0]), .number(Double(counts[$0]))] }, fields: [("variable", .text(v.name))])))
        if !v.textLabels.isEmpty {
          let index = Dictionary(uniqueKeysWithValues: c.levels.enumerated().map { ($0.element, $0.offset) })
          let rows: [[Cell]] = v.textLabels.keys.sorted().map { value in
            let missing = v.missingTexts.firstIndex(of: value).map { k in v.userMissing.values.filter { $0 == Double(k) }.count }
            return [
              .text(value), .text(v.textLabels[value]! + (missing != nil ? " (missing)" : "")),
              .number(Double(missing ?? index[value].map { counts[$0] } ?? 0)),
            ]
          }
          blocks.append(valueLabels(of: v, first: Column("value", key: "value", role: .label), rows: rows))
        }
      }
    }
    return inv.report(blocks)
  }

  /// The table of a variable's value labels: code (or value), label, count.
  static func valueLabels(of v: Variable, first: Column, rows: [[Cell]]) -> Block {
    .table(Table(
      title: "value labels", kind: "value_labels",
      columns: [first, Column("label", key: "label", role: .label), Column("count", key: "count", role: .count)],
      rows: rows, fields: [("variable", .text(v.name))]))
  }
}

import MetingData
import MetingLanguage
import MetingReport

/// `freq VARLIST [by VARS] [where COND]`: frequency tables as SPSS
/// FREQUENCIES prints them: count, percent of all rows, valid percent and
/// cumulative valid percent, then missing values by reason.
enum FreqCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    let data = try inv.dataset()
    guard case .variables(let items) = inv.command.arguments else { return inv.report([]) }
    let variables = try inv.variables(items)
    let rows = try inv.rows()
    let (groups, missingGroup) = try inv.groups(rows)
    var blocks: [Block] = []
    for group in groups {
      for resolved in variables {
        guard let v = data[resolved.name] else { continue }
        blocks.append(.table(table(v, group)))
      }
    }
    if missingGroup > 0 { inv.warnings.append("\(missingGroup) rows with a missing 'by' value are left out") }
    return inv.report(blocks, provenance: inv.provenance(selected: rows))
  }

  static func table(_ v: Variable, _ group: Group) -> Table {
    var counts: [(label: String, value: Cell, count: Int)] = []
    var system = 0
    var user: [Double: Int] = [:]
    switch v.values {
    case .categorical(let c):
      var tally = [Int](repeating: 0, count: c.levels.count)
      for row in group.rows {
        let code = c.codes[row]
        if code != CategoricalColumn.missingCode {
          tally[Int(code)] += 1
        } else if let k = v.userMissing[row] {
          user[k, default: 0] += 1
        } else {
          system += 1
        }
      }
      counts = tally.enumerated().filter { $0.element > 0 }.map { k, n in
        let level = c.levels[k]
        return (v.textLabels[level].map { "\(level) \($0)" } ?? level, .text(level), n)
      }
    case .numeric(let c):
      var tally: [Double: Int] = [:]
      for row in group.rows {
        let x = c[row]
        if x.isNaN {
          if let code = v.userMissing[row] { user[code, default: 0] += 1 } else { system += 1 }
        } else {
          tally[x, default: 0] += 1
        }
      }
      counts = tally.keys.sorted().map { x in
        let shown = v.time?.text(x) ?? NumberFormat.shortest(x)
        return (v.valueLabels[x].map { "\(shown) \($0)" } ?? shown, .number(x), tally[x] ?? 0)
      }
    }
    let total = group.rows.count
    let valid = counts.reduce(0) { $0 + $1.count }
    var cumulative = 0
    var rows: [[Cell]] = []
    for c in counts {
      cumulative += c.count
      rows.append([
        .text(c.label), .number(Double(c.count)), .number(100 * Double(c.count) / Double(total)),
        .number(100 * Double(c.count) / Double(valid)), .number(100 * Double(cumulative) / Double(valid)),
      ])
    }
    let missingRow: (String, Int) -> [Cell] = { label, n in
      [.text(label), .number(Double(n)), .number(100 * Double(n) / Double(total)), .empty, .empty]
    }
    for code in user.keys.sorted() {
      let label = v.userMissingLabel(code).map { " \($0)" } ?? ""
      rows.append(missingRow("missing: \(v.isCategorical ? "value" : "code") \(v.userMissingText(code))\(label)", user[code] ?? 0))
    }
    if system > 0 { rows.append(missingRow("missing: system (empty)", system)) }
    rows.append([.text("total"), .number(Double(total)), .number(total > 0 ? 100 : 0), .empty, .empty])
    let groupText = group.values.map { "\($0.variable) = \($0.value)" }.joined(separator: ", ")
    var title = v.name + (v.label.map { " · \($0)" } ?? "")
    if !groupText.isEmpty { title += " · " + groupText }
    var fields: [(key: String, value: Cell)] = [("variable", .text(v.name))]
    fields += group.values.map { ($0.variable, .text($0.value)) }
    fields += [("n", .number(Double(total))), ("valid", .number(Double(valid)))]
    return Table(
      title: title, kind: "frequencies", method: "counts; percent of all rows; valid percent and cumulative percent of valid rows",
      columns: [
        Column("value", key: "value", role: .label), Column("count", key: "count", role: .count),
        Column("percent", key: "percent", role: .percent), Column("valid %", key: "valid_percent", role: .percent),
        Column("cum. %", key: "cum_percent", role: .percent),
      ],
      rows: rows, shape: .oneObject, fields: fields)
  }
}

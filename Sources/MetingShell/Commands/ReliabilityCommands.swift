import MetingData
import MetingLanguage
import MetingReport
import MetingStats

/// `alpha ITEMS` (the reliability report) and `scale NAME = mean(ITEMS)
/// [, reverse() range() min() replace]` (a scale score, with the report).
enum ReliabilityCommands {
  static func alpha(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .variables(let items) = inv.command.arguments else { return inv.report([]) }
    let names = try inv.variables(items, kind: .numeric).map(\.name)
    guard names.count >= 2 else {
      throw LanguageDiagnostics.invalid("alpha needs two or more items", range: items.last?.range, category: .syntax)
    }
    let level = try inv.confidenceLevel()
    let selected = try inv.rows()
    let (groups, missingGroup) = try inv.groups(selected)
    var blocks: [Block] = []
    var used = 0
    var incomplete = 0
    for group in groups {
      var columns = try names.map { name throws(Diagnostic) in try inv.numbers(name, group.rows) }
      let report = try reliabilityTables(inv, columns: &columns, names: names, level: level, group: group.values)
      blocks += report.blocks
      used += report.used
      incomplete += report.incomplete
    }
    var drops: [(reason: String, count: Int)] = [(reason: "rows missing an item", count: incomplete)]
    if missingGroup > 0 { drops.append((reason: "missing by value", count: missingGroup)) }
    return inv.report(blocks, provenance: inv.provenance(selected: selected, used: used, unit: "rows", dropped: drops))
  }

  /// The reliability tables of items over complete cases (listwise).
  private static func reliabilityTables(
    _ inv: Invocation, columns: inout [[Double]], names: [String], level: Double,
    group: [(variable: String, value: String)]
  ) throws(Diagnostic) -> (blocks: [Block], used: Int, incomplete: Int) {
    let n = columns.first?.count ?? 0
    let complete = (0..<n).filter { i in columns.allSatisfy { !$0[i].isNaN } }
    columns = columns.map { c in complete.map { c[$0] } }
    let suffix = group.isEmpty ? "" : " · " + group.map { "\($0.variable) = \($0.value)" }.joined(separator: ", ")
    let r: Reliability
    do {
      r = try Reliability(columns, names: names, confLevel: level)
    } catch {
      throw inv.statisticsError(error, context: group.map { "\($0.variable) = \($0.value)" }.joined(separator: ", "))
    }
    let percent = NumberFormat.shortest(level * 100)
    let itemList = names.count <= 6 ? names.joined(separator: " ") : "\(names[0]) … \(names[names.count - 1])"
    let summary = Table(
      title: "Reliability · \(names.count) items (\(itemList))\(suffix)", kind: "reliability",
      method: "Cronbach's alpha on complete cases (SPSS RELIABILITY; psych::alpha)",
      columns: [
        Column("n", key: "n", role: .count), Column("items", key: "k", role: .count), Column("α", key: "alpha", role: .statistic),
        .lower("\(percent)% CI", key: "ci_low"), .upper("CI high", key: "ci_high"),
        Column("standardized α", key: "std_alpha", role: .statistic), Column("mean r", key: "average_r", role: .statistic),
      ],
      rows: [[
        .number(Double(r.n)), .number(Double(names.count)), .number(r.alpha), .number(r.ciLow), .number(r.ciHigh),
        .number(r.standardizedAlpha), .number(r.meanInterItemCorrelation),
      ]],
      notes: [
        "Cases with every item (listwise, as SPSS and PSPP; psych::alpha uses pairwise covariances when items are missing). Interval: Feldt (F on n − 1, (n − 1)(k − 1) df)."
      ],
      shape: .oneObject, fields: group.map { ($0.variable, .text($0.value)) })
    let items = Table(
      title: "Items\(suffix)", kind: "reliability_items",
      columns: [
        Column("item", key: "item", role: .label), Column("mean", key: "mean", role: .statistic),
        Column("sd", key: "sd", role: .statistic), Column("item–rest r", key: "r_drop", role: .statistic),
        Column("α if deleted", key: "alpha_if_deleted", role: .statistic),
      ],
      rows: r.items.map { item in
        [.text(item.name), .number(item.mean), .number(item.sd), .number(item.correctedItemTotal),
         item.alphaIfDeleted.map(Cell.number) ?? .missing("—")]
      },
      notes: ["item–rest r: the corrected item–total correlation, r(item, sum of the other items)."]
        + {
          let negative = r.items.filter { $0.correctedItemTotal < 0 }.map(\.name)
          return negative.isEmpty
            ? []
            : ["Negative item–rest correlations (\(negative.joined(separator: ", "))): reverse-keyed items? scale … , reverse(…) scores them as LO + HI − x."]
        }())
    return ([.table(summary), .table(items)], complete.count, n - complete.count)
  }

  // MARK: scale

  static func scale(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .assignment(let target, let e) = inv.command.arguments else { return inv.report([]) }
    guard case .call(let function, let arguments, _) = e, ["mean", "sum"].contains(function.text) else {
      throw LanguageDiagnostics.invalid(
        "a scale is mean(ITEMS) or sum(ITEMS), e.g. scale so = mean(so1 so2 so3r)", range: e.range, category: .syntax)
    }
    var items: [VarListItem] = []
    for a in arguments {
      switch a {
      case .variables(let v): items.append(v)
      case .expression(.name(let n)): items.append(.name(n))
      case .expression(let other):
        throw LanguageDiagnostics.invalid("scale items are variables, not expressions", range: other.range, category: .syntax)
      }
    }
    var data = try inv.dataset()
    let names = try inv.variables(items, kind: .numeric).map(\.name)
    guard names.count >= 2 else {
      throw LanguageDiagnostics.invalid("a scale needs two or more items", range: e.range, category: .syntax)
    }
    guard VariableName.isValid(target.text) else {
      throw LanguageDiagnostics.invalid("'\(target.text)' cannot be a variable name", range: target.range, category: .syntax)
    }
    let exists = data[target.text] != nil
    if exists, !inv.flag("replace") {
      throw LanguageDiagnostics.invalid(
        "'\(target.text)' exists", range: target.range, help: ["add ', replace' to overwrite it, or choose another name"])
    }
    if names.contains(target.text) {
      throw LanguageDiagnostics.invalid("'\(target.text)' is one of its own items", range: target.range, category: .syntax)
    }
    let minimum = try inv.command.option("min")?.integer() ?? names.count
    guard minimum >= 1, minimum <= names.count else {
      throw LanguageDiagnostics.badOptionValue(
        option: "min", expected: "1 to \(names.count) (the items a row needs)", range: inv.command.option("min")?.range ?? target.range)
    }
    // Reverse-keyed items: (lo + hi) − x, the range given or observed.
    let reversed = Set(try inv.command.option("reverse")?.variableNames() ?? [])
    for name in reversed where !names.contains(name) {
      throw LanguageDiagnostics.invalid(
        "reverse(\(name)): '\(name)' is not an item of this scale", range: inv.command.option("reverse")?.range, category: .syntax)
    }
    let all = RowSelection.all(data.rowCount)
    var columns = try names.map { name throws(Diagnostic) in try inv.numbers(name, all) }
    var rangeWords = ""
    if !reversed.isEmpty {
      let bounds: (Double, Double)
      if let o = inv.command.option("range") {
        let v = try o.numbers()
        guard v.count == 2, v[0] < v[1] else {
          throw LanguageDiagnostics.badOptionValue(option: "range", expected: "the lowest and highest answer, e.g. range(1 5)", range: o.range)
        }
        bounds = (v[0], v[1])
      } else {
        let values = columns.joined().filter { !$0.isNaN }
        guard let lo = values.min(), let hi = values.max() else {
          throw LanguageDiagnostics.invalid("the items have no values", range: e.range, category: .data)
        }
        bounds = (lo, hi)
      }
      rangeWords = "reversed \(reversed.sorted().joined(separator: " ")) as \(NumberFormat.shortest(bounds.0 + bounds.1)) − x (range \(NumberFormat.shortest(bounds.0))–\(NumberFormat.shortest(bounds.1))\(inv.command.option("range") == nil ? ", as observed" : ""))"
      for (j, name) in names.enumerated() where reversed.contains(name) {
        columns[j] = columns[j].map { $0.isNaN ? $0 : bounds.0 + bounds.1 - $0 }
      }
    }
    var keep = [Bool](repeating: true, count: data.rowCount)
    if let condition = inv.command.condition {
      keep = [Bool](repeating: false, count: data.rowCount)
      for r in try Evaluator(dataset: data).select(condition, within: all) { keep[r] = true }
    }
    let useSum = function.text == "sum"
    var score = [Double](repeating: .nan, count: data.rowCount)
    for i in 0..<data.rowCount where keep[i] {
      var total = 0.0
      var valid = 0
      for c in columns where !c[i].isNaN {
        total += c[i]
        valid += 1
      }
      if valid >= minimum {
        // A sum with missing items is the mean times k (prorated), as SPSS's MEAN*k.
        score[i] = useSum ? total / Double(valid) * Double(names.count) : total / Double(valid)
      }
    }
    var variable = Variable(name: target.text, values: .numeric(NumericColumn(score)))
    variable.label = "\(function.text) of \(names.joined(separator: " "))"
    do {
      try data.set(variable)
    } catch {
      throw LanguageDiagnostics.dataFile(error).at(target.range)
    }
    inv.state.dataset = data
    inv.refreshFilter()
    let valid = score.filter { !$0.isNaN }.count
    let rule = minimum == names.count ? "every item valid" : "at least \(minimum) of \(names.count) items valid"
    var text = "\(exists ? "replaced" : "computed") \(target.text) = \(function.text) of \(names.count) items (\(rule)"
      + (useSum && minimum < names.count ? "; missing items prorated" : "") + "): \(valid) valid, \(data.rowCount - valid) missing"
    if !rangeWords.isEmpty { text += "\n" + rangeWords }
    if minimum == names.count { text += "\nmin(K) accepts rows with K valid items." }
    // The reliability of the items as scored, over the selection.
    let rows = try inv.rows()
    let level = try inv.confidenceLevel()
    var selectedColumns = columns.map { c in rows.map { c[$0] } }
    let report = try reliabilityTables(inv, columns: &selectedColumns, names: names.map { reversed.contains($0) ? $0 + " (reversed)" : $0 }, level: level, group: [])
    return inv.report(
      [.text(text)] + report.blocks,
      provenance: inv.provenance(
        selected: rows, used: report.used, unit: "rows", dropped: [(reason: "rows missing an item", count: report.incomplete)]))
  }
}

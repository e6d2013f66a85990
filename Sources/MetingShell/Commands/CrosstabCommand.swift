import MetingData
import MetingLanguage
import MetingReport
import MetingStats

/// `crosstab ROW COL [, row col total expected exact mcnemar]`: a table of
/// counts (with percentages on request) and its tests, as SPSS CROSSTABS
/// and R's chisq.test / fisher.test / mcnemar.test.
enum CrosstabCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .variables(let items) = inv.command.arguments else { return inv.report([]) }
    let variables = try inv.variables(items)
    guard variables.count == 2 else {
      throw LanguageDiagnostics.invalid(
        "crosstab takes two variables: the rows and the columns", range: items.last?.range, category: .syntax)
    }
    let data = try inv.dataset()
    let (rowVariable, columnVariable) = (data[variables[0].name]!, data[variables[1].name]!)
    let selected = try inv.rows()
    let (groups, missingGroup) = try inv.groups(selected)
    var blocks: [Block] = []
    var used = 0
    var missing = 0
    for group in groups {
      let complete = group.rows.filter { !rowVariable.values.isMissing($0) && !columnVariable.values.isMissing($0) }
      missing += group.rows.count - complete.count
      used += complete.count
      let suffix = group.values.isEmpty ? "" : " · " + group.values.map { "\($0.variable) = \($0.value)" }.joined(separator: ", ")
      let r = GroupCodes(rowVariable, rows: complete)
      let c = GroupCodes(columnVariable, rows: complete)
      guard r.count >= 2, c.count >= 2 else {
        let which = r.count < 2 ? rowVariable.name : columnVariable.name
        let labels = r.count < 2 ? r.labels : c.labels
        throw LanguageDiagnostics.invalid(
          "'\(which)' has \(labels.count) value\(labels.count == 1 ? "" : "s") (\(labels.joined(separator: ", "))) in these rows\(suffix); a crosstab needs two or more in each direction",
          range: inv.command.range, category: .data)
      }
      var counts = [[Double]](repeating: [Double](repeating: 0, count: c.count), count: r.count)
      for k in 0..<complete.count { counts[Int(r.codes[k])][Int(c.codes[k])] += 1 }
      let table: ContingencyTable
      do {
        table = try ContingencyTable(counts)
      } catch {
        throw inv.statisticsError(error)
      }
      blocks.append(.table(countTable(inv, table, rows: r.labels, columns: c.labels, rowName: rowVariable.name, columnName: columnVariable.name, suffix: suffix)))
      blocks.append(.table(try testTable(inv, table, suffix: suffix)))
    }
    var drops: [(reason: String, count: Int)] = [(reason: "missing \(rowVariable.name) or \(columnVariable.name)", count: missing)]
    if missingGroup > 0 { drops.append((reason: "missing by value", count: missingGroup)) }
    return inv.report(blocks, provenance: inv.provenance(selected: selected, used: used, unit: "rows", dropped: drops))
  }

  /// Counts, with row, column or total percentages and expected counts
  /// when asked, one line per row category.
  private static func countTable(
    _ inv: Invocation, _ t: ContingencyTable, rows: [String], columns: [String], rowName: String, columnName: String,
    suffix: String
  ) -> Table {
    let options = (row: inv.flag("row"), column: inv.flag("col"), total: inv.flag("total"), expected: inv.flag("expected"))
    let showsMore = options.row || options.column || options.total || options.expected
    var body: [[Cell]] = []
    func percent(_ x: Double, of y: Double) -> Cell { .number(100 * x / y) }
    for i in 0..<t.rows {
      body.append([.text(rows[i]), .text("count")] + t.counts[i].map { .number($0) } + [.number(t.rowTotals[i])])
      if options.expected {
        body.append([.text(""), .text("expected")] + t.expected[i].map { .number($0) } + [.empty])
      }
      if options.row {
        body.append([.text(""), .text("row %")] + t.counts[i].map { percent($0, of: t.rowTotals[i]) } + [.number(100)])
      }
      if options.column {
        body.append(
          [.text(""), .text("column %")] + (0..<t.columns).map { percent(t.counts[i][$0], of: t.columnTotals[$0]) }
            + [percent(t.rowTotals[i], of: t.total)])
      }
      if options.total {
        body.append([.text(""), .text("total %")] + t.counts[i].map { percent($0, of: t.total) } + [percent(t.rowTotals[i], of: t.total)])
      }
    }
    body.append([.text("total"), .text("count")] + t.columnTotals.map { .number($0) } + [.number(t.total)])
    if options.column || options.total {
      body.append([.text(""), .text("%")] + t.columnTotals.map { percent($0, of: t.total) } + [.number(100)])
    }
    var columnsOut = [Column(rowName, key: "row", role: .label), Column("", key: "statistic", role: .label, hiddenInText: !showsMore)]
    // Counts print as integers, expected counts and percentages with two decimals.
    columnsOut += columns.map { Column($0, key: $0, role: .count) }
    columnsOut.append(Column("total", key: "total", role: .count))
    var notes: [String] = []
    let small = t.smallExpected
    if small.below5 > 0 {
      let share = 100 * Double(small.below5) / Double(t.rows * t.columns)
      notes.append(
        "\(small.below5) of \(t.rows * t.columns) cells (\(NumberFormat.shortest((share * 10).rounded() / 10))%) have an expected count below 5 (smallest \(NumberFormat(digits: 2).text(small.minimum, role: .statistic)))"
          + (share > 20 || small.minimum < 1 ? ": the χ² approximation is doubtful; see Fisher's exact test" + (t.rows == 2 && t.columns == 2 ? "." : " (option exact).") : "."))
    }
    return Table(
      title: "\(rowName) × \(columnName)\(suffix)", kind: "crosstab", method: "counts (rows × columns)",
      columns: columnsOut, rows: body, notes: notes,
      fields: [("row_variable", .text(rowName)), ("column_variable", .text(columnName)), ("n", .number(t.total))])
  }

  /// χ², Yates, G², Fisher, McNemar, Cramér's V.
  private static func testTable(_ inv: Invocation, _ t: ContingencyTable, suffix: String) throws(Diagnostic) -> Table {
    var rows: [[Cell]] = []
    var notes: [String] = []
    func add(_ name: String, _ value: Double?, _ df: Double?, _ p: Double?) {
      rows.append([.text(name), value.map(Cell.number) ?? .empty, df.map(Cell.number) ?? .empty, p.map(Cell.number) ?? .empty])
    }
    let pearson = t.pearson()
    add("Pearson χ²", pearson.chi2, Double(pearson.df), pearson.p)
    let twoByTwo = t.rows == 2 && t.columns == 2
    if twoByTwo {
      let yates = t.pearson(yates: true)
      add("continuity-corrected χ² (Yates; R's default)", yates.chi2, Double(yates.df), yates.p)
    }
    let g2 = t.likelihoodRatio()
    add("likelihood ratio G²", g2.g2, Double(g2.df), g2.p)
    let integers = t.counts.map { $0.map { Int($0) } }
    if twoByTwo || inv.flag("exact") {
      do {
        let fisher = try FisherExact.test(integers)
        add("Fisher's exact test (two-sided)", nil, nil, fisher.p)
        if let or = fisher.oddsRatio, let low = fisher.ciLow, let high = fisher.ciHigh {
          let f = NumberFormat(digits: inv.state.settings.digits)
          notes.append(
            "Odds ratio (conditional MLE, as R's fisher.test): \(f.text(or, role: .statistic)), 95% CI [\(f.text(low, role: .statistic)), \(f.text(high, role: .statistic))]"
              + (or == 0 || or.isInfinite ? " — a zero cell (perfect separation): the odds ratio is at the end of its range and the interval is one-sided." : "."))
        }
      } catch {
        notes.append("Fisher's exact test: \(error.description)")
      }
    }
    if inv.flag("mcnemar") {
      do {
        let corrected = try McNemar.test(t.counts)
        add(twoByTwo ? "McNemar χ² (continuity-corrected; R's default)" : "McNemar–Bowker symmetry χ²", corrected.chi2, Double(corrected.df), corrected.p)
        if twoByTwo {
          let plain = try McNemar.test(t.counts, correct: false)
          add("McNemar χ² (uncorrected; Stata's mcc)", plain.chi2, Double(plain.df), plain.p)
          add("McNemar exact (binomial)", nil, nil, try McNemar.exact(t.counts))
        }
      } catch {
        notes.append("McNemar: \(error.description)")
      }
    }
    add("Cramér's V", t.cramersV, nil, nil)
    return Table(
      title: "Tests of independence\(suffix)", kind: "crosstab_tests",
      columns: [
        Column("test", key: "test", role: .label), Column("value", key: "statistic", role: .statistic),
        Column("df", key: "df", role: .df), Column("p", key: "p", role: .pValue),
      ],
      rows: rows, notes: notes + (twoByTwo ? [] : inv.flag("exact") ? [] : ["Fisher's exact test of an r × c table: option exact."]))
  }
}

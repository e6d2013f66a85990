import MetingData
import MetingLanguage
import MetingReport
import MetingStats

/// A subgroup of a `by` run: the values that define it and its rows.
public struct Group: Sendable {
  /// (variable, value as text), one per `by` variable; empty without `by`.
  public let values: [(variable: String, value: String)]
  public let rows: RowSelection
}

/// One command being run: the parsed command, the state it may change, and
/// the helpers every handler shares (rows in force, variables, groups,
/// options, provenance), so that `by`, `where` and did-you-mean behave the
/// same in every command.
public struct Invocation {
  public let command: Command
  public let source: SourceFile
  public var state: SessionState
  /// The session, for commands about the session itself (run, history,
  /// show, save script). Analyses do not touch it.
  public unowned let session: Session
  /// Warnings collected while running (printed with the report).
  public var warnings: [String] = []

  // MARK: Data and rows

  /// The active dataset, or an error saying how to get one.
  public func dataset() throws(Diagnostic) -> Dataset {
    guard let d = state.dataset else {
      throw LanguageDiagnostics.invalid(
        "no data loaded", range: command.name.range, category: .data,
        help: ["load a file first, e.g. 'load examples/mijn-bedrijf/firms_long.csv'"])
    }
    return d
  }

  /// Rows in force for this command: the active filter, narrowed by the
  /// command's `where`. An empty selection is an error for analyses.
  public mutating func rows(allowEmpty: Bool = false) throws(Diagnostic) -> RowSelection {
    let data = try dataset()
    var rows = state.filter?.rows ?? .all(data.rowCount)
    if let condition = command.condition {
      rows = try Evaluator(dataset: data).select(condition, within: rows)
      if rows.isEmpty {
        let d = LanguageDiagnostics.emptySelection(
          "'where \(source.displayText(condition.range))'" + (state.filter != nil ? " within the filter" : ""),
          range: condition.range)
        if !allowEmpty { throw d }
        warnings.append(d.message)
      }
    } else if rows.isEmpty, !allowEmpty {
      throw LanguageDiagnostics.emptySelection(
        state.filter.map { "the filter '\($0.text)'" } ?? "the data", range: command.name.range)
    }
    return rows
  }

  /// Re-selects the filter's rows after the data changed (compute,
  /// missing); drops the filter with a warning when it no longer applies.
  public mutating func refreshFilter() {
    guard let filter = state.filter, let data = state.dataset else { return }
    do {
      let rows = try Evaluator(dataset: data).select(filter.expression, within: .all(data.rowCount))
      if rows != filter.rows {
        warnings.append("the filter now selects \(rows.count) rows (it selected \(filter.rows.count))")
      }
      state.filter = ActiveFilter(text: filter.text, expression: filter.expression, rows: rows)
    } catch {
      warnings.append("the filter '\(filter.text)' no longer applies and was cleared: \(error.message)")
      state.filter = nil
    }
  }

  // MARK: Variables

  /// Resolves a variable list, checking the kind of each variable.
  public func variables(_ items: [VarListItem], kind: VariableKind = .any) throws(Diagnostic)
    -> [ResolvedVariable]
  {
    let data = try dataset()
    let resolved = try VarListResolver.resolve(items, in: data)
    for v in resolved {
      guard let variable = data[v.name] else { continue }
      switch kind {
      case .numeric where !variable.isNumeric:
        throw LanguageDiagnostics.wrongType(
          v.name, expected: "numeric (it holds text categories; try 'freq \(v.name)')", range: v.range)
      case .categorical where variable.isNumeric && variable.valueLabels.isEmpty:
        break  // numeric codes group fine
      default: break
      }
    }
    return resolved
  }

  /// The values of a numeric variable in `rows`, in order (NaN = missing).
  public func numbers(_ name: String, _ rows: RowSelection) throws(Diagnostic) -> [Double] {
    guard case .numeric(let c)? = try dataset()[name]?.values else {
      throw LanguageDiagnostics.wrongType(name, expected: "numeric", range: command.name.range)
    }
    return c.gather(rows)
  }

  // MARK: Groups

  /// The `by` variables that split this command into subgroups: the
  /// prefix, plus the clause for commands where `by` means subgroups.
  public var subgroupItems: [VarListItem] {
    command.byPrefix + (command.spec.by == .subgroups ? command.byClause : [])
  }

  /// Splits `rows` by the subgroup variables, in the order of their values
  /// (categories as sorted, numbers ascending). Rows with a missing group
  /// value are left out and counted in `missingGroup`.
  public func groups(_ rows: RowSelection, extra: [VarListItem] = []) throws(Diagnostic)
    -> (groups: [Group], missingGroup: Int)
  {
    let items = subgroupItems + extra
    guard !items.isEmpty else { return ([Group(values: [], rows: rows)], 0) }
    let data = try dataset()
    let variables = try self.variables(items).compactMap { data[$0.name] }
    let codes = variables.map { GroupCodes($0, rows: rows) }
    // One mixed-radix key per row: Σ code_i × stride_i.
    var strides: [Int] = []
    var combinations = 1
    for c in codes.reversed() {
      strides.insert(combinations, at: 0)
      combinations *= max(1, c.count)
    }
    var buckets: [[Int32]] = combinations <= 1 << 20 ? Array(repeating: [], count: combinations) : []
    var sparse: [Int: [Int32]] = [:]
    var missing = 0
    for (k, row) in rows.enumerated() {
      var key = 0
      var isMissing = false
      for (v, c) in codes.enumerated() {
        let code = c.codes[k]
        if code < 0 {
          isMissing = true
          break
        }
        key += Int(code) * strides[v]
      }
      if isMissing {
        missing += 1
      } else if buckets.isEmpty {
        sparse[key, default: []].append(Int32(row))
      } else {
        buckets[key].append(Int32(row))
      }
    }
    let keys = buckets.isEmpty ? sparse.keys.sorted() : buckets.indices.filter { !buckets[$0].isEmpty }
    let groups = keys.map { key in
      Group(
        values: codes.indices.map { v in
          (variables[v].name, codes[v].labels[(key / strides[v]) % max(1, codes[v].count)])
        },
        rows: RowSelection(rowCount: rows.rowCount, rows: buckets.isEmpty ? (sparse[key] ?? []) : buckets[key]))
    }
    return (groups, missing)
  }

  /// Columns naming the groups (empty without `by`).
  public func groupColumns() throws(Diagnostic) -> [Column] {
    try variables(subgroupItems).map { Column($0.name, key: $0.name, role: .group) }
  }

  // MARK: Options

  public func flag(_ name: String) -> Bool { command.option(name) != nil }

  /// The position in `labels` of the `reference(LEVEL)` option's value, or
  /// nil without the option.
  /// - Throws: a value that is not one of `labels`, which are listed.
  func referenceLevel(in labels: [String], of variable: String) throws(Diagnostic) -> Int? {
    guard let o = command.option("reference") else { return nil }
    let word = try o.word()
    guard let k = labels.firstIndex(of: word) else {
      throw LanguageDiagnostics.invalid(
        "reference(\(word)): not a value of '\(variable)' here", range: o.range, category: .data,
        help: ["values: " + labels.joined(separator: ", ")])
    }
    return k
  }

  public func number(_ name: String, default value: Double) throws(Diagnostic) -> Double {
    try command.option(name)?.number() ?? value
  }

  public func confidenceLevel() throws(Diagnostic) -> Double {
    let level = try number("level", default: 0.95)
    guard level > 0, level < 1 else {
      throw LanguageDiagnostics.badOptionValue(
        option: "level", expected: "a number between 0 and 1, e.g. level(0.9)",
        range: command.option("level")?.range ?? command.name.range)
    }
    return level
  }

  public func alternative() throws(Diagnostic) -> Alternative {
    guard let option = command.option("alternative") else { return .twoSided }
    let word = try option.choice(Alternative.allCases.map(\.rawValue))
    return Alternative(rawValue: word) ?? .twoSided
  }

  // MARK: Randomness

  /// The generator of a resampling command: the session seed and the
  /// number of the draw, mixed, so that each command gets its own stream
  /// and a replayed script the same ones. Also the words for the report.
  public mutating func randomGenerator() -> (SeededGenerator, String) {
    let seed = state.settings.seed
    let draw = state.settings.draws
    state.settings.draws += 1
    let mixed = seed &* 0x9E37_79B9_7F4A_7C15 &+ draw &* 0xBF58_476D_1CE4_E5B9
    return (SeededGenerator(seed: mixed), "seed \(seed), draw \(draw + 1) (set seed N to change)")
  }

  /// A progress bar for a long computation (shown at a terminal after 1 s).
  func progress(_ label: String, total: Int) -> Progress {
    Progress(label, total: total, terminal: session.output.messagesToTerminal && session.interactive)
  }

  // MARK: Provenance

  public func provenance(selected: RowSelection, used: Int? = nil, unit: String = "rows",
                         dropped: [(reason: String, count: Int)] = []) -> Provenance
  {
    let data = state.dataset
    return Provenance(
      dataset: data?.name ?? "(no data)", filter: state.filter?.text,
      condition: command.condition.map { source.displayText($0.range) },
      rowsInData: data?.rowCount ?? 0, rowsSelected: selected.count, used: used, unit: unit,
      dropped: dropped)
  }

  /// A report with this command's text, the given blocks and warnings.
  public func report(_ blocks: [Block], provenance: Provenance? = nil) -> Report {
    Report(command: command.text, blocks: blocks + warnings.map(Block.warning), provenance: provenance)
  }

  /// Turns a statistics error into a message pointing at the command.
  public func statisticsError(_ error: StatsError, context: String = "") -> Diagnostic {
    if case .cancelled = error { return LanguageDiagnostics.cancelled() }
    return LanguageDiagnostics.statistics(
      context.isEmpty ? error.description : "\(context): \(error.description)", range: command.name.range)
  }
}

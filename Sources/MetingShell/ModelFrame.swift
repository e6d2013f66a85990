import MetingData
import MetingLanguage
import MetingReport
import MetingStats

/// The data of a linear model: the outcome and the design columns a
/// formula makes from the rows where every variable of the model is
/// present (listwise deletion, as R's `na.omit`, SPSS and Stata).
///
/// Text variables (and numeric ones named in `factor(…)`) are factors,
/// coded by treatment contrasts as R's default: one 0/1 column per level
/// except the reference, which is the first level present (natural order)
/// unless `base(VAR LEVEL)` names another. An interaction is the product of
/// its components' columns.
struct ModelFrame {
  let response: [Double]
  let responseName: String
  let design: LinearModel.Design
  /// The design columns of each term (indices into `design.columns`).
  let terms: [(text: String, columns: [Int])]
  /// The reference level of each factor.
  let references: [(variable: String, level: String)]
  /// The rows used.
  let rows: RowSelection
  let dropped: [(reason: String, count: Int)]
  /// Cluster codes 0..<count per used row, when `cluster` was given.
  let clusters: (codes: [Int], count: Int, variable: String)?

  /// One variable's coding: its columns (name, values over the used rows).
  private typealias Coding = [(name: String, values: [Double])]

  static func build(
    _ inv: inout Invocation, formula: Formula, rows: RowSelection, cluster: Name? = nil
  ) throws(Diagnostic) -> ModelFrame {
    let data = try inv.dataset()
    func variable(_ name: Name) throws(Diagnostic) -> Variable {
      let resolved = try inv.variables([.name(name)])
      return data[resolved[0].name]!
    }
    let y = try variable(formula.response)
    guard y.isNumeric else {
      throw LanguageDiagnostics.wrongType(y.name, expected: "numeric", range: formula.response.range)
    }
    let factorNames = Set(try inv.command.option("factor").map { o throws(Diagnostic) in try o.variableNames() } ?? [])
    let bases = try baseLevels(inv)

    // Terms with their variables (a range stands for one term per variable).
    var termVariables: [(text: String, variables: [Variable])] = []
    for term in formula.terms {
      let resolved = try term.variables.map { item throws(Diagnostic) in
        try inv.variables([item]).map { data[$0.name]! }
      }
      if resolved.count == 1, resolved[0].count > 1 {
        for v in resolved[0] { termVariables.append((v.name, [v])) }
      } else {
        let vs = resolved.map { $0[0] }
        termVariables.append((vs.map(\.name).joined(separator: ":"), vs))
      }
    }
    var used: [Variable] = [y]
    for (_, vs) in termVariables { for v in vs where !used.contains(where: { $0.name == v.name }) { used.append(v) } }
    if used.count > 1, used.dropFirst().contains(where: { $0.name == y.name }) {
      throw LanguageDiagnostics.invalid(
        "'\(y.name)' is the outcome; it cannot also be a predictor", range: formula.range, category: .data)
    }
    let clusterVariable: Variable?
    if let cluster {
      clusterVariable = try variable(cluster)
    } else {
      clusterVariable = nil
    }

    // Listwise deletion over the model's variables (and the cluster):
    // gather each variable once over the selection, mark incomplete rows,
    // then keep the complete ones.
    var missingCounts: [String: Int] = [:]
    let checked = used + (clusterVariable.map { [$0] } ?? [])
    var complete = [Bool](repeating: true, count: rows.count)
    var gathered: [String: [Double]] = [:]
    for v in checked {
      var missing = 0
      switch v.values {
      case .numeric(let column):
        let values = column.gather(rows)
        for k in values.indices where values[k].isNaN {
          if complete[k] { missing += 1 }
          complete[k] = false
        }
        gathered[v.name] = values
      case .categorical(let column):
        for (k, r) in rows.enumerated() where column.codes[r] == CategoricalColumn.missingCode {
          if complete[k] { missing += 1 }
          complete[k] = false
        }
      }
      if missing > 0 { missingCounts[v.name] = missing }
    }
    let keptPositions = complete.indices.filter { complete[$0] }
    let allComplete = keptPositions.count == rows.count
    let completeRows = allComplete ? rows : RowSelection(rowCount: rows.rowCount, rows: keptPositions.map { Int32(rows[$0]) })
    func values(_ name: String) -> [Double] {
      let all = gathered[name]!
      return allComplete ? all : keptPositions.map { all[$0] }
    }
    guard !completeRows.isEmpty else {
      throw LanguageDiagnostics.invalid(
        "no row has every variable of the model (\(checked.map(\.name).joined(separator: ", ")))",
        range: formula.range, category: .data)
    }

    // Each variable's coding over the complete rows.
    var codings: [String: Coding] = [:]
    var references: [(variable: String, level: String)] = []
    for v in used.dropFirst() {
      let isFactor = v.isCategorical || factorNames.contains(v.name)
      if !isFactor {
        codings[v.name] = [(v.name, values(v.name))]
        continue
      }
      let codes = GroupCodes(v, rows: completeRows)
      guard codes.count >= 2 else {
        throw LanguageDiagnostics.invalid(
          "'\(v.name)' has \(codes.count) value\(codes.count == 1 ? "" : "s") (\(codes.labels.joined(separator: ", "))) in the rows of the model; a factor needs two or more",
          range: formula.range, category: .data)
      }
      var reference = 0
      if let base = bases[v.name] {
        guard let k = codes.labels.firstIndex(of: base.level) else {
          throw LanguageDiagnostics.invalid(
            "base(\(v.name) \(base.level)): '\(base.level)' is not a value of '\(v.name)' in these rows",
            range: base.range, category: .data,
            help: ["values: " + codes.labels.joined(separator: ", ")])
        }
        reference = k
      }
      references.append((v.name, codes.labels[reference]))
      var coding: Coding = []
      for (k, label) in codes.labels.enumerated() where k != reference {
        let code = Int32(k)
        coding.append(("\(v.name) = \(label)", codes.codes.map { $0 == code ? 1 : 0 }))
      }
      codings[v.name] = coding
    }
    for base in bases where !references.contains(where: { $0.variable == base.key }) {
      throw LanguageDiagnostics.invalid(
        "base(\(base.key) …): '\(base.key)' is not a factor of this model", range: base.value.range, category: .syntax)
    }

    // Columns per term: products of the components' columns.
    var columns: [[Double]] = []
    var names: [String] = []
    var terms: [(text: String, columns: [Int])] = []
    for (text, vs) in termVariables {
      if vs.count == 1 {
        // A main effect: its columns as they are.
        let coding = codings[vs[0].name]!
        terms.append((text, Array(columns.count..<(columns.count + coding.count))))
        columns += coding.map(\.values)
        names += coding.map(\.name)
        continue
      }
      var product: Coding = [("", [Double](repeating: 1, count: completeRows.count))]
      for v in vs {
        var next: Coding = []
        for (pn, pv) in product {
          for (cn, cv) in codings[v.name]! {
            next.append((pn.isEmpty ? cn : pn + " × " + cn, zip(pv, cv).map { $0 * $1 }))
          }
        }
        product = next
      }
      terms.append((text, Array(columns.count..<(columns.count + product.count))))
      columns += product.map(\.values)
      names += product.map(\.name)
    }

    var clusters: (codes: [Int], count: Int, variable: String)? = nil
    if let clusterVariable {
      let codes = GroupCodes(clusterVariable, rows: completeRows)
      clusters = (codes.codes.map { Int($0) }, codes.count, clusterVariable.name)
    }
    let dropped = checked.compactMap { v in missingCounts[v.name].map { (reason: "missing \(v.name)", count: $0) } }
    return ModelFrame(
      response: values(y.name), responseName: y.name,
      design: LinearModel.Design(columns: columns, names: names, intercept: formula.intercept), terms: terms,
      references: references, rows: completeRows, dropped: dropped, clusters: clusters)
  }

  /// `base(category none treated 1)`: pairs of a factor and its reference level.
  private static func baseLevels(_ inv: Invocation) throws(Diagnostic) -> [String: (level: String, range: SourceRange)] {
    guard let option = inv.command.option("base") else { return [:] }
    let words = try option.words()
    guard words.count % 2 == 0, !words.isEmpty else {
      throw LanguageDiagnostics.badOptionValue(
        option: "base", expected: "pairs of a factor and its reference level, e.g. base(category none)", range: option.range)
    }
    var out: [String: (level: String, range: SourceRange)] = [:]
    for k in stride(from: 0, to: words.count, by: 2) {
      out[words[k].text] = (words[k + 1].text, words[k].range.union(words[k + 1].range))
    }
    return out
  }
}

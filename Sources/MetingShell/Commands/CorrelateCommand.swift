import MetingData
import MetingLanguage
import MetingReport
import MetingStats

/// `correlate VARS [, method(pearson|spearman|kendall)]`: every pair of
/// the variables, on the rows where both are present (pairwise, as R's
/// `cor.test` per pair).
enum CorrelateCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .variables(let items) = inv.command.arguments else { return inv.report([]) }
    let variables = try inv.variables(items, kind: .numeric)
    guard variables.count >= 2 else {
      throw LanguageDiagnostics.missingArgument("at least two variables", command: "correlate", range: inv.command.range)
    }
    let level = try inv.confidenceLevel()
    let alternative = try inv.alternative()
    var method = Correlation.Method.pearson
    if let o = inv.command.option("method") {
      method = Correlation.Method(rawValue: try o.choice(Correlation.Method.allCases.map(\.rawValue))) ?? .pearson
    }
    let rows = try inv.rows()
    let (subgroups, _) = try inv.groups(rows)
    let exact = inv.exactChoice()
    let estimateName: String =
      switch method {
      case .pearson: "r"
      case .spearman: "rho"
      case .kendall: "tau"
      }
    var builder = HypothesisTable(
      labelColumns: [Column("x", key: "x", role: .label), Column("y", key: "y", role: .label)] + (try inv.groupColumns()),
      statisticHeader: method == .pearson ? "t" : (method == .spearman ? "S" : "T or z"), estimateHeader: estimateName,
      confLevel: method == .pearson ? level : nil)
    for sub in subgroups {
      for i in variables.indices {
        for j in (i + 1)..<variables.count {
          let a = try inv.numbers(variables[i].name, sub.rows)
          let b = try inv.numbers(variables[j].name, sub.rows)
          var x: [Double] = []
          var y: [Double] = []
          for k in a.indices where !a[k].isNaN && !b[k].isNaN {
            x.append(a[k])
            y.append(b[k])
          }
          let labels: [Cell] = [.text(variables[i].name), .text(variables[j].name)] + sub.values.map { .text($0.value) }
          builder.add(
            labels,
            Result { () throws(StatsError) -> HypothesisTest in
              switch method {
              case .pearson: try Correlation.pearson(x, y, alternative: alternative, confLevel: level)
              case .spearman: try Correlation.spearman(x, y, alternative: alternative, exact: exact)
              case .kendall: try Correlation.kendall(x, y, alternative: alternative, exact: exact)
              }
            },
            context: ([variables[i].name + " ~ " + variables[j].name] + sub.values.map { "\($0.variable) = \($0.value)" })
              .joined(separator: ", "))
        }
      }
    }
    if builder.rows.count == 1, builder.methods.isEmpty, let note = builder.notes.first {
      throw LanguageDiagnostics.statistics(note, range: inv.command.name.range)
    }
    var table = builder.table(
      title: "Correlation (\(method.rawValue))", kind: "correlation_\(method.rawValue)",
      statisticKey: method == .pearson ? "t" : (method == .spearman ? "s" : "statistic"),
      fields: [("alternative", .text(alternative.rawValue))])
    // The estimate is the correlation: move it to design.md's key.
    if let e = table.columns.firstIndex(where: { $0.key == "estimate" }) {
      table.columns[e].key = method == .pearson ? "r" : (method == .spearman ? "rho" : "tau")
    }
    Multiplicity.adjust(&table, method: try Multiplicity.method(inv))
    return inv.report([.table(table)], provenance: inv.provenance(selected: rows))
  }
}

import MetingLanguage
import MetingReport
import MetingStats

/// Multiplicity control for commands that run one test per subgroup or
/// variable: the p-values of a table are adjusted together (Holm unless
/// `adjust(…)` says otherwise) and shown beside the raw ones.
enum Multiplicity {
  /// The method of the `adjust(…)` option, Holm by default.
  static func method(_ inv: Invocation) throws(Diagnostic) -> PValueAdjustment {
    guard let option = inv.command.option("adjust") else { return .holm }
    let word = try option.choice(PValueAdjustment.allCases.map { $0.rawValue.lowercased() })
    return PValueAdjustment.allCases.first { $0.rawValue.lowercased() == word } ?? .holm
  }

  /// Adds a "p adj" column after the column keyed `p` when the table holds
  /// more than one test, and a note naming the method and the family.
  static func adjust(_ table: inout Table, method: PValueAdjustment) {
    guard method != .none, let pColumn = table.columns.firstIndex(where: { $0.key == "p" }) else { return }
    let p = table.rows.map { row -> Double in
      if case .number(let v) = row[pColumn] { return v }
      return .nan
    }
    guard p.filter({ !$0.isNaN }).count > 1 else { return }
    let adjusted = method.adjust(p)
    table.columns.insert(Column("p adj", key: "p_adj", role: .pValue), at: pColumn + 1)
    for i in table.rows.indices {
      table.rows[i].insert(adjusted[i].isNaN ? .empty : .number(adjusted[i]), at: pColumn + 1)
    }
    let count = p.filter { !$0.isNaN }.count
    table.notes.append("p adj: \(method.words)-adjusted over the \(count) tests of this table (adjust(…) chooses the method).")
    table.fields.append((key: "p_adjust_method", value: .text(method.rawValue)))
  }
}

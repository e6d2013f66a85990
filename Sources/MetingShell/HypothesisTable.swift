import MetingLanguage
import MetingReport
import MetingStats

/// Builds the table of an htest-like result per row (rank tests,
/// correlations, permutation tests): the statistic under its own key, p,
/// and the estimate with its interval when there is one.
struct HypothesisTable {
  var rows: [[Cell]] = []
  var methods: [String] = []
  var notes: [String] = []
  let labelColumns: [Column]
  let statisticHeader: String
  let estimateHeader: String?
  let confLevel: Double?
  /// `.count` for statistics that count (the sign test's positives).
  var statisticRole: Role = .statistic

  /// Appends a row for `test`, or a row of dashes and a note for a failure.
  mutating func add(_ labels: [Cell], _ result: Result<HypothesisTest, StatsError>, context: String) {
    switch result {
    case .success(let r):
      methods.append(r.method)
      var row = labels + [.number(Double(r.n)), .number(r.statistic)]
      row.append(r.df.map(Cell.number) ?? .empty)
      row.append(.number(r.p))
      if estimateHeader != nil {
        row += [r.estimate.map(Cell.number) ?? .empty, r.ciLow.map(Cell.number) ?? .empty, r.ciHigh.map(Cell.number) ?? .empty]
      }
      rows.append(row)
      if r.estimateName == "midrange" {
        notes.append("\(context): all values are tied, so there is no interval; the estimate is their midrange (as R)")
      } else if let achieved = r.confLevel, let wanted = confLevel, abs(achieved - wanted) > 1e-12 {
        notes.append("\(context): the exact distribution reaches a \(NumberFormat.shortest(achieved * 100))% interval, not \(NumberFormat.shortest(wanted * 100))%")
      }
    case .failure(let e):
      notes.append("\(context): \(e.description)")
      rows.append(labels + Array(repeating: Cell.missing("—"), count: estimateHeader == nil ? 4 : 7))
    }
  }

  func table(title: String, kind: String, statisticKey: String, fields: [(key: String, value: Cell)] = []) -> Table {
    var columns = labelColumns + [
      Column("n", key: "n", role: .count), Column(statisticHeader, key: statisticKey, role: statisticRole),
      Column("df", key: "df", role: .df), Column("p", key: "p", role: .pValue),
    ]
    if let estimateHeader {
      let percent = NumberFormat.shortest((confLevel ?? 0.95) * 100)
      columns += [
        Column(estimateHeader, key: "estimate", role: .statistic), .lower("\(percent)% CI", key: "ci_low"),
        .upper("CI high", key: "ci_high"),
      ]
    }
    let distinct = Array(Set(methods)).sorted()
    var t = Table(
      title: title, kind: kind, method: distinct.count == 1 ? distinct[0] : distinct.joined(separator: "; "),
      columns: columns, rows: rows, notes: distinct.map { $0 + "." } + notes, fields: fields)
    // Drop df and the interval when no test has them.
    for key in ["df", "ci_high", "ci_low"] {
      guard let c = t.columns.firstIndex(where: { $0.key == key }),
        t.rows.allSatisfy({ if case .missing = $0[c] { true } else { false } })
      else { continue }
      t.columns.remove(at: c)
      t.rows = t.rows.map { var r = $0; r.remove(at: c); return r }
    }
    return t
  }
}

extension Invocation {
  /// The `exact`/`approximate` options of the rank tests: nil = R's rule.
  func exactChoice() -> Bool? {
    if flag("exact") { return true }
    if flag("approximate") { return false }
    return nil
  }
}

extension Cell {
  /// A number, or "—" where there is none (an undefined t, an aliased term).
  static func value(_ x: Double?) -> Cell { x.map(Cell.number) ?? .missing("—") }
}

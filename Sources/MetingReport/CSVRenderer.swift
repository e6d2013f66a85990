/// Renders the tables of a report as CSV (RFC 4180): a header of JSON keys,
/// then the rows with full-precision numbers; tables are separated by a
/// blank line. Messages and notes are left out: CSV is for programs.
public struct CSVRenderer: Sendable {
  public init() {}

  public func render(_ report: Report) -> String {
    report.tables.map(table).joined(separator: "\n\n")
  }

  func table(_ t: Table) -> String {
    var lines = [t.columns.map { quote($0.key) }.joined(separator: ",")]
    for row in t.rows {
      lines.append(row.map { cell in
        switch cell {
        case .text(let s): quote(s)
        case .number(let v): v.isFinite ? NumberFormat.shortest(v) : (v.isNaN ? "" : (v > 0 ? "Inf" : "-Inf"))
        case .missing: ""
        }
      }.joined(separator: ","))
    }
    return lines.joined(separator: "\n")
  }

  private func quote(_ s: String) -> String {
    let needs = s.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
    guard needs else { return s }
    return "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
  }
}

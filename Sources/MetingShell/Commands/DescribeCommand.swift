import MetingData
import MetingLanguage
import MetingReport

/// `describe [VARLIST]`: one row per variable with its type, label and
/// valid/missing counts (system-missing and user-missing apart).
enum DescribeCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    let data = try inv.dataset()
    guard case .variables(let items) = inv.command.arguments else { return inv.report([]) }
    let names = items.isEmpty ? data.variableNames : try inv.variables(items).map(\.name)
    var rows: [[Cell]] = []
    for name in names {
      guard let v = data[name] else { continue }
      var system = 0
      for row in 0..<data.rowCount where v.values.isMissing(row) { system += 1 }
      let user = v.userMissing.count
      system -= user
      let type: String
      var levels: Cell = .empty
      switch v.values {
      case .numeric: type = "numeric"
      case .categorical(let c):
        type = "text"
        levels = .number(Double(c.levels.count))
      }
      let codes = (v.missingCodes.map(formatCode) + v.missingTexts.map { "\"\($0)\"" }
        + v.missingRanges.map { "\(NumberFormat.shortest($0.lowerBound)) thru \(NumberFormat.shortest($0.upperBound))" })
        .joined(separator: " ")
      rows.append([
        .text(v.name), .text(type), .text(v.measure.rawValue),
        .number(Double(data.rowCount - system - user)), .number(Double(system)), .number(Double(user)),
        codes.isEmpty ? .empty : .text(codes), levels, v.valueLabels.count + v.textLabels.count == 0 ? .empty : .number(Double(v.valueLabels.count + v.textLabels.count)),
        v.format.map(Cell.text) ?? .empty, v.label.map(Cell.text) ?? .empty,
      ])
    }
    let table = Table(
      title: "\(data.name): \(data.size)", kind: "variables",
      columns: [
        Column("variable", key: "variable", role: .label), Column("type", key: "type", role: .label),
        Column("measure", key: "measure", role: .label), Column("valid", key: "n", role: .count),
        Column("sysmis", key: "system_missing", role: .count),
        Column("usermis", key: "user_missing", role: .count),
        Column("missing codes", key: "missing_codes", role: .label),
        Column("categories", key: "categories", role: .count), Column("value labels", key: "value_labels", role: .count),
        Column("format", key: "format", role: .label), Column("label", key: "label", role: .label),
      ],
      rows: rows, notes: data.label.map { [$0] } ?? [], shape: .oneObject,
      fields: [("dataset", .text(data.name)), ("rows_in_data", .number(Double(data.rowCount)))])
    return inv.report([.table(table)])
  }
}

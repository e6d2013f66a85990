import MetingData
import MetingLanguage
import MetingReport

/// `missing VARLIST (CODES)`: declares user-missing codes.
enum MissingCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .variablesAndValues(let items, let tokens, let range) = inv.command.arguments else {
      return inv.report([])
    }
    let codes = try Option(name: Name("missing", range), arguments: tokens, range: range).numbers()
    var data = try inv.dataset()
    let variables = try inv.variables(items, kind: .numeric)
    var changed = 0
    for v in variables {
      changed += data.modify(v.name) { $0.declareMissing(codes) } ?? 0
    }
    inv.state.dataset = data
    inv.refreshFilter()
    let list = codes.map(NumberFormat.shortest).joined(separator: " ")
    return inv.report([
      .text("missing codes \(list) declared for \(variables.count) variable\(variables.count == 1 ? "" : "s"): \(changed) cell\(changed == 1 ? "" : "s") now missing")
    ])
  }
}

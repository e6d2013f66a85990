import MetingData
import MetingLanguage
import MetingReport

/// `missing VARLIST (CODES)`: declares user-missing codes;
/// `missing VARLIST ("NVT" "?")` the same for text variables (SPSS allows
/// it on string variables).
enum MissingCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .variablesAndValues(let items, let tokens, let range) = inv.command.arguments else {
      return inv.report([])
    }
    if !tokens.isEmpty, tokens.allSatisfy({ $0.kind == .string || $0.kind == .comma }) {
      return try texts(&inv, items, tokens.filter { $0.kind == .string }.map(\.text))
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

  static func texts(_ inv: inout Invocation, _ items: [VarListItem], _ texts: [String]) throws(Diagnostic) -> Report {
    var data = try inv.dataset()
    let variables = try inv.variables(items)
    for v in variables where data[v.name]?.isNumeric == true {
      throw LanguageDiagnostics.wrongType(v.name, expected: "text (a numeric variable's missing codes are numbers: missing \(v.name) (9))", range: v.range)
    }
    var changed = 0
    for v in variables {
      changed += data.modify(v.name) { $0.declareMissing(texts: texts) } ?? 0
    }
    inv.state.dataset = data
    inv.refreshFilter()
    let list = texts.map { "\"\($0)\"" }.joined(separator: " ")
    return inv.report([
      .text("missing values \(list) declared for \(variables.count) variable\(variables.count == 1 ? "" : "s"): \(changed) cell\(changed == 1 ? "" : "s") now missing")
    ])
  }
}

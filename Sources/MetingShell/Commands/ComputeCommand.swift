import MetingData
import MetingLanguage
import MetingReport

/// `compute NAME = EXPR [where COND] [, replace]`: a new variable for every
/// row; rows outside `where` get a missing value. An existing variable is
/// only replaced with `replace`.
enum ComputeCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .assignment(let target, let e) = inv.command.arguments else { return inv.report([]) }
    var data = try inv.dataset()
    guard VariableName.isValid(target.text) else {
      throw LanguageDiagnostics.invalid("'\(target.text)' cannot be a variable name", range: target.range, category: .syntax)
    }
    let exists = data[target.text] != nil
    if exists, !inv.flag("replace") {
      throw LanguageDiagnostics.invalid(
        "'\(target.text)' exists", range: target.range,
        help: ["add ', replace' to overwrite it, or choose another name"])
    }
    let value = try Evaluator(dataset: data).evaluate(e)
    var keep = [Bool](repeating: true, count: data.rowCount)
    if let condition = inv.command.condition {
      let rows = try Evaluator(dataset: data).select(condition, within: .all(data.rowCount))
      keep = [Bool](repeating: false, count: data.rowCount)
      for r in rows { keep[r] = true }
    }
    let values: ColumnValues
    switch value {
    case .numbers(let a):
      values = .numeric(NumericColumn(a.indices.map { keep[$0] ? a[$0] : .nan }))
    case .number(let x):
      values = .numeric(NumericColumn(keep.map { $0 ? x : .nan }))
    case .categories(let codes, let levels, _):
      values = .categorical(CategoricalColumn(
        codes: codes.indices.map { keep[$0] ? codes[$0] : CategoricalColumn.missingCode }, levels: levels))
    case .text(let s):
      values = .categorical(CategoricalColumn(keep.map { $0 ? s : nil }))
    }
    let variable = Variable(name: target.text, values: values)
    do {
      try data.set(variable)
    } catch {
      throw LanguageDiagnostics.dataFile(error).at(target.range)
    }
    inv.state.dataset = data
    inv.refreshFilter()
    var missing = 0
    for r in 0..<data.rowCount where values.isMissing(r) { missing += 1 }
    let verb = exists ? "replaced" : "computed"
    return inv.report([.text("\(verb) \(target.text): \(data.rowCount - missing) valid, \(missing) missing")])
  }
}

import MetingData
import MetingLanguage
import MetingReport

/// `reshape long, id(ID) time(WAVE) suffixes(_pre _post) [values(0 1)]` and
/// `reshape wide, id(ID) time(WAVE) [suffixes(…)]`. After a `reshape long`,
/// `reshape wide` restores the wide layout exactly (order, labels, missing
/// codes), as Stata does.
enum ReshapeCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .words(let words) = inv.command.arguments, let direction = words.first else { return inv.report([]) }
    let data = try inv.dataset()
    guard let idOption = inv.command.option("id"), let timeOption = inv.command.option("time") else {
      throw LanguageDiagnostics.missingArgument("id(UNIT) and time(WAVE)", command: "reshape", range: inv.command.range)
    }
    let id = try inv.variables([.name(try idOption.variable())])[0].name
    let time = try timeOption.variable()
    let suffixes = try inv.command.option("suffixes")?.words().map(\.text)
    let reshaped: Dataset
    do {
      switch direction.text {
      case "long":
        guard let suffixes, suffixes.count >= 2 else {
          throw LanguageDiagnostics.missingArgument(
            "suffixes(…): the endings that mark the waves, e.g. suffixes(_pre _post)", command: "reshape long", range: inv.command.range)
        }
        let values = try inv.command.option("values")?.numbers() ?? suffixes.indices.map(Double.init)
        guard values.count == suffixes.count, Set(values).count == values.count else {
          throw LanguageDiagnostics.badOptionValue(
            option: "values", expected: "one distinct number per suffix", range: inv.command.option("values")?.range ?? inv.command.range)
        }
        guard VariableName.isValid(time.text) else {
          throw LanguageDiagnostics.invalid("'\(time.text)' cannot be a variable name", range: time.range, category: .syntax)
        }
        reshaped = try data.reshapedLong(id: id, time: time.text, suffixes: suffixes, values: values)
      case "wide":
        let timeName = try inv.variables([.name(time)], kind: .numeric)[0].name
        reshaped = try data.reshapedWide(id: id, time: timeName, suffixes: suffixes)
      default:
        throw LanguageDiagnostics.invalid("reshape long or reshape wide", range: direction.range, category: .syntax)
      }
    } catch let d as Diagnostic {
      throw d
    } catch let e as DataError {
      throw LanguageDiagnostics.dataFile(e).at(inv.command.range)
    } catch {
      throw LanguageDiagnostics.invalid("\(error)", range: inv.command.range)
    }
    inv.state.dataset = reshaped
    inv.state.filter = nil
    return inv.report([
      .text("reshaped \(direction.text): \(reshaped.size) (was \(data.rowCount) × \(data.variableCount)); the filter is cleared")
    ])
  }
}

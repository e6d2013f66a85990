import MetingLanguage
import MetingReport

/// `set` (list the settings) and `set NAME VALUE`.
enum SetCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .words(let words) = inv.command.arguments else { return inv.report([]) }
    if words.isEmpty {
      let table = Table(
        title: "Settings", kind: "settings",
        columns: [
          Column("setting", key: "setting", role: .label), Column("value", key: "value", role: .label),
          Column("values", key: "values", role: .label),
        ],
        rows: inv.state.settings.listing.map { [.text($0.0), .text($0.1), .text($0.2)] }, shape: .oneObject)
      return inv.report([.table(table)])
    }
    let name = words[0]
    guard words.count == 2 else {
      throw LanguageDiagnostics.missingArgument("a value after '\(name.text)'", command: "set", range: name.range)
    }
    let value = words[1]
    func bad(_ expected: String) -> Diagnostic {
      LanguageDiagnostics.invalid("'\(value.text)' is not a value of \(name.text): expected \(expected)",
                                  range: value.range, category: .syntax)
    }
    var settings = inv.state.settings
    switch name.text {
    case "format":
      guard let f = OutputFormat(rawValue: value.text) ?? OutputFormat.allCases.first(where: { $0.rawValue.hasPrefix(value.text) })
      else { throw bad("text, markdown, csv or json") }
      settings.format = f
    case "digits":
      guard let d = Int(value.text), (0...15).contains(d) else { throw bad("a whole number from 0 to 15") }
      settings.digits = d
    case "width":
      if value.text == "auto" {
        settings.width = nil
      } else {
        guard let w = Int(value.text), w >= 40 else { throw bad("auto or a number of columns (at least 40)") }
        settings.width = w
      }
    case "seed":
      guard let seed = UInt64(value.text) else { throw bad("a whole number from 0 to 18446744073709551615") }
      settings.seed = seed
      settings.draws = 0
    case "color", "colour":
      guard let c = Settings.Choice(rawValue: value.text) else { throw bad("auto, on or off") }
      settings.color = c
    default:
      throw LanguageDiagnostics.invalid(
        "unknown setting '\(name.text)'", range: name.range, category: .syntax,
        help: Suggestions.closest(to: name.text, in: ["format", "digits", "width", "color", "seed"]).map { ["did you mean '\($0)'?"] }
          ?? ["type 'set' to list the settings"])
    }
    inv.state.settings = settings
    return inv.report([.text("\(name.text) = \(value.text)")])
  }
}

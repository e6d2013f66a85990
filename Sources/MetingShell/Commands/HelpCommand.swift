import MetingLanguage
import MetingReport

/// `help` (commands by topic), `help COMMAND`, and the topics `syntax`,
/// `expressions` and `exit`.
enum HelpCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .words(let words) = inv.command.arguments else { return inv.report([]) }
    guard let word = words.first else { return inv.report([.text(overview())]) }
    if let topic = topics[word.text] { return inv.report([.text(topic)]) }
    guard let spec = CommandCatalogue.spec(named: word.text) else {
      let names = CommandCatalogue.allNames + Array(topics.keys)
      throw LanguageDiagnostics.invalid(
        "no help for '\(word.text)'", range: word.range, category: .syntax,
        help: Suggestions.closest(to: word.text, in: names).map { ["did you mean 'help \($0)'?"] }
          ?? ["type 'help' for the list of commands"])
    }
    return inv.report([.text(page(spec))])
  }

  static func overview() -> String {
    var lines = ["meting: evaluate interventions with survey data. Commands by topic:"]
    for topic in Topic.allCases {
      lines.append("")
      lines.append(topic.rawValue)
      for spec in CommandCatalogue.all where spec.topic == topic {
        lines.append("  " + spec.name.padding(12) + spec.summary)
      }
    }
    lines.append("")
    lines.append("'help COMMAND' explains one; 'help syntax', 'help expressions' and 'help exit' explain the language.")
    lines.append("Every command: [by VARS:] command arguments [where CONDITION] [, options]")
    return lines.joined(separator: "\n")
  }

  static func page(_ spec: CommandSpec) -> String {
    var lines = [spec.name + " — " + spec.summary, "", "Usage:"]
    lines += spec.synopsis.split(separator: "\n").map { "  " + $0 }
    if !spec.aliases.isEmpty { lines.append("Also: " + spec.aliases.joined(separator: ", ")) }
    if !spec.discussion.isEmpty {
      lines.append("")
      lines.append(spec.discussion)
    }
    if let variant = spec.variant {
      lines.append("")
      lines.append("Computes: " + variant)
    }
    if !spec.options.isEmpty {
      lines.append("")
      lines.append("Options:")
      for o in spec.options {
        let shape: String =
          switch o.argument {
          case .none: o.name
          case .variable: "\(o.name)(VAR)"
          case .variables: "\(o.name)(VARS)"
          case .number: "\(o.name)(NUMBER)"
          case .numbers: "\(o.name)(NUMBERS)"
          case .integer: "\(o.name)(N)"
          case .word(let choices): "\(o.name)(\(choices.joined(separator: "|")))"
          case .words(let placeholder): "\(o.name)(\(placeholder))"
          case .path: "\(o.name)(FILE)"
          }
        // A long signature gets its summary on the next line.
        if shape.count < 30 {
          lines.append("  " + shape.padding(30) + o.summary)
        } else {
          lines.append("  " + shape)
          lines.append("  " + "".padding(30) + o.summary)
        }
      }
    }
    switch spec.by {
    case .subgroups: lines.append("\n'by VARS' (or the prefix 'by VARS:') runs it once per group.")
    case .comparison: lines.append("\n'by GROUP' names the two groups compared; the prefix 'by VARS:' runs it per subgroup.")
    case .none: break
    }
    if spec.acceptsCondition { lines.append("'where CONDITION' limits it to matching rows (within the filter).") }
    if !spec.examples.isEmpty {
      lines.append("")
      lines.append("Examples:")
      lines += spec.examples.map { "  " + $0 }
    }
    return lines.joined(separator: "\n")
  }

  static let topics: [String: String] = [
    "syntax": """
      Every command has the same shape:

        [by VARS:] command arguments [by VARS] [where CONDITION] [, option option(value) …]

      - 'by VARS:' before a command runs it once per combination of the values of VARS.
        After the arguments, 'by' does the same, except for comparisons ('ttest y by treated'),
        where it names the groups compared.
      - 'where CONDITION' (or 'if') uses only matching rows, within the active filter.
      - Options follow a comma: 'paired sic, time(wave) id(firm_id) level(0.9)'.
      - Variable lists: names, ranges in file order (so1..sl3r) and patterns (qual*, *_pre, so?).
      - Commands end at the end of the line or at ';'. Inside parentheses, and after a '\\' at
        the end of a line, a command continues on the next line. '#' starts a comment.
      - Text values with spaces are quoted: where sector == "business services".
      """,
    "expressions": """
      Expressions (compute, filter, where) combine:
        numbers 3, 0.5, 1e-3; text "a b" or 'a b'; variable names; category names
        arithmetic + - * / ^; comparisons == != < <= > >= (= also works as ==)
        and or not (also & | !); x in (a, b, c); x not in (…)
      Functions: abs exp log log10 sqrt floor ceil round(x[, digits]) missing(x);
        row-wise over variables: mean sum min max sd nvalid, e.g. mean(so1..so3r).
      Missing values: arithmetic with a missing value is missing; a comparison with a missing
      value is missing, so the row is left out of a filter. Test with missing(x).
      A bare name compared with a text variable is one of its categories:
        filter category == management     filter category in (strategy, personnel)
      """,
    "exit": """
      Exit status of meting (scripts and -c stop at the first error unless --keep-going):
        0   every command succeeded
        64  the command line is wrong
        65  a syntax error in a command
        66  the data cannot support a command (unknown variable, empty group, zero variance,
            a malformed data file)
        70  an internal error
        74  a file cannot be read or written
        130 interrupted (Ctrl-C)
      """,
  ]
}

extension String {
  func padding(_ width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }
}

import MetingData
import MetingLanguage
import MetingReport

/// `rename OLD NEW [OLD NEW …]`, `keep VARS`, `drop VARS`, `order VARS`:
/// the shape of the variable list. Each works on a copy and replaces the
/// dataset only when it succeeded.
enum VariableCommands {
  static func rename(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .words(let words) = inv.command.arguments else { return inv.report([]) }
    guard words.count >= 2, words.count % 2 == 0 else {
      throw LanguageDiagnostics.invalid(
        "rename takes pairs: OLD NEW [OLD NEW …]", range: words.last?.range ?? inv.command.range, category: .syntax)
    }
    var data = try inv.dataset()
    var done: [String] = []
    for k in stride(from: 0, to: words.count, by: 2) {
      let (old, new) = (words[k], words[k + 1])
      let resolved = try inv.variables([.name(old)])[0].name
      guard VariableName.isValid(new.text) else {
        throw LanguageDiagnostics.invalid("'\(new.text)' cannot be a variable name", range: new.range, category: .syntax,
                                          help: ["letters, digits and _, starting with a letter"])
      }
      do {
        try data.rename(resolved, to: new.text)
      } catch {
        throw LanguageDiagnostics.dataFile(error).at(new.range)
      }
      done.append("\(resolved) → \(new.text)")
    }
    inv.state.dataset = data
    inv.refreshFilter()
    return inv.report([.text("renamed " + done.joined(separator: ", "))])
  }

  static func keep(_ inv: inout Invocation) throws(Diagnostic) -> Report { try select(&inv, keeping: true) }
  static func drop(_ inv: inout Invocation) throws(Diagnostic) -> Report { try select(&inv, keeping: false) }

  private static func select(_ inv: inout Invocation, keeping: Bool) throws(Diagnostic) -> Report {
    guard case .variables(let items) = inv.command.arguments else { return inv.report([]) }
    var data = try inv.dataset()
    let named = Set(try inv.variables(items).map(\.name))
    let kept = Set(data.variableNames.filter { named.contains($0) == keeping })
    guard !kept.isEmpty else {
      throw LanguageDiagnostics.invalid(
        "that would leave no variables", range: inv.command.range, category: .data,
        help: ["load the file again to start over"])
    }
    let removed = data.variableCount - kept.count
    data.keep(kept)
    inv.state.dataset = data
    inv.refreshFilter()
    return inv.report([.text("\(keeping ? "kept" : "dropped") \(keeping ? kept.count : removed) variable\((keeping ? kept.count : removed) == 1 ? "" : "s"); \(data.variableCount) remain")])
  }

  static func order(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .variables(let items) = inv.command.arguments else { return inv.report([]) }
    var data = try inv.dataset()
    let names = try inv.variables(items).map(\.name)
    data.moveToFront(names)
    inv.state.dataset = data
    return inv.report([.text("order: " + data.variableNames.prefix(12).joined(separator: " ") + (data.variableCount > 12 ? " …" : ""))])
  }

  /// `label variable VAR "text"`, `label values VARS (1 "a" 2 "b")`,
  /// `label values VARS (none)`, `label data "text"`.
  static func label(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .subcommand(let sub, let arguments) = inv.command.arguments else { return inv.report([]) }
    var data = try inv.dataset()
    let message: String
    switch (sub.text, arguments) {
    case ("variable", .words(let words)):
      guard words.count == 2 else {
        throw LanguageDiagnostics.invalid("label variable VAR \"text\"", range: sub.range, category: .syntax)
      }
      let name = try inv.variables([.name(words[0])])[0].name
      let text = words[1].text
      data.modify(name) { $0.label = text.isEmpty ? nil : text }
      message = text.isEmpty ? "removed the label of \(name)" : "labelled \(name): \(text)"
    case ("data", .words(let words)):
      guard words.count == 1 else { throw LanguageDiagnostics.invalid("label data \"text\"", range: sub.range, category: .syntax) }
      data.label = words[0].text.isEmpty ? nil : words[0].text
      message = "file label: \(words[0].text)"
    case ("values", .variablesAndValues(let items, let tokens, let range)):
      let chosen = try inv.variables(items).compactMap { data[$0.name] }
      if let text = chosen.first, text.isCategorical {
        if let numeric = chosen.first(where: { !$0.isCategorical }) {
          throw LanguageDiagnostics.invalid(
            "'\(numeric.name)' is numeric and '\(text.name)' text: label them in two commands", range: sub.range, category: .data)
        }
        let pairs = try textLabelPairs(tokens, range: range)
        for v in chosen {
          data.modify(v.name) { v in
            if pairs.isEmpty { v.textLabels = [:] }
            for (value, label) in pairs { v.textLabels[value] = label }
          }
        }
        let names = chosen.map(\.name).joined(separator: ", ")
        message = pairs.isEmpty
          ? "removed the value labels of \(names)"
          : "value labels on \(names): " + pairs.map { "\"\($0.0)\" \"\($0.1)\"" }.joined(separator: ", ")
        break
      }
      let names = try inv.variables(items, kind: .numeric).map(\.name)
      let pairs = try valueLabelPairs(tokens, range: range)
      for name in names {
        data.modify(name) { v in
          if pairs.isEmpty {
            v.valueLabels = [:]
          } else {
            for (code, text) in pairs { v.valueLabels[code] = text }
          }
        }
      }
      message = pairs.isEmpty
        ? "removed the value labels of \(names.joined(separator: ", "))"
        : "value labels on \(names.joined(separator: ", ")): " + pairs.map { "\(NumberFormat.shortest($0.0)) \"\($0.1)\"" }.joined(separator: ", ")
    default:
      throw LanguageDiagnostics.invalid("label variable | values | data", range: sub.range, category: .syntax)
    }
    inv.state.dataset = data
    return inv.report([.text(message)])
  }

  /// `("NL" "Netherlands" "BE" "Belgium")` for a text variable (the value
  /// may be a bare word or number too), or `(none)`.
  static func textLabelPairs(_ tokens: [Token], range: SourceRange) throws(Diagnostic) -> [(String, String)] {
    if tokens.count == 1, tokens[0].isWord("none") { return [] }
    var pairs: [(String, String)] = []
    var k = 0
    while k < tokens.count {
      guard k + 1 < tokens.count, [.string, .identifier, .number].contains(tokens[k].kind), tokens[k + 1].kind == .string else {
        throw LanguageDiagnostics.invalid(
          "labels of text values are pairs of the value and a quoted label: (\"NL\" \"Netherlands\"), or (none)",
          range: k < tokens.count ? tokens[k].range : range, category: .syntax)
      }
      pairs.append((tokens[k].text, tokens[k + 1].text))
      k += 2
      if k < tokens.count, tokens[k].kind == .comma { k += 1 }
    }
    guard !pairs.isEmpty else { throw LanguageDiagnostics.invalid("no value labels given", range: range, category: .syntax) }
    return pairs
  }

  /// `(1 "strongly disagree" 5 "strongly agree")`, or `(none)`.
  static func valueLabelPairs(_ tokens: [Token], range: SourceRange) throws(Diagnostic) -> [(Double, String)] {
    if tokens.count == 1, tokens[0].isWord("none") { return [] }
    var pairs: [(Double, String)] = []
    var k = 0
    while k < tokens.count {
      var sign = 1.0
      if tokens[k].kind == .minus {
        sign = -1
        k += 1
      }
      guard k + 1 < tokens.count, tokens[k].kind == .number, let value = Double(tokens[k].text),
        tokens[k + 1].kind == .string
      else {
        throw LanguageDiagnostics.invalid(
          "value labels are pairs of a number and a quoted text: (1 \"disagree\" 5 \"agree\"), or (none)",
          range: k < tokens.count ? tokens[k].range : range, category: .syntax)
      }
      pairs.append((sign * value, tokens[k + 1].text))
      k += 2
      if k < tokens.count, tokens[k].kind == .comma { k += 1 }
    }
    guard !pairs.isEmpty else {
      throw LanguageDiagnostics.invalid("no value labels given", range: range, category: .syntax)
    }
    return pairs
  }
}

import MetingData

/// Typed readings of an option's argument, each with a precise message.
extension Option {
  private func fail(_ expected: String) -> Diagnostic {
    LanguageDiagnostics.badOptionValue(option: name.text, expected: expected, range: range)
  }

  /// The argument as a list of numbers: `7 8 9 -99`, `(-97, -98)`. A minus
  /// sign belongs to the number right after it.
  public func numbers() throws(Diagnostic) -> [Double] {
    guard let tokens = arguments, !tokens.isEmpty else { throw fail("numbers, e.g. \(name.text)(7 8 9)") }
    return try Option.numbers(in: tokens, failing: fail("numbers, e.g. \(name.text)(7 8 9)"))
  }

  static func numbers(in tokens: [Token], failing error: Diagnostic) throws(Diagnostic) -> [Double] {
    var out: [Double] = []
    var sign = 1.0
    var pendingSign = false
    for t in tokens {
      switch t.kind {
      case .comma where !pendingSign: continue
      case .minus where !pendingSign:
        sign = -1
        pendingSign = true
      case .plus where !pendingSign:
        pendingSign = true
      case .number:
        guard let v = Double(t.text) else { throw error.at(t.range) }
        out.append(sign * v)
        sign = 1
        pendingSign = false
      default:
        throw error
      }
    }
    if pendingSign { throw error }
    return out
  }

  public func number() throws(Diagnostic) -> Double {
    let values = try numbers()
    guard values.count == 1 else { throw fail("one number") }
    return values[0]
  }

  public func integer() throws(Diagnostic) -> Int {
    let v = try number()
    guard v == v.rounded(), abs(v) < 1e15 else { throw fail("a whole number") }
    return Int(v)
  }

  /// The argument as one word: the text between the parentheses, e.g.
  /// `two.sided`, `;`, `,`, `json`.
  public func word() throws(Diagnostic) -> String {
    guard let tokens = arguments, let first = tokens.first, let last = tokens.last else {
      throw fail("a value in parentheses")
    }
    if tokens.count == 1, first.kind == .string { return first.text }
    var text = ""
    var previous: Token? = nil
    for t in tokens {
      if let p = previous, p.range.upper != t.range.lower { throw fail("one word") }
      text += t.kind == .string ? t.text : t.text
      previous = t
    }
    _ = last
    return text
  }

  /// A word from `choices` (unique prefixes allowed, as R's match.arg).
  public func choice(_ choices: [String]) throws(Diagnostic) -> String {
    let w = try word()
    if choices.contains(w) { return w }
    let matches = choices.filter { $0.hasPrefix(w) }
    if matches.count == 1 { return matches[0] }
    throw fail("one of " + choices.map { "'\($0)'" }.joined(separator: ", "))
  }

  /// The argument as words, separated by spaces or commas:
  /// `base(category none)`, `factor(wave size_class)`. A quoted string is
  /// one word.
  public func words() throws(Diagnostic) -> [Name] {
    guard let tokens = arguments, !tokens.isEmpty else { throw fail("values in parentheses") }
    var out: [Name] = []
    var text = ""
    var range: SourceRange? = nil
    var last: Token? = nil
    func flush() {
      if let range { out.append(Name(text, range)) }
      text = ""
      range = nil
      last = nil
    }
    for t in tokens {
      if t.kind == .comma {
        flush()
        continue
      }
      if let l = last, l.range.upper != t.range.lower || t.kind == .string || l.kind == .string { flush() }
      text += t.text
      range = range.map { $0.union(t.range) } ?? t.range
      last = t
    }
    flush()
    return out
  }

  /// The argument as variable names (`factor(wave size_class)`).
  public func variableNames() throws(Diagnostic) -> [String] {
    let names = try words()
    for n in names where !VariableName.isValid(n.text) { throw fail("variable names").at(n.range) }
    return names.map(\.text)
  }

  /// The argument as one variable name.
  public func variable() throws(Diagnostic) -> Name {
    guard let tokens = arguments, tokens.count == 1, tokens[0].kind == .identifier else {
      throw fail("one variable name")
    }
    return Name(tokens[0].text, tokens[0].range)
  }
}

extension Command {
  /// Checks every option against the catalogue: known name (did-you-mean
  /// otherwise) and an argument when one is needed.
  public func validateOptions() throws(Diagnostic) {
    for option in options {
      guard let spec = spec.option(named: option.name.text) else {
        throw LanguageDiagnostics.unknownOption(
          option.name.text, command: spec.name, range: option.name.range,
          suggestion: Suggestions.closest(to: option.name.text, in: spec.options.map(\.name)))
      }
      switch spec.argument {
      case .none:
        if option.arguments != nil {
          throw LanguageDiagnostics.badOptionValue(option: spec.name, expected: "no value", range: option.range)
        }
      default:
        if option.arguments == nil {
          throw LanguageDiagnostics.badOptionValue(
            option: spec.name, expected: "a value in parentheses, e.g. \(spec.name)(…)", range: option.range)
        }
      }
    }
  }
}

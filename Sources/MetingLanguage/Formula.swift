/// A model formula, as R writes them: `y ~ x + g + x:g`, `y ~ x * g`
/// (= x + g + x:g), `y ~ x - 1` or `y ~ 0 + x` (no intercept).
public struct Formula: Sendable, Equatable {
  public let response: Name
  /// The expanded terms, main effects first, then two-way interactions and
  /// so on (R's `terms()` order), each once.
  public let terms: [FormulaTerm]
  public let intercept: Bool
  public let range: SourceRange
}

/// One term: a variable (or a range `so1..so3`, which stands for one main
/// effect per variable), or an interaction of variables `x:g`.
public struct FormulaTerm: Sendable, Equatable {
  public let variables: [VarListItem]
  public let range: SourceRange

  /// `x:g`, as typed.
  public var text: String {
    variables.map { item in
      switch item {
      case .name(let n), .pattern(let n): n.text
      case .range(let a, let b): "\(a.text)..\(b.text)"
      }
    }.joined(separator: ":")
  }
}

/// Reads a formula from the tokens of a command:
///
///     formula -> NAME '~' sum
///     sum     -> product (('+' | '-') product)*      '- 1', '+ 0': no intercept
///     product -> colon ('*' colon)*                  a*b = a + b + a:b
///     colon   -> item (':' item)*
///     item    -> NAME ['..' NAME] | '0' | '1'
struct FormulaParser {
  let tokens: [Token]
  var index: Int

  private var current: Token { tokens[min(index, tokens.count - 1)] }
  private func peek(_ k: Int = 1) -> Token { tokens[min(index + k, tokens.count - 1)] }

  @discardableResult
  private mutating func advance() -> Token {
    let t = current
    if index < tokens.count - 1 { index += 1 }
    return t
  }

  private var atEnd: Bool {
    switch current.kind {
    case .newline, .semicolon, .end, .comma: true
    default: current.isWord("by") || current.isWord("where") || current.isWord("if")
    }
  }

  mutating func parse() throws(Diagnostic) -> Formula {
    guard current.kind == .identifier else {
      throw LanguageDiagnostics.expected("the outcome variable of a formula (y ~ x + g)", found: current)
    }
    let y = advance()
    guard current.kind == .tilde else {
      throw LanguageDiagnostics.expected("'~' after the outcome (y ~ x + g)", found: current)
    }
    advance()
    var intercept = true
    var terms: [FormulaTerm] = []
    var sign = 1
    var first = true
    var last = y
    while !atEnd {
      if !first {
        guard current.kind == .plus || current.kind == .minus else {
          throw LanguageDiagnostics.expected("'+', '-', '*' or ':' between terms", found: current)
        }
        sign = advance().kind == .minus ? -1 : 1
      } else if current.kind == .minus {
        throw LanguageDiagnostics.expected("a term", found: current)
      }
      first = false
      // The intercept: '0', '1', '- 1'.
      if current.kind == .number, current.text == "0" || current.text == "1" {
        let t = advance()
        last = t
        if t.text == "0" || sign < 0 { intercept = false }
        continue
      }
      if atEnd { throw LanguageDiagnostics.expected("a term", found: current) }
      guard sign > 0 else {
        throw LanguageDiagnostics.invalid(
          "a formula can only remove the intercept ('- 1'); leave the term out instead", range: current.range,
          category: .syntax)
      }
      let product = try parseProduct()
      last = tokens[max(0, index - 1)]
      terms += product
    }
    guard !first else { throw LanguageDiagnostics.expected("the terms after '~' (y ~ x + g)", found: current) }
    // Each term once (x:g and g:x are one term), by degree, as R orders them.
    var seen = Set<[String]>()
    var unique: [FormulaTerm] = []
    for t in terms {
      let key = t.variables.map { FormulaTerm(variables: [$0], range: t.range).text }.sorted()
      if seen.insert(key).inserted { unique.append(t) }
    }
    let ordered = unique.enumerated().sorted {
      ($0.element.variables.count, $0.offset) < ($1.element.variables.count, $1.offset)
    }.map(\.element)
    return Formula(
      response: Name(y.text, y.range), terms: ordered, intercept: intercept, range: y.range.union(last.range))
  }

  /// a*b*c: every non-empty combination of the factors.
  private mutating func parseProduct() throws(Diagnostic) -> [FormulaTerm] {
    var factors = [try parseColon()]
    while current.kind == .star {
      advance()
      factors.append(try parseColon())
    }
    guard factors.count > 1 else { return factors }
    guard factors.count <= 6 else {
      throw LanguageDiagnostics.invalid("at most 6 factors in one a*b*… product", range: factors[6].range, category: .syntax)
    }
    var out: [FormulaTerm] = []
    for mask in 1..<(1 << factors.count) {
      let chosen = factors.indices.filter { mask & (1 << $0) != 0 }.map { factors[$0] }
      let range = chosen.dropFirst().reduce(chosen[0].range) { $0.union($1.range) }
      out.append(FormulaTerm(variables: chosen.flatMap(\.variables), range: range))
    }
    return out
  }

  private mutating func parseColon() throws(Diagnostic) -> FormulaTerm {
    var items = [try parseItem()]
    while current.kind == .colon {
      advance()
      items.append(try parseItem())
    }
    if items.count > 1, let range = items.first(where: { if case .range = $0 { true } else { false } }) {
      throw LanguageDiagnostics.invalid(
        "a variable range cannot be part of an interaction; name the variables", range: range.range, category: .syntax)
    }
    let range = items.dropFirst().reduce(items[0].range) { $0.union($1.range) }
    return FormulaTerm(variables: items, range: range)
  }

  private mutating func parseItem() throws(Diagnostic) -> VarListItem {
    guard current.kind == .identifier else {
      throw LanguageDiagnostics.expected("a variable", found: current)
    }
    let a = advance()
    if current.kind == .dotDot {
      advance()
      guard current.kind == .identifier else { throw LanguageDiagnostics.expected("a variable after '..'", found: current) }
      let b = advance()
      return .range(from: Name(a.text, a.range), to: Name(b.text, b.range))
    }
    return .name(Name(a.text, a.range))
  }
}

import MetingData

/// Parses expressions by recursive descent, one function per precedence
/// level (loosest first):
///
///     expr       -> and (('or' | '|') and)*
///     and        -> not (('and' | '&') not)*
///     not        -> ('not' | '!') not | comparison
///     comparison -> sum [compop sum | ['not'] 'in' '(' expr (',' expr)* ')']
///     sum        -> product (('+' | '-') product)*
///     product    -> unary (('*' | '/') unary)*
///     unary      -> '-' unary | power
///     power      -> primary ['^' unary]            (right associative)
///     primary    -> NUMBER | STRING | NAME | NAME '(' args ')' | '(' expr ')'
///
/// An expression ends at a token it cannot use (a top-level ',', a clause
/// word, the end of the command), which the command parser then reads.
struct ExpressionParser {
  let tokens: [Token]
  var index: Int
  /// Nesting depth, limited so that `((((…))))` cannot exhaust the stack.
  private var depth = 0
  static let maximumDepth = 200

  init(tokens: [Token], index: Int) {
    self.tokens = tokens
    self.index = index
  }

  private var current: Token { tokens[min(index, tokens.count - 1)] }
  private func peek(_ k: Int = 1) -> Token { tokens[min(index + k, tokens.count - 1)] }

  @discardableResult
  private mutating func advance() -> Token {
    let t = current
    if index < tokens.count - 1 { index += 1 }
    return t
  }

  mutating func parseExpression() throws(Diagnostic) -> Expr {
    depth += 1
    defer { depth -= 1 }
    guard depth < ExpressionParser.maximumDepth else {
      throw LanguageDiagnostics.invalid("expression nested too deeply", range: current.range, category: .syntax)
    }
    var left = try parseAnd()
    while current.isWord("or") || current.kind == .bar {
      advance()
      let right = try parseAnd()
      left = .binary(.or, left, right, left.range.union(right.range))
    }
    return left
  }

  private mutating func parseAnd() throws(Diagnostic) -> Expr {
    var left = try parseNot()
    while current.isWord("and") || current.kind == .ampersand {
      advance()
      let right = try parseNot()
      left = .binary(.and, left, right, left.range.union(right.range))
    }
    return left
  }

  private mutating func parseNot() throws(Diagnostic) -> Expr {
    if current.isWord("not") || current.kind == .bang {
      let op = advance()
      let operand = try parseNot()
      return .unary(.not, operand, op.range.union(operand.range))
    }
    return try parseComparison()
  }

  private mutating func parseComparison() throws(Diagnostic) -> Expr {
    let left = try parseSum()
    let op: BinaryOperator? =
      switch current.kind {
      case .equalEquals, .equals: .equal
      case .notEquals: .notEqual
      case .less: .less
      case .lessEquals: .lessEqual
      case .greater: .greater
      case .greaterEquals: .greaterEqual
      default: nil
      }
    if let op {
      advance()
      let right = try parseSum()
      return .binary(op, left, right, left.range.union(right.range))
    }
    var negated = false
    if current.isWord("not"), peek().isWord("in") {
      advance()
      negated = true
    }
    if current.isWord("in") {
      advance()
      guard current.kind == .leftParen else {
        throw LanguageDiagnostics.expected("'(' and a list after 'in'", found: current)
      }
      let open = advance()
      var items: [Expr] = []
      while current.kind != .rightParen {
        items.append(try parseExpression())
        if current.kind == .comma {
          advance()
        } else if current.kind != .rightParen, !isEnd(current) {
          continue  // `in (a b c)`: spaces separate too
        } else if isEnd(current) {
          throw LanguageDiagnostics.unclosed("')'", opener: open)
        }
      }
      let close = advance()
      if items.isEmpty {
        throw LanguageDiagnostics.invalid("'in' needs at least one value", range: open.range.union(close.range),
                                          category: .syntax)
      }
      return .member(left, items, negated: negated, left.range.union(close.range))
    }
    return left
  }

  private func isEnd(_ t: Token) -> Bool {
    t.kind == .end || t.kind == .newline || t.kind == .semicolon
  }

  private mutating func parseSum() throws(Diagnostic) -> Expr {
    var left = try parseProduct()
    while current.kind == .plus || current.kind == .minus {
      let op: BinaryOperator = advance().kind == .plus ? .add : .subtract
      let right = try parseProduct()
      left = .binary(op, left, right, left.range.union(right.range))
    }
    return left
  }

  private mutating func parseProduct() throws(Diagnostic) -> Expr {
    var left = try parseUnary()
    while current.kind == .star || current.kind == .slash {
      let op: BinaryOperator = advance().kind == .star ? .multiply : .divide
      let right = try parseUnary()
      left = .binary(op, left, right, left.range.union(right.range))
    }
    return left
  }

  private mutating func parseUnary() throws(Diagnostic) -> Expr {
    if current.kind == .minus {
      let op = advance()
      let operand = try parseUnary()
      if case .number(let v, let r) = operand { return .number(-v, op.range.union(r)) }
      return .unary(.negate, operand, op.range.union(operand.range))
    }
    if current.kind == .plus {
      advance()
      return try parseUnary()
    }
    return try parsePower()
  }

  private mutating func parsePower() throws(Diagnostic) -> Expr {
    let base = try parsePrimary()
    if current.kind == .caret {
      advance()
      let exponent = try parseUnary()
      return .binary(.power, base, exponent, base.range.union(exponent.range))
    }
    return base
  }

  private mutating func parsePrimary() throws(Diagnostic) -> Expr {
    let t = current
    switch t.kind {
    case .number:
      advance()
      guard let v = Double(t.text) else {
        throw LanguageDiagnostics.invalid("'\(t.text)' is not a number", range: t.range, category: .syntax)
      }
      return .number(v, t.range)
    case .string:
      advance()
      return .string(t.text, t.range)
    case .identifier:
      if VariableName.isKeyword(t.text) { throw LanguageDiagnostics.expected("a value", found: t) }
      advance()
      if current.kind == .leftParen, t.range.upper == current.range.lower {
        return try parseCall(Name(t.text, t.range))
      }
      return .name(Name(t.text, t.range))
    case .leftParen:
      let open = advance()
      let inner = try parseExpression()
      guard current.kind == .rightParen else { throw LanguageDiagnostics.unclosed("')'", opener: open) }
      let close = advance()
      return inner.spanning(open.range.union(close.range))
    default:
      throw LanguageDiagnostics.expected("a value", found: t)
    }
  }

  /// NAME '(' [arg ((','|space) arg)*] ')', where an argument may be a
  /// variable range (`so1..so3r`) or pattern (`qual*`).
  private mutating func parseCall(_ name: Name) throws(Diagnostic) -> Expr {
    let open = advance()
    var arguments: [CallArgument] = []
    while current.kind != .rightParen {
      if isEnd(current) { throw LanguageDiagnostics.unclosed("')'", opener: open) }
      if current.kind == .comma {
        advance()
        continue
      }
      if current.kind == .identifier, peek().kind == .dotDot {
        let from = advance()
        advance()
        guard current.kind == .identifier else {
          throw LanguageDiagnostics.expected("a variable after '..'", found: current)
        }
        let to = advance()
        arguments.append(.variables(.range(from: Name(from.text, from.range), to: Name(to.text, to.range))))
        continue
      }
      if let pattern = patternHere() {
        arguments.append(.variables(.pattern(pattern)))
        continue
      }
      arguments.append(.expression(try parseExpression()))
    }
    let close = advance()
    return .call(name, arguments, name.range.union(close.range))
  }

  /// `qual*` or `*_pre` written without spaces and followed by ',', ')' or
  /// a space: a pattern, not a product.
  private mutating func patternHere() -> Name? {
    let a = current
    let b = peek()
    let c = peek(2)
    let next: Token
    if a.kind == .identifier, b.kind == .star, a.range.upper == b.range.lower {
      next = c
      guard next.kind == .comma || next.kind == .rightParen || next.range.lower > b.range.upper else {
        return nil
      }
      advance()
      advance()
      return Name(a.text + "*", a.range.union(b.range))
    }
    if a.kind == .star, b.kind == .identifier, a.range.upper == b.range.lower {
      advance()
      advance()
      return Name("*" + b.text, a.range.union(b.range))
    }
    return nil
  }
}

extension VariableName {
  /// Words that cannot be values in an expression.
  static func isKeyword(_ word: String) -> Bool {
    ["and", "or", "not", "in", "by", "where", "if"].contains(word)
  }
}

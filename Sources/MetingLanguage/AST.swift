/// A name as written, with where it was written.
public struct Name: Sendable, Equatable {
  public let text: String
  public let range: SourceRange

  public init(_ text: String, _ range: SourceRange) {
    self.text = text
    self.range = range
  }
}

/// One item of a variable list.
public enum VarListItem: Sendable, Equatable {
  /// `sic_pre`
  case name(Name)
  /// `so1..sl3r`: every variable from the first to the last, in file order.
  case range(from: Name, to: Name)
  /// `qual*`, `*_pre`, `so?`: names matching a pattern.
  case pattern(Name)

  public var range: SourceRange {
    switch self {
    case .name(let n), .pattern(let n): n.range
    case .range(let a, let b): a.range.union(b.range)
    }
  }
}

/// An expression. Bare names are resolved when evaluated: a variable, or a
/// category of the variable it is compared with (`category == management`).
public indirect enum Expr: Sendable, Equatable {
  case number(Double, SourceRange)
  case string(String, SourceRange)
  case name(Name)
  case unary(UnaryOperator, Expr, SourceRange)
  case binary(BinaryOperator, Expr, Expr, SourceRange)
  /// `mean(so1..so3r)`, `log(x)`, `missing(x)`.
  case call(Name, [CallArgument], SourceRange)
  /// `x in (a, b, 3)`; `not in` when negated.
  case member(Expr, [Expr], negated: Bool, SourceRange)

  public var range: SourceRange {
    switch self {
    case .number(_, let r), .string(_, let r), .unary(_, _, let r), .binary(_, _, _, let r),
      .call(_, _, let r), .member(_, _, _, let r):
      r
    case .name(let n): n.range
    }
  }

  /// The same expression covering `range`: a parenthesized expression
  /// spans its parentheses, so that `!(a & b)` is shown whole.
  func spanning(_ range: SourceRange) -> Expr {
    switch self {
    case .number(let v, _): .number(v, range)
    case .string(let s, _): .string(s, range)
    case .name(let n): .name(Name(n.text, range))
    case .unary(let op, let e, _): .unary(op, e, range)
    case .binary(let op, let l, let r, _): .binary(op, l, r, range)
    case .call(let n, let args, _): .call(n, args, range)
    case .member(let e, let items, let negated, _): .member(e, items, negated: negated, range)
    }
  }
}

/// An argument of a function call: an expression, or a variable range or
/// pattern (`mean(so1..so3r)`, `sum(qual*)`).
public enum CallArgument: Sendable, Equatable {
  case expression(Expr)
  case variables(VarListItem)

  public var range: SourceRange {
    switch self {
    case .expression(let e): e.range
    case .variables(let v): v.range
    }
  }
}

public enum UnaryOperator: String, Sendable {
  case negate = "-"
  case not = "not"
}

/// Binary operators, by precedence (loosest first): `or`; `and`;
/// comparisons; `+ -`; `* /`; `^` (right associative).
public enum BinaryOperator: String, Sendable {
  case or, and
  case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">",
    greaterEqual = ">="
  case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"

  public var isComparison: Bool {
    switch self {
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: true
    default: false
    }
  }
}

/// An option after the comma: `time(wave)`, `paired`, `level(0.9)`.
public struct Option: Sendable, Equatable {
  public let name: Name
  /// The tokens between the parentheses, or nil without parentheses.
  public let arguments: [Token]?
  public let range: SourceRange

  public init(name: Name, arguments: [Token]?, range: SourceRange) {
    self.name = name
    self.arguments = arguments
    self.range = range
  }
}

/// What a command's arguments parsed into; the shape comes from the
/// command's `Syntax` in the catalogue.
public enum Arguments: Sendable, Equatable {
  case none
  case variables([VarListItem])
  /// A variable list followed by a parenthesised list of values,
  /// `missing so1..sl3r (7 8 9)`.
  case variablesAndValues([VarListItem], values: [Token], valuesRange: SourceRange)
  case expression(Expr)
  case assignment(target: Name, value: Expr)
  /// A file path (quoted, or a bare word such as `data/firms.csv`).
  case path(String, SourceRange)
  /// Words, as for `set format json`, `help ttest`, `show 3`.
  case words([Name])
  /// A subcommand word and what follows it (`save script FILE`).
  indirect case subcommand(Name, Arguments)
  /// A model formula.
  case formula(Formula)
  /// Variables, parenthesised rules (their tokens and range) and the
  /// optional `into` variables.
  case recode([VarListItem], rules: [RecodeRule], into: [Name])
}

/// A parsed command: `[by VARS:] name arguments [by VARS] [where EXPR] [, options]`.
public struct Command: Sendable {
  /// The whole command in its source.
  public let range: SourceRange
  /// The source text as typed (for the history, the cell log and scripts).
  public let text: String
  public let name: Name
  /// The catalogue entry the name resolved to.
  public let spec: CommandSpec
  /// Variables of a `by VARS:` prefix: run once per group.
  public let byPrefix: [VarListItem]
  public let arguments: Arguments
  /// Variables after `by` inside the arguments (`ttest y by treated`).
  public let byClause: [VarListItem]
  /// The `where` (or `if`) condition: rows for this command only.
  public let condition: Expr?
  public let options: [Option]

  public func option(_ name: String) -> Option? {
    options.last { $0.name.text == name }
  }
}

/// One parenthesised rule of `recode`: its tokens, read by the command.
public struct RecodeRule: Sendable, Equatable {
  public let tokens: [Token]
  public let range: SourceRange
}

import MetingData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The value of an expression over all rows of a dataset.
public enum Vector: Sendable {
  /// Numbers, one per row; NaN is missing. Conditions are 1, 0 or NaN.
  case numbers([Double])
  /// Categories, one per row, with the variable they came from.
  case categories(codes: [UInt32], levels: [String], variable: String)
  case number(Double)
  case text(String)
}

/// Evaluates expressions column-wise (a whole column per operation, no
/// per-row interpretation), so a filter on a million rows takes
/// milliseconds.
///
/// Missing values propagate: arithmetic with a missing value is missing,
/// and a comparison with a missing value is missing (as in R and SPSS; not
/// Stata's "missing is larger than every number"). `and`/`or` use
/// three-valued logic: `0 and missing` is 0, `1 or missing` is 1.
/// A bare name is a variable; compared with a text variable it may also be
/// one of its categories (`category == management`).
public struct Evaluator {
  public let dataset: Dataset

  public init(dataset: Dataset) { self.dataset = dataset }

  /// Rows of `within` where `condition` is true (missing counts as false).
  public func select(_ condition: Expr, within: RowSelection) throws(Diagnostic) -> RowSelection {
    let v = try evaluate(condition)
    switch v {
    case .numbers(let values):
      return within.filter { let x = values[$0]; return !x.isNaN && x != 0 }
    case .number(let x):
      return !x.isNaN && x != 0 ? within : within.filter { _ in false }
    case .categories, .text:
      throw LanguageDiagnostics.invalid(
        "a condition must be a comparison, not text", range: condition.range,
        help: ["e.g. category == management"])
    }
  }

  public func evaluate(_ e: Expr) throws(Diagnostic) -> Vector {
    switch e {
    case .number(let v, _): return .number(v)
    case .string(let s, _): return .text(s)
    case .name(let n): return try variable(n)
    case .unary(let op, let operand, let range):
      let v = try numeric(try evaluate(operand), range: operand.range)
      switch op {
      case .negate: return map(v) { -$0 }
      case .not:
        _ = range
        return map(v) { $0.isNaN ? .nan : ($0 == 0 ? 1 : 0) }
      }
    case .binary(let op, let l, let r, _):
      if op.isComparison { return try compare(op, l, r) }
      if op == .and || op == .or { return try logical(op, l, r) }
      let a = try numeric(try evaluate(l), range: l.range)
      let b = try numeric(try evaluate(r), range: r.range)
      let f: (Double, Double) -> Double =
        switch op {
        case .add: (+)
        case .subtract: (-)
        case .multiply: (*)
        case .divide: { $1 == 0 ? .nan : $0 / $1 }
        case .power: { pow($0, $1) }
        default: { _, _ in .nan }
        }
      return zipWith(a, b, f)
    case .member(let subject, let items, let negated, _):
      var result: Vector = .number(0)
      for item in items {
        let eq = try compare(.equal, subject, item)
        result = zipWith(result, eq) { a, b in
          if a == 1 || b == 1 { return 1 }
          return a.isNaN || b.isNaN ? .nan : 0
        }
      }
      return negated ? map(result) { $0.isNaN ? .nan : 1 - $0 } : result
    case .call(let name, let arguments, let range):
      return try call(name, arguments, range: range)
    }
  }

  // MARK: Names and values

  private func variable(_ n: Name) throws(Diagnostic) -> Vector {
    guard let v = dataset[n.text] else { throw VarListResolver.unknown(n, in: dataset) }
    switch v.values {
    case .numeric(let c): return .numbers(c.doubles())
    case .categorical(let c): return .categories(codes: c.codes, levels: c.levels, variable: v.name)
    }
  }

  /// A number vector, or a type error naming the text.
  private func numeric(_ v: Vector, range: SourceRange) throws(Diagnostic) -> Vector {
    switch v {
    case .numbers, .number: return v
    case .categories(_, _, let variable):
      throw LanguageDiagnostics.wrongType(variable, expected: "numeric (it holds text categories)", range: range)
    case .text(let s):
      throw LanguageDiagnostics.invalid("\"\(s)\" is text, not a number", range: range)
    }
  }

  // MARK: Comparisons

  private func compare(_ op: BinaryOperator, _ l: Expr, _ r: Expr) throws(Diagnostic) -> Vector {
    // A bare unknown name next to a text or labelled variable is a category.
    let left = try operand(l, other: r)
    let right = try operand(r, other: l)
    switch (left, right) {
    case (.categories(let codes, let levels, let variable), .text(let s)),
      (.text(let s), .categories(let codes, let levels, let variable)):
      guard op == .equal || op == .notEqual else {
        throw LanguageDiagnostics.invalid(
          "categories of '\(variable)' have no order; use == or !=", range: l.range.union(r.range))
      }
      guard let code = levels.firstIndex(of: s).map(UInt32.init) else {
        let range = isText(l) ? l.range : r.range
        throw LanguageDiagnostics.unknownValue(
          s, variable: variable, range: range, suggestion: Suggestions.closest(to: s, in: levels))
      }
      let equal = op == .equal
      return .numbers(codes.map {
        $0 == CategoricalColumn.missingCode ? .nan : (($0 == code) == equal ? 1 : 0)
      })
    case (.categories(let a, let la, let va), .categories(let b, let lb, _)):
      guard op == .equal || op == .notEqual else {
        throw LanguageDiagnostics.invalid(
          "categories of '\(va)' have no order; use == or !=", range: l.range.union(r.range))
      }
      let equal = op == .equal
      return .numbers(zip(a, b).map { x, y in
        if x == CategoricalColumn.missingCode || y == CategoricalColumn.missingCode { return .nan }
        return (la[Int(x)] == lb[Int(y)]) == equal ? 1 : 0
      })
    case (.text(let a), .text(let b)):
      return .number((op == .equal) == (a == b) ? 1 : 0)
    default:
      let a = try numeric(left, range: l.range)
      let b = try numeric(right, range: r.range)
      let f: (Double, Double) -> Bool =
        switch op {
        case .equal: (==)
        case .notEqual: (!=)
        case .less: (<)
        case .lessEqual: (<=)
        case .greater: (>)
        default: (>=)
        }
      return zipWith(a, b) { x, y in x.isNaN || y.isNaN ? .nan : (f(x, y) ? 1 : 0) }
    }
  }

  private func isText(_ e: Expr) -> Bool {
    switch e {
    case .string: true
    case .name(let n): dataset[n.text] == nil
    default: false
    }
  }

  /// Evaluates one side of a comparison. A bare name that is no variable
  /// becomes a category value when the other side is a text variable, or a
  /// value label of a numeric one.
  private func operand(_ e: Expr, other: Expr) throws(Diagnostic) -> Vector {
    guard case .name(let n) = e else {
      if case .string(let s, let range) = e, let labelled = labelledVariable(other) {
        return try labelCode(s, of: labelled, range: range)
      }
      return try evaluate(e)
    }
    let otherVariable: Variable? = {
      if case .name(let o) = other { return dataset[o.text] }
      return nil
    }()
    if let v = dataset[n.text] {
      if let ov = otherVariable, case .categorical(let c) = ov.values, c.code(of: n.text) != nil,
        !v.isCategorical || ov.name != v.name
      {
        throw LanguageDiagnostics.ambiguousValue(n.text, variable: ov.name, range: n.range)
      }
      return try variable(n)
    }
    if let ov = otherVariable {
      switch ov.values {
      case .categorical: return .text(n.text)
      case .numeric where !ov.valueLabels.isEmpty: return try labelCode(n.text, of: ov, range: n.range)
      case .numeric: break
      }
    }
    throw VarListResolver.unknown(n, in: dataset)
  }

  private func labelledVariable(_ e: Expr) -> Variable? {
    if case .name(let n) = e, let v = dataset[n.text], v.isNumeric, !v.valueLabels.isEmpty { return v }
    return nil
  }

  private func labelCode(_ label: String, of v: Variable, range: SourceRange) throws(Diagnostic) -> Vector {
    if let code = v.valueLabels.first(where: { $0.value == label })?.key { return .number(code) }
    throw LanguageDiagnostics.unknownValue(
      label, variable: v.name, range: range,
      suggestion: Suggestions.closest(to: label, in: v.valueLabels.values.sorted()))
  }

  // MARK: Logic

  private func logical(_ op: BinaryOperator, _ l: Expr, _ r: Expr) throws(Diagnostic) -> Vector {
    let a = try numeric(try evaluate(l), range: l.range)
    let b = try numeric(try evaluate(r), range: r.range)
    if op == .and {
      return zipWith(a, b) { x, y in
        if x == 0 || y == 0 { return 0 }
        return x.isNaN || y.isNaN ? .nan : 1
      }
    }
    return zipWith(a, b) { x, y in
      if (!x.isNaN && x != 0) || (!y.isNaN && y != 0) { return 1 }
      return x.isNaN || y.isNaN ? .nan : 0
    }
  }

  // MARK: Vector helpers

  var rows: Int { dataset.rowCount }

  func map(_ v: Vector, _ f: (Double) -> Double) -> Vector {
    switch v {
    case .numbers(let a): .numbers(a.map(f))
    case .number(let x): .number(f(x))
    default: v
    }
  }

  func zipWith(_ a: Vector, _ b: Vector, _ f: (Double, Double) -> Double) -> Vector {
    switch (a, b) {
    case (.number(let x), .number(let y)): return .number(f(x, y))
    case (.numbers(let xs), .number(let y)): return .numbers(xs.map { f($0, y) })
    case (.number(let x), .numbers(let ys)): return .numbers(ys.map { f(x, $0) })
    case (.numbers(let xs), .numbers(let ys)):
      var out = [Double](repeating: 0, count: xs.count)
      for i in 0..<xs.count { out[i] = f(xs[i], ys[i]) }
      return .numbers(out)
    default: return .number(.nan)
    }
  }

  /// The numbers of a vector for every row (constants repeated).
  func column(_ v: Vector) -> [Double] {
    switch v {
    case .numbers(let a): a
    case .number(let x): [Double](repeating: x, count: rows)
    default: [Double](repeating: .nan, count: rows)
    }
  }
}

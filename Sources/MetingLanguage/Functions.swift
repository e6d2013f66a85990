import MetingData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Evaluator {
  /// The functions of the expression language.
  ///
  /// Elementwise: abs, exp, log (natural), log10, sqrt, floor, ceil,
  /// round(x[, digits]) (half away from zero, like SPSS RND and Stata round;
  /// R's round() rounds half to even), missing(x) (1 or 0).
  /// Row-wise over variables and expressions, using the valid values only
  /// (SPSS MEAN, Stata egen rowmean): mean, sum, min, max, sd (n − 1), and
  /// nvalid (how many are valid). A row with no valid value is missing
  /// (sum included, unlike Stata's rowtotal, which gives 0).
  public static let functionNames = [
    "abs", "exp", "log", "log10", "sqrt", "floor", "ceil", "round", "missing",
    "mean", "sum", "min", "max", "sd", "nvalid",
  ]

  func call(_ name: Name, _ arguments: [CallArgument], range: SourceRange) throws(Diagnostic) -> Vector {
    let unary: ((Double) -> Double)? =
      switch name.text {
      case "abs": { abs($0) }
      case "exp": { exp($0) }
      case "log": { $0 > 0 ? log($0) : .nan }
      case "log10": { $0 > 0 ? log10($0) : .nan }
      case "sqrt": { $0 >= 0 ? $0.squareRoot() : .nan }
      case "floor": { $0.rounded(.down) }
      case "ceil": { $0.rounded(.up) }
      default: nil
      }
    if let unary {
      let x = try single(arguments, name)
      return map(x, unary)
    }
    switch name.text {
    case "round":
      guard arguments.count == 1 || arguments.count == 2 else {
        throw LanguageDiagnostics.invalid("round takes 1 or 2 arguments", range: range, category: .syntax)
      }
      let x = try values(of: arguments[0], name)
      var digits = 0.0
      if arguments.count == 2, case .expression(.number(let d, _)) = arguments[1] { digits = d }
      let scale = pow(10, digits)
      return map(x) { ($0 * scale).rounded(.toNearestOrAwayFromZero) / scale }
    case "missing":
      guard arguments.count == 1 else {
        throw LanguageDiagnostics.invalid("missing takes 1 argument", range: range, category: .syntax)
      }
      let x = try anyValues(of: arguments[0])
      switch x {
      case .numbers(let a): return .numbers(a.map { $0.isNaN ? 1 : 0 })
      case .number(let v): return .number(v.isNaN ? 1 : 0)
      case .categories(let codes, _, _):
        return .numbers(codes.map { $0 == CategoricalColumn.missingCode ? 1 : 0 })
      case .text: return .number(0)
      }
    case "mean", "sum", "min", "max", "sd", "nvalid":
      let columns = try rowArguments(arguments, name)
      guard !columns.isEmpty else {
        throw LanguageDiagnostics.invalid("\(name.text) needs at least one argument", range: range, category: .syntax)
      }
      return .numbers(rowwise(name.text, columns))
    default:
      throw LanguageDiagnostics.unknownFunction(
        name.text, range: name.range,
        suggestion: Suggestions.closest(to: name.text, in: Evaluator.functionNames))
    }
  }

  private func single(_ arguments: [CallArgument], _ name: Name) throws(Diagnostic) -> Vector {
    guard arguments.count == 1 else {
      throw LanguageDiagnostics.invalid(
        "\(name.text) takes 1 argument, not \(arguments.count)", range: name.range, category: .syntax)
    }
    return try values(of: arguments[0], name)
  }

  private func anyValues(of argument: CallArgument) throws(Diagnostic) -> Vector {
    switch argument {
    case .expression(let e): return try evaluate(e)
    case .variables(let item):
      throw LanguageDiagnostics.invalid("expected one value, not a list of variables", range: item.range)
    }
  }

  private func values(of argument: CallArgument, _ name: Name) throws(Diagnostic) -> Vector {
    let v = try anyValues(of: argument)
    switch v {
    case .numbers, .number: return v
    case .categories(_, _, let variable):
      throw LanguageDiagnostics.wrongType(variable, expected: "numeric", range: argument.range)
    case .text:
      throw LanguageDiagnostics.invalid("\(name.text) needs a number, not text", range: argument.range)
    }
  }

  /// Each argument as a full column; variable lists expand.
  private func rowArguments(_ arguments: [CallArgument], _ name: Name) throws(Diagnostic) -> [[Double]] {
    var columns: [[Double]] = []
    for a in arguments {
      switch a {
      case .variables(let item):
        for v in try VarListResolver.resolve([item], in: dataset) {
          guard case .numeric(let c)? = dataset[v.name]?.values else {
            throw LanguageDiagnostics.wrongType(v.name, expected: "numeric", range: v.range)
          }
          columns.append(c.doubles())
        }
      case .expression:
        columns.append(column(try values(of: a, name)))
      }
    }
    return columns
  }

  private func rowwise(_ function: String, _ columns: [[Double]]) -> [Double] {
    var out = [Double](repeating: .nan, count: rows)
    var values: [Double] = []
    values.reserveCapacity(columns.count)
    for i in 0..<rows {
      values.removeAll(keepingCapacity: true)
      for c in columns where !c[i].isNaN { values.append(c[i]) }
      if function == "nvalid" {
        out[i] = Double(values.count)
        continue
      }
      guard !values.isEmpty else { continue }
      switch function {
      case "mean": out[i] = values.reduce(0, +) / Double(values.count)
      case "sum": out[i] = values.reduce(0, +)
      case "min": out[i] = values.min() ?? .nan
      case "max": out[i] = values.max() ?? .nan
      default:  // sd
        guard values.count > 1 else { continue }
        let m = values.reduce(0, +) / Double(values.count)
        let ss = values.reduce(0) { $0 + ($1 - m) * ($1 - m) }
        out[i] = (ss / Double(values.count - 1)).squareRoot()
      }
    }
    return out
  }
}

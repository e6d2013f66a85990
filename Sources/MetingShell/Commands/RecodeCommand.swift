import MetingData
import MetingLanguage
import MetingReport

/// `recode VARS (1 2 = 1) (3 thru 5 = 2) (missing = 9) (else = copy) [into NEWVARS]`,
/// as SPSS's RECODE: the first rule that matches a value decides; values
/// no rule matches stay as they are in place, or are system-missing in a
/// new variable (`into`). Sources: numbers, `lo`/`lowest`, `hi`/`highest`,
/// `a thru b`, `missing` (system- or user-missing), `sysmis`, `else`;
/// targets: a number, `sysmis`, `copy`. Text variables take quoted texts.
/// Unlike SPSS, ranges do not match user-missing codes (only `missing`, the
/// code itself or `else` do), and a copied code stays user-missing.
enum RecodeCommand {
  /// What a rule matches.
  enum Source {
    case value(Double)
    case range(Double, Double)
    case text(String)
    case missing
    case systemMissing
    case otherwise
  }

  enum Target {
    case value(Double)
    case text(String)
    case systemMissing
    case copy
  }

  struct Rule {
    var sources: [Source]
    var target: Target
  }

  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .recode(let items, let ruleTokens, let into) = inv.command.arguments else { return inv.report([]) }
    var data = try inv.dataset()
    let names = try inv.variables(items).map(\.name)
    guard into.isEmpty || into.count == names.count else {
      throw LanguageDiagnostics.invalid(
        "into names \(into.count) variable\(into.count == 1 ? "" : "s") for \(names.count) recoded", range: into.last?.range,
        category: .syntax)
    }
    for n in into {
      guard VariableName.isValid(n.text) else {
        throw LanguageDiagnostics.invalid("'\(n.text)' cannot be a variable name", range: n.range, category: .syntax)
      }
      if data[n.text] != nil, !inv.flag("replace") {
        throw LanguageDiagnostics.invalid(
          "'\(n.text)' exists", range: n.range, category: .data, help: ["add ', replace' to overwrite it, or choose another name"])
      }
    }
    let rules = try ruleTokens.map { r throws(Diagnostic) in try parse(r) }
    var summary: [String] = []
    var unmatched = 0
    for (k, name) in names.enumerated() {
      guard let source = data[name] else { continue }
      var target = source
      let changed: Int
      switch source.values {
      case .numeric(let column):
        guard !rules.contains(where: { $0.sources.contains { if case .text = $0 { true } else { false } } }) else {
          throw LanguageDiagnostics.invalid("'\(name)' is numeric: its rules take numbers", range: ruleTokens[0].range, category: .data)
        }
        var out = [Double](repeating: .nan, count: column.count)
        var userMissing: [Int: Double] = [:]
        var count = 0
        for row in 0..<column.count {
          let code = source.userMissing[row]
          let raw = code ?? column[row]
          var result: Double? = into.isEmpty ? raw : nil
          var resultIsCode = into.isEmpty && code != nil
          if !into.isEmpty, !raw.isNaN, !rules.contains(where: { matches($0.sources, raw: raw, isUserMissing: code != nil) }) {
            unmatched += 1
          }
          for rule in rules where matches(rule.sources, raw: raw, isUserMissing: code != nil) {
            switch rule.target {
            case .value(let v):
              result = v
              resultIsCode = false
            case .systemMissing:
              result = .nan
              resultIsCode = false
            case .copy:
              result = raw
              resultIsCode = code != nil
            case .text: break
            }
            break
          }
          let value = result ?? .nan
          if !(value == raw || (value.isNaN && raw.isNaN)) || !into.isEmpty { count += 1 }
          // A copied code, or (in place) a value that is one of the
          // variable's user-missing codes, stays user-missing.
          if !value.isNaN, resultIsCode || (into.isEmpty && source.isMissingCode(value)) {
            userMissing[row] = value
            out[row] = .nan
          } else {
            out[row] = value
          }
        }
        target.values = .numeric(NumericColumn(out))
        target.userMissing = userMissing
        changed = count
      case .categorical(let column):
        var out: [String?] = []
        out.reserveCapacity(column.count)
        var userMissing: [Int: Double] = [:]
        var count = 0
        for row in 0..<column.count {
          // A declared missing text is matched by its own value, as a code.
          let missingText = source.missingText(at: row)
          let raw = missingText ?? column.label(at: row)
          var result: String? = into.isEmpty ? raw : nil
          var resultIsMissing = into.isEmpty && missingText != nil
          if !into.isEmpty, raw != nil, !rules.contains(where: { matchesText($0.sources, raw) }) { unmatched += 1 }
          for rule in rules where matchesText(rule.sources, raw) {
            switch rule.target {
            case .text(let t): result = t
            case .systemMissing: result = nil
            case .copy: result = raw
            case .value(let v):
              result = NumberFormat.shortest(v)
            }
            if case .copy = rule.target { resultIsMissing = missingText != nil } else { resultIsMissing = false }
            break
          }
          if result != raw || !into.isEmpty { count += 1 }
          // As for numbers: a copied missing text, or (in place) a result
          // that is one of the declared missing texts, stays user-missing.
          if let r = result, resultIsMissing || (into.isEmpty && source.missingTexts.contains(r)) {
            userMissing[row] = Double(source.missingTexts.firstIndex(of: r) ?? 0)
            out.append(nil)
          } else {
            out.append(result)
          }
        }
        target.values = .categorical(CategoricalColumn(out))
        target.userMissing = userMissing
        changed = count
      }
      if into.isEmpty {
        do { try data.set(target) } catch { throw LanguageDiagnostics.dataFile(error).at(items[0].range) }
        summary.append("\(name): \(changed) value\(changed == 1 ? "" : "s") changed")
      } else {
        var fresh = Variable(name: into[k].text, values: target.values, label: source.label)
        fresh.measure = source.measure
        fresh.userMissing = target.userMissing
        if target.isCategorical {
          fresh.missingTexts = source.missingTexts  // the codes are positions in it
        } else {
          fresh.missingCodes = Array(Set(target.userMissing.values)).sorted()
        }
        do { try data.set(fresh) } catch { throw LanguageDiagnostics.dataFile(error).at(into[k].range) }
        summary.append("\(into[k].text) from \(name)")
      }
    }
    inv.state.dataset = data
    inv.refreshFilter()
    var text = "recoded " + summary.joined(separator: "; ")
    if unmatched > 0 {
      text += "\n\(unmatched) value\(unmatched == 1 ? "" : "s") no rule matched \(unmatched == 1 ? "is" : "are") system-missing in the new variable\(names.count == 1 ? "" : "s") (as SPSS); (else = copy) keeps them"
    }
    if into.isEmpty, names.contains(where: { !(data[$0]?.valueLabels.isEmpty ?? true) }) {
      text += "\nvalue labels are kept as they were: check them (label values)"
    }
    return inv.report([.text(text)])
  }

  /// A user-missing cell is matched only by `missing`, by its own code
  /// named as a value, and by `else`: ranges (lo thru 20) leave it alone,
  /// so a −99 is not recoded as a low value by accident.
  static func matches(_ sources: [Source], raw: Double, isUserMissing: Bool) -> Bool {
    sources.contains { s in
      switch s {
      case .value(let v): raw == v
      case .range(let lo, let hi): !isUserMissing && !raw.isNaN && raw >= lo && raw <= hi
      case .missing: raw.isNaN || isUserMissing
      case .systemMissing: raw.isNaN
      case .otherwise: true
      case .text: false
      }
    }
  }

  static func matchesText(_ sources: [Source], _ raw: String?) -> Bool {
    sources.contains { s in
      switch s {
      case .text(let t): raw == t
      case .missing, .systemMissing: raw == nil
      case .otherwise: true
      default: false
      }
    }
  }

  /// `1 2 3 = 1`, `3 thru 5 = 2`, `lo thru 0 = 0`, `missing = 9`,
  /// `"a" "b" = "x"`, `else = copy`.
  static func parse(_ rule: RecodeRule) throws(Diagnostic) -> Rule {
    let tokens = rule.tokens
    guard let equals = tokens.firstIndex(where: { $0.kind == .equals }) else {
      throw LanguageDiagnostics.invalid("a recode rule is (VALUES = NEW), e.g. (1 2 = 1)", range: rule.range, category: .syntax)
    }
    func number(_ k: inout Int) -> Double? {
      var sign = 1.0
      var i = k
      if i < tokens.count, tokens[i].kind == .minus {
        sign = -1
        i += 1
      }
      guard i < tokens.count, tokens[i].kind == .number, let v = Double(tokens[i].text) else { return nil }
      k = i + 1
      return sign * v
    }
    var sources: [Source] = []
    var k = 0
    while k < equals {
      let t = tokens[k]
      if t.kind == .comma {
        k += 1
        continue
      }
      if t.kind == .string {
        sources.append(.text(t.text))
        k += 1
        continue
      }
      let lowWord = t.isWord("lo") || t.isWord("lowest")
      var low: Double? = lowWord ? -.infinity : nil
      if lowWord {
        k += 1
      } else if t.isWord("missing") {
        sources.append(.missing)
        k += 1
        continue
      } else if t.isWord("sysmis") {
        sources.append(.systemMissing)
        k += 1
        continue
      } else if t.isWord("else") {
        sources.append(.otherwise)
        k += 1
        continue
      } else {
        low = number(&k)
      }
      guard let lo = low else {
        throw LanguageDiagnostics.invalid(
          "'\(t.text)' is not a value: use numbers, \"texts\", a thru b, lo, hi, missing, sysmis or else", range: t.range,
          category: .syntax)
      }
      if k < equals, tokens[k].isWord("thru") {
        k += 1
        var hi: Double
        if k < equals, tokens[k].isWord("hi") || tokens[k].isWord("highest") {
          hi = .infinity
          k += 1
        } else if let v = number(&k) {
          hi = v
        } else {
          throw LanguageDiagnostics.invalid("expected a number, hi or highest after thru", range: tokens[min(k, tokens.count - 1)].range, category: .syntax)
        }
        guard lo <= hi else {
          throw LanguageDiagnostics.invalid("the range runs backwards", range: rule.range, category: .syntax)
        }
        sources.append(.range(lo, hi))
      } else if lowWord {
        throw LanguageDiagnostics.invalid("lo needs thru: lo thru 0", range: t.range, category: .syntax)
      } else {
        sources.append(.value(lo))
      }
    }
    guard !sources.isEmpty else {
      throw LanguageDiagnostics.invalid("nothing before '=' in the rule", range: rule.range, category: .syntax)
    }
    let rest = Array(tokens[(equals + 1)...])
    let target: Target
    if rest.count == 1, rest[0].kind == .string {
      target = .text(rest[0].text)
    } else if rest.count == 1, rest[0].isWord("sysmis") {
      target = .systemMissing
    } else if rest.count == 1, rest[0].isWord("copy") {
      target = .copy
    } else {
      var k = equals + 1
      guard let v = number(&k), k == tokens.count else {
        throw LanguageDiagnostics.invalid(
          "after '=' comes one number, a \"text\", sysmis or copy", range: rule.range, category: .syntax)
      }
      target = .value(v)
    }
    return Rule(sources: sources, target: target)
  }
}

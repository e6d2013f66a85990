import MetingData

/// A variable named in a command, with where it was named.
public struct ResolvedVariable: Sendable, Equatable {
  public let name: String
  public let range: SourceRange
}

/// Turns variable lists into variable names of a dataset.
public enum VarListResolver {
  /// Resolves items in order; duplicates are kept once.
  /// - Throws: unknown variable (with did-you-mean), a pattern matching
  ///   nothing, a range whose end comes before its start.
  public static func resolve(_ items: [VarListItem], in dataset: Dataset) throws(Diagnostic)
    -> [ResolvedVariable]
  {
    var out: [ResolvedVariable] = []
    var seen: Set<String> = []
    func add(_ name: String, _ range: SourceRange) {
      if seen.insert(name).inserted { out.append(ResolvedVariable(name: name, range: range)) }
    }
    for item in items {
      switch item {
      case .name(let n):
        guard dataset.position(of: n.text) != nil else { throw unknown(n, in: dataset) }
        add(n.text, n.range)
      case .range(let from, let to):
        guard let a = dataset.position(of: from.text) else { throw unknown(from, in: dataset) }
        guard let b = dataset.position(of: to.text) else { throw unknown(to, in: dataset) }
        guard a <= b else {
          throw LanguageDiagnostics.invalid(
            "'\(to.text)' comes before '\(from.text)' in the data", range: item.range,
            help: ["write the range as \(to.text)..\(from.text)"])
        }
        for p in a...b { add(dataset[p].name, item.range) }
      case .pattern(let p):
        let matches = dataset.variableNames.filter { globMatches(p.text, $0) }
        guard !matches.isEmpty else { throw LanguageDiagnostics.noMatch(pattern: p.text, range: p.range) }
        for m in matches { add(m, p.range) }
      }
    }
    return out
  }

  public static func unknown(_ n: Name, in dataset: Dataset) -> Diagnostic {
    LanguageDiagnostics.unknownVariable(
      n.text, range: n.range, suggestion: Suggestions.closest(to: n.text, in: dataset.variableNames))
  }

  /// Whether `name` matches a pattern of literal characters, `*` (any run)
  /// and `?` (one character).
  public static func globMatches(_ pattern: String, _ name: String) -> Bool {
    let p = Array(pattern.unicodeScalars)
    let s = Array(name.unicodeScalars)
    var i = 0
    var j = 0
    var star = -1
    var mark = 0
    while j < s.count {
      if i < p.count, p[i] == "?" || p[i] == s[j] {
        i += 1
        j += 1
      } else if i < p.count, p[i] == "*" {
        star = i
        mark = j
        i += 1
      } else if star >= 0 {
        i = star + 1
        mark += 1
        j = mark
      } else {
        return false
      }
    }
    while i < p.count, p[i] == "*" { i += 1 }
    return i == p.count
  }
}

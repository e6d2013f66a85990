/// "Did you mean" for commands, variables and category values.
public enum Suggestions {
  /// The largest edit distance still worth suggesting, relative to length:
  /// one edit for names up to 4 characters, two up to 8, three beyond.
  /// Larger distances suggested unrelated names in trials with the example
  /// study's 60 variables ("sic" → "so1").
  static func threshold(for word: String) -> Int {
    switch word.count {
    case ...4: 1
    case ...8: 2
    default: 3
    }
  }

  /// The single closest candidate within the threshold, or nil. A
  /// case-insensitive exact match wins outright; ties go to the earlier
  /// candidate.
  public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
    let lower = word.lowercased()
    var best: (name: String, distance: Int)? = nil
    for c in candidates {
      if c.lowercased() == lower { return c }
      let d = editDistance(lower, c.lowercased())
      if d <= threshold(for: word), best.map({ d < $0.distance }) ?? true { best = (c, d) }
    }
    return best?.name
  }

  /// Optimal string alignment distance (Levenshtein plus adjacent
  /// transposition), on Unicode scalars.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a.unicodeScalars)
    let y = Array(b.unicodeScalars)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous2 = [Int](repeating: 0, count: y.count + 1)
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
      current[0] = i
      for j in 1...y.count {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        var v = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
          v = min(v, previous2[j - 2] + 1)
        }
        current[j] = v
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[y.count]
  }
}

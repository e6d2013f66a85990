/// Combining two datasets: a 1:1 merge on a key, and appending rows.
extension Dataset {
  /// The outcome of a merge, for the report.
  public struct MergeCounts: Sendable, Equatable {
    public let matched: Int
    public let masterOnly: Int
    public let usingOnly: Int
  }

  /// Matches rows of this dataset and `other` one to one on `key`, as
  /// Stata's `merge 1:1`: all rows of both (this one's first, in order,
  /// then the other's unmatched ones), the other's variables added, and
  /// `_merge` = 1 (only here), 2 (only there) or 3 (both).
  /// - Throws: a key missing from either side, of different kinds, not
  ///   unique, missing in a row, or a variable (other than the key) in both.
  public func merged(with other: Dataset, key: String) throws(DataError) -> (Dataset, MergeCounts) {
    guard let mine = self[key] else { throw .unsupportedFormat(path: name, reason: "no variable '\(key)' here") }
    guard let theirs = other[key] else { throw .unsupportedFormat(path: other.source ?? other.name, reason: "no variable '\(key)' in \(other.name)") }
    guard mine.isCategorical == theirs.isCategorical else {
      throw .unsupportedFormat(path: other.source ?? other.name, reason: "'\(key)' is \(mine.isCategorical ? "text" : "numeric") here and \(theirs.isCategorical ? "text" : "numeric") in \(other.name)")
    }
    let overlap = other.variableNames.filter { $0 != key && self[$0] != nil }
    guard overlap.isEmpty else {
      throw .unsupportedFormat(
        path: other.source ?? other.name,
        reason: "both have \(overlap.prefix(6).joined(separator: ", "))\(overlap.count > 6 ? " …" : ""): rename or drop them on one side first")
    }
    guard self["_merge"] == nil, other["_merge"] == nil else { throw .duplicateVariable("_merge") }
    func index(_ v: Variable, in d: Dataset) throws(DataError) -> [String: Int] {
      var map: [String: Int] = [:]
      for row in 0..<d.rowCount {
        guard !v.values.isMissing(row) else {
          throw .unsupportedFormat(path: d.source ?? d.name, reason: "row \(row + 1) of \(d.name) has no \(key)")
        }
        let k = v.values.text(at: row)
        guard map[k] == nil else {
          throw .unsupportedFormat(path: d.source ?? d.name, reason: "\(key) \(k) occurs twice in \(d.name): a 1:1 merge needs unique keys")
        }
        map[k] = row
      }
      return map
    }
    let here = try index(mine, in: self)
    let there = try index(theirs, in: other)
    // Rows: this dataset's, then the other's unmatched ones.
    var masterRows: [Int] = Array(0..<rowCount)
    var usingRows: [Int] = (0..<rowCount).map { there[mine.values.text(at: $0)] ?? -1 }
    var merge: [Double] = usingRows.map { $0 < 0 ? 1 : 3 }
    for row in 0..<other.rowCount where here[theirs.values.text(at: row)] == nil {
      masterRows.append(-1)
      usingRows.append(row)
      merge.append(2)
    }
    var out = Dataset(name: name, rowCount: masterRows.count)
    out.label = label
    out.source = source
    for v in variables {
      var column = v.taking(masterRows)
      if v.name == key {
        // The key comes from whichever side has the row.
        column = Variable.combining(v, masterRows, theirs, usingRows)
      }
      try out.add(column)
    }
    for v in other.variables where v.name != key { try out.add(v.taking(usingRows)) }
    var m = Variable(name: "_merge", values: .numeric(NumericColumn(merge)), label: "Merge result")
    m.valueLabels = [1: "only in \(name)", 2: "only in \(other.name)", 3: "in both"]
    m.measure = .nominal
    try out.add(m)
    let counts = MergeCounts(
      matched: merge.filter { $0 == 3 }.count, masterOnly: merge.filter { $0 == 1 }.count,
      usingOnly: merge.filter { $0 == 2 }.count)
    return (out, counts)
  }

  /// The rows of `other` after this dataset's, variables matched by name:
  /// one missing on a side is missing in its rows; this dataset's metadata
  /// wins, missing codes are combined.
  /// - Throws: a variable that is text on one side and numeric on the other.
  public func appending(_ other: Dataset) throws(DataError) -> Dataset {
    let n = rowCount
    let m = other.rowCount
    var out = Dataset(name: name, rowCount: n + m)
    out.label = label
    out.source = source
    let top = Array(0..<n) + Array(repeating: -1, count: m)
    let bottom = Array(repeating: -1, count: n) + Array(0..<m)
    for v in variables {
      if let w = other[v.name] {
        guard v.isCategorical == w.isCategorical else {
          throw .unsupportedFormat(
            path: other.source ?? other.name, reason: "'\(v.name)' is \(v.isCategorical ? "text" : "numeric") here and \(w.isCategorical ? "text" : "numeric") in \(other.name)")
        }
        var combined = Variable.combining(v, top, w, bottom)
        combined.missingCodes = Array(Set(v.missingCodes).union(w.missingCodes)).sorted()
        combined.missingRanges = v.missingRanges + w.missingRanges.filter { !v.missingRanges.contains($0) }
        combined.valueLabels = v.valueLabels.merging(w.valueLabels) { a, _ in a }
        combined.textLabels = v.textLabels.merging(w.textLabels) { a, _ in a }
        try out.add(combined)
      } else {
        try out.add(v.taking(top))
      }
    }
    for w in other.variables where self[w.name] == nil { try out.add(w.taking(bottom)) }
    return out
  }
}

extension Variable {
  /// This variable at `rows` (−1: a missing cell), metadata kept.
  func taking(_ rows: [Int]) -> Variable {
    var out = self
    out.values = values.gathered(rows)
    out.userMissing = [:]
    for (k, r) in rows.enumerated() where r >= 0 { if let code = userMissing[r] { out.userMissing[k] = code } }
    return out
  }

  /// Cells from `a` where `aRows` has a row, else from `b` (same kind).
  static func combining(_ a: Variable, _ aRows: [Int], _ b: Variable, _ bRows: [Int]) -> Variable {
    var out = a
    out.userMissing = [:]
    switch (a.values, b.values) {
    case (.numeric(let x), .numeric(let y)):
      out.values = .numeric(NumericColumn(zip(aRows, bRows).map { r, s in r >= 0 ? x[r] : s >= 0 ? y[s] : .nan }))
    case (.categorical(let x), .categorical(let y)):
      out.values = .categorical(CategoricalColumn(zip(aRows, bRows).map { r, s in r >= 0 ? x.label(at: r) : s >= 0 ? y.label(at: s) : nil }))
    default:
      break
    }
    // A text variable's codes are positions in its missingTexts: b's are
    // moved to their place in the combined list.
    let bCode = out.adoptMissingTexts(of: b)
    for (k, (r, s)) in zip(aRows, bRows).enumerated() {
      if r >= 0, let code = a.userMissing[r] { out.userMissing[k] = code }
      if r < 0, s >= 0, let code = b.userMissing[s] { out.userMissing[k] = bCode(code) }
    }
    return out
  }

  /// Takes `list` as the declared missing texts, keeping what each
  /// user-missing cell of a text variable held (its code is its position).
  mutating func useMissingTexts(_ list: [String]) {
    let old = missingTexts
    missingTexts = list
    for t in old where !missingTexts.contains(t) { missingTexts.append(t) }
    guard isCategorical, old != missingTexts else { return }
    for (row, code) in userMissing {
      if let i = Int(exactly: code), old.indices.contains(i), let j = missingTexts.firstIndex(of: old[i]) {
        userMissing[row] = Double(j)
      }
    }
  }

  /// Adds `other`'s declared missing texts to this text variable's, and
  /// returns how to turn one of `other`'s user-missing codes into this
  /// variable's (numeric codes stay as they are).
  mutating func adoptMissingTexts(of other: Variable) -> (Double) -> Double {
    guard isCategorical, !other.missingTexts.isEmpty else { return { $0 } }
    for t in other.missingTexts where !missingTexts.contains(t) { missingTexts.append(t) }
    let mine = missingTexts
    let theirs = other.missingTexts
    return { code in
      guard let i = Int(exactly: code), theirs.indices.contains(i), let j = mine.firstIndex(of: theirs[i]) else { return code }
      return Double(j)
    }
  }
}

/// What `reshape long` remembers of the wide layout, so that `reshape wide`
/// gives back the same variables in the same order with their own labels
/// (Stata keeps the same memory). Dropped by any later reshape.
public struct ReshapeMemory: Sendable {
  public let id: String
  public let time: String
  public let suffixes: [String]
  public let values: [Double]
  /// The wide variables in their order, with their metadata.
  public let wide: [Variable]
}

extension Dataset {
  /// Wide → long: every variable ending in one of `suffixes` becomes the
  /// variable named without it, one row per unit (`id`) and suffix, with
  /// `time` = the suffix's value; the other variables repeat on each row.
  /// User-missing codes and metadata come along.
  public func reshapedLong(id: String, time: String, suffixes: [String], values: [Double]) throws(DataError) -> Dataset {
    guard let idVariable = self[id] else { throw .unsupportedFormat(path: name, reason: "no variable '\(id)'") }
    guard self[time] == nil else { throw .duplicateVariable(time) }
    let k = suffixes.count
    // Stubs, in order of first appearance, with their source per suffix.
    var stubs: [String] = []
    var sources: [String: [Variable?]] = [:]
    var constants: [Variable] = []
    for v in variables where v.name != id {
      if let s = suffixes.firstIndex(where: { v.name.hasSuffix($0) && v.name.count > $0.count }) {
        let stub = String(v.name.dropLast(suffixes[s].count))
        if sources[stub] == nil {
          stubs.append(stub)
          sources[stub] = Array(repeating: nil, count: k)
        }
        sources[stub]![s] = v
      } else {
        constants.append(v)
      }
    }
    guard !stubs.isEmpty else {
      throw .unsupportedFormat(path: name, reason: "no variable ends in \(suffixes.joined(separator: " or "))")
    }
    for stub in stubs where self[stub] != nil || constants.contains(where: { $0.name == stub }) {
      throw .duplicateVariable(stub)
    }
    let n = rowCount
    func repeated(_ v: Variable) -> Variable {
      var out = v
      out.values = v.values.gathered((0..<(n * k)).map { $0 / k })
      out.userMissing = [:]
      for (row, code) in v.userMissing { for s in 0..<k { out.userMissing[row * k + s] = code } }
      return out
    }
    var long = Dataset(name: name, rowCount: n * k)
    long.label = label
    long.source = source
    try long.add(repeated(idVariable))
    var t = Variable(name: time, values: .numeric(NumericColumn((0..<(n * k)).map { values[$0 % k] })))
    t.valueLabels = Dictionary(uniqueKeysWithValues: zip(values, suffixes.map { $0.hasPrefix("_") ? String($0.dropFirst()) : $0 }))
    t.measure = .nominal
    try long.add(t)
    for v in constants { try long.add(repeated(v)) }
    for stub in stubs {
      let parts = sources[stub]!
      guard let first = parts.compactMap({ $0 }).first else { continue }
      let kinds = Set(parts.compactMap { $0?.isCategorical })
      guard kinds.count == 1 else {
        throw .unsupportedFormat(path: name, reason: "'\(stub)' is text at one wave and numeric at another")
      }
      var out = first
      out.name = stub
      out.userMissing = [:]
      if first.isCategorical {
        var texts = [String?](repeating: nil, count: n * k)
        for (s, part) in parts.enumerated() {
          guard let part, case .categorical(let c) = part.values else { continue }
          for row in 0..<n { texts[row * k + s] = c.label(at: row) }
          out.textLabels.merge(part.textLabels) { a, _ in a }
          let code = out.adoptMissingTexts(of: part)
          for (row, m) in part.userMissing { out.userMissing[row * k + s] = code(m) }
        }
        out.values = .categorical(CategoricalColumn(texts))
      } else {
        var numbers = [Double](repeating: .nan, count: n * k)
        for (s, part) in parts.enumerated() {
          guard let part, case .numeric(let c) = part.values else { continue }
          for row in 0..<n { numbers[row * k + s] = c[row] }
          for (row, code) in part.userMissing { out.userMissing[row * k + s] = code }
          out.missingCodes = Array(Set(out.missingCodes).union(part.missingCodes)).sorted()
          out.missingRanges += part.missingRanges.filter { !out.missingRanges.contains($0) }
          out.valueLabels.merge(part.valueLabels) { a, _ in a }
        }
        out.values = .numeric(NumericColumn(numbers))
      }
      try long.add(out)
    }
    long.reshapeMemory = ReshapeMemory(id: id, time: time, suffixes: suffixes, values: values, wide: variables)
    return long
  }

  /// Long → wide: one row per unit (`id`, in order of first appearance);
  /// a variable that varies within units becomes one variable per value
  /// of `time`, named with `suffixes` (in the order of the time values);
  /// one that does not stays single. After `reshape long`, the remembered
  /// wide layout is restored exactly.
  public func reshapedWide(id: String, time: String, suffixes given: [String]?) throws(DataError) -> Dataset {
    guard let idVariable = self[id], let timeVariable = self[time] else {
      throw .unsupportedFormat(path: name, reason: "no variable '\(self[id] == nil ? id : time)'")
    }
    guard case .numeric(let timeColumn) = timeVariable.values else {
      throw .unsupportedFormat(path: name, reason: "'\(time)' must be numeric (a wave number)")
    }
    let memory = reshapeMemory.flatMap { $0.id == id && $0.time == time ? $0 : nil }
    // Units and waves.
    var unitOf: [String: Int] = [:]
    var units: [Int] = []  // first row of each unit
    var unitOfRow = [Int](repeating: -1, count: rowCount)
    for row in 0..<rowCount {
      let key = idVariable.values.text(at: row)
      if let u = unitOf[key] {
        unitOfRow[row] = u
      } else {
        unitOf[key] = units.count
        unitOfRow[row] = units.count
        units.append(row)
      }
    }
    let times = memory?.values ?? Array(Set((0..<rowCount).map { timeColumn[$0] }.filter { !$0.isNaN })).sorted()
    let suffixes = given ?? memory?.suffixes ?? times.map { "_" + formatNumber($0) }
    guard suffixes.count == times.count else {
      throw .unsupportedFormat(path: name, reason: "'\(time)' has \(times.count) values but \(suffixes.count) suffixes were given")
    }
    var cell = [[Int]](repeating: [Int](repeating: -1, count: times.count), count: units.count)
    for row in 0..<rowCount {
      let t = timeColumn[row]
      guard let w = times.firstIndex(of: t) else {
        throw .unsupportedFormat(path: name, reason: "row \(row + 1) has no \(time) value among \(times.map(formatNumber).joined(separator: ", "))")
      }
      guard cell[unitOfRow[row]][w] < 0 else {
        throw .unsupportedFormat(
          path: name, reason: "\(id) \(idVariable.values.text(at: row)) has two rows at \(time) \(formatNumber(t))")
      }
      cell[unitOfRow[row]][w] = row
    }
    var wide = Dataset(name: name, rowCount: units.count)
    wide.label = label
    wide.source = source
    func column(_ v: Variable, rows: [Int]) -> Variable {
      var out = v
      out.values = v.values.gathered(rows.map { $0 < 0 ? -1 : $0 })
      out.userMissing = [:]
      for (k, r) in rows.enumerated() where r >= 0 { if let code = v.userMissing[r] { out.userMissing[k] = code } }
      return out
    }
    let others = variables.filter { $0.name != id && $0.name != time }
    if let memory {
      // Restore the remembered layout: each wide variable from its stub's wave.
      for original in memory.wide {
        if original.name == id {
          try wide.add(column(idVariable, rows: units))
          continue
        }
        if let s = memory.suffixes.firstIndex(where: { original.name.hasSuffix($0) && original.name.count > $0.count }),
          let stub = self[String(original.name.dropLast(memory.suffixes[s].count))]
        {
          var out = column(stub, rows: cell.map { $0[s] })
          out.name = original.name
          out.copyMetadata(from: original)
          try wide.add(out)
        } else if let v = self[original.name] {
          try wide.add(column(v, rows: units))
        }
      }
      return wide
    }
    try wide.add(column(idVariable, rows: units))
    for v in others {
      let constant = cell.allSatisfy { rows in
        let present = rows.filter { $0 >= 0 }
        guard let first = present.first else { return true }
        return present.allSatisfy { v.values.text(at: $0) == v.values.text(at: first) && v.userMissing[$0] == v.userMissing[first] }
      }
      if constant {
        try wide.add(column(v, rows: cell.map { $0.first { $0 >= 0 } ?? -1 }))
      } else {
        for (w, suffix) in suffixes.enumerated() {
          var out = column(v, rows: cell.map { $0[w] })
          out.name = v.name + suffix
          try wide.add(out)
        }
      }
    }
    return wide
  }
}

extension Variable {
  /// Takes another variable's labels, value labels, missing declarations,
  /// format and measure.
  mutating func copyMetadata(from other: Variable) {
    label = other.label
    valueLabels = other.valueLabels
    textLabels = other.textLabels
    useMissingTexts(other.missingTexts)
    missingCodes = other.missingCodes
    missingRanges = other.missingRanges
    format = other.format
    measure = other.measure
    time = other.time
  }
}

extension ColumnValues {
  /// The values at `rows` (−1 gives a missing cell).
  func gathered(_ rows: [Int]) -> ColumnValues {
    switch self {
    case .numeric(let c):
      return .numeric(NumericColumn(rows.map { $0 < 0 ? .nan : c[$0] }))
    case .categorical(let c):
      return .categorical(CategoricalColumn(
        codes: rows.map { $0 < 0 ? CategoricalColumn.missingCode : c.codes[$0] }, levels: c.levels, sortLevels: false))
    }
  }
}

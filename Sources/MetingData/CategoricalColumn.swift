/// A text column, dictionary-encoded: each row holds a code into `levels`.
/// Levels are sorted (numbers in numeric order, then text), so frequencies
/// and group-by results come out in a stable, readable order.
public struct CategoricalColumn: Sendable {
  public static let missingCode = UInt32.max

  public private(set) var codes: [UInt32]
  public private(set) var levels: [String]
  private var index: [String: UInt32]

  /// Builds a column from codes and levels; `sorted` reorders the levels.
  public init(codes: [UInt32], levels: [String], sortLevels: Bool = true) {
    self.codes = codes
    self.levels = levels
    self.index = [:]
    if sortLevels { sortTheLevels() } else { rebuildIndex() }
  }

  /// Builds a column from strings (nil = missing).
  public init(_ values: [String?]) {
    var levels: [String] = []
    var index: [String: UInt32] = [:]
    var codes: [UInt32] = []
    codes.reserveCapacity(values.count)
    for v in values {
      guard let v else {
        codes.append(CategoricalColumn.missingCode)
        continue
      }
      if let c = index[v] {
        codes.append(c)
      } else {
        let c = UInt32(levels.count)
        levels.append(v)
        index[v] = c
        codes.append(c)
      }
    }
    self.init(codes: codes, levels: levels)
  }

  public var count: Int { codes.count }

  public func label(at row: Int) -> String? {
    let c = codes[row]
    return c == CategoricalColumn.missingCode ? nil : levels[Int(c)]
  }

  /// The code of `level`, or nil when no row has it.
  public func code(of level: String) -> UInt32? { index[level] }

  public func gather(_ rows: RowSelection) -> [UInt32] {
    rows.isAll ? codes : rows.map { codes[$0] }
  }

  private mutating func rebuildIndex() {
    index = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, UInt32($0)) })
  }

  private mutating func sortTheLevels() {
    let order = levels.indices.sorted { levelPrecedes(levels[$0], levels[$1]) }
    var remap = [UInt32](repeating: 0, count: levels.count)
    for (newCode, oldCode) in order.enumerated() { remap[oldCode] = UInt32(newCode) }
    let alreadySorted = order.enumerated().allSatisfy { $0.offset == $0.element }
    if !alreadySorted {
      levels = order.map { levels[$0] }
      for i in codes.indices where codes[i] != CategoricalColumn.missingCode {
        codes[i] = remap[Int(codes[i])]
      }
    }
    rebuildIndex()
  }
}

/// Orders category levels naturally: runs of digits compare as numbers,
/// the rest by Unicode scalars, so "5-9" < "10-49" < "100-250",
/// "MB002" < "MB010" and "-1" < "2.5" (whole numbers compare numerically).
func levelPrecedes(_ a: String, _ b: String) -> Bool {
  if let x = Double(a), let y = Double(b) { return x < y }
  var i = a.unicodeScalars.makeIterator()
  var j = b.unicodeScalars.makeIterator()
  var pendingA: Unicode.Scalar? = i.next()
  var pendingB: Unicode.Scalar? = j.next()
  func isDigit(_ s: Unicode.Scalar?) -> Bool { s.map { ("0"..."9").contains($0) } ?? false }
  while let ca = pendingA, let cb = pendingB {
    if isDigit(ca) && isDigit(cb) {
      var da = "", db = ""
      while isDigit(pendingA), let c = pendingA { da.unicodeScalars.append(c); pendingA = i.next() }
      while isDigit(pendingB), let c = pendingB { db.unicodeScalars.append(c); pendingB = j.next() }
      let ta = da.drop { $0 == "0" }, tb = db.drop { $0 == "0" }
      if ta.count != tb.count { return ta.count < tb.count }
      if ta != tb { return ta < tb }
      if da.count != db.count { return da.count < db.count }
      continue
    }
    if ca != cb { return ca.value < cb.value }
    pendingA = i.next()
    pendingB = j.next()
  }
  return pendingA == nil && pendingB != nil
}

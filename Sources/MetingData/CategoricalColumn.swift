/// A text column, dictionary-encoded: each row holds a code into `levels`.
/// Levels are sorted naturally (see `LevelOrder`), so frequencies and
/// group-by results come out in a stable, readable order.
public struct CategoricalColumn: Sendable {
  public static let missingCode = UInt32.max

  public private(set) var codes: [UInt32]
  public private(set) var levels: [String]

  /// Builds a column from codes and levels; `sortLevels` reorders the
  /// levels (and recodes the rows) into natural order.
  public init(codes: [UInt32], levels: [String], sortLevels: Bool = true) {
    self.codes = codes
    self.levels = levels
    if sortLevels { sortTheLevels() }
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

  /// The code of `level`, or nil when no row has it (a linear search: it
  /// runs once per command, not per row).
  public func code(of level: String) -> UInt32? {
    levels.firstIndex(of: level).map(UInt32.init)
  }

  public func gather(_ rows: RowSelection) -> [UInt32] {
    rows.isAll ? codes : rows.map { codes[$0] }
  }

  private mutating func sortTheLevels() {
    let order = LevelOrder.sortedIndices(levels)
    guard !order.enumerated().allSatisfy({ $0.offset == $0.element }) else { return }
    var remap = [UInt32](repeating: 0, count: levels.count)
    for (newCode, oldCode) in order.enumerated() { remap[oldCode] = UInt32(newCode) }
    levels = order.map { levels[$0] }
    for i in codes.indices where codes[i] != CategoricalColumn.missingCode {
      codes[i] = remap[Int(codes[i])]
    }
  }
}

/// The natural order of category levels: numbers numerically and before
/// text; in text, runs of digits compare as numbers and the rest by bytes,
/// so "5-9" < "10-49" < "100-250" and "MB002" < "MB010".
public enum LevelOrder {
  /// Indices of `levels` in natural order (stable). Levels already in
  /// order (ids in a sorted export) are recognised in one pass.
  public static func sortedIndices(_ levels: [String]) -> [Int] {
    var inOrder = true
    for i in levels.indices.dropFirst() where precedes(levels[i], levels[i - 1]) {
      inOrder = false
      break
    }
    if inOrder { return Array(levels.indices) }
    let keys = levels.map { Key(number: number($0), bytes: Array($0.utf8)) }
    return levels.indices.sorted { keys[$0] < keys[$1] }
  }

  /// Whether `a` comes before `b`.
  public static func precedes(_ a: String, _ b: String) -> Bool {
    let x = number(a)
    let y = number(b)
    if x != nil || y != nil { return Key(number: x, bytes: Array(a.utf8)) < Key(number: y, bytes: Array(b.utf8)) }
    var a = a
    var b = b
    return a.withUTF8 { p in b.withUTF8 { q in Key.natural(p, q) } }
  }

  /// The value of a level that is a number ("3", "-0.5"), else nil; cheap
  /// for text (the first byte decides).
  static func number(_ s: String) -> Double? {
    guard let f = s.utf8.first, (f >= 48 && f <= 57) || f == UInt8(ascii: "-") || f == UInt8(ascii: ".")
      || f == UInt8(ascii: "+")
    else { return nil }
    return Double(s)
  }

  struct Key: Comparable {
    let number: Double?
    let bytes: [UInt8]

    static func == (a: Key, b: Key) -> Bool { a.number == b.number && a.bytes == b.bytes }

    static func < (a: Key, b: Key) -> Bool {
      switch (a.number, b.number) {
      case (let x?, let y?): return x < y || (x == y && a.bytes.lexicographicallyPrecedes(b.bytes))
      case (.some, nil): return true
      case (nil, .some): return false
      case (nil, nil): return a.bytes.withUnsafeBufferPointer { p in b.bytes.withUnsafeBufferPointer { q in natural(p, q) } }
      }
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    /// Byte order, except that digit runs compare by value (then length).
    static func natural(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
      var i = 0
      var j = 0
      while i < x.count, j < y.count {
        if isDigit(x[i]) && isDigit(y[j]) {
          var i1 = i
          var j1 = j
          while i1 < x.count, isDigit(x[i1]) { i1 += 1 }
          while j1 < y.count, isDigit(y[j1]) { j1 += 1 }
          var a = i
          var b = j
          while a < i1 - 1, x[a] == 48 { a += 1 }  // leading zeros
          while b < j1 - 1, y[b] == 48 { b += 1 }
          if i1 - a != j1 - b { return i1 - a < j1 - b }
          while a < i1 {
            if x[a] != y[b] { return x[a] < y[b] }
            a += 1
            b += 1
          }
          if i1 - i != j1 - j { return i1 - i < j1 - j }
          i = i1
          j = j1
          continue
        }
        if x[i] != y[j] { return x[i] < y[j] }
        i += 1
        j += 1
      }
      return x.count - i < y.count - j
    }
  }
}

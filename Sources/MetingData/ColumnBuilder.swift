/// Collects one column's values while a file is parsed.
///
/// A column starts numeric, in one byte per cell while every value is a
/// small integer, and widens to Double on the first value that is not. The
/// first non-numeric value makes it text; when numbers were already stored
/// the reader parses the file once more with the column as text, so no
/// original spelling is lost ("007" stays "007").
struct ColumnBuilder {
  enum Kind { case numeric, text }

  private(set) var kind: Kind
  /// Numbers were stored before the column turned text: a re-parse is needed.
  private(set) var turnedTextLate = false
  private(set) var isSmall = true
  private(set) var small: [Int8] = []
  private(set) var doubles: [Double] = []
  private(set) var codes: [UInt32] = []
  private(set) var interner = ByteInterner()
  private var sawNumber = false

  init(text: Bool, reserve: Int = 0) {
    kind = text ? .text : .numeric
    if text { codes.reserveCapacity(reserve) } else { small.reserveCapacity(reserve) }
  }

  var count: Int {
    switch kind {
    case .text: codes.count
    case .numeric: isSmall ? small.count : doubles.count
    }
  }

  mutating func reserve(_ n: Int) {
    switch kind {
    case .text: codes.reserveCapacity(n)
    case .numeric: if isSmall { small.reserveCapacity(n) } else { doubles.reserveCapacity(n) }
    }
  }

  @inline(__always)
  mutating func appendNumber(_ v: Double) {
    sawNumber = true
    if isSmall {
      if v >= -127, v <= 127 {
        let s = Int8(v)
        if Double(s) == v {
          small.append(s)
          return
        }
      }
      widen()
    }
    doubles.append(v)
  }

  @inline(__always)
  mutating func appendMissing() {
    switch kind {
    case .text: codes.append(CategoricalColumn.missingCode)
    case .numeric:
      if isSmall { small.append(NumericColumn.smallMissing) } else { doubles.append(.nan) }
    }
  }

  @inline(__always)
  mutating func appendText(_ p: UnsafePointer<UInt8>, _ n: Int, offset: Int) {
    codes.append(interner.intern(p, n, offset: offset))
  }

  /// Turns a numeric column into text; earlier numbers become placeholders
  /// and `turnedTextLate` asks for a re-parse.
  mutating func becomeText() {
    guard kind == .numeric else { return }
    if sawNumber { turnedTextLate = true }
    let n = count
    kind = .text
    codes = [UInt32](repeating: CategoricalColumn.missingCode, count: n)
    small = []
    doubles = []
  }

  /// Drops values beyond the first `n` (a record cut off by a chunk end).
  mutating func truncate(to n: Int) {
    switch kind {
    case .text: if codes.count > n { codes.removeLast(codes.count - n) }
    case .numeric:
      if isSmall {
        if small.count > n { small.removeLast(small.count - n) }
      } else if doubles.count > n {
        doubles.removeLast(doubles.count - n)
      }
    }
  }

  private mutating func widen() {
    isSmall = false
    doubles.reserveCapacity(Swift.max(small.capacity, small.count + 1))
    for s in small { doubles.append(s == NumericColumn.smallMissing ? .nan : Double(s)) }
    small = []
  }
}

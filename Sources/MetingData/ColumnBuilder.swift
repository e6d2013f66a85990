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
  private(set) var small = RawBuffer<Int8>()
  private(set) var doubles = RawBuffer<Double>()
  private(set) var codes = RawBuffer<UInt32>()
  private(set) var interner = ByteInterner()
  private var sawNumber = false

  init(text: Bool) {
    kind = text ? .text : .numeric
  }

  var count: Int {
    switch kind {
    case .text: codes.count
    case .numeric: isSmall ? small.count : doubles.count
    }
  }

  mutating func reserve(_ n: Int) {
    switch kind {
    case .text: codes.reserve(n)
    case .numeric: if isSmall { small.reserve(n) } else { doubles.reserve(n) }
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

  /// A whole number in −127…127 (the parser knows before converting).
  @inline(__always)
  mutating func appendSmall(_ v: Int8) {
    sawNumber = true
    if isSmall { small.append(v) } else { doubles.append(Double(v)) }
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
  mutating func prefetch(hash: UInt64) { interner.prefetch(hash: hash) }  // mutating: no copy of self

  @inline(__always)
  mutating func appendText(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64, offset: Int) {
    codes.append(interner.intern(p, n, hash: hash, offset: offset))
  }

  /// Replaces the last value (a placeholder) with interned text.
  @inline(__always)
  mutating func setLastText(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64, offset: Int) {
    codes.setLast(interner.intern(p, n, hash: hash, offset: offset))
  }

  /// Turns a numeric column into text; earlier numbers become placeholders
  /// and `turnedTextLate` asks for a re-parse.
  mutating func becomeText() {
    guard kind == .numeric else { return }
    if sawNumber { turnedTextLate = true }
    let n = count
    kind = .text
    codes.reserve(n)
    for _ in 0..<n { codes.append(CategoricalColumn.missingCode) }
    small.deallocate()
    doubles.deallocate()
  }

  /// Drops values beyond the first `n` (a record cut off by a chunk end).
  mutating func truncate(to n: Int) {
    codes.truncate(to: n)
    small.truncate(to: n)
    doubles.truncate(to: n)
  }

  /// The finished values (copied out of the raw buffers).
  func values() -> ColumnValues? {
    switch kind {
    case .numeric:
      .numeric(isSmall ? NumericColumn(small: small.array()) : NumericColumn(doubles: doubles.array()))
    case .text: nil
    }
  }

  mutating func deallocate() {
    small.deallocate()
    doubles.deallocate()
    codes.deallocate()
  }

  private mutating func widen() {
    isSmall = false
    doubles.reserve(Swift.max(small.capacity, small.count + 1))
    for s in small.array() { doubles.append(s == NumericColumn.smallMissing ? .nan : Double(s)) }
    small.deallocate()
  }
}

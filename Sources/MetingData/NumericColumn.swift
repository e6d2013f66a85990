/// A numeric column: missing values are NaN.
///
/// Columns whose values are all small integers (Likert items, 0/1 flags,
/// codes such as −99) are stored in one byte per cell; others in a Double.
/// This keeps a survey file in memory at about its size on disk.
public struct NumericColumn: Sendable {
  @usableFromInline
  enum Storage: Sendable {
    case small([Int8])
    case double([Double])
  }

  /// The Int8 value that stands for a missing cell in small storage.
  @usableFromInline static let smallMissing = Int8.min

  @usableFromInline var storage: Storage

  public init(_ values: [Double]) {
    storage = .double(values)
    compact()
  }

  /// Wraps small-integer storage built by a reader (Int8.min = missing).
  public init(small values: [Int8]) {
    storage = .small(values)
  }

  /// Wraps Double storage without inspecting it.
  public init(doubles values: [Double]) {
    storage = .double(values)
  }

  public var count: Int {
    switch storage {
    case .small(let a): a.count
    case .double(let a): a.count
    }
  }

  /// Whether the column is stored one byte per cell.
  public var isCompact: Bool {
    if case .small = storage { return true }
    return false
  }

  @inlinable
  public subscript(row: Int) -> Double {
    get {
      switch storage {
      case .small(let a):
        let v = a[row]
        return v == NumericColumn.smallMissing ? .nan : Double(v)
      case .double(let a):
        return a[row]
      }
    }
    set {
      switch storage {
      case .small(var a):
        if let s = NumericColumn.small(newValue) {
          storage = .double([])  // drop the enum's reference so `a` is unique
          a[row] = s
          storage = .small(a)
        } else {
          var d = doubles()
          d[row] = newValue
          storage = .double(d)
        }
      case .double(var a):
        storage = .small([])
        a[row] = newValue
        storage = .double(a)
      }
    }
  }

  /// The one-byte form of `v`, if it has one.
  @usableFromInline
  static func small(_ v: Double) -> Int8? {
    if v.isNaN { return smallMissing }
    guard let s = Int8(exactly: v), s != smallMissing else { return nil }
    return s
  }

  /// All values as Doubles (NaN = missing).
  public func doubles() -> [Double] {
    switch storage {
    case .double(let a): return a
    case .small(let a):
      return a.map { $0 == NumericColumn.smallMissing ? .nan : Double($0) }
    }
  }

  /// The values of `rows`, in order, as Doubles (NaN = missing).
  public func gather(_ rows: RowSelection) -> [Double] {
    switch storage {
    case .double(let a):
      if rows.isAll { return a }
      return rows.map { a[$0] }
    case .small(let a):
      return rows.map {
        let v = a[$0]
        return v == NumericColumn.smallMissing ? .nan : Double(v)
      }
    }
  }

  /// Switches to one byte per cell when every value allows it.
  mutating func compact() {
    guard case .double(let a) = storage else { return }
    var small = [Int8]()
    small.reserveCapacity(a.count)
    for v in a {
      guard let s = NumericColumn.small(v) else { return }
      small.append(s)
    }
    storage = .small(small)
  }
}

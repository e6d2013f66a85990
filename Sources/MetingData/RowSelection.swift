/// A set of rows of a dataset, in ascending order: all rows, or an index
/// vector. Filters and groups are selections, never copies of the data.
public struct RowSelection: Sendable, Sequence, Equatable {
  public let rowCount: Int
  @usableFromInline let indices: [Int32]?

  /// Every row of a dataset with `rowCount` rows.
  public static func all(_ rowCount: Int) -> RowSelection {
    RowSelection(rowCount: rowCount, indices: nil)
  }

  /// The given rows, which must be ascending and below `rowCount`.
  public init(rowCount: Int, rows: [Int32]) {
    self.init(rowCount: rowCount, indices: rows)
  }

  /// The rows where `mask` is true.
  public init(mask: [Bool]) {
    var rows: [Int32] = []
    rows.reserveCapacity(mask.count)
    for (i, keep) in mask.enumerated() where keep { rows.append(Int32(i)) }
    self.init(rowCount: mask.count, indices: rows.count == mask.count ? nil : rows)
  }

  private init(rowCount: Int, indices: [Int32]?) {
    self.rowCount = rowCount
    self.indices = indices
  }

  public var isAll: Bool { indices == nil }
  @inlinable public var count: Int { indices?.count ?? rowCount }
  public var isEmpty: Bool { count == 0 }

  /// The `k`-th selected row.
  public subscript(k: Int) -> Int { indices.map { Int($0[k]) } ?? k }

  /// The rows of this selection for which `keep` is true.
  public func filter(_ keep: (Int) -> Bool) -> RowSelection {
    var rows: [Int32] = []
    rows.reserveCapacity(count)
    for row in self where keep(row) { rows.append(Int32(row)) }
    return rows.count == rowCount ? .all(rowCount) : RowSelection(rowCount: rowCount, rows: rows)
  }

  /// The rows selected by both.
  public func intersection(_ other: RowSelection) -> RowSelection {
    if isAll { return other }
    if other.isAll { return self }
    var mask = [Bool](repeating: false, count: rowCount)
    for row in other { mask[row] = true }
    return filter { mask[$0] }
  }

  /// Iteration is inlinable: commands in other modules loop over a
  /// million rows without a call per row.
  @frozen
  public struct Iterator: IteratorProtocol {
    @usableFromInline let indices: [Int32]?
    @usableFromInline let end: Int
    @usableFromInline var position = 0

    @inlinable
    init(indices: [Int32]?, end: Int) {
      self.indices = indices
      self.end = end
    }

    @inlinable
    public mutating func next() -> Int? {
      guard position < end else { return nil }
      defer { position += 1 }
      if let indices { return Int(indices[position]) }
      return position
    }
  }

  @inlinable
  public func makeIterator() -> Iterator {
    Iterator(indices: indices, end: count)
  }

  @inlinable public var underestimatedCount: Int { count }
}

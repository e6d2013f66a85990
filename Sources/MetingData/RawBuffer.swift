/// A growable buffer of trivial values in manually managed memory, for the
/// CSV reader's hot loop: appending costs a capacity check and a store,
/// with none of Array's copy-on-write uniqueness checks. The owner must
/// call `deallocate()` (the reader does, in a `defer`).
struct RawBuffer<Element: BitwiseCopyable> {
  private(set) var base: UnsafeMutablePointer<Element>? = nil
  private(set) var count = 0
  private(set) var capacity = 0

  @inline(__always)
  mutating func append(_ x: Element) {
    if count == capacity { grow(to: max(16, capacity * 2)) }
    base.unsafelyUnwrapped[count] = x
    count += 1
  }

  @inline(__always)
  mutating func setLast(_ x: Element) {
    base.unsafelyUnwrapped[count - 1] = x
  }

  mutating func reserve(_ n: Int) {
    if n > capacity { grow(to: n) }
  }

  mutating func truncate(to n: Int) {
    if n < count { count = n }
  }

  /// The values as an Array (a copy).
  func array() -> [Element] {
    guard let base else { return [] }
    return Array(UnsafeBufferPointer(start: base, count: count))
  }

  mutating func deallocate() {
    base?.deallocate()
    base = nil
    count = 0
    capacity = 0
  }

  private mutating func grow(to n: Int) {
    let fresh = UnsafeMutablePointer<Element>.allocate(capacity: n)
    if let base {
      fresh.update(from: base, count: count)
      base.deallocate()
    }
    base = fresh
    capacity = n
  }
}

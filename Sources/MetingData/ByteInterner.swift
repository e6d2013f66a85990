/// Interns byte strings into dense codes 0, 1, 2, … with an open-addressing
/// hash table over a byte arena: no String is created per cell, only one per
/// distinct value when the column is finished.
struct ByteInterner {
  private(set) var arena: [UInt8] = []
  private(set) var starts: [Int] = []
  private(set) var lengths: [Int] = []
  /// For each code, the absolute file offset where it was first seen (for
  /// error messages about its text).
  private(set) var firstOffsets: [Int] = []
  private var hashes: [UInt64] = []
  private var slots: [Int32] = Array(repeating: -1, count: 64)
  private var mask = 63

  var count: Int { starts.count }

  /// FNV-1a over the bytes, finished with a multiply-xorshift mix so that
  /// the low bits used as the slot index are well spread.
  @inline(__always)
  static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for k in 0..<n { h = (h ^ UInt64(p[k])) &* 0x100_0000_01b3 }
    h ^= h >> 29
    h = h &* 0xbf58_476d_1ce4_e5b9
    return h ^ (h >> 32)
  }

  /// The code of the bytes, adding them when new.
  @inline(__always)
  mutating func intern(_ p: UnsafePointer<UInt8>, _ n: Int, offset: Int) -> UInt32 {
    let h = ByteInterner.hash(p, n)
    var slot = Int(truncatingIfNeeded: h) & mask
    while true {
      let code = Int(slots[slot])
      if code < 0 { break }
      if hashes[code] == h, lengths[code] == n, equal(code, p, n) { return UInt32(code) }
      slot = (slot + 1) & mask
    }
    let code = starts.count
    starts.append(arena.count)
    lengths.append(n)
    hashes.append(h)
    firstOffsets.append(offset)
    arena.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
    slots[slot] = Int32(code)
    if starts.count * 2 > slots.count { grow() }
    return UInt32(code)
  }

  func bytes(of code: Int) -> ArraySlice<UInt8> {
    arena[starts[code]..<(starts[code] + lengths[code])]
  }

  private func equal(_ code: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    let s = starts[code]
    return arena.withUnsafeBufferPointer { a in
      for k in 0..<n where a[s + k] != p[k] { return false }
      return true
    }
  }

  private mutating func grow() {
    let size = slots.count * 2
    slots = Array(repeating: -1, count: size)
    mask = size - 1
    for code in 0..<starts.count {
      var slot = Int(truncatingIfNeeded: hashes[code]) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(code)
    }
  }
}

/// Interns byte strings into dense codes 0, 1, 2, … with an open-addressing
/// hash table over a byte arena: no String is created per cell, only one per
/// distinct value when the column is finished.
///
/// Built for columns with many distinct values (500,000 firm ids): a slot
/// packs 32 bits of the hash with the code, so a lookup usually costs one
/// cache miss; and the last value seen is checked first, because long
/// layouts repeat an id on consecutive rows.
struct ByteInterner {
  private(set) var arena: [UInt8] = []
  private(set) var starts: [Int] = []
  private(set) var lengths: [Int] = []
  /// For each code, the absolute file offset where it was first seen (for
  /// error messages about its text).
  private(set) var firstOffsets: [Int] = []
  /// 0 = empty; else (hash >> 32) << 32 | (code + 1).
  private var slots = [UInt64](repeating: 0, count: 64)
  private var mask = 63
  private var lastCode = -1
  private var lastHash: UInt64 = 0

  var count: Int { starts.count }

  /// FNV-1a's offset basis and prime; `finish` mixes the result so that
  /// the low bits used as the slot index are well spread.
  static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
  static let prime: UInt64 = 0x100_0000_01b3

  @inline(__always)
  static func finish(_ h0: UInt64) -> UInt64 {
    var h = h0 ^ (h0 >> 29)
    h = h &* 0xbf58_476d_1ce4_e5b9
    return h ^ (h >> 32)
  }

  @inline(__always)
  static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
    var h = seed
    for k in 0..<n { h = (h ^ UInt64(p[k])) &* prime }
    return finish(h)
  }

  /// Starts loading the table slot of a hash into the cache (see
  /// CSVParser: text fields are interned at the end of their record).
  @inline(__always)
  func prefetch(hash h: UInt64) {
    slots.withUnsafeBufferPointer { s in
      if let base = s.baseAddress { meting_prefetch(base + (Int(truncatingIfNeeded: h) & mask)) }
    }
  }

  /// The code of the bytes (whose `hash` is given), adding them when new.
  @inline(__always)
  mutating func intern(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt64, offset: Int) -> UInt32 {
    if lastCode >= 0, h == lastHash, lengths[lastCode] == n, equal(lastCode, p, n) { return UInt32(lastCode) }
    let tag = h & 0xFFFF_FFFF_0000_0000
    var slot = Int(truncatingIfNeeded: h) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { break }
      if entry & 0xFFFF_FFFF_0000_0000 == tag {
        let code = Int(entry & 0xFFFF_FFFF) - 1
        if lengths[code] == n, equal(code, p, n) {
          lastCode = code
          lastHash = h
          return UInt32(code)
        }
      }
      slot = (slot + 1) & mask
    }
    let code = starts.count
    starts.append(arena.count)
    lengths.append(n)
    firstOffsets.append(offset)
    arena.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
    slots[slot] = tag | UInt64(code + 1)
    if starts.count * 2 > slots.count { grow() }
    lastCode = code
    lastHash = h
    return UInt32(code)
  }

  func bytes(of code: Int) -> ArraySlice<UInt8> {
    arena[starts[code]..<(starts[code] + lengths[code])]
  }

  @inline(__always)
  private func equal(_ code: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    let s = starts[code]
    return arena.withUnsafeBufferPointer { a in
      guard let base = a.baseAddress else { return n == 0 }
      if n > 16 { return memcmp(base + s, p, n) == 0 }
      for k in 0..<n where base[s + k] != p[k] { return false }
      return true
    }
  }

  /// Doubles the table; entries are re-placed by their hashes, which are
  /// recomputed from the arena (the slots keep only 32 bits of them).
  private mutating func grow() {
    let size = slots.count * 2
    var fresh = [UInt64](repeating: 0, count: size)
    let newMask = size - 1
    arena.withUnsafeBufferPointer { a in
      guard let base = a.baseAddress else { return }
      for code in 0..<starts.count {
        let h = ByteInterner.hash(base + starts[code], lengths[code])
        var slot = Int(truncatingIfNeeded: h) & newMask
        while fresh[slot] != 0 { slot = (slot + 1) & newMask }
        fresh[slot] = (h & 0xFFFF_FFFF_0000_0000) | UInt64(code + 1)
      }
    }
    slots = fresh
    mask = newMask
  }
}

import CMetingSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

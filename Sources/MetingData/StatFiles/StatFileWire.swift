/// The bytes the reading child writes to its parent: a `StatFileContent`
/// in a little-endian binary layout, checked field by field when read back
/// (a child that dies half-way leaves a short stream, which is an error,
/// never a crash).
///
///     "MTNGRS01" · u64 rows · text label · text encoding · u32 variables ·
///     per variable: text name, label, format · u8 measure · u8 is-string ·
///     u32 tagged · u32 k + k f64 missing values · u32 k + k (f64, f64) ranges ·
///     u32 k + k (f64, text) value labels · numbers: u64 n + n f64 |
///     strings: u32 k + k text levels, u64 n + n u32 codes
///
/// A text is u32 length + UTF-8 bytes; length 0xFFFFFFFF is nil.
public enum StatFileWire {
  static let magic = Array("MTNGRS01".utf8)

  public static func encode(_ c: StatFileContent) -> [UInt8] {
    var out: [UInt8] = []
    let cells = c.variables.reduce(0) { $0 + ($1.isString ? $1.codes.count * 4 : $1.numbers.count * 8) }
    out.reserveCapacity(cells + 4096)
    out += magic
    put64(&out, UInt64(c.rowCount))
    putText(&out, c.fileLabel)
    putText(&out, c.encoding)
    put32(&out, UInt32(c.variables.count))
    for v in c.variables {
      putText(&out, v.name)
      putText(&out, v.label)
      putText(&out, v.format)
      out.append(v.measure.map { $0 == .nominal ? 1 : $0 == .ordinal ? 2 : 3 } ?? 0)
      out.append(v.isString ? 1 : 0)
      put32(&out, UInt32(v.taggedMissing))
      put32(&out, UInt32(v.missingValues.count))
      for m in v.missingValues { put64(&out, m.bitPattern) }
      put32(&out, UInt32(v.missingRanges.count))
      for r in v.missingRanges {
        put64(&out, r.lowerBound.bitPattern)
        put64(&out, r.upperBound.bitPattern)
      }
      let labels = v.valueLabels.sorted { $0.key < $1.key }
      put32(&out, UInt32(labels.count))
      for (code, label) in labels {
        put64(&out, code.bitPattern)
        putText(&out, label)
      }
      if v.isString {
        put32(&out, UInt32(v.levels.count))
        for level in v.levels { putText(&out, level) }
        put64(&out, UInt64(v.codes.count))
        v.codes.withUnsafeBytes { out += $0 }
      } else {
        put64(&out, UInt64(v.numbers.count))
        v.numbers.withUnsafeBytes { out += $0 }
      }
    }
    return out
  }

  public static func decode(_ bytes: [UInt8], path: String) throws(DataError) -> StatFileContent {
    var r = Cursor(bytes: bytes, path: path)
    guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else {
      throw .badFile(path: path, reason: "the reader's output is not meting's (no header)")
    }
    r.position = magic.count
    var c = StatFileContent()
    c.rowCount = Int(try r.u64())
    c.fileLabel = try r.text()
    c.encoding = try r.text()
    let count = Int(try r.u32())
    for _ in 0..<count {
      let name = try r.text() ?? ""
      let label = try r.text()
      let format = try r.text()
      let measure = try r.u8()
      let isString = try r.u8() == 1
      var v = StatVariable(name: name, isString: isString)
      v.label = label
      v.format = format
      v.measure = measure == 1 ? .nominal : measure == 2 ? .ordinal : measure == 3 ? .scale : nil
      v.taggedMissing = Int(try r.u32())
      for _ in 0..<(try r.u32()) { v.missingValues.append(Double(bitPattern: try r.u64())) }
      for _ in 0..<(try r.u32()) {
        let lo = Double(bitPattern: try r.u64())
        let hi = Double(bitPattern: try r.u64())
        guard lo <= hi else { throw .badFile(path: path, reason: "a missing-value range runs backwards") }
        v.missingRanges.append(lo...hi)
      }
      for _ in 0..<(try r.u32()) {
        let code = Double(bitPattern: try r.u64())
        v.valueLabels[code] = try r.text() ?? ""
      }
      if isString {
        for _ in 0..<(try r.u32()) { v.levels.append(try r.text() ?? "") }
        let n = Int(try r.u64())
        v.codes = try r.array(n, of: UInt32.self)
        let limit = UInt32(v.levels.count)
        guard v.codes.allSatisfy({ $0 < limit || $0 == StatVariable.missingCode }) else {
          throw .badFile(path: path, reason: "a text value of '\(name)' points nowhere")
        }
      } else {
        let n = Int(try r.u64())
        v.numbers = try r.array(n, of: Double.self)
      }
      c.variables.append(v)
    }
    return c
  }

  // MARK: Bytes

  private static func put32(_ out: inout [UInt8], _ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
  private static func put64(_ out: inout [UInt8], _ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
  private static func putText(_ out: inout [UInt8], _ s: String?) {
    guard let s else { return put32(&out, UInt32.max) }
    let utf8 = Array(s.utf8)
    put32(&out, UInt32(utf8.count))
    out += utf8
  }

  private struct Cursor {
    let bytes: [UInt8]
    let path: String
    var position = 0

    private func short() -> DataError { .badFile(path: path, reason: "the reader's output was cut short") }

    mutating func take(_ n: Int) throws(DataError) -> ArraySlice<UInt8> {
      guard n >= 0, position + n <= bytes.count else { throw short() }
      defer { position += n }
      return bytes[position..<(position + n)]
    }
    mutating func u8() throws(DataError) -> UInt8 { try take(1).first! }
    mutating func u32() throws(DataError) -> UInt32 {
      try take(4).reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }
    mutating func u64() throws(DataError) -> UInt64 {
      try take(8).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
    mutating func text() throws(DataError) -> String? {
      let n = try u32()
      if n == UInt32.max { return nil }
      return String(decoding: try take(Int(n)), as: UTF8.self)
    }
    /// n values of a fixed-size type, copied straight from the bytes.
    mutating func array<T>(_ n: Int, of: T.Type) throws(DataError) -> [T] {
      let (size, overflow) = n.multipliedReportingOverflow(by: MemoryLayout<T>.stride)
      guard !overflow else { throw short() }
      let slice = try take(size)
      return [T](unsafeUninitializedCapacity: n) { buffer, count in
        slice.withUnsafeBytes { raw in
          if let base = raw.baseAddress, n > 0 {
            UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: base, byteCount: size)
          }
        }
        count = n
      }
    }
  }
}

/// The bytes the reading child writes to its parent: a `StatFileContent`
/// in a little-endian binary layout, checked field by field when read back
/// (a child that dies half-way leaves a short stream, which is an error,
/// never a crash).
///
///     "MTNGRS02" · u64 rows · text label · text encoding · text detail ·
///     u32 k + k text notes · u32 variables ·
///     per variable: text name, label, format · u8 measure · u8 is-string ·
///     u32 k + k f64 missing values · u32 k + k (f64, f64) ranges ·
///     u32 k + k (f64, text) value labels · u32 k + k (text, text) labels of
///     text values · u32 k + k text missing texts · numbers: u64 n + n f64 |
///     strings: u32 k + k text levels, u64 n + n u32 codes
///
/// A text is u32 length + UTF-8 bytes; length 0xFFFFFFFF is nil.
public enum StatFileWire {
  static let magic = Array("MTNGRS02".utf8)

  public static func encode(_ c: StatFileContent) -> [UInt8] {
    var out: [UInt8] = []
    let cells = c.variables.reduce(0) { $0 + ($1.isString ? $1.codes.count * 4 : $1.numbers.count * 8) }
    out.reserveCapacity(cells + 4096)
    encode(c) { out.append(contentsOf: $0) }
    return out
  }

  /// Streams the encoding to `sink` in pieces: small ones for the
  /// metadata, each column's values in one piece (no copy of the data).
  public static func encode(_ c: StatFileContent, to sink: (UnsafeRawBufferPointer) -> Void) {
    var out: [UInt8] = []
    func flush() {
      out.withUnsafeBytes { sink($0) }
      out.removeAll(keepingCapacity: true)
    }
    out += magic
    put64(&out, UInt64(c.rowCount))
    putText(&out, c.fileLabel)
    putText(&out, c.encoding)
    putText(&out, c.detail)
    put32(&out, UInt32(c.notes.count))
    for note in c.notes { putText(&out, note) }
    put32(&out, UInt32(c.variables.count))
    for v in c.variables {
      putText(&out, v.name)
      putText(&out, v.label)
      putText(&out, v.format)
      out.append(v.measure.map { $0 == .nominal ? 1 : $0 == .ordinal ? 2 : 3 } ?? 0)
      out.append(v.isString ? 1 : 0)
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
      put32(&out, UInt32(v.textLabels.count))
      for (value, label) in v.textLabels.sorted(by: { $0.key < $1.key }) {
        putText(&out, value)
        putText(&out, label)
      }
      put32(&out, UInt32(v.missingTexts.count))
      for text in v.missingTexts { putText(&out, text) }
      if v.isString {
        put32(&out, UInt32(v.levels.count))
        for level in v.levels { putText(&out, level) }
        put64(&out, UInt64(v.codes.count))
        flush()
        v.codes.withUnsafeBytes { sink($0) }
      } else {
        put64(&out, UInt64(v.numbers.count))
        flush()
        v.numbers.withUnsafeBytes { sink($0) }
      }
    }
    flush()
  }

  public static func decode(_ bytes: [UInt8], path: String) throws(DataError) -> StatFileContent {
    var source = ArraySource(bytes: bytes)
    return try decode(from: &source, path: path)
  }

  /// Decodes from a source that fills buffers in order (a pipe: each
  /// column lands in its array with no intermediate copy).
  static func decode<S: WireSource>(from source: inout S, path: String) throws(DataError) -> StatFileContent {
    var variables: [StatVariable] = []
    var c = try decode(from: &source, path: path) { v throws(DataError) in variables.append(v) }
    c.variables = variables
    return c
  }

  /// Decodes the header, then hands over each variable as it arrives, so
  /// that a caller can turn it into its final form before the next one is
  /// read (the peak then holds one raw column, not all of them).
  static func decode<S: WireSource>(
    from source: inout S, path: String, each: (StatVariable) throws(DataError) -> Void
  ) throws(DataError) -> StatFileContent {
    var r = Reader(source: source, path: path)
    defer { source = r.source }
    guard try Array(r.take(magic.count)) == magic else {
      throw .badFile(path: path, reason: "the reader's output is not meting's (no header)")
    }
    var c = StatFileContent()
    c.rowCount = Int(try r.u64())
    c.fileLabel = try r.text()
    c.encoding = try r.text()
    c.detail = try r.text()
    let notes = Int(try r.u32())
    guard notes < 1 << 16 else { throw .badFile(path: path, reason: "the reader's output has \(notes) notes") }
    for _ in 0..<notes { c.notes.append(try r.text() ?? "") }
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
      for _ in 0..<(try r.u32()) {
        let value = try r.text() ?? ""
        v.textLabels[value] = try r.text() ?? ""
      }
      for _ in 0..<(try r.u32()) { v.missingTexts.append(try r.text() ?? "") }
      if isString {
        for _ in 0..<(try r.u32()) { v.levels.append(try r.text() ?? "") }
        let n = Int(try r.u64())
        guard n == c.rowCount else { throw .badFile(path: path, reason: "'\(name)' has \(n) values for \(c.rowCount) rows") }
        v.codes = try r.array(n, of: UInt32.self)
        let limit = UInt32(v.levels.count)
        guard v.codes.allSatisfy({ $0 < limit || $0 == StatVariable.missingCode }) else {
          throw .badFile(path: path, reason: "a text value of '\(name)' points nowhere")
        }
      } else {
        let n = Int(try r.u64())
        guard n == c.rowCount else { throw .badFile(path: path, reason: "'\(name)' has \(n) values for \(c.rowCount) rows") }
        v.numbers = try r.array(n, of: Double.self)
      }
      try each(v)
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

  /// Reads fields from a source, failing cleanly at its end.
  struct Reader<S: WireSource> {
    var source: S
    let path: String

    private func short() -> DataError { .badFile(path: path, reason: "the reader's output was cut short") }

    mutating func take(_ n: Int) throws(DataError) -> [UInt8] {
      guard n >= 0, n < 1 << 30 else { throw short() }
      var out = [UInt8](repeating: 0, count: n)
      let ok = out.withUnsafeMutableBytes { source.fill($0) }
      guard ok else { throw short() }
      return out
    }
    mutating func u8() throws(DataError) -> UInt8 { try take(1)[0] }
    mutating func u32() throws(DataError) -> UInt32 {
      try take(4).reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }
    mutating func u64() throws(DataError) -> UInt64 {
      try take(8).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
    mutating func text() throws(DataError) -> String? {
      let n = try u32()
      if n == UInt32.max { return nil }
      guard n <= 1 << 24 else { throw .badFile(path: path, reason: "the reader's output has a text of \(n) bytes") }
      return String(decoding: try take(Int(n)), as: UTF8.self)
    }
    /// n values of a fixed-size type, read straight into their array.
    mutating func array<T>(_ n: Int, of: T.Type) throws(DataError) -> [T] {
      let (size, overflow) = n.multipliedReportingOverflow(by: MemoryLayout<T>.stride)
      guard !overflow, n >= 0, size < 1 << 40 else { throw short() }
      var ok = true
      let values = [T](unsafeUninitializedCapacity: n) { buffer, count in
        ok = source.fill(UnsafeMutableRawBufferPointer(buffer))
        count = ok ? n : 0
      }
      guard ok else { throw short() }
      return values
    }
  }
}

/// Where the wire's bytes come from: `fill` reads exactly `buffer.count`
/// bytes, or returns false at the end.
protocol WireSource {
  mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) -> Bool
}

/// Bytes in memory (tests).
struct ArraySource: WireSource {
  let bytes: [UInt8]
  var position = 0

  mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) -> Bool {
    guard position + buffer.count <= bytes.count else { return false }
    if buffer.count > 0 {
      bytes.withUnsafeBytes { src in
        buffer.baseAddress!.copyMemory(from: src.baseAddress! + position, byteCount: buffer.count)
      }
    }
    position += buffer.count
    return true
  }
}

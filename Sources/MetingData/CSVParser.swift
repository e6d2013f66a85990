/// The record loop of the CSV reader: turns chunks of bytes into column
/// values, one record at a time, without building a String per cell.
///
/// RFC 4180 with the usual liberties: the delimiter and decimal separator
/// come from the dialect; fields may be quoted with `"` (a doubled `""`
/// inside is a quote) and then hold delimiters and newlines; records end in
/// LF, CRLF or CR; blank lines are skipped. A quote inside an unquoted field
/// is kept as text. Empty fields, whitespace-only fields and the tokens NA,
/// N/A, NaN and `.` are missing.
///
/// Chunks: `parse` consumes whole records only. A record cut off by the end
/// of a chunk is rolled back and reported as not consumed; the reader moves
/// it to the front of the buffer and reads on.
///
/// Speed (see Benchmarks in README.md): each byte is looked at once. A
/// numeric field is parsed while it is scanned (digits, one separator, an
/// end byte); a text field is hashed while it is scanned. Anything unusual
/// (quotes, spaces, exponents, long significands, NA) takes a slower,
/// general path. The parser is a struct so its columns are plain local
/// storage (no class-property exclusivity checks in the loop).
struct CSVParser {
  enum Failure: Error {
    case ragged(offset: Int, expected: Int, got: Int)
    case unterminatedQuote(offset: Int)
    case unexpectedAfterQuote(offset: Int)
  }

  let dialect: CSVDialect
  let columnCount: Int
  /// The columns being built, in manually managed memory so the loop can
  /// mutate them without copy-on-write checks; freed by `deallocate()`.
  private var builders: UnsafeMutableBufferPointer<ColumnBuilder>
  private(set) var rows = 0
  private var scratch: [UInt8] = []
  /// Text fields of the current record, interned when the record ends:
  /// by then their hash-table slots (prefetched) are in the cache.
  private var pending: UnsafeMutableBufferPointer<PendingText>

  struct PendingText {
    var column: Int
    var start: Int
    var length: Int
    var hash: UInt64
    var offset: Int
  }

  init(dialect: CSVDialect, columnCount: Int, textColumns: Set<Int>) {
    self.dialect = dialect
    self.columnCount = columnCount
    self.pending = .allocate(capacity: max(1, columnCount))
    self.builders = .allocate(capacity: columnCount)
    for i in 0..<columnCount {
      (builders.baseAddress.unsafelyUnwrapped + i).initialize(to: ColumnBuilder(text: textColumns.contains(i)))
    }
  }

  /// Whether some column turned text after numbers had been stored in it.
  var columnsNeedingReparse: Set<Int> {
    Set(builders.indices.filter { builders[$0].turnedTextLate })
  }

  mutating func reserve(rows n: Int) {
    for i in builders.indices { builders[i].reserve(n) }
  }

  /// Parses the complete records in `chunk` and returns how many bytes they
  /// took. `base` is the chunk's offset in the file (for error locations);
  /// `isLast` says no more bytes follow.
  mutating func parse(_ chunk: UnsafeBufferPointer<UInt8>, base: Int, isLast: Bool) throws(Failure) -> Int {
    guard let buf = chunk.baseAddress else { return 0 }
    let end = chunk.count
    let delimiter = dialect.delimiter
    let separator = dialect.decimalSeparator
    let lf = UInt8(ascii: "\n")
    let cr = UInt8(ascii: "\r")
    let quote = UInt8(ascii: "\"")
    let columnCount = self.columnCount
    var p = 0
    var pendingCount = 0

    records: while p < end {
      let recordStart = p
      // Blank lines.
      if buf[p] == lf {
        p += 1
        continue
      }
      if buf[p] == cr {
        if p + 1 < end {
          p += buf[p + 1] == lf ? 2 : 1
          continue
        }
        if isLast {
          p += 1
          continue
        }
        return recordStart
      }
      var column = 0
      pendingCount = 0
      while true {
        if column >= columnCount {
          throw .ragged(offset: base + p, expected: columnCount, got: countFields(buf, recordStart, end))
        }
        if p < end, buf[p] == quote {
          let open = p
          switch quotedField(buf, &p, end, isLast: isLast) {
          case .incomplete:
            rollBack()
            return recordStart
          case .unterminated:
            throw .unterminatedQuote(offset: base + open)
          case .badEnd:
            throw .unexpectedAfterQuote(offset: base + p)
          case .done:
            convertScratch(column, offset: base + open)
          }
        } else if builders[column].kind == .numeric {
          // Fused scan and parse: [-]digits[sep digits], then an end byte.
          var q = p
          var negative = false
          if q < end, buf[q] == UInt8(ascii: "-") {
            negative = true
            q += 1
          }
          var m: UInt64 = 0
          var digits = 0
          var exponent = 0
          while q < end {
            let d = buf[q] &- 48
            if d > 9 { break }
            m = m &* 10 &+ UInt64(d)
            digits += 1
            q += 1
          }
          if q < end, buf[q] == separator {
            q += 1
            while q < end {
              let d = buf[q] &- 48
              if d > 9 { break }
              m = m &* 10 &+ UInt64(d)
              digits += 1
              exponent -= 1
              q += 1
            }
          }
          let terminated = q < end ? (buf[q] == delimiter || buf[q] == lf || buf[q] == cr) : isLast
          if terminated, digits > 0, digits <= 19, q - p > (negative ? 1 : 0) {
            if exponent == 0, m <= 127 {
              builders[column].appendSmall(negative ? -Int8(m) : Int8(m))
              p = q
            } else if let v = m == 0 ? 0 : DecimalParser.exact(m, exponent) {
              builders[column].appendNumber(negative ? -v : v)
              p = q
            } else {
              convertSlowly(column, buf, p, q, offset: base + p)
              p = q
            }
          } else {
            // Empty, spaces, exponents, NA, text: find the end, go slowly.
            while q < end {
              let b = buf[q]
              if b == delimiter || b == lf || b == cr { break }
              q += 1
            }
            if q == end, !isLast {
              rollBack()
              return recordStart
            }
            if q == p {
              builders[column].appendMissing()
            } else {
              convertSlowly(column, buf, p, q, offset: base + p)
            }
            p = q
          }
        } else {
          // Text: hash while scanning.
          var q = p
          var h: UInt64 = ByteInterner.seed
          while q < end {
            let b = buf[q]
            if b == delimiter || b == lf || b == cr { break }
            h = (h ^ UInt64(b)) &* ByteInterner.prime
            q += 1
          }
          if q == end, !isLast {
            rollBack()
            return recordStart
          }
          let n = q - p
          if n == 0 {
            builders[column].appendMissing()
          } else if n <= 3 && CSVParser.isMissingToken(buf, p, q) || buf[p] == 0x20 || buf[q - 1] == 0x20 {
            convertSlowly(column, buf, p, q, offset: base + p)
          } else {
            let hash = ByteInterner.finish(h)
            builders[column].prefetch(hash: hash)
            builders[column].appendMissing()  // a placeholder, filled at the end of the record
            pending[pendingCount] = PendingText(column: column, start: p, length: n, hash: hash, offset: base + p)
            pendingCount += 1
          }
          p = q
        }
        if p < end, buf[p] == delimiter {
          column += 1
          p += 1
          continue
        }
        // End of the record.
        if column != columnCount - 1 {
          throw .ragged(offset: base + p, expected: columnCount, got: column + 1)
        }
        if p < end {
          if buf[p] == cr {
            p += 1
            if p < end, buf[p] == lf { p += 1 }
          } else {
            p += 1  // LF
          }
        }
        for k in 0..<pendingCount {
          let t = pending[k]
          builders[t.column].setLastText(buf + t.start, t.length, hash: t.hash, offset: t.offset)
        }
        rows += 1
        continue records
      }
    }
    return p
  }

  private enum QuotedField { case done, incomplete, unterminated, badEnd }

  /// Reads a quoted field into `scratch`, `""` as `"`; leaves `p` after
  /// the closing quote (and any spaces).
  private mutating func quotedField(_ buf: UnsafePointer<UInt8>, _ p: inout Int, _ end: Int, isLast: Bool)
    -> QuotedField
  {
    let quote = UInt8(ascii: "\"")
    scratch.removeAll(keepingCapacity: true)
    p += 1
    var closed = false
    while p < end {
      let b = buf[p]
      if b == quote {
        if p + 1 < end, buf[p + 1] == quote {
          scratch.append(quote)
          p += 2
          continue
        }
        if p + 1 == end, !isLast { break }  // `""` may straddle the chunk end
        closed = true
        p += 1
        break
      }
      scratch.append(b)
      p += 1
    }
    if !closed { return isLast ? .unterminated : .incomplete }
    while p < end, buf[p] == UInt8(ascii: " ") { p += 1 }
    if p < end, buf[p] != dialect.delimiter, buf[p] != UInt8(ascii: "\n"), buf[p] != UInt8(ascii: "\r") {
      return .badEnd
    }
    if p == end, !isLast { return .incomplete }
    return .done
  }

  /// Stores the quoted field in `scratch` in column `column`.
  private mutating func convertScratch(_ column: Int, offset: Int) {
    let field = scratch
    field.withUnsafeBufferPointer { s in
      guard let sp = s.baseAddress else {
        builders[column].appendMissing()
        return
      }
      if builders[column].kind == .numeric,
        let v = DecimalParser.parse(sp, 0, s.count, separator: dialect.decimalSeparator)
      {
        builders[column].appendNumber(v)
      } else {
        convertSlowly(column, sp, 0, s.count, offset: offset)
      }
    }
  }

  /// The general path for one field `bytes[start..<end]`: trims spaces,
  /// recognises missing tokens, parses numbers, else stores text (turning a
  /// numeric column into text).
  private mutating func convertSlowly(
    _ column: Int, _ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int, offset: Int
  ) {
    var s = start
    var e = end
    while s < e, bytes[s] == 0x20 || bytes[s] == 0x09 { s += 1 }
    while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 { e -= 1 }
    if s == e || CSVParser.isMissingToken(bytes, s, e) {
      builders[column].appendMissing()
      return
    }
    if builders[column].kind == .numeric {
      if let v = DecimalParser.parse(bytes, s, e, separator: dialect.decimalSeparator) {
        builders[column].appendNumber(v)
        return
      }
      builders[column].becomeText()
    }
    let n = end - start
    builders[column].appendText(bytes + start, n, hash: ByteInterner.hash(bytes + start, n), offset: offset)
  }

  /// NA, N/A, NaN or a lone '.' (Stata's and SAS's missing value).
  static func isMissingToken(_ b: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
    switch e - s {
    case 1: return b[s] == UInt8(ascii: ".")
    case 2: return b[s] == UInt8(ascii: "N") && b[s + 1] == UInt8(ascii: "A")
    case 3:
      return (b[s] == UInt8(ascii: "N") && b[s + 1] == UInt8(ascii: "/")
        && b[s + 2] == UInt8(ascii: "A"))
        || (b[s] == UInt8(ascii: "N") && b[s + 1] == UInt8(ascii: "a")
          && b[s + 2] == UInt8(ascii: "N"))
    default: return false
    }
  }

  private mutating func rollBack() {
    for i in builders.indices { builders[i].truncate(to: rows) }
  }

  /// The number of fields of the record at `start` (for a message).
  private func countFields(_ buf: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
    var fields = 1
    var inQuotes = false
    var i = start
    while i < end {
      let b = buf[i]
      if b == UInt8(ascii: "\"") {
        inQuotes.toggle()
      } else if !inQuotes {
        if b == dialect.delimiter { fields += 1 }
        if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { break }
      }
      i += 1
    }
    return fields
  }

  /// The built columns (valid until `deallocate`).
  var columns: [ColumnBuilder] { Array(builders) }

  /// Frees one column's memory once it has been copied out.
  func deallocateColumn(_ i: Int) { builders[i].deallocate() }

  /// Frees the columns' memory; the parser is spent afterwards.
  mutating func deallocate() {
    for i in builders.indices { builders[i].deallocate() }
    _ = builders.deinitialize()
    builders.deallocate()
    pending.deallocate()
    pending = UnsafeMutableBufferPointer(start: nil, count: 0)
    builders = UnsafeMutableBufferPointer(start: nil, count: 0)
  }
}

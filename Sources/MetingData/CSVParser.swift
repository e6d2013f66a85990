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
final class CSVParser {
  enum Failure: Error {
    case ragged(offset: Int, expected: Int, got: Int)
    case unterminatedQuote(offset: Int)
    case unexpectedAfterQuote(offset: Int)
  }

  let dialect: CSVDialect
  let columnCount: Int
  private(set) var builders: [ColumnBuilder]
  private(set) var rows = 0
  private var scratch: [UInt8] = []

  init(dialect: CSVDialect, columnCount: Int, textColumns: Set<Int>) {
    self.dialect = dialect
    self.columnCount = columnCount
    self.builders = (0..<columnCount).map { ColumnBuilder(text: textColumns.contains($0)) }
  }

  /// Whether some column turned text after numbers had been stored in it.
  var columnsNeedingReparse: Set<Int> {
    Set(builders.indices.filter { builders[$0].turnedTextLate })
  }

  func reserve(rows n: Int) {
    for i in builders.indices { builders[i].reserve(n) }
  }

  /// Parses the complete records in `chunk` and returns how many bytes they
  /// took. `base` is the chunk's offset in the file (for error locations);
  /// `isLast` says no more bytes follow.
  func parse(_ chunk: UnsafeBufferPointer<UInt8>, base: Int, isLast: Bool) throws(Failure) -> Int {
    guard let buf = chunk.baseAddress else { return 0 }
    let end = chunk.count
    let delimiter = dialect.delimiter
    let lf = UInt8(ascii: "\n")
    let cr = UInt8(ascii: "\r")
    let quote = UInt8(ascii: "\"")
    var p = 0

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
      while true {
        if column >= columnCount {
          throw .ragged(offset: base + p, expected: columnCount, got: countFields(buf, recordStart, end))
        }
        if p < end, buf[p] == quote {
          // Quoted field: unescape into scratch.
          let open = p
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
              if p + 1 == end, !isLast { break }  // "" may straddle the chunk end
              closed = true
              p += 1
              break
            }
            scratch.append(b)
            p += 1
          }
          if !closed {
            if isLast { throw .unterminatedQuote(offset: base + open) }
            rollBack()
            return recordStart
          }
          while p < end, buf[p] == UInt8(ascii: " ") { p += 1 }
          if p < end, buf[p] != delimiter, buf[p] != lf, buf[p] != cr {
            throw .unexpectedAfterQuote(offset: base + p)
          }
          if p == end, !isLast {
            rollBack()
            return recordStart
          }
          let offset = base + open
          scratch.withUnsafeBufferPointer { s in
            if let sp = s.baseAddress {
              convert(column, sp, 0, s.count, offset: offset)
            } else {
              builders[column].appendMissing()
            }
          }
        } else {
          var q = p
          while q < end {
            let b = buf[q]
            if b == delimiter || b == lf || b == cr { break }
            q += 1
          }
          if q == end, !isLast {
            rollBack()
            return recordStart
          }
          convert(column, buf, p, q, offset: base + p)
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
        rows += 1
        continue records
      }
    }
    return p
  }

  /// Stores one field, `bytes[start..<end]`, in column `column`.
  @inline(__always)
  private func convert(
    _ column: Int, _ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int, offset: Int
  ) {
    if builders[column].kind == .numeric,
      let v = DecimalParser.parse(bytes, start, end, separator: dialect.decimalSeparator)
    {
      builders[column].appendNumber(v)
      return
    }
    convertSlowly(column, bytes, start, end, offset: offset)
  }

  private func convertSlowly(
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
    builders[column].appendText(bytes + start, end - start, offset: offset)
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

  private func rollBack() {
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

  /// Hands the built columns over (the parser is spent afterwards).
  func takeBuilders() -> [ColumnBuilder] {
    defer { builders = [] }
    return builders
  }
}

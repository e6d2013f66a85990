/// How a delimited text file is written: the field delimiter and the
/// decimal separator. Sniffed from the first lines unless given.
public struct CSVDialect: Sendable, Equatable {
  public var delimiter: UInt8
  public var decimalSeparator: UInt8

  public init(delimiter: UInt8 = UInt8(ascii: ","), decimalSeparator: UInt8 = UInt8(ascii: ".")) {
    self.delimiter = delimiter
    self.decimalSeparator = decimalSeparator
  }

  /// The delimiters tried, in order of preference on a tie.
  static let candidates: [UInt8] = [
    UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|"),
  ]

  /// Sniffs the dialect from the first lines of a file.
  ///
  /// The delimiter is the candidate that splits every sampled line into the
  /// same number (> 1) of fields, preferring more fields; failing that, the
  /// one most frequent in the first line, else ','. Quotes are respected.
  /// The decimal separator is ',' only when the delimiter is not ',' and the
  /// sample has numbers like `3,5` and none like `3.5` (Dutch Excel).
  static func sniff(_ sample: UnsafeBufferPointer<UInt8>, delimiter given: UInt8? = nil)
    -> CSVDialect
  {
    let lines = sampleLines(sample, limit: 30)
    guard !lines.isEmpty else { return CSVDialect(delimiter: given ?? UInt8(ascii: ",")) }
    let delimiter = given ?? pickDelimiter(lines)
    var comma = 0
    var dot = 0
    if delimiter != UInt8(ascii: ",") {
      for line in lines.dropFirst() {
        for field in split(line, on: delimiter) {
          switch decimalShape(field) {
          case UInt8(ascii: ","): comma += 1
          case UInt8(ascii: "."): dot += 1
          default: break
          }
        }
      }
    }
    let separator = comma > 0 && dot == 0 ? UInt8(ascii: ",") : UInt8(ascii: ".")
    return CSVDialect(delimiter: delimiter, decimalSeparator: separator)
  }

  private static func pickDelimiter(_ lines: [ArraySlice<UInt8>]) -> UInt8 {
    var best: (delimiter: UInt8, fields: Int)? = nil
    for d in candidates {
      let counts = lines.map { split($0, on: d).count }
      guard let first = counts.first, first > 1, counts.allSatisfy({ $0 == first }) else {
        continue
      }
      if let b = best, b.fields >= first { continue }
      best = (d, first)
    }
    if let best { return best.delimiter }
    let header = lines[0]
    let counts = candidates.map { d in header.filter { $0 == d }.count }
    if let most = counts.max(), most > 0, let i = counts.firstIndex(of: most) {
      return candidates[i]
    }
    return UInt8(ascii: ",")
  }

  /// Up to `limit` complete lines (a quoted newline does not end a line).
  static func sampleLines(_ sample: UnsafeBufferPointer<UInt8>, limit: Int) -> [ArraySlice<UInt8>] {
    let bytes = Array(sample)
    var lines: [ArraySlice<UInt8>] = []
    var start = 0
    var inQuotes = false
    var i = 0
    while i < bytes.count, lines.count < limit {
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        inQuotes.toggle()
      } else if !inQuotes, b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
        if i > start { lines.append(bytes[start..<i]) }
        start = i + 1
      }
      i += 1
    }
    // A last line without a newline counts only when the sample is the whole file.
    if lines.isEmpty, start < bytes.count, !inQuotes { lines.append(bytes[start...]) }
    return lines
  }

  /// Splits a line on `delimiter` outside quotes.
  static func split(_ line: ArraySlice<UInt8>, on delimiter: UInt8) -> [ArraySlice<UInt8>] {
    var fields: [ArraySlice<UInt8>] = []
    var start = line.startIndex
    var inQuotes = false
    for i in line.indices {
      let b = line[i]
      if b == UInt8(ascii: "\"") {
        inQuotes.toggle()
      } else if !inQuotes, b == delimiter {
        fields.append(line[start..<i])
        start = i + 1
      }
    }
    fields.append(line[start...])
    return fields
  }

  /// '.' or ',' when the field looks like `[-]digits SEP digits`, else 0.
  private static func decimalShape(_ field: ArraySlice<UInt8>) -> UInt8 {
    var digitsBefore = 0
    var digitsAfter = 0
    var separator: UInt8 = 0
    for (k, b) in field.enumerated() {
      if b >= 48 && b <= 57 {
        if separator == 0 { digitsBefore += 1 } else { digitsAfter += 1 }
      } else if (b == UInt8(ascii: ",") || b == UInt8(ascii: ".")) && separator == 0 {
        separator = b
      } else if b == UInt8(ascii: "-") && k == 0 {
        continue
      } else {
        return 0
      }
    }
    return digitsAfter > 0 ? separator : 0
  }
}

import Foundation

/// The cells of one worksheet part (`sheetData`, ECMA-376 Part 1 §18.3.1),
/// by column, each with its row and typed value. Empty cells (style only)
/// are not kept.
struct XLSXSheet {
  enum Value {
    case number(Double, XLSXStyles.Kind)
    case text(String)
    case boolean(Bool)
    /// An error value such as #N/A or #DIV/0!.
    case error(String)
    /// A formula the writer stored without its result.
    case uncalculated
  }

  struct Column {
    var rows: [Int32] = []
    var values: [Value] = []
  }

  /// Columns by 0-based index (A = 0); empty where no cell has a value.
  private(set) var columns: [Column] = []

  /// Excel's limits: 1,048,576 rows and 16,384 columns (XFD).
  static let maxRows = 1_048_576
  static let maxColumns = 16_384

  init(_ package: XLSXPackage, part: String, sharedStrings: [String], styles: XLSXStyles, date1904: Bool) throws(DataError) {
    let path = package.path
    let data = try package.read(part, role: "worksheet")
    var columns: [Column] = []
    var failure: DataError?

    var row = 0  // 1-based; 0 before the first <row>
    var column = -1
    var type = CellType.number
    var style = 0
    var hasFormula = false
    var hasValue = false
    var text: [UInt8] = []
    var collecting = false
    var inInline = false
    var phonetic = 0

    func fail(_ reason: String) {
      if failure == nil {
        failure = .badFile(path: path, reason: "\(part), cell \(XLSXSheet.columnName(max(column, 0)))\(row): \(reason)")
      }
    }

    func store(_ v: Value) {
      if column >= columns.count { columns += Array(repeating: Column(), count: column + 1 - columns.count) }
      columns[column].rows.append(Int32(row))
      columns[column].values.append(v)
    }

    func string() -> String { String(decoding: text, as: UTF8.self) }

    func finishCell() {
      guard failure == nil else { return }
      switch type {
      case .shared:
        guard hasValue else { return }
        guard let k = XLSXSheet.integer(text), k < sharedStrings.count else {
          return fail("points at shared string \(string()), but the table has \(sharedStrings.count)")
        }
        store(.text(sharedStrings[k]))
      case .inline:
        store(.text(XLSXText.unescape(string())))
      case .formulaText:
        if hasValue { store(.text(XLSXText.unescape(string()))) } else if hasFormula { store(.uncalculated) }
      case .boolean:
        guard hasValue else { return hasFormula ? store(.uncalculated) : () }
        let v = string().trimmedSpaces.lowercased()
        store(.boolean(v == "1" || v == "true"))
      case .error:
        store(.error(string().trimmedSpaces))
      case .isoDate:
        guard hasValue else { return }
        guard let serial = XLSXDates.serial(iso: string().trimmedSpaces) else {
          return fail("'\(string())' is not an ISO 8601 date")
        }
        store(.number(serial, text.contains(UInt8(ascii: "T")) ? .dateTime : .date))
      case .number:
        guard hasValue else { return hasFormula ? store(.uncalculated) : () }
        let parsed = text.withUnsafeBufferPointer { b in
          b.baseAddress.flatMap { DecimalParser.parse($0, 0, b.count, separator: UInt8(ascii: ".")) }
        }
        guard let x = parsed ?? Double(string().trimmedSpaces), x.isFinite else {
          return fail("'\(string())' is not a number")
        }
        let kind = styles.kind(ofStyle: style)
        store(.number(kind != .number && date1904 ? x + 1462 : x, kind))
      case .unknown:
        fail("unknown cell type")
      }
    }

    try XMLEvents.parse(
      data, part: part, path: path,
      start: { element, a in
        switch element {
        case "c":
          type = a.bytes("t").map(CellType.init) ?? .number
          style = a.int("s") ?? 0
          hasFormula = false
          hasValue = false
          text.removeAll(keepingCapacity: true)
          if let r = a.bytes("r") {
            guard let (c, rr) = XLSXSheet.parse(reference: r) else {
              return fail("'\(String(decoding: r, as: UTF8.self))' is not a cell reference")
            }
            column = c
            row = rr
          } else {
            column += 1
            guard column < XLSXSheet.maxColumns else { return fail("a row has more than 16,384 cells") }
            if row == 0 { row = 1 }
          }
        case "v":
          collecting = true
          hasValue = true
        case "row":
          if let r = a.bytes("r") {
            guard let k = XLSXSheet.integer(r), k >= 1, k <= XLSXSheet.maxRows else {
              return fail("row number '\(String(decoding: r, as: UTF8.self))' is out of range")
            }
            row = k
          } else {
            row += 1
          }
          column = -1
        case "f": hasFormula = true
        case "is": inInline = true
        case "rPh": phonetic += 1
        case "t": collecting = inInline && phonetic == 0
        default: break
        }
      },
      end: { element in
        switch element {
        case "c": finishCell()
        case "v", "t": collecting = false
        case "is": inInline = false
        case "rPh": phonetic -= 1
        default: break
        }
      },
      text: { bytes in if collecting { text.append(contentsOf: bytes) } })
    if let failure { throw failure }
    self.columns = columns
  }

  /// The cell types of the `t` attribute (§18.18.11).
  enum CellType {
    case number, shared, inline, formulaText, boolean, error, isoDate, unknown

    init(_ t: UnsafeBufferPointer<UInt8>) {
      switch String(decoding: t, as: UTF8.self) {
      case "n": self = .number
      case "s": self = .shared
      case "inlineStr": self = .inline
      case "str": self = .formulaText
      case "b": self = .boolean
      case "e": self = .error
      case "d": self = .isoDate
      default: self = .unknown
      }
    }
  }

  /// A non-negative whole number in ASCII digits (surrounding blanks
  /// allowed), or nil.
  static func integer(_ bytes: some Collection<UInt8>) -> Int? {
    var n = 0
    var digits = 0
    for c in bytes {
      if c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") {
        n = n * 10 + Int(c - UInt8(ascii: "0"))
        digits += 1
        if digits > 12 { return nil }
      } else if c != 0x20, c != 0x09, c != 0x0A, c != 0x0D {
        return nil
      }
    }
    return digits > 0 ? n : nil
  }

  /// "AB12" → (27, 12): the 0-based column and the 1-based row.
  static func parse(reference: String) -> (Int, Int)? { parse(reference: Array(reference.utf8)) }

  static func parse(reference: some Collection<UInt8>) -> (Int, Int)? {
    var column = 0
    var row = 0
    var letters = 0
    var digits = 0
    for c in reference {
      switch c {
      case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
        column = column * 26 + Int(c - UInt8(ascii: "A")) + 1
        letters += 1
      case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
        column = column * 26 + Int(c - UInt8(ascii: "a")) + 1
        letters += 1
      case UInt8(ascii: "$"): continue
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        row = row * 10 + Int(c - UInt8(ascii: "0"))
        digits += 1
      default: return nil
      }
      if letters > 3 || digits > 7 { return nil }
    }
    guard letters > 0, digits > 0, column <= maxColumns, row >= 1, row <= maxRows else { return nil }
    return (column - 1, row)
  }

  /// 0 → "A", 27 → "AB".
  static func columnName(_ index: Int) -> String {
    var n = index + 1
    var out: [Character] = []
    while n > 0 {
      let r = (n - 1) % 26
      out.append(Character(UnicodeScalar(UInt8(ascii: "A") + UInt8(r))))
      n = (n - 1) / 26
    }
    return String(out.reversed())
  }
}

extension String {
  /// Without leading and trailing spaces, tabs and line ends (ASCII only:
  /// cheap enough to call per cell, unlike Foundation's trimming).
  var trimmedSpaces: String {
    let u = utf8
    func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    guard let first = u.first, let last = u.last, blank(first) || blank(last) else { return self }
    let start = u.firstIndex { !blank($0) } ?? u.endIndex
    guard start != u.endIndex, let end = u.lastIndex(where: { !blank($0) }) else { return "" }
    return String(self[start...end])
  }
}

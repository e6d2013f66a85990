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
    var type = "n"
    var style = 0
    var reference = ""
    var hasFormula = false
    var hasValue = false
    var text = ""
    var collecting = false
    var inInline = false
    var phonetic = 0

    func fail(_ reason: String) {
      if failure == nil { failure = .badFile(path: path, reason: "\(part), cell \(reference): \(reason)") }
    }

    func store(_ v: Value) {
      if column >= columns.count { columns += Array(repeating: Column(), count: column + 1 - columns.count) }
      columns[column].rows.append(Int32(row))
      columns[column].values.append(v)
    }

    func finishCell() {
      guard failure == nil else { return }
      let raw = text
      switch type {
      case "s":
        guard hasValue else { return }
        guard let k = Int(raw.trimmingCharacters(in: .whitespaces)), k >= 0, k < sharedStrings.count else {
          return fail("points at shared string \(raw), but the table has \(sharedStrings.count)")
        }
        store(.text(sharedStrings[k]))
      case "inlineStr":
        store(.text(XLSXText.unescape(raw)))
      case "str":
        if hasValue { store(.text(XLSXText.unescape(raw))) } else if hasFormula { store(.uncalculated) }
      case "b":
        guard hasValue else { return hasFormula ? store(.uncalculated) : () }
        store(.boolean(raw.trimmingCharacters(in: .whitespaces) == "1" || raw.lowercased() == "true"))
      case "e":
        store(.error(raw.trimmingCharacters(in: .whitespaces)))
      case "d":
        guard hasValue else { return }
        guard let serial = XLSXDates.serial(iso: raw.trimmingCharacters(in: .whitespaces)) else {
          return fail("'\(raw)' is not an ISO 8601 date")
        }
        store(.number(serial, raw.contains("T") ? .dateTime : .date))
      case "n":
        guard hasValue else { return hasFormula ? store(.uncalculated) : () }
        guard let x = Double(raw.trimmingCharacters(in: .whitespacesAndNewlines)), x.isFinite else {
          return fail("'\(raw)' is not a number")
        }
        let kind = styles.kind(ofStyle: style)
        store(.number(kind != .number && date1904 ? x + 1462 : x, kind))
      default:
        fail("unknown cell type '\(type)'")
      }
    }

    try XMLEvents.parse(
      data, part: part, path: path,
      start: { element, a in
        switch element {
        case "row":
          if let r = a["r"] {
            guard let k = Int(r), k >= 1, k <= XLSXSheet.maxRows else { return fail("row number '\(r)' is out of range") }
            row = k
          } else {
            row += 1
          }
          column = -1
        case "c":
          type = a["t"] ?? "n"
          style = a["s"].flatMap { Int($0) } ?? 0
          hasFormula = false
          hasValue = false
          text = ""
          if let r = a["r"] {
            reference = r
            guard let (c, rr) = XLSXSheet.parse(reference: r) else { return fail("'\(r)' is not a cell reference") }
            column = c
            if rr != row, rr >= 1 { row = rr }
          } else {
            column += 1
            guard column < XLSXSheet.maxColumns else { return fail("a row has more than 16,384 cells") }
            reference = XLSXSheet.columnName(column) + "\(row)"
          }
          if row == 0 { row = 1 }
        case "v":
          collecting = true
          hasValue = true
        case "f": hasFormula = true
        case "is": inInline = true
        case "rPh": phonetic += 1
        case "t": collecting = inInline && phonetic == 0
        default: break
        }
      },
      end: { element in
        switch element {
        case "v", "t": collecting = false
        case "is": inInline = false
        case "rPh": phonetic -= 1
        case "c": finishCell()
        default: break
        }
      },
      text: { s in if collecting { text += s } })
    if let failure { throw failure }
    self.columns = columns
  }

  /// "AB12" → (27, 12): the 0-based column and the 1-based row.
  static func parse(reference: String) -> (Int, Int)? {
    var column = 0
    var row = 0
    var letters = 0
    var digits = 0
    for c in reference.utf8 {
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

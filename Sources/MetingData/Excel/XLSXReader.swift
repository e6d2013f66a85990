import Foundation

/// Reads one worksheet of an .xlsx workbook into a `StatFileContent`, in
/// the reading child like ReadStat's formats (a zip bomb or a pathological
/// XML part costs the child, not the session).
///
/// The sheet's used cells give the table: the first row with a value is the
/// header, the rows below it to the last row with a value are the data
/// (empty rows between are kept as missing), and columns with neither a
/// header nor a value are left out. A column's type follows its cells, as
/// readxl does, with two differences it reports: text cells that are
/// missing-value words (empty, NA, N/A, NaN, ".") are missing in a column
/// of numbers, and numbers typed as text ("3" stored as text, as some
/// survey tools export every answer) are read as numbers, as meting's CSV
/// reader does. Any other text makes the column text, numbers written as
/// Excel shows them unformatted. Numbers whose
/// style is a date format are dates (`TimeEncoding.excelDate`), TRUE/FALSE
/// are 1/0, error cells (#N/A, #DIV/0!) and formulas stored without a
/// result are missing, counted in the notes.
public enum XLSXReader {
  /// Reads the sheet `requested` (by name or number; the first when nil),
  /// or only the cells in `range` ("A3" or "A3:K95", as Stata's
  /// cellrange: the header is the range's first row).
  public static func read(path: String, sheet requested: String?, range: String? = nil) throws(DataError) -> StatFileContent {
    var limits: (rows: ClosedRange<Int>, columns: ClosedRange<Int>)? = nil
    if let range {
      guard let r = XLSXReader.range(range) else {
        throw .badFile(path: path, reason: "'\(range)' is not a cell range such as A3 or A3:K95")
      }
      limits = r
    }
    let package = try XLSXPackage(path: path)
    let workbook = try XLSXWorkbook(package)
    let (chosen, index) = try workbook.sheet(requested, path: path)
    var strings: [String] = []
    if let part = workbook.sharedStringsPart { strings = try XLSXSharedStrings.read(package, part: part) }
    var styles = XLSXStyles()
    if let part = workbook.stylesPart { styles = try XLSXStyles(package, part: part) }
    let cells = try XLSXSheet(
      package, part: chosen.part, sharedStrings: strings, styles: styles, date1904: workbook.date1904)

    var content = StatFileContent()
    let others = workbook.sheets.count > 1 ? ", \(index + 1) of \(workbook.sheets.count): " + workbook.sheets.map { "'\($0.name)'" }.joined(separator: ", ") : ""
    guard var box = cells.usedRange(within: limits) else {
      let where_ = range.map { " in \($0)" } ?? ""
      throw .badFile(path: path, reason: "the sheet '\(chosen.name)' has no cells with values\(where_)\(others.isEmpty ? "" : " (sheets" + others.dropFirst(1) + ")")")
    }
    if let limits { box.rows = limits.rows.lowerBound...box.rows.upperBound }  // the header is the range's first row
    content.detail = "sheet '\(chosen.name)'\(others), cells \(XLSXSheet.columnName(box.columns.lowerBound))\(box.rows.lowerBound):\(XLSXSheet.columnName(box.columns.upperBound))\(box.rows.upperBound)"
    content.rowCount = box.rows.upperBound - box.rows.lowerBound
    var table = Table(header: box.rows.lowerBound, rows: content.rowCount)
    for c in box.columns {
      if let v = table.variable(cells.columns[c], column: c) { content.variables.append(v) }
    }
    content.notes = table.notes(date1904: workbook.date1904)
    return content
  }

  /// Builds variables column by column and remembers what to tell.
  struct Table {
    let header: Int
    let rows: Int
    var used: Set<String> = []
    var renamed: [String] = []
    var emptyColumns: [String] = []
    var mixedToText: [String] = []
    var textToNumbers: [String] = []
    var mixedDates: [String] = []
    var booleans: [String] = []
    var errors: [String: Int] = [:]
    var errorColumns: [String] = []
    var uncalculated: [String] = []

    init(header: Int, rows: Int) {
      self.header = header
      self.rows = rows
    }

    mutating func variable(_ column: XLSXSheet.Column, column c: Int) -> StatVariable? {
      let letter = XLSXSheet.columnName(c)
      var title = ""
      var values: [XLSXSheet.Value?] = Array(repeating: nil, count: rows)
      var any = false
      for (r, value) in zip(column.rows, column.values) {
        let row = Int(r)
        if row == header {
          title = Table.text(of: value) ?? ""
        } else if row > header, row - header - 1 < rows {
          values[row - header - 1] = value
          any = true
        }
      }
      let header = title.trimmingCharacters(in: .whitespaces)
      if header.isEmpty && !any {
        emptyColumns.append(letter)
        return nil
      }
      let name = VariableName.assign(header: header, position: c, used: &used)
      if name != header { renamed.append(header.isEmpty ? "column \(letter) (no header) → \(name)" : "'\(header)' → \(name)") }

      // The column's type from its cells.
      var numbers = 0, texts = 0, numericTexts = 0, dates = 0, dateTimes = 0, bools = 0
      var errorCount = 0, uncalculatedCount = 0
      for case let value? in values {
        switch value {
        case .number(_, let kind):
          numbers += 1
          if kind == .date { dates += 1 } else if kind == .dateTime { dateTimes += 1 }
        case .boolean: bools += 1
        case .text(let s):
          if Table.isMissingWord(s) { continue }
          texts += 1
          if Table.number(s) != nil { numericTexts += 1 }
        case .error(let e):
          errorCount += 1
          errors[e, default: 0] += 1
        case .uncalculated: uncalculatedCount += 1
        }
      }
      if errorCount > 0 { errorColumns.append("\(name) (\(errorCount))") }
      if uncalculatedCount > 0 { uncalculated.append(name) }
      let numeric = numericTexts == texts
      var v = StatVariable(name: name, isString: !numeric)
      if name != header, !header.isEmpty { v.label = header }
      if numeric {
        if texts > 0 { textToNumbers.append(name) }
        if bools > 0 { booleans.append(name) }
        let allDates = numbers > 0 && dates + dateTimes == numbers && texts == 0 && bools == 0
        if allDates {
          v.format = dateTimes > 0 ? "DATETIME" : "DATE"
        } else if dates + dateTimes > 0 {
          mixedDates.append(name)
        }
        v.numbers = values.map { value in
          switch value {
          case .number(let x, _)?: x
          case .boolean(let b)?: b ? 1 : 0
          case .text(let s)?: Table.number(s) ?? .nan
          default: .nan
          }
        }
      } else {
        if numbers + bools > 0 { mixedToText.append(name) }
        var index: [String: UInt32] = [:]
        v.codes = values.map { value in
          guard let value, let s = Table.text(of: value), !Table.isMissingWord(s) else { return StatVariable.missingCode }
          if let k = index[s] { return k }
          let k = UInt32(v.levels.count)
          index[s] = k
          v.levels.append(s)
          return k
        }
      }
      return v
    }

    /// A cell as text: numbers unformatted (dates as ISO dates), TRUE or
    /// FALSE; nil for errors and missing results.
    static func text(of value: XLSXSheet.Value) -> String? {
      switch value {
      case .text(let s): s
      case .number(let x, .number): formatNumber(x)
      case .number(let x, .date): TimeEncoding.excelDate.text(x)
      case .number(let x, .dateTime): TimeEncoding.excelDateTime.text(x)
      case .boolean(let b): b ? "TRUE" : "FALSE"
      case .error, .uncalculated: nil
      }
    }

    /// The words a CSV cell may hold for missing (CSVParser), and blanks.
    static func isMissingWord(_ s: String) -> Bool {
      let t = s.trimmedSpaces
      return t.isEmpty || t == "NA" || t == "N/A" || t == "NaN" || t == "."
    }

    static func number(_ s: String) -> Double? {
      guard let first = s.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || first == 0x20
      else { return nil }  // most text is no number: skip the parse
      guard let x = Double(s) ?? Double(s.trimmedSpaces), x.isFinite else { return nil }
      return x
    }

    func notes(date1904: Bool) -> [String] {
      var out: [String] = []
      func list(_ names: [String]) -> String {
        names.count <= 8 ? names.joined(separator: ", ") : names.prefix(8).joined(separator: ", ") + " and \(names.count - 8) more"
      }
      if !renamed.isEmpty {
        out.append("renamed \(renamed.count) header\(renamed.count == 1 ? "" : "s") that are not valid names (the header is kept as the label): \(list(renamed))")
      }
      if !emptyColumns.isEmpty {
        out.append("left out \(emptyColumns.count) empty column\(emptyColumns.count == 1 ? "" : "s") (no header, no values): \(list(emptyColumns))")
      }
      if !mixedToText.isEmpty {
        out.append("read as text because some cells are text and some numbers: \(list(mixedToText))")
      }
      if !textToNumbers.isEmpty {
        out.append("numbers stored as text read as numbers in: \(list(textToNumbers))")
      }
      if !mixedDates.isEmpty {
        out.append("read as plain numbers because only some cells are formatted as dates: \(list(mixedDates))")
      }
      if !booleans.isEmpty { out.append("TRUE/FALSE read as 1/0 in: \(list(booleans))") }
      if !errorColumns.isEmpty {
        let kinds = errors.sorted { $0.key < $1.key }.map(\.key).joined(separator: ", ")
        out.append("Excel error values (\(kinds)) read as missing in: \(list(errorColumns))")
      }
      if !uncalculated.isEmpty {
        out.append("formulas without a stored result (the workbook was saved without calculating; open and save it in Excel) read as missing in: \(list(uncalculated))")
      }
      if date1904 { out.append("the workbook uses the 1904 date system: its dates were converted to the 1900 system") }
      return out
    }
  }
}

extension XLSXSheet {
  /// The rows and columns that hold values (1-based rows, 0-based
  /// columns), within `limits` when given.
  func usedRange(within limits: (rows: ClosedRange<Int>, columns: ClosedRange<Int>)? = nil)
    -> (rows: ClosedRange<Int>, columns: ClosedRange<Int>)?
  {
    var rows: ClosedRange<Int>?
    var columns: ClosedRange<Int>?
    for (c, column) in self.columns.enumerated() where limits.map({ $0.columns.contains(c) }) ?? true {
      let inside = column.rows.lazy.map(Int.init).filter { row in limits.map { $0.rows.contains(row) } ?? true }
      guard let lo = inside.min(), let hi = inside.max() else { continue }
      rows = rows.map { min($0.lowerBound, lo)...max($0.upperBound, hi) } ?? lo...hi
      columns = columns.map { $0.lowerBound...c } ?? c...c
    }
    guard let rows, let columns else { return nil }
    return (rows, columns)
  }
}

extension XLSXReader {
  /// "A3" (to the end of the sheet) or "A3:K95" → rows and columns.
  public static func range(_ text: String) -> (rows: ClosedRange<Int>, columns: ClosedRange<Int>)? {
    let corners = text.split(separator: ":", omittingEmptySubsequences: false)
    guard corners.count == 1 || corners.count == 2, let (c0, r0) = XLSXSheet.parse(reference: String(corners[0])) else { return nil }
    guard corners.count == 2 else { return (r0...XLSXSheet.maxRows, c0...(XLSXSheet.maxColumns - 1)) }
    guard let (c1, r1) = XLSXSheet.parse(reference: String(corners[1])), r1 >= r0, c1 >= c0 else { return nil }
    return (r0...r1, c0...c1)
  }
}

/// Dates written as text in a cell of type "d" (ISO 8601, §18.17.4).
enum XLSXDates {
  /// "2024-03-01" or "2024-03-01T14:05:00" → the Excel serial (1900 system).
  static func serial(iso: String) -> Double? {
    let parts = iso.split(separator: "T", maxSplits: 1)
    let ymd = parts[0].split(separator: "-")
    guard ymd.count == 3, let y = Int64(ymd[0]), let m = Int64(ymd[1]), let d = Int64(ymd[2]),
      (1...12).contains(m), (1...31).contains(d)
    else { return nil }
    var seconds = 0.0
    if parts.count == 2 {
      let hms = parts[1].prefix { $0 != "Z" && $0 != "+" }.split(separator: ":")
      guard hms.count >= 2, let h = Double(hms[0]), let mi = Double(hms[1]) else { return nil }
      seconds = h * 3600 + mi * 60 + (hms.count > 2 ? Double(hms[2]) ?? 0 : 0)
    }
    let days = Double(TimeEncoding.days(fromCivil: y, m, d)) + seconds / 86_400
    return TimeEncoding.excelDate.value(unixSeconds: days * 86_400)
  }
}

import Foundation

/// Which cell styles show numbers as dates or times. Excel stores a date
/// as a number (days since 1899-12-30) and only the cell's number format
/// says it is one: the style index `s` of a cell points into `cellXfs`,
/// whose `numFmtId` is built in or defined in `numFmts` (ECMA-376 Part 1,
/// §18.8.30, §18.8.10).
struct XLSXStyles {
  enum Kind: Equatable { case number, date, dateTime }

  /// Per `cellXfs` index.
  private(set) var kinds: [Kind] = []

  init() {}

  init(_ package: XLSXPackage, part: String) throws(DataError) {
    var custom: [Int: String] = [:]
    var formatIds: [Int] = []
    var depth = 0  // inside <cellXfs>
    try XMLEvents.parse(
      try package.read(part, role: "styles part"), part: part, path: package.path,
      start: { element, a in
        switch element {
        case "numFmt":
          if let id = a.int("numFmtId") { custom[id] = a["formatCode"] ?? "" }
        case "cellXfs": depth += 1
        case "xf" where depth > 0: formatIds.append(a.int("numFmtId") ?? 0)
        default: break
        }
      },
      end: { element in if element == "cellXfs" { depth -= 1 } })
    kinds = formatIds.map { id in
      if let code = custom[id] { return XLSXStyles.kind(ofCode: code) }
      return XLSXStyles.kind(ofBuiltIn: id)
    }
  }

  func kind(ofStyle s: Int) -> Kind { s >= 0 && s < kinds.count ? kinds[s] : .number }

  /// Built-in formats (§18.8.30): 14–17 and 22 dates (22 with a time),
  /// 18–21 and 45–47 times; 27–36 and 50–58 are the East Asian date
  /// formats. The same list as readxl and openpyxl.
  static func kind(ofBuiltIn id: Int) -> Kind {
    switch id {
    case 14...17, 27...36, 50...58: .date
    case 18...22, 45...47: .dateTime
    default: .number
    }
  }

  /// A custom format code is a date when, outside quoted text, escaped
  /// characters and [bracketed] sections (colours, locales, conditions;
  /// the elapsed-time [h] [m] [s] excepted), it uses d, m, y, h or s —
  /// the letters Excel's own date tokens are made of. With h or s it is
  /// a date and time.
  static func kind(ofCode code: String) -> Kind {
    var hasDate = false
    var hasTime = false
    var chars = code.lowercased().replacingOccurrences(of: "general", with: "").makeIterator()
    while let c = chars.next() {
      switch c {
      case "\"":
        while let q = chars.next(), q != "\"" {}
      case "\\", "_", "*":
        _ = chars.next()  // an escaped, padding or repeated character
      case "[":
        var inside = ""
        while let q = chars.next(), q != "]" { inside.append(q) }
        if !inside.isEmpty, inside.allSatisfy({ "hms".contains($0) }) { hasTime = true }
      case "d", "m", "y": hasDate = true
      case "h", "s": hasTime = true
      default: break
      }
    }
    return hasTime ? .dateTime : hasDate ? .date : .number
  }
}

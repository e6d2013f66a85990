/// Text encodings meting reads. Files from Excel on Dutch Windows are often
/// Windows-1252; everything else today is UTF-8.
public enum TextEncoding: String, Sendable, CaseIterable {
  case utf8 = "UTF-8"
  case windows1252 = "Windows-1252"

  /// Decodes `bytes`, or nil when they are not valid in this encoding
  /// (Windows-1252 decodes every byte).
  public func decode<C: Collection>(_ bytes: C) -> String? where C.Element == UInt8 {
    switch self {
    case .utf8:
      // Plain ASCII (most values) needs no validation.
      if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
      return String(validating: bytes, as: UTF8.self)
    case .windows1252:
      var s = String.UnicodeScalarView()
      for b in bytes { s.append(TextEncoding.windows1252Scalar(b)) }
      return String(s)
    }
  }

  /// The Unicode scalar of a Windows-1252 byte. 0x80–0x9F hold the
  /// typographic characters (€, ‘, ’, “, ”, –, —, …); the five bytes the
  /// code page leaves undefined map to the C1 controls, as WHATWG does.
  static func windows1252Scalar(_ b: UInt8) -> Unicode.Scalar {
    guard b >= 0x80, b < 0xA0 else { return Unicode.Scalar(b) }
    let v = high[Int(b - 0x80)]
    return Unicode.Scalar(v) ?? Unicode.Scalar(b)
  }

  private static let high: [UInt32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  ]
}

/// Rules for variable names: an identifier of letters (any script), digits
/// and `_`, not starting with a digit, and not a word of the language.
public enum VariableName {
  /// Words the language reserves; a header with such a name gets a `_`.
  public static let reserved: Set<String> = ["and", "or", "not", "in", "by", "where", "if", "_"]

  public static func isValid(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, isStart(first) else { return false }
    return name.unicodeScalars.allSatisfy(isContinue) && !reserved.contains(name)
  }

  public static func isStart(_ c: Unicode.Scalar) -> Bool {
    c == "_" || c.properties.isAlphabetic
  }

  public static func isContinue(_ c: Unicode.Scalar) -> Bool {
    isStart(c) || c.properties.numericType != nil || ("0"..."9").contains(c)
  }

  /// A valid name made from `text` (e.g. a CSV header): invalid characters
  /// become `_`, a leading digit gets a `v`, an empty result is `v<n>`.
  public static func make(from text: String, position: Int) -> String {
    var out = String.UnicodeScalarView()
    var lastWasUnderscore = false
    for c in text.trimmingSpaces.unicodeScalars {
      if isContinue(c) {
        out.append(c)
        lastWasUnderscore = c == "_"
      } else if !lastWasUnderscore, !out.isEmpty {
        out.append("_")
        lastWasUnderscore = true
      }
    }
    while out.last == "_", out.count > 1 { out.removeLast() }
    var name = String(out)
    if name.isEmpty { return "v\(position + 1)" }
    if let first = name.unicodeScalars.first, !isStart(first) { name = "v" + name }
    if reserved.contains(name) { name += "_" }
    return name
  }

  /// The name for a header at `position`: the header itself when valid,
  /// else one made from it; `_2`, `_3`… when an earlier column has it.
  public static func assign(header: String, position: Int, used: inout Set<String>) -> String {
    var name = isValid(header) ? header : make(from: header, position: position)
    if used.contains(name) {
      var k = 2
      while used.contains("\(name)_\(k)") { k += 1 }
      name = "\(name)_\(k)"
    }
    used.insert(name)
    return name
  }
}

extension String {
  var trimmingSpaces: Substring {
    let s = self.drop { $0 == " " || $0 == "\t" }
    return s.dropLast(s.reversed().prefix { $0 == " " || $0 == "\t" }.count)
  }
}

extension String {
  /// Without leading and trailing CR and LF.
  var trimmingLineEnds: String {
    var s = Substring(self).unicodeScalars
    while let f = s.first, f == "\r" || f == "\n" { s.removeFirst() }
    while let l = s.last, l == "\r" || l == "\n" { s.removeLast() }
    return String(s)
  }
}

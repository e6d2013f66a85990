import Foundation

/// The workbook's shared string table (`sst`, ECMA-376 Part 1 §18.4): the
/// text of cells of type "s", by index. Rich text is the concatenation of
/// its runs; phonetic guides (`rPh`, furigana) are not part of the text.
enum XLSXSharedStrings {
  static func read(_ package: XLSXPackage, part: String) throws(DataError) -> [String] {
    var strings: [String] = []
    var current: [UInt8] = []
    var inItem = false
    var inText = false
    var phonetic = 0
    try XMLEvents.parse(
      try package.read(part, role: "shared strings"), part: part, path: package.path,
      start: { element, _ in
        switch element {
        case "si":
          inItem = true
          current.removeAll(keepingCapacity: true)
        case "rPh": phonetic += 1
        case "t": inText = inItem && phonetic == 0
        default: break
        }
      },
      end: { element in
        switch element {
        case "si":
          strings.append(XLSXText.unescape(String(decoding: current, as: UTF8.self)))
          inItem = false
        case "rPh": phonetic -= 1
        case "t": inText = false
        default: break
        }
      },
      text: { bytes in if inText { current.append(contentsOf: bytes) } })
    return strings
  }
}

/// Text as OOXML stores it.
enum XLSXText {
  /// Decodes the `_xHHHH_` escapes of ST_Xstring (§22.9.2.19): a character
  /// XML cannot hold, such as `_x000D_` for a carriage return; `_x005F_`
  /// escapes a literal underscore.
  static func unescape(_ s: String) -> String {
    guard s.contains("_x") else { return s }
    var out = String.UnicodeScalarView()
    let scalars = Array(s.unicodeScalars)
    var i = 0
    while i < scalars.count {
      if scalars[i] == "_", i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_" {
        let hex = String(String.UnicodeScalarView(scalars[(i + 2)..<(i + 6)]))
        if hex.allSatisfy(\.isHexDigit), let v = UInt32(hex, radix: 16), let c = Unicode.Scalar(v) {
          out.append(c)
          i += 7
          continue
        }
      }
      out.append(scalars[i])
      i += 1
    }
    return String(out)
  }
}

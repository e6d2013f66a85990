import Foundation
import ZIPFoundation

/// Writes a dataset as an .xlsx workbook (ECMA-376, the transitional
/// SpreadsheetML that Excel, LibreOffice, readxl and openpyxl read): a
/// sheet of data, with the names in the first row, and a sheet
/// "variables" that keeps what a workbook cannot hold in its cells —
/// labels, value labels, user-missing codes, measure levels, formats.
///
/// Numbers are written in their shortest exact form, so reading the file
/// back gives the same Doubles; system-missing cells are left empty and
/// user-missing cells keep their code (as in the CSV writer: the sheet
/// "variables" lists the codes; Stata's .a–.z are empty cells). Dates are Excel serials styled as
/// yyyy-mm-dd (or yyyy-mm-dd hh:mm:ss). Text goes into the shared string
/// table. The archive is built in memory and written atomically.
public enum XLSXWriter {
  public static func write(_ data: Dataset, to path: String, replace: Bool) throws(DataError) {
    if !replace, access(path, F_OK) == 0 { throw .fileExists(path: path) }
    let bytes = try encode(data, path: path)
    try AtomicFile.write(bytes, to: path, replace: replace)
  }

  static func encode(_ data: Dataset, path: String) throws(DataError) -> [UInt8] {
    guard data.rowCount + 1 <= XLSXSheet.maxRows else {
      throw .cannotWrite(path: path, reason: "an Excel sheet holds at most 1,048,575 rows under its header; these data have \(data.rowCount): save as .sav, .dta or .csv")
    }
    guard data.variableCount <= XLSXSheet.maxColumns else {
      throw .cannotWrite(path: path, reason: "an Excel sheet holds at most 16,384 columns; these data have \(data.variableCount)")
    }
    var strings = SharedStrings()
    let sheet = dataSheet(data, strings: &strings)
    let variables = variablesSheet(data, strings: &strings)
    let name = sheetName(data.name)
    let parts: [(String, [UInt8])] = [
      ("[Content_Types].xml", Array(contentTypes.utf8)),
      ("_rels/.rels", Array(rootRelationships.utf8)),
      ("xl/workbook.xml", Array(workbook(first: name).utf8)),
      ("xl/_rels/workbook.xml.rels", Array(workbookRelationships.utf8)),
      ("xl/styles.xml", Array(styles.utf8)),
      ("xl/sharedStrings.xml", strings.xml()),
      ("xl/worksheets/sheet1.xml", sheet),
      ("xl/worksheets/sheet2.xml", variables),
    ]
    do {
      let archive = try Archive(data: Data(), accessMode: .create)
      for (part, bytes) in parts {
        let content = Data(bytes)
        try archive.addEntry(
          with: part, type: .file, uncompressedSize: Int64(content.count), compressionMethod: .deflate
        ) { position, size in
          content.subdata(in: Int(position)..<Int(position) + size)
        }
      }
      guard let zipped = archive.data else { throw Archive.ArchiveError.unwritableArchive }
      return [UInt8](zipped)
    } catch {
      throw .cannotWrite(path: path, reason: "the workbook could not be built (\(error))")
    }
  }

  // MARK: Sheets

  /// Style indexes in `styles`' cellXfs.
  private static let dateStyle = 1
  private static let dateTimeStyle = 2
  private static let headerStyle = 3

  static func dataSheet(_ data: Dataset, strings: inout SharedStrings) -> [UInt8] {
    var out = XMLBytes()
    out.append(sheetStart(frozenHeader: true, widths: data.variables.map { max(10, min(40, $0.name.count + 2)) }))
    let letters = (0..<data.variableCount).map { Array(XLSXSheet.columnName($0).utf8) }
    out.append("<row r=\"1\">")
    for (k, v) in data.variables.enumerated() {
      out.textCell(letters[k], row: 1, index: strings.index(of: v.name), style: headerStyle)
    }
    out.append("</row>")
    let columns = data.variables.map(\.values)
    for row in 0..<data.rowCount {
      let r = row + 2
      out.append("<row r=\"")
      out.append(r)
      out.append("\">")
      for (k, v) in data.variables.enumerated() {
        switch columns[k] {
        case .categorical:
          if let s = v.fileText(at: row) { out.textCell(letters[k], row: r, index: strings.index(of: s), style: 0) }
        case .numeric(let c):
          if let code = v.userMissing[row] {
            if ExtendedMissing.tag(of: code) == nil { out.numberCell(letters[k], row: r, value: code, style: 0) }
          } else if !c[row].isNaN {
            if let time = v.time {
              let target: TimeEncoding = time.hasTime ? .excelDateTime : .excelDate
              out.numberCell(letters[k], row: r, value: time.convert(c[row], to: target), style: time.hasTime ? dateTimeStyle : dateStyle)
            } else {
              out.numberCell(letters[k], row: r, value: c[row], style: 0)
            }
          }
        }
      }
      out.append("</row>")
    }
    out.append("</sheetData></worksheet>")
    return out.bytes
  }

  /// One row per variable: what .sav and .dta files keep in their
  /// dictionary.
  static func variablesSheet(_ data: Dataset, strings: inout SharedStrings) -> [UInt8] {
    let header = ["variable", "label", "type", "measure", "value_labels", "missing_codes", "dates", "format"]
    var rows: [[String]] = []
    if let label = data.label { rows.append(["(file)", label, "", "", "", "", "", ""]) }
    for v in data.variables {
      let labels = v.valueLabels.sorted { $0.key < $1.key }.map { "\(formatCode($0.key)) = \($0.value)" }
        + v.textLabels.sorted { $0.key < $1.key }.map { "\"\($0.key)\" = \($0.value)" }
      var missing = v.missingCodes.map(formatCode) + v.missingTexts.map { "\"\($0)\"" }
      missing += v.missingRanges.map { "\(formatNumber($0.lowerBound)) thru \(formatNumber($0.upperBound))" }
      rows.append([
        v.name, v.label ?? "", v.isCategorical ? "text" : "numeric", v.measure.rawValue,
        labels.joined(separator: "; "), missing.joined(separator: " "),
        v.time.map { $0.hasTime ? "date and time" : "date" } ?? "", v.format ?? "",
      ])
    }
    var out = XMLBytes()
    out.append(sheetStart(frozenHeader: true, widths: [16, 40, 10, 10, 40, 16, 14, 10]))
    for (i, cells) in ([header] + rows).enumerated() {
      out.append("<row r=\"")
      out.append(i + 1)
      out.append("\">")
      for (k, text) in cells.enumerated() where !text.isEmpty {
        out.textCell(Array(XLSXSheet.columnName(k).utf8), row: i + 1, index: strings.index(of: text), style: i == 0 ? headerStyle : 0)
      }
      out.append("</row>")
    }
    out.append("</sheetData></worksheet>")
    return out.bytes
  }

  static func sheetStart(frozenHeader: Bool, widths: [Int]) -> String {
    var s = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"\(main)\" xmlns:r=\"\(relationshipsNS)\">"
    if frozenHeader {
      s += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
    }
    if !widths.isEmpty {
      s += "<cols>" + widths.enumerated().map { "<col min=\"\($0.offset + 1)\" max=\"\($0.offset + 1)\" width=\"\($0.element)\" customWidth=\"1\"/>" }.joined() + "</cols>"
    }
    return s + "<sheetData>"
  }

  /// A valid sheet name: at most 31 characters, none of \ / ? * [ ] :.
  static func sheetName(_ name: String) -> String {
    let cleaned = String(name.map { "\\/?*[]:".contains($0) ? "_" : $0 }.prefix(31))
    return cleaned.isEmpty || cleaned.lowercased() == "variables" ? "data" : cleaned
  }

  // MARK: Fixed parts

  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let relationshipsNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
    <Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
    <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
    <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
    </Types>
    """
  static let rootRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="\(relationshipsNS)/officeDocument" Target="xl/workbook.xml"/>\
    </Relationships>
    """
  static func workbook(first name: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <workbook xmlns="\(main)" xmlns:r="\(relationshipsNS)"><workbookPr/><sheets>\
    <sheet name="\(XMLBytes.escapeAttribute(name))" sheetId="1" r:id="rId1"/><sheet name="variables" sheetId="2" r:id="rId2"/>\
    </sheets></workbook>
    """
  }
  static let workbookRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="\(relationshipsNS)/worksheet" Target="worksheets/sheet1.xml"/>\
    <Relationship Id="rId2" Type="\(relationshipsNS)/worksheet" Target="worksheets/sheet2.xml"/>\
    <Relationship Id="rId3" Type="\(relationshipsNS)/styles" Target="styles.xml"/>\
    <Relationship Id="rId4" Type="\(relationshipsNS)/sharedStrings" Target="sharedStrings.xml"/>\
    </Relationships>
    """
  /// cellXfs: 0 general, 1 date, 2 date and time, 3 bold (the header).
  static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <styleSheet xmlns="\(main)">\
    <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>\
    <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
    <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
    <cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
    <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
    <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
    </styleSheet>
    """

  /// The shared string table, built while the sheets are written.
  struct SharedStrings {
    private var index: [String: Int] = [:]
    private var strings: [String] = []
    private var uses = 0

    mutating func index(of s: String) -> Int {
      uses += 1
      if let k = index[s] { return k }
      index[s] = strings.count
      strings.append(s)
      return strings.count - 1
    }

    func xml() -> [UInt8] {
      var out = XMLBytes()
      out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"\(XLSXWriter.main)\" count=\"\(uses)\" uniqueCount=\"\(strings.count)\">")
      for s in strings {
        let spaced = s.first?.isWhitespace == true || s.last?.isWhitespace == true
        out.append(spaced ? "<si><t xml:space=\"preserve\">" : "<si><t>")
        out.appendText(s)
        out.append("</t></si>")
      }
      out.append("</sst>")
      return out.bytes
    }
  }
}

/// Bytes of XML being written, with OOXML's escapes.
struct XMLBytes {
  var bytes: [UInt8] = []

  mutating func append(_ s: String) { bytes += s.utf8 }
  mutating func append(_ n: Int) { bytes += String(n).utf8 }

  mutating func textCell(_ column: [UInt8], row: Int, index: Int, style: Int) {
    bytes += "<c r=\"".utf8
    bytes += column
    append(row)
    bytes += (style == 0 ? "\" t=\"s\"><v>" : "\" s=\"\(style)\" t=\"s\"><v>").utf8
    append(index)
    bytes += "</v></c>".utf8
  }

  /// A number; none for ±∞, which a cell cannot hold (left empty).
  mutating func numberCell(_ column: [UInt8], row: Int, value: Double, style: Int) {
    guard value.isFinite else { return }
    bytes += "<c r=\"".utf8
    bytes += column
    append(row)
    bytes += (style == 0 ? "\"><v>" : "\" s=\"\(style)\"><v>").utf8
    bytes += formatNumber(value).utf8
    bytes += "</v></c>".utf8
  }

  /// Text content: &, < and > escaped; characters XML cannot hold (control
  /// characters) and the carriage return (which XML would turn into a line
  /// feed) as _xHHHH_, and a literal "_x" that looks like one as _x005F_x.
  mutating func appendText(_ s: String) {
    let scalars = Array(s.unicodeScalars)
    for (i, c) in scalars.enumerated() {
      switch c {
      case "&": bytes += "&amp;".utf8
      case "<": bytes += "&lt;".utf8
      case ">": bytes += "&gt;".utf8
      case "_" where XMLBytes.looksEscaped(scalars, at: i): bytes += "_x005F_".utf8
      case "\t", "\n": bytes.append(UInt8(c.value))
      case _ where c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF:
        let hex = String(c.value, radix: 16, uppercase: true)
        bytes += "_x\(String(repeating: "0", count: 4 - hex.count))\(hex)_".utf8
      default: bytes += String(c).utf8
      }
    }
  }

  static func looksEscaped(_ s: [Unicode.Scalar], at i: Int) -> Bool {
    guard i + 6 < s.count, s[i + 1] == "x", s[i + 6] == "_" else { return false }
    return s[(i + 2)..<(i + 6)].allSatisfy { $0.properties.isASCIIHexDigit }
  }

  static func escapeAttribute(_ s: String) -> String {
    var out = ""
    for c in s {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(c)
      }
    }
    return out
  }
}

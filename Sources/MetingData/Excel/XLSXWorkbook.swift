import Foundation

/// The workbook part: its worksheets in order (chart sheets and dialog
/// sheets are not data and are left out), the parts they share, and the
/// date system (1900, or 1904 from old Mac Excel).
struct XLSXWorkbook {
  struct Sheet: Equatable {
    let name: String
    /// The worksheet part, e.g. "xl/worksheets/sheet1.xml".
    let part: String
    /// Hidden or very hidden in Excel (still readable by name).
    let hidden: Bool
  }

  let part: String
  let sheets: [Sheet]
  let sharedStringsPart: String?
  let stylesPart: String?
  let date1904: Bool

  init(_ package: XLSXPackage) throws(DataError) {
    let rootRelationships = try package.relationships(of: "")
    // The office document by the package's relationship; the usual name
    // when a writer left out _rels/.rels.
    let main = rootRelationships.first { $0.kind == "officeDocument" && !$0.isExternal }?.target ?? "xl/workbook.xml"
    guard package.has(main) else {
      if package.has("word/document.xml") || package.has("ppt/presentation.xml") {
        throw .badFile(path: package.path, reason: "this is a Word or PowerPoint file, not an Excel workbook")
      }
      throw .badFile(path: package.path, reason: "the workbook is incomplete: its workbook part (\(main)) is missing from the archive")
    }
    part = main
    let relationships = try package.relationships(of: main)
    var byId: [String: XLSXPackage.Relationship] = [:]
    for r in relationships { byId[r.id] = r }
    var listed: [(name: String, id: String?, hidden: Bool)] = []
    var is1904 = false
    let path = package.path
    try XMLEvents.parse(try package.read(main, role: "workbook part"), part: main, path: path) { element, a in
      switch element {
      case "sheet":
        let state = a["state"] ?? "visible"
        listed.append((a["name"] ?? "Sheet\(listed.count + 1)", a["id"], state != "visible"))
      case "workbookPr":
        is1904 = a["date1904"] == "1" || a["date1904"] == "true"
      default: break
      }
    }
    var sheets: [Sheet] = []
    for s in listed {
      guard let id = s.id, let r = byId[id] else {
        throw .badFile(path: path, reason: "the workbook lists the sheet '\(s.name)' but no part for it (relationship \(s.id ?? "none"))")
      }
      guard r.kind == "worksheet" else { continue }  // chartsheet, dialogsheet, macrosheet
      sheets.append(Sheet(name: s.name, part: r.target, hidden: s.hidden))
    }
    self.sheets = sheets
    date1904 = is1904
    sharedStringsPart = relationships.first { $0.kind == "sharedStrings" }?.target
    stylesPart = relationships.first { $0.kind == "styles" }?.target
  }

  /// The sheet named `name` (exact, then ignoring case), or by position
  /// when `name` is a whole number 1…n; the first worksheet when nil.
  func sheet(_ name: String?, path: String) throws(DataError) -> (Sheet, Int) {
    guard !sheets.isEmpty else { throw .badFile(path: path, reason: "the workbook has no worksheets") }
    guard let name else { return (sheets[0], 0) }
    if let i = sheets.firstIndex(where: { $0.name == name }) { return (sheets[i], i) }
    if let i = sheets.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) { return (sheets[i], i) }
    if let k = Int(name), k >= 1, k <= sheets.count { return (sheets[k - 1], k - 1) }
    let names = sheets.map { "'\($0.name)'" }.joined(separator: ", ")
    throw .badFile(path: path, reason: "the workbook has no sheet '\(name)'; its sheets are \(names)")
  }
}

import MetingData
import MetingLanguage
import MetingReport

/// `load FILE [, delimiter() decimal() encoding() missing() format() sheet()]`
enum LoadCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .path(let raw, let range) = inv.command.arguments else {
      throw LanguageDiagnostics.missingArgument("a file name", command: "load", range: inv.command.name.range)
    }
    let path = ScriptFile.expand(raw)
    var options = CSVOptions()
    options.isCancelled = { Interrupt.isRequested }
    if let o = inv.command.option("delimiter") {
      let w = try o.choice([",", ";", "tab", "|", "\\t"])
      options.delimiter = w == "tab" || w == "\\t" ? UInt8(ascii: "\t") : w.utf8.first
    }
    if let o = inv.command.option("decimal") {
      options.decimalSeparator = try o.choice([".", ","]).utf8.first
    }
    var fileEncoding: String? = nil
    if let o = inv.command.option("encoding") {
      let w = try o.choice(["utf8", "windows1252", "cp1252", "latin1"])
      options.encoding = w == "utf8" ? .utf8 : .windows1252
      fileEncoding = w == "utf8" ? "UTF-8" : w == "latin1" ? "ISO-8859-1" : "WINDOWS-1252"
    }
    var format = try DataFormat.detect(path: path)
    if let o = inv.command.option("format") {
      let word = try o.choice(["csv", "sav", "zsav", "por", "dta", "sas7bdat", "xpt", "xlsx"])
      format = word == "csv" ? .delimitedText : .statistical(StatFileFormat(rawValue: word == "zsav" ? "sav" : word)!)
    }
    var choices = ContainedReader.Choices(encoding: fileEncoding)
    if let o = inv.command.option("sheet") {
      guard format == .statistical(.xlsx) else {
        throw LanguageDiagnostics.invalid("sheet() is for Excel workbooks", range: o.range, category: .syntax)
      }
      choices.sheet = try o.word()
    }
    if let o = inv.command.option("range") {
      guard format == .statistical(.xlsx) else {
        throw LanguageDiagnostics.invalid("range() is for Excel workbooks", range: o.range, category: .syntax)
      }
      let cells = try o.word()
      guard XLSXReader.range(cells) != nil else {
        throw LanguageDiagnostics.badOptionValue(option: "range", expected: "a cell range such as A3 or A3:K95", range: o.range)
      }
      choices.range = cells
    }
    for name in ["delimiter", "decimal"] {
      if case .statistical = format, let o = inv.command.option(name) {
        throw LanguageDiagnostics.invalid("\(name)() is for delimited text files", range: o.range, category: .syntax)
      }
    }
    if format == .statistical(.xlsx), let o = inv.command.option("encoding") {
      throw LanguageDiagnostics.invalid("encoding() is for text, SPSS, Stata and SAS files; a workbook says its own", range: o.range, category: .syntax)
    }
    switch format {
    case .delimitedText: break
    case .statistical(let f): return try loadStatFile(&inv, path: path, raw: raw, range: range, format: f, choices: choices)
    case .legacyExcel:
      throw LanguageDiagnostics.invalid(
        "old Excel workbooks (.xls, Excel 97–2003) cannot be read; save the file as .xlsx or CSV", range: range,
        category: .io, help: ["in Excel: File > Save As > Excel Workbook (.xlsx)"])
    }
    let dataset: Dataset
    let summary: CSVSummary
    do {
      (dataset, summary) = try CSVReader.read(path: path, options: options)
    } catch {
      let d = LanguageDiagnostics.dataFile(error)
      throw d.category == .interrupted ? d : d.at(range)
    }
    var data = dataset
    var lines: [String] = []
    if let declared = try declareMissing(&data, inv) { lines.append(declared) }
    inv.state.dataset = data
    inv.state.filter = nil
    let delimiter: String =
      switch summary.dialect.delimiter {
      case UInt8(ascii: ","): "comma"
      case UInt8(ascii: ";"): "semicolon"
      case UInt8(ascii: "\t"): "tab"
      default: "'\(String(UnicodeScalar(summary.dialect.delimiter)))'"
      }
    var how = "\(delimiter)-separated, \(summary.encoding.rawValue)"
    if summary.dialect.decimalSeparator == UInt8(ascii: ",") { how += ", decimal comma" }
    if summary.encoding == .windows1252, summary.encodingDetected { how += " (the file is not valid UTF-8)" }
    var head = "loaded \(raw): \(data.size) (\(how))"
    if let label = data.label { head += "\n" + label }
    lines.insert(head, at: 0)
    var blocks: [Block] = [.text(lines.joined(separator: "\n"))]
    if !summary.renamed.isEmpty {
      let list = summary.renamed.prefix(8).map { "'\($0.header)' → \($0.name)" }.joined(separator: ", ")
      let more = summary.renamed.count > 8 ? " and \(summary.renamed.count - 8) more" : ""
      blocks.append(.warning("renamed \(summary.renamed.count) header\(summary.renamed.count == 1 ? "" : "s") that are not valid names (the header is kept as the label): \(list)\(more)"))
    }
    if !summary.reparsedColumns.isEmpty {
      blocks.append(.warning("read as text because a cell is not a number: " + summary.reparsedColumns.joined(separator: ", ")))
    }
    if data.rowCount == 0 { blocks.append(.warning("the file has a header but no rows")) }
    return inv.report(blocks)
  }
}

/// Data file formats, told by content (magic bytes) before extension.
enum DataFormat: Equatable {
  case delimitedText
  case statistical(StatFileFormat)
  /// .xls (BIFF in an OLE compound file), which meting does not read.
  case legacyExcel

  static func detect(path: String) throws(Diagnostic) -> DataFormat {
    var header = [UInt8](repeating: 0, count: 512)
    let count: Int
    if let f = fopen(path, "rb") {
      count = fread(&header, 1, header.count, f)
      fclose(f)
    } else {
      throw LanguageDiagnostics.dataFile(.cannotOpen(path: path, reason: String(cString: strerror(errno))))
    }
    let magic = Array(header.prefix(count))
    func starts(_ text: String) -> Bool { magic.starts(with: Array(text.utf8)) }
    if starts("$FL2") || starts("$FL3") { return .statistical(.sav) }
    if starts("<stata_dta>") { return .statistical(.dta) }
    if starts("HEADER RECORD*******LIBRARY HEADER RECORD") || starts("HEADER RECORD*******LIBV8 HEADER RECORD") {
      return .statistical(.xpt)
    }
    // SAS7BDAT: a fixed 32-byte magic number at the start.
    let sasMagic: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xC2, 0xEA, 0x81, 0x60, 0xB3, 0x14, 0x11, 0xCF, 0xBD, 0x92, 0x08, 0x00, 0x09, 0xC7, 0x31, 0x8C, 0x18, 0x1F, 0x10, 0x11]
    if magic.starts(with: sasMagic) { return .statistical(.sas7bdat) }
    // A zip archive: an .xlsx workbook (the reader says so when it is
    // another kind of zip). An OLE compound file: an .xls workbook.
    if magic.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .statistical(.xlsx) }
    if magic.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .legacyExcel }
    // SPSS portable files carry "SPSSPORT" after their 200-byte header.
    if count >= 464, Array(magic[456..<464]) == Array("SPSSPORT".utf8) { return .statistical(.por) }
    let lower = path.lowercased()
    // Stata before version 13 starts with its format byte (104–115).
    if lower.hasSuffix(".dta"), let first = magic.first, (104...115).contains(first) { return .statistical(.dta) }
    for f in StatFileFormat.allCases where lower.hasSuffix("." + f.rawValue) { return .statistical(f) }
    if lower.hasSuffix(".zsav") { return .statistical(.sav) }
    if lower.hasSuffix(".xls") { return .legacyExcel }
    return .delimitedText
  }
}

extension LoadCommand {
  /// SPSS, Stata and SAS files, read in a child process.
  static func loadStatFile(
    _ inv: inout Invocation, path: String, raw: String, range: SourceRange, format: StatFileFormat,
    choices: ContainedReader.Choices
  ) throws(Diagnostic) -> Report {
    let read: ContainedReader.Loaded
    do {
      read = try ContainedReader.readDataset(
        path: path, format: format, choices: choices, name: datasetName(path), isCancelled: { Interrupt.isRequested })
    } catch {
      let d = LanguageDiagnostics.dataFile(error)
      throw d.category == .interrupted ? d : d.at(range)
    }
    var data = read.dataset
    let declared = try declareMissing(&data, inv)
    inv.state.dataset = data
    inv.state.filter = nil
    let missing = data.variables.reduce(0) { $0 + $1.userMissing.count }
    let labelled = data.variables.filter { !$0.valueLabels.isEmpty || !$0.textLabels.isEmpty }.count
    var head = "loaded \(raw): \(data.size) (\(format.name)"
    head += read.detail.map { "; " + $0 } ?? ""
    head += read.encoding.map { "; " + $0 + (choices.encoding != nil ? " (as asked)" : "") } ?? ""
    head += labelled > 0 ? "; value labels on \(labelled)" : ""
    head += missing > 0 ? "; \(missing) user-missing cells" : ""
    head += ")"
    if let label = data.label { head += "\n" + label }
    if let declared { head += "\n" + declared }
    var blocks: [Block] = [.text(head)]
    blocks += read.notes.map { .warning($0) }
    if data.rowCount == 0 { blocks.append(.warning("the sheet has a header but no rows")) }
    return inv.report(blocks)
  }

  /// `missing(CODES)`: the codes declared user-missing in every numeric
  /// variable; the sentence that says so.
  static func declareMissing(_ data: inout Dataset, _ inv: Invocation) throws(Diagnostic) -> String? {
    guard let o = inv.command.option("missing") else { return nil }
    let codes = try o.numbers()
    var changed = 0
    for name in data.variableNames {
      changed += data.modify(name) { v in v.isNumeric ? v.declareMissing(codes) : 0 } ?? 0
    }
    return "declared \(codes.map(NumberFormat.shortest).joined(separator: " ")) as missing in every numeric variable: \(changed) cells"
  }

  /// The dataset's name: the file name without folder and extension.
  static func datasetName(_ path: String) -> String {
    let file = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
    return String(file[..<dot])
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension LoadCommand {
  /// Reads a data file with the default settings (format by content and
  /// extension): for `merge` and `append`, which take a second file.
  static func readAny(path: String, range: SourceRange) throws(Diagnostic) -> Dataset {
    do {
      switch try DataFormat.detect(path: path) {
      case .delimitedText:
        var options = CSVOptions()
        options.isCancelled = { Interrupt.isRequested }
        return try CSVReader.read(path: path, options: options).0
      case .statistical(let f):
        return try ContainedReader.readDataset(
          path: path, format: f, name: datasetName(path), isCancelled: { Interrupt.isRequested }
        ).dataset
      case .legacyExcel:
        throw LanguageDiagnostics.invalid(
          "old Excel workbooks (.xls) cannot be read; save the file as .xlsx or CSV", range: range, category: .io)
      }
    } catch let d as Diagnostic {
      throw d
    } catch let e as DataError {
      let d = LanguageDiagnostics.dataFile(e)
      throw d.category == .interrupted ? d : d.at(range)
    } catch {
      throw LanguageDiagnostics.invalid("\(error)", range: range, category: .io)
    }
  }
}

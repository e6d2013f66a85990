import MetingData
import MetingLanguage
import MetingReport

/// `load FILE [, delimiter() decimal() encoding() missing()]`
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
    if let o = inv.command.option("encoding") {
      let w = try o.choice(["utf8", "windows1252", "cp1252", "latin1"])
      options.encoding = w == "utf8" ? .utf8 : .windows1252
    }
    let format = try DataFormat.detect(path: path)
    guard format == .delimitedText else {
      throw LanguageDiagnostics.invalid(
        "\(format.name) files cannot be read yet; export the data as CSV", range: range, category: .io,
        help: ["in SPSS: File > Export > CSV; in Stata: export delimited; in R: write.csv(haven::read_sav(…))"])
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
    if let o = inv.command.option("missing") {
      let codes = try o.numbers()
      var changed = 0
      for name in data.variableNames {
        changed += data.modify(name) { v in v.isNumeric ? v.declareMissing(codes) : 0 } ?? 0
      }
      lines.append("declared \(codes.map(NumberFormat.shortest).joined(separator: " ")) as missing in every numeric variable: \(changed) cells")
    }
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
    var head = "loaded \(raw): \(data.rowCount) rows, \(data.variableCount) variables (\(how))"
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
  case spss
  case spssPortable
  case stata
  case sas
  case excel

  var name: String {
    switch self {
    case .delimitedText: "CSV"
    case .spss: "SPSS (.sav)"
    case .spssPortable: "SPSS portable (.por)"
    case .stata: "Stata (.dta)"
    case .sas: "SAS"
    case .excel: "Excel"
    }
  }

  static func detect(path: String) throws(Diagnostic) -> DataFormat {
    var header = [UInt8](repeating: 0, count: 8)
    let count: Int
    if let f = fopen(path, "rb") {
      count = fread(&header, 1, 8, f)
      fclose(f)
    } else {
      throw LanguageDiagnostics.dataFile(.cannotOpen(path: path, reason: String(cString: strerror(errno))))
    }
    let magic = header.prefix(count)
    if magic.starts(with: Array("$FL2".utf8)) || magic.starts(with: Array("$FL3".utf8)) { return .spss }
    if magic.starts(with: Array("<stata_dta>".utf8.prefix(8))) { return .stata }
    if magic.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .excel }
    let lower = path.lowercased()
    if lower.hasSuffix(".dta"), let first = magic.first, [0x72, 0x73, 0x71, 0x6E, 0x6F].contains(first) { return .stata }
    if lower.hasSuffix(".sas7bdat") || lower.hasSuffix(".xpt") { return .sas }
    if lower.hasSuffix(".por") { return .spssPortable }
    if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xls") { return .excel }
    return .delimitedText
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

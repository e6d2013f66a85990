/// Writes a dataset as CSV (RFC 4180, UTF-8, LF line ends).
///
/// Numbers are written in their shortest exact form, so reading the file
/// back gives the same Doubles. System-missing cells are empty; user-missing
/// cells keep their code (the file does not record which codes are missing:
/// declare them again after loading), but for Stata's .a–.z, which are
/// empty. Text is quoted when it holds a comma,
/// a quote or a line break. `comments` become leading `# ` lines, which
/// meting reads back as the file label.
public enum CSVWriter {
  public static func csvText(_ dataset: Dataset, comments: [String] = []) -> String {
    var out = ""
    out.reserveCapacity(dataset.rowCount * dataset.variableCount * 4)
    for c in comments { out += "# \(c)\n" }
    out += dataset.variables.map { quote($0.name) }.joined(separator: ",") + "\n"
    let columns = dataset.variables
    for row in 0..<dataset.rowCount {
      var first = true
      for v in columns {
        if !first { out += "," }
        first = false
        out += cell(v, row)
      }
      out += "\n"
    }
    return out
  }

  /// Writes atomically: a crash leaves the old file or the new one.
  public static func write(_ dataset: Dataset, to path: String, comments: [String] = [], replace: Bool)
    throws(DataError)
  {
    try AtomicFile.write(Array(csvText(dataset, comments: comments).utf8), to: path, replace: replace)
  }

  static func cell(_ v: Variable, _ row: Int) -> String {
    if v.isNumeric, let code = v.userMissing[row] { return ExtendedMissing.tag(of: code) == nil ? formatNumber(code) : "" }
    switch v.values {
    case .numeric(let c):
      let x = c[row]
      return x.isNaN ? "" : formatNumber(x)
    case .categorical:
      return v.fileText(at: row).map(quote) ?? ""
    }
  }

  static func quote(_ s: String) -> String {
    let needs = s.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
      || s.hasPrefix(" ") || s.hasSuffix(" ") || s.isEmpty
    guard needs else { return s }
    var out = "\""
    for ch in s { out += ch == "\"" ? "\"\"" : String(ch) }
    return out + "\""
  }
}

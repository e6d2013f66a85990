import CReadStat

/// The file formats read in the contained child (`ContainedReader`): the
/// five ReadStat reads, and Excel's .xlsx (`XLSXReader`).
public enum StatFileFormat: String, Sendable, CaseIterable {
  case sav, por, dta, sas7bdat, xpt, xlsx

  public var name: String {
    switch self {
    case .sav: "SPSS (.sav/.zsav)"
    case .por: "SPSS portable (.por)"
    case .dta: "Stata (.dta)"
    case .sas7bdat: "SAS (.sas7bdat)"
    case .xpt: "SAS transport (.xpt)"
    case .xlsx: "Excel (.xlsx)"
    }
  }
}

/// Reads a statistical file with ReadStat, in this process. Only the
/// reading child (`meting --read-helper`) calls this: a crafted file can
/// corrupt the memory of the process that parses it (Debian 12's
/// libreadstat 1.1.8). `ContainedReader` is what everything else uses.
///
/// ReadStat calls back per variable and per cell; the callbacks cannot
/// capture, so this object travels as the context pointer, and errors are
/// kept in it (a Swift error cannot cross the C frames).
public final class ReadStatReader {
  private var content = StatFileContent()
  /// The per-cell state, reached through a pointer: the value callback
  /// runs once per cell (31 million for a 1M × 31 file), and a class's
  /// stored properties would pay a dynamic exclusivity check on each.
  private let hot = UnsafeMutablePointer<Cells>.allocate(capacity: 1)
  /// The label set each variable uses (ReadStat names sets per file).
  private var labelSetOfVariable: [Int: String] = [:]
  private var labelSets: [String: [Double: String]] = [:]
  private var textLabelSets: [String: [String: String]] = [:]
  /// Labels of extended missing values (Stata .a–.z) per set, by tag.
  private var taggedLabels: [String: [CChar: String]] = [:]
  private var failure: String?

  private init() { hot.initialize(to: Cells()) }

  deinit {
    hot.pointee.release()
    hot.deinitialize(count: 1)
    hot.deallocate()
  }

  /// Columns being filled: numbers and string codes in buffers indexed by
  /// row, strings interned by their bytes (no String per cell).
  struct Cells {
    var capacity = 0
    var rows = 0
    var isString: [Bool] = []
    var numbers: [UnsafeMutablePointer<Double>?] = []
    var codes: [UnsafeMutablePointer<UInt32>?] = []
    var interners: [ByteInterner] = []
    var taggedRows: [[(row: Int, tag: CChar)]] = []

    mutating func add(isString string: Bool) {
      isString.append(string)
      numbers.append(string ? nil : .allocate(capacity: Swift.max(capacity, 1)))
      codes.append(string ? .allocate(capacity: Swift.max(capacity, 1)) : nil)
      interners.append(ByteInterner())
      taggedRows.append([])
    }

    /// Makes room for row `row` in every column (files that do not state
    /// their row count grow by doubling).
    mutating func reserve(_ row: Int) {
      guard row >= capacity else { return }
      let fresh = Swift.max(row + 1, capacity * 2, 1024)
      for k in numbers.indices {
        if let old = numbers[k] {
          let p = UnsafeMutablePointer<Double>.allocate(capacity: fresh)
          p.update(from: old, count: Swift.min(rows, capacity))
          old.deallocate()
          numbers[k] = p
        }
        if let old = codes[k] {
          let p = UnsafeMutablePointer<UInt32>.allocate(capacity: fresh)
          p.update(from: old, count: Swift.min(rows, capacity))
          old.deallocate()
          codes[k] = p
        }
      }
      capacity = fresh
    }

    func release() {
      for p in numbers { p?.deallocate() }
      for p in codes { p?.deallocate() }
    }
  }

  /// Reads `path` as `format`; throws `DataError.badFile` with ReadStat's
  /// message when the file cannot be parsed.
  /// `encoding` overrides the file's own text encoding (an iconv name).
  public static func read(path: String, format: StatFileFormat, encoding: String? = nil) throws(DataError) -> StatFileContent {
    let reader = ReadStatReader()
    guard let parser = readstat_parser_init() else {
      throw .badFile(path: path, reason: "ReadStat could not start")
    }
    defer { readstat_parser_free(parser) }
    if let encoding {
      guard readstat_set_file_character_encoding(parser, encoding) == READSTAT_OK else {
        throw .badFile(path: path, reason: "ReadStat does not know the encoding '\(encoding)'")
      }
    }
    readstat_set_metadata_handler(parser) { metadata, context in
      ReadStatReader.from(context).metadata(metadata)
    }
    readstat_set_variable_handler(parser) { index, variable, labels, context in
      ReadStatReader.from(context).variable(Int(index), variable, labels)
    }
    readstat_set_value_handler(parser) { row, variable, value, context in
      ReadStatReader.from(context).value(Int(row), variable, value)
    }
    readstat_set_value_label_handler(parser) { set, value, label, context in
      ReadStatReader.from(context).valueLabel(set, value, label)
    }
    let context = Unmanaged.passUnretained(reader).toOpaque()
    let status: readstat_error_t =
      switch format {
      case .sav: readstat_parse_sav(parser, path, context)
      case .por: readstat_parse_por(parser, path, context)
      case .dta: readstat_parse_dta(parser, path, context)
      case .sas7bdat: readstat_parse_sas7bdat(parser, path, context)
      case .xpt: readstat_parse_xport(parser, path, context)
      case .xlsx: throw .unsupportedFormat(path: path, reason: "ReadStat does not read Excel workbooks; XLSXReader does")
      }
    if let failure = reader.failure { throw .badFile(path: path, reason: failure) }
    guard status == READSTAT_OK else {
      let why = String(cString: readstat_error_message(status))
      throw .badFile(
        path: path, reason: "not a readable \(format.name) file (ReadStat: \(why.prefix(1).lowercased() + why.dropFirst()))")
    }
    var content = reader.finish()
    if let encoding { content.encoding = encoding }
    return content
  }

  private static func from(_ context: UnsafeMutableRawPointer?) -> ReadStatReader {
    Unmanaged<ReadStatReader>.fromOpaque(context!).takeUnretainedValue()
  }

  private static func text(_ c: UnsafePointer<CChar>?) -> String? {
    guard let c else { return nil }
    let s = String(cString: c)
    return s.isEmpty ? nil : s
  }

  // MARK: Callbacks

  private func metadata(_ m: UnsafeMutablePointer<readstat_metadata_t>?) -> Int32 {
    content.rowCount = max(0, Int(readstat_get_row_count(m)))
    hot.pointee.capacity = content.rowCount
    content.fileLabel = ReadStatReader.text(readstat_get_file_label(m))
    content.encoding = ReadStatReader.text(readstat_get_file_encoding(m))
    return Int32(READSTAT_HANDLER_OK)
  }

  private func variable(_ index: Int, _ v: UnsafeMutablePointer<readstat_variable_t>?, _ labels: UnsafePointer<CChar>?) -> Int32 {
    guard let name = ReadStatReader.text(readstat_variable_get_name(v)) else {
      failure = "variable \(index + 1) has no name"
      return Int32(READSTAT_HANDLER_ABORT)
    }
    let isString = readstat_variable_get_type_class(v) == READSTAT_TYPE_CLASS_STRING
    var s = StatVariable(name: name, isString: isString)
    s.label = ReadStatReader.text(readstat_variable_get_label(v))
    s.format = ReadStatReader.text(readstat_variable_get_format(v))
    switch readstat_variable_get_measure(v) {
    case READSTAT_MEASURE_NOMINAL: s.measure = .nominal
    case READSTAT_MEASURE_ORDINAL: s.measure = .ordinal
    case READSTAT_MEASURE_SCALE: s.measure = .scale
    default: s.measure = nil
    }
    if !isString {
      for i in 0..<readstat_variable_get_missing_ranges_count(v) {
        let lo = readstat_double_value(readstat_variable_get_missing_range_lo(v, i))
        let hi = readstat_double_value(readstat_variable_get_missing_range_hi(v, i))
        if lo == hi { s.missingValues.append(lo) } else { s.missingRanges.append(min(lo, hi)...max(lo, hi)) }
      }
    } else {
      // SPSS declares up to three missing values of a string variable.
      for i in 0..<readstat_variable_get_missing_ranges_count(v) {
        if let text = readstat_string_value(readstat_variable_get_missing_range_lo(v, i)) {
          let value = String(cString: text)
          if !s.missingTexts.contains(value) { s.missingTexts.append(value) }
        }
      }
    }
    if let set = ReadStatReader.text(labels) { labelSetOfVariable[index] = set }
    while content.variables.count < index {
      content.variables.append(StatVariable(name: "_skipped\(content.variables.count)", isString: false))
      hot.pointee.add(isString: false)
    }
    content.variables.append(s)
    hot.pointee.add(isString: isString)
    return Int32(READSTAT_HANDLER_OK)
  }

  private func value(_ row: Int, _ v: UnsafeMutablePointer<readstat_variable_t>?, _ value: readstat_value_t) -> Int32 {
    let index = Int(readstat_variable_get_index(v))
    let cells = hot
    guard index < cells.pointee.isString.count, row >= 0 else {
      failure = "a value of variable \(index + 1) before its description"
      return Int32(READSTAT_HANDLER_ABORT)
    }
    if row >= cells.pointee.capacity { cells.pointee.reserve(row) }
    if row >= cells.pointee.rows { cells.pointee.rows = row + 1 }
    if cells.pointee.isString[index] {
      var code = StatVariable.missingCode
      if readstat_value_is_system_missing(value) == 0, let c = readstat_string_value(value) {
        let n = strlen(c)
        if n > 0 {
          c.withMemoryRebound(to: UInt8.self, capacity: n) { p in
            code = cells.pointee.interners[index].intern(p, n, hash: ByteInterner.hash(p, n), offset: row)
          }
        }
      }
      cells.pointee.codes[index]![row] = code
    } else {
      var x = Double.nan
      if readstat_value_is_system_missing(value) != 0 {
        x = .nan
      } else if readstat_value_is_tagged_missing(value) != 0 {
        let tag = readstat_value_tag(value)
        x = ExtendedMissing.code(tag: UInt8(bitPattern: tag)) ?? .nan
        cells.pointee.taggedRows[index].append((row, tag))
      } else {
        switch readstat_value_type(value) {
        case READSTAT_TYPE_DOUBLE: x = readstat_double_value(value)
        case READSTAT_TYPE_INT8: x = Double(readstat_int8_value(value))
        case READSTAT_TYPE_INT16: x = Double(readstat_int16_value(value))
        case READSTAT_TYPE_INT32: x = Double(readstat_int32_value(value))
        case READSTAT_TYPE_FLOAT: x = Double(readstat_float_value(value))
        default: x = readstat_double_value(value)
        }
      }
      cells.pointee.numbers[index]![row] = x
    }
    return Int32(READSTAT_HANDLER_OK)
  }

  private func valueLabel(_ set: UnsafePointer<CChar>?, _ value: readstat_value_t, _ label: UnsafePointer<CChar>?) -> Int32 {
    guard let set = ReadStatReader.text(set), let label = label.map({ String(cString: $0) }) else {
      return Int32(READSTAT_HANDLER_OK)
    }
    if readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING {
      if let text = readstat_string_value(value) { textLabelSets[set, default: [:]][String(cString: text)] = label }
      return Int32(READSTAT_HANDLER_OK)
    }
    guard readstat_value_is_system_missing(value) == 0 else { return Int32(READSTAT_HANDLER_OK) }
    if readstat_value_is_tagged_missing(value) != 0 {
      taggedLabels[set, default: [:]][readstat_value_tag(value)] = label
      return Int32(READSTAT_HANDLER_OK)
    }
    let code: Double =
      switch readstat_value_type(value) {
      case READSTAT_TYPE_INT8: Double(readstat_int8_value(value))
      case READSTAT_TYPE_INT16: Double(readstat_int16_value(value))
      case READSTAT_TYPE_INT32: Double(readstat_int32_value(value))
      case READSTAT_TYPE_FLOAT: Double(readstat_float_value(value))
      default: readstat_double_value(value)
      }
    labelSets[set, default: [:]][code] = label
    return Int32(READSTAT_HANDLER_OK)
  }

  private func finish() -> StatFileContent {
    let rows = hot.pointee.rows
    // Each buffer is copied into its array and freed at once, so that the
    // peak holds one copy of the data and one column.
    for index in content.variables.indices {
      if hot.pointee.isString[index], let p = hot.pointee.codes[index] {
        content.variables[index].codes = Array(UnsafeBufferPointer(start: p, count: rows))
        p.deallocate()
        hot.pointee.codes[index] = nil
        let interner = hot.pointee.interners[index]
        content.variables[index].levels = (0..<interner.count).map { String(decoding: interner.bytes(of: $0), as: UTF8.self) }
        hot.pointee.interners[index] = ByteInterner()
      } else if let p = hot.pointee.numbers[index] {
        content.variables[index].numbers = Array(UnsafeBufferPointer(start: p, count: rows))
        p.deallocate()
        hot.pointee.numbers[index] = nil
      }
    }
    let cells = hot.pointee
    for (index, set) in labelSetOfVariable where index < content.variables.count {
      if content.variables[index].isString {
        content.variables[index].textLabels = textLabelSets[set] ?? [:]
      } else {
        content.variables[index].valueLabels = labelSets[set] ?? [:]
      }
    }
    // Extended missing values (Stata's .a–.z, SAS's .A–.Z and ._) are
    // user-missing codes of their own (`ExtendedMissing`), labelled as the
    // file labels them. One whose label starts with a number is that
    // user-missing code again: meting writes SPSS codes to Stata that way
    // (.a labelled "9 no answer").
    for (index, rows) in cells.taggedRows.enumerated() {
      let set = labelSetOfVariable[index]
      guard !rows.isEmpty || set.flatMap({ taggedLabels[$0] }) != nil else { continue }
      var v = content.variables[index]
      let labels = set.flatMap { taggedLabels[$0] } ?? [:]
      var codeOfTag: [CChar: Double] = [:]
      for (tag, label) in labels.sorted(by: { $0.key < $1.key }) {
        let parts = label.split(separator: " ", maxSplits: 1)
        let code: Double
        if let first = parts.first, let number = Double(first), ExtendedMissing.tag(of: number) == nil {
          code = number
          codeOfTag[tag] = code
          if parts.count == 2 { v.valueLabels[code] = String(parts[1]) }
        } else if let extended = ExtendedMissing.code(tag: UInt8(bitPattern: tag)) {
          code = extended
          v.valueLabels[code] = label
        } else {
          continue
        }
        if !v.missingValues.contains(code) { v.missingValues.append(code) }  // declared, if unused
      }
      for (row, tag) in rows {
        guard let code = codeOfTag[tag] ?? ExtendedMissing.code(tag: UInt8(bitPattern: tag)) else { continue }
        v.numbers[row] = code
        if !v.missingValues.contains(code) { v.missingValues.append(code) }
      }
      content.variables[index] = v
    }
    // The row count as read (some files do not state it).
    content.rowCount = rows
    return content
  }
}

import CReadStat

/// Writes a dataset as an SPSS (.sav, .zsav) or Stata (.dta) file with
/// ReadStat, metadata included: variable labels, value labels, formats,
/// measure levels (SPSS), the file label, and user-missing values —
///
/// - SPSS: declared as missing values and ranges; each user-missing cell
///   gets its code back.
/// - Stata has no user-missing declaration: each code becomes an extended
///   missing value (.a, .b, … in code order) whose value label starts with
///   the code ("9 no answer"), which meting reads back as that code.
///
/// The bytes are built in memory and written by `AtomicFile`, so a crash or
/// a kill mid-way leaves the old file or the new one.
public enum ReadStatWriter {
  public enum Format: String, Sendable {
    case sav, zsav, dta
  }

  /// - Parameter timestamp: the creation time stored in the file (seconds
  ///   since 1970); a fixed one makes the bytes reproducible.
  public static func write(
    _ data: Dataset, to path: String, format: Format, replace: Bool, timestamp: Int? = nil
  ) throws(DataError) {
    let bytes = try encode(data, format: format, path: path, timestamp: timestamp)
    try AtomicFile.write(bytes, to: path, replace: replace)
  }

  /// The file's bytes.
  public static func encode(
    _ data: Dataset, format: Format, path: String, timestamp: Int? = nil
  ) throws(DataError) -> [UInt8] {
    let sink = Sink()
    guard let writer = readstat_writer_init() else { throw .cannotWrite(path: path, reason: "ReadStat could not start") }
    defer { readstat_writer_free(writer) }
    readstat_set_data_writer(writer) { bytes, length, context in
      let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
      if let bytes, length > 0 { sink.bytes.append(contentsOf: UnsafeRawBufferPointer(start: bytes, count: length)) }
      return length
    }
    func check(_ status: readstat_error_t, _ what: String) throws(DataError) {
      guard status == READSTAT_OK else {
        throw .cannotWrite(path: path, reason: "\(what): \(String(cString: readstat_error_message(status)))")
      }
    }
    if let label = data.label { try check(readstat_writer_set_file_label(writer, ReadStatWriter.fileLabel(label)), "the file label") }
    if let timestamp { try check(readstat_writer_set_file_timestamp(writer, time_t(timestamp)), "the time stamp") }
    if format == .zsav { try check(readstat_writer_set_compression(writer, READSTAT_COMPRESS_BINARY), "compression") }
    let stata = format == .dta

    // Describe the variables.
    var handles: [UnsafeMutablePointer<readstat_variable_t>] = []
    var tags: [[Double: CChar]] = []
    for (index, v) in data.variables.enumerated() {
      let handle: UnsafeMutablePointer<readstat_variable_t>?
      var tagOfCode: [Double: CChar] = [:]
      switch v.values {
      case .categorical(let c):
        let width = max(1, (c.levels + v.missingTexts).map(\.utf8.count).max() ?? 1)
        guard !stata || width <= 2045 else {
          throw .cannotWrite(path: path, reason: "'\(v.name)' has text longer than Stata's 2045 bytes")
        }
        handle = readstat_add_variable(writer, v.name, READSTAT_TYPE_STRING, width)
      case .numeric:
        handle = readstat_add_variable(writer, v.name, READSTAT_TYPE_DOUBLE, 0)
      }
      guard let handle else { throw .cannotWrite(path: path, reason: "ReadStat refused the variable '\(v.name)'") }
      if let label = v.label { readstat_variable_set_label(handle, label) }
      if let time = v.time, !v.isCategorical {
        readstat_variable_set_format(handle, time.format(stata: stata))
      } else if let format = v.format, stata == format.hasPrefix("%") {
        readstat_variable_set_format(handle, format)
      }
      if !stata {
        switch v.measure {
        case .nominal: readstat_variable_set_measure(handle, READSTAT_MEASURE_NOMINAL)
        case .ordinal: readstat_variable_set_measure(handle, READSTAT_MEASURE_ORDINAL)
        case .scale: readstat_variable_set_measure(handle, READSTAT_MEASURE_SCALE)
        }
      }
      if !v.isCategorical {
        let codes = Array(Set(v.missingCodes).union(v.userMissing.values)).filter { code in
          !v.missingRanges.contains { $0.contains(code) } || stata
        }.sorted()
        if stata {
          // Extended missing values keep their letter; other codes take the
          // letters left, in order.
          var free = Array(UInt8(ascii: "a")...UInt8(ascii: "z"))
          for code in codes {
            if let tag = ExtendedMissing.tag(of: code), let k = free.firstIndex(of: tag) {
              tagOfCode[code] = CChar(bitPattern: tag)
              free.remove(at: k)
            }
          }
          for code in codes where tagOfCode[code] == nil {
            guard !free.isEmpty else {
              throw .cannotWrite(path: path, reason: "'\(v.name)' has more than 26 user-missing codes, more than Stata's .a–.z")
            }
            tagOfCode[code] = CChar(bitPattern: free.removeFirst())
          }
        } else {
          for code in codes { try check(readstat_variable_add_missing_double_value(handle, code), "'\(v.name)' missing values") }
          for r in v.missingRanges {
            try check(readstat_variable_add_missing_double_range(handle, r.lowerBound, r.upperBound), "'\(v.name)' missing ranges")
          }
        }
        if !v.valueLabels.isEmpty || !tagOfCode.isEmpty {
          let set = readstat_add_label_set(writer, stata ? READSTAT_TYPE_INT32 : READSTAT_TYPE_DOUBLE, "labels\(index)")
          for (code, label) in v.valueLabels.sorted(by: { $0.key < $1.key }) {
            if let tag = tagOfCode[code] {
              // An SPSS code carries its number in the label ("9 no answer").
              readstat_label_tagged_value(set, tag, ExtendedMissing.tag(of: code) != nil ? label : "\(formatNumber(code)) \(label)")
            } else if stata {
              guard code == code.rounded(), abs(code) < 2_147_483_000 else {
                throw .cannotWrite(path: path, reason: "'\(v.name)' labels the value \(formatNumber(code)); Stata labels whole numbers only")
              }
              readstat_label_int32_value(set, Int32(code), label)
            } else {
              readstat_label_double_value(set, code, label)
            }
          }
          for (code, tag) in tagOfCode where v.valueLabels[code] == nil && ExtendedMissing.tag(of: code) == nil {
            readstat_label_tagged_value(set, tag, formatNumber(code))
          }
          readstat_variable_set_label_set(handle, set)
        }
      } else if !stata, SavStringMissing.fits(v) {
        for text in v.missingTexts {
          try check(readstat_variable_add_missing_string_value(handle, text), "'\(v.name)' missing values")
        }
      }
      if v.isCategorical, !stata, !v.textLabels.isEmpty {
        // SPSS labels string values too; Stata does not (the save says so).
        let set = readstat_add_label_set(writer, READSTAT_TYPE_STRING, "labels\(index)")
        for (value, label) in v.textLabels.sorted(by: { $0.key < $1.key }) { readstat_label_string_value(set, value, label) }
        readstat_variable_set_label_set(handle, set)
      }
      handles.append(handle)
      tags.append(tagOfCode)
    }

    let context = Unmanaged.passUnretained(sink).toOpaque()
    let rows = data.rowCount
    let begin: readstat_error_t =
      switch format {
      case .sav, .zsav: readstat_begin_writing_sav(writer, context, rows)
      case .dta: readstat_begin_writing_dta(writer, context, rows)
      }
    try check(begin, "the header")

    // The rows, with the columns read once each.
    let columns = data.variables.map { $0.values }
    for row in 0..<rows {
      try check(readstat_begin_row(writer), "row \(row + 1)")
      for (k, v) in data.variables.enumerated() {
        let h = handles[k]
        let status: readstat_error_t
        switch columns[k] {
        case .categorical:
          status = readstat_insert_string_value(writer, h, v.fileText(at: row) ?? "")
        case .numeric(let c):
          let x = c[row]
          if let code = v.userMissing[row] {
            if let tag = tags[k][code] {
              status = readstat_insert_tagged_missing_value(writer, h, tag)
            } else {
              status = readstat_insert_double_value(writer, h, code)
            }
          } else if x.isNaN {
            status = readstat_insert_missing_value(writer, h)
          } else if let time = v.time {
            status = readstat_insert_double_value(writer, h, time.convert(x, to: time.target(stata: stata)))
          } else {
            status = readstat_insert_double_value(writer, h, x)
          }
        }
        try check(status, "'\(v.name)' in row \(row + 1)")
      }
      try check(readstat_end_row(writer), "row \(row + 1)")
    }
    try check(readstat_end_writing(writer), "the end of the file")
    if !stata, data.variables.contains(where: SavStringMissing.fits) { SavStringMissing.patch(&sink.bytes, data) }
    return sink.bytes
  }

  /// SPSS keeps 64 bytes of file label: a longer one is cut at a word,
  /// with "…".
  static func fileLabel(_ label: String) -> String {
    guard label.utf8.count > 64 else { return label }
    var cut = ""
    for word in label.split(separator: " ") {
      let next = cut.isEmpty ? String(word) : cut + " " + word
      if next.utf8.count + "…".utf8.count > 64 { break }
      cut = next
    }
    return cut + "…"
  }

  private final class Sink {
    var bytes: [UInt8] = []
  }
}

extension TimeEncoding {
  /// The encoding of this kind of value in an SPSS or Stata file.
  func target(stata: Bool) -> TimeEncoding {
    stata ? (hasTime ? .milliseconds1960 : .days1960) : (hasTime ? .spssDateTime : .spssDate)
  }

  /// The print format of this kind of value in the target file.
  func format(stata: Bool) -> String {
    if stata { return hasTime ? "%tc" : "%td" }
    return hasTime ? "DATETIME20" : "DATE11"
  }
}

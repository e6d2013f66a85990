#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Options for reading delimited text; nil means "sniff it".
public struct CSVOptions: Sendable {
  public var delimiter: UInt8?
  public var decimalSeparator: UInt8?
  public var encoding: TextEncoding?
  /// Bytes read per chunk; records may be longer (the buffer grows).
  public var chunkSize: Int = 4 << 20
  /// Polled between chunks; when it returns true the read stops.
  public var isCancelled: (@Sendable () -> Bool)?

  public init() {}
}

/// What the reader decided and noticed, for the load report.
public struct CSVSummary: Sendable {
  public struct Rename: Sendable, Equatable {
    public let header: String
    public let name: String
  }

  public let dialect: CSVDialect
  public let encoding: TextEncoding
  /// True when the encoding was detected (not given), e.g. Windows-1252
  /// because the file was not valid UTF-8.
  public let encodingDetected: Bool
  public let renamed: [Rename]
  public let bytes: Int
  /// Columns read a second time because text appeared after numbers.
  public let reparsedColumns: [String]
  /// Leading `#` lines before the header (they become the file label).
  public let comments: [String]
}

/// Reads CSV, TSV and other delimited text into a `Dataset`.
///
/// Byte-level and streaming: the file is read in chunks into one buffer, and
/// numbers are parsed in place (see `DecimalParser`), so memory stays near
/// the size of the columns. Column types are inferred: numeric when every
/// non-missing value is a number, else text (dictionary-encoded).
public enum CSVReader {
  public static func read(path: String, options: CSVOptions = CSVOptions()) throws(DataError)
    -> (Dataset, CSVSummary)
  {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
    }
    defer { close(fd) }
    var st = stat()
    if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
      throw .cannotOpen(path: path, reason: "it is a directory")
    }
    let source = FileSource(fd: fd, path: path)
    return try readAll(source: source, path: path, options: options)
  }

  /// Reads from memory (tests, pasted data); `path` names it in messages.
  public static func read(bytes: [UInt8], path: String, options: CSVOptions = CSVOptions())
    throws(DataError) -> (Dataset, CSVSummary)
  {
    try readAll(source: MemorySource(bytes: bytes), path: path, options: options)
  }

  private static func readAll(source: some ByteSource, path: String, options: CSVOptions)
    throws(DataError) -> (Dataset, CSVSummary)
  {
    var textColumns: Set<Int> = []
    for attempt in 0..<2 {
      let pass = try readOnce(source: source, path: path, options: options, textColumns: textColumns)
      switch pass {
      case .done(let dataset, let summary):
        return (dataset, summary)
      case .reparse(let columns):
        // At most one re-parse: the first pass learned every text column.
        precondition(attempt == 0, "a second re-parse cannot be needed")
        textColumns = columns
      }
    }
    throw .unsupportedFormat(path: path, reason: "internal error: type inference did not settle")
  }

  private enum Pass {
    case done(Dataset, CSVSummary)
    case reparse(Set<Int>)
  }

  private static func readOnce(
    source: some ByteSource, path: String, options: CSVOptions, textColumns: Set<Int>
  ) throws(DataError) -> Pass {
    var buffer = ChunkBuffer(capacity: max(options.chunkSize, 64))
    source.rewind()
    var eof = try buffer.fill(from: source, path: path)
    // Byte order marks.
    if buffer.startsWith([0xEF, 0xBB, 0xBF]) { buffer.consume(3) }
    if buffer.startsWith([0xFF, 0xFE]) || buffer.startsWith([0xFE, 0xFF]) {
      throw .unsupportedFormat(
        path: path, reason: "the file is UTF-16 encoded; save it as UTF-8 (or Windows-1252) CSV")
    }
    // Leading comment lines ("# SYNTHETIC data …") are the file label.
    var comments: [String] = []
    while buffer.startsWith([UInt8(ascii: "#")]) {
      var end = buffer.withBytes { b in b.firstIndex(of: UInt8(ascii: "\n")) }
      while end == nil, !eof {
        buffer.grow()
        eof = try buffer.fill(from: source, path: path)
        end = buffer.withBytes { b in b.firstIndex(of: UInt8(ascii: "\n")) }
      }
      let length = end.map { $0 + 1 } ?? buffer.count
      let line = buffer.withBytes { b in Array(b[1..<length]) }
      let text = (TextEncoding.utf8.decode(line) ?? TextEncoding.windows1252.decode(line) ?? "")
      comments.append(String(String(text.trimmingSpaces).trimmingLineEnds.trimmingSpaces))
      buffer.consume(length)
      if buffer.count == 0, !eof { eof = try buffer.fill(from: source, path: path) }
    }
    // The header record must be complete in the buffer.
    var headerEnd = buffer.withBytes { firstRecordEnd($0) }
    while headerEnd == nil, !eof {
      buffer.grow()
      eof = try buffer.fill(from: source, path: path)
      headerEnd = buffer.withBytes { firstRecordEnd($0) }
    }
    guard buffer.count > 0 else { throw .emptyFile(path: path) }
    let dialect = buffer.withBytes {
      var d = CSVDialect.sniff($0, delimiter: options.delimiter)
      if let s = options.decimalSeparator { d.decimalSeparator = s }
      return d
    }
    let headerLength = headerEnd ?? buffer.count
    let header: [[UInt8]]
    do {
      header = try buffer.withBytes { bytes throws(CSVParser.Failure) in
        try splitHeader(UnsafeBufferPointer(rebasing: bytes[0..<headerLength]), dialect: dialect)
      }
    } catch {
      throw locate(error, source: source, path: path)
    }
    let headerOffset = buffer.offset
    buffer.consume(headerLength)

    var parser = CSVParser(dialect: dialect, columnCount: header.count, textColumns: textColumns)
    defer { parser.deallocate() }
    var reserved = false
    while true {
      if let cancelled = options.isCancelled, cancelled() { throw .cancelled }
      let start = buffer.offset
      let consumed: Int
      do {
        consumed = try buffer.withBytes { bytes throws(CSVParser.Failure) in
          try parser.parse(bytes, base: start, isLast: eof)
        }
      } catch {
        throw locate(error, source: source, path: path)
      }
      buffer.consume(consumed)
      if !reserved, parser.rows > 0, let size = source.size {
        // Estimate the rows from the bytes per row seen so far.
        let perRow = max(1, (buffer.offset - headerOffset) / parser.rows)
        parser.reserve(rows: Int(Double(size - headerOffset) / Double(perRow) * 1.05) + 16)
        reserved = true
      }
      if eof { break }
      if buffer.count == buffer.capacity { buffer.grow() }  // one record fills the buffer
      eof = try buffer.fill(from: source, path: path)
    }
    let late = parser.columnsNeedingReparse
    if !late.isEmpty { return .reparse(textColumns.union(late)) }
    let (dataset, summary) = try finish(
      parser: &parser, header: header, dialect: dialect, source: source, path: path,
      options: options, reparsed: textColumns, comments: comments)
    return .done(dataset, summary)
  }

  // MARK: Finishing

  private static func finish(
    parser: inout CSVParser, header: [[UInt8]], dialect: CSVDialect, source: some ByteSource,
    path: String, options: CSVOptions, reparsed: Set<Int>, comments: [String]
  ) throws(DataError) -> (Dataset, CSVSummary) {
    let builders = parser.columns
    // Encoding: UTF-8 unless some header or distinct text value is not.
    let encoding: TextEncoding
    if let given = options.encoding {
      encoding = given
      if given == .utf8 {
        if let bad = header.firstIndex(where: { TextEncoding.utf8.decode($0) == nil }) {
          _ = bad
          throw locate(offset: 0, source: source, path: path) { .invalidText($0, encoding: "UTF-8") }
        }
        for b in builders where b.kind == .text {
          for code in 0..<b.interner.count where TextEncoding.utf8.decode(b.interner.bytes(of: code)) == nil {
            throw locate(offset: b.interner.firstOffsets[code], source: source, path: path) {
              .invalidText($0, encoding: "UTF-8")
            }
          }
        }
      }
    } else {
      let headerOK = header.allSatisfy { TextEncoding.utf8.decode($0) != nil }
      let valuesOK = builders.allSatisfy { b in
        b.kind != .text
          || (0..<b.interner.count).allSatisfy { TextEncoding.utf8.decode(b.interner.bytes(of: $0)) != nil }
      }
      encoding = headerOK && valuesOK ? .utf8 : .windows1252
    }
    func text(_ bytes: some Collection<UInt8>) -> String {
      encoding.decode(bytes) ?? TextEncoding.windows1252.decode(bytes) ?? ""
    }

    // Names.
    var renamed: [CSVSummary.Rename] = []
    var used: Set<String> = []
    var variables: [Variable] = []
    variables.reserveCapacity(builders.count)
    for (i, builder) in builders.enumerated() {
      let original = text(header[i])
      let name = VariableName.assign(header: original, position: i, used: &used)
      if name != original { renamed.append(.init(header: original, name: name)) }
      let values: ColumnValues
      if let numbers = builder.values() {
        values = numbers
      } else {
        let levels = (0..<builder.interner.count).map { text(builder.interner.bytes(of: $0)) }
        values = .categorical(dropUnusedLevels(codes: builder.codes.array(), levels: levels))
      }
      parser.deallocateColumn(i)  // keep one copy of the data at a time
      variables.append(
        Variable(name: name, values: values, label: name == original ? nil : original))
    }
    let base = baseName(of: path)
    var dataset = Dataset(name: base, rowCount: parser.rows)
    for v in variables { try dataset.add(v) }
    dataset.source = path
    if !comments.isEmpty { dataset.label = comments.joined(separator: " ") }
    let summary = CSVSummary(
      dialect: dialect, encoding: encoding, encodingDetected: options.encoding == nil,
      renamed: renamed, bytes: source.size ?? 0,
      reparsedColumns: reparsed.sorted().map { variables[$0].name }, comments: comments)
    return (dataset, summary)
  }

  /// Removes levels no row uses (left by records rolled back at a chunk end,
  /// or by text that was identical in spelling after decoding).
  private static func dropUnusedLevels(codes: [UInt32], levels: [String]) -> CategoricalColumn {
    var used = [Bool](repeating: false, count: levels.count)
    for c in codes where c != CategoricalColumn.missingCode { used[Int(c)] = true }
    if used.allSatisfy({ $0 }) { return CategoricalColumn(codes: codes, levels: levels) }
    var remap = [UInt32](repeating: CategoricalColumn.missingCode, count: levels.count)
    var kept: [String] = []
    for (i, u) in used.enumerated() where u {
      remap[i] = UInt32(kept.count)
      kept.append(levels[i])
    }
    let newCodes = codes.map { $0 == CategoricalColumn.missingCode ? $0 : remap[Int($0)] }
    return CategoricalColumn(codes: newCodes, levels: kept)
  }

  static func baseName(of path: String) -> String {
    let file = path.split(separator: "/").last.map(String.init) ?? path
    if let dot = file.lastIndex(of: "."), dot != file.startIndex {
      return String(file[..<dot])
    }
    return file
  }

  // MARK: Header

  /// The length of the first record including its line end, or nil when
  /// the buffer ends inside it.
  static func firstRecordEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var inQuotes = false
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        inQuotes.toggle()
      } else if !inQuotes, b == UInt8(ascii: "\n") {
        return i + 1
      } else if !inQuotes, b == UInt8(ascii: "\r") {
        if i + 1 < bytes.count { return bytes[i + 1] == UInt8(ascii: "\n") ? i + 2 : i + 1 }
        return nil
      }
      i += 1
    }
    return nil
  }

  private static func splitHeader(_ bytes: UnsafeBufferPointer<UInt8>, dialect: CSVDialect)
    throws(CSVParser.Failure) -> [[UInt8]]
  {
    var fields: [[UInt8]] = []
    var current: [UInt8] = []
    var i = 0
    var inQuotes = false
    var quoteStart = 0
    while i < bytes.count {
      let b = bytes[i]
      if inQuotes {
        if b == UInt8(ascii: "\"") {
          if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") {
            current.append(b)
            i += 2
            continue
          }
          inQuotes = false
        } else {
          current.append(b)
        }
      } else if b == UInt8(ascii: "\"") && current.isEmpty {
        inQuotes = true
        quoteStart = i
      } else if b == dialect.delimiter {
        fields.append(current)
        current = []
      } else if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
        break
      } else {
        current.append(b)
      }
      i += 1
    }
    if inQuotes { throw .unterminatedQuote(offset: quoteStart) }
    fields.append(current)
    return fields
  }

  // MARK: Locations

  private static func locate(_ failure: CSVParser.Failure, source: some ByteSource, path: String)
    -> DataError
  {
    switch failure {
    case .ragged(let offset, let expected, let got):
      locate(offset: offset, source: source, path: path) {
        .raggedRow($0, expected: expected, got: got)
      }
    case .unterminatedQuote(let offset):
      locate(offset: offset, source: source, path: path) { .unterminatedQuote($0) }
    case .unexpectedAfterQuote(let offset):
      locate(offset: offset, source: source, path: path) { .unexpectedAfterQuote($0) }
    }
  }

  /// Line and column (in characters) of a byte offset, found by reading the
  /// source again from the start: errors are rare, the hot loop stays lean.
  private static func locate(
    offset: Int, source: some ByteSource, path: String, _ make: (FileLocation) -> DataError
  ) -> DataError {
    source.rewind()
    var line = 1
    var column = 1
    var position = 0
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    outer: while position < offset {
      let n = chunk.withUnsafeMutableBufferPointer { source.read(into: $0) }
      if n <= 0 { break }
      for k in 0..<n {
        if position == offset { break outer }
        let b = chunk[k]
        if b == UInt8(ascii: "\n") {
          line += 1
          column = 1
        } else if b & 0xC0 != 0x80, b != UInt8(ascii: "\r") {
          column += 1  // count characters, not UTF-8 continuation bytes
        }
        position += 1
      }
    }
    return make(FileLocation(path: path, line: line, column: column))
  }
}

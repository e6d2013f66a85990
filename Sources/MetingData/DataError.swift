/// A position in a file, for messages: 1-based line and column (in
/// characters), computed only when an error is reported.
public struct FileLocation: Sendable, Equatable, CustomStringConvertible {
  public let path: String
  public let line: Int
  public let column: Int

  public init(path: String, line: Int, column: Int) {
    self.path = path
    self.line = line
    self.column = column
  }

  public var description: String { "\(path):\(line):\(column)" }
}

/// Why data could not be read, written or changed. Cases carry a location
/// where the problem is in a file; the shell turns them into text.
public enum DataError: Error, Sendable, Equatable {
  case cannotOpen(path: String, reason: String)
  case cannotWrite(path: String, reason: String)
  case emptyFile(path: String)
  case unterminatedQuote(FileLocation)
  case raggedRow(FileLocation, expected: Int, got: Int)
  case invalidText(FileLocation, encoding: String)
  case unexpectedAfterQuote(FileLocation)
  case duplicateVariable(String)
  case lengthMismatch(variable: String, expected: Int, got: Int)
  case unsupportedFormat(path: String, reason: String)
  /// The file is not a valid file of its format (ReadStat's message), or
  /// its reader crashed on it.
  case badFile(path: String, reason: String)
  case fileExists(path: String)
  case cancelled

  /// The message, without the location prefix.
  public var message: String {
    switch self {
    case .cannotOpen(_, let reason): "cannot open file: \(reason)"
    case .cannotWrite(_, let reason): "cannot write file: \(reason)"
    case .emptyFile: "the file is empty: no header and no data"
    case .unterminatedQuote: "unterminated quoted field: the closing '\"' is missing"
    case .raggedRow(_, let expected, let got):
      "row has \(got) field\(got == 1 ? "" : "s"), the header has \(expected)"
    case .invalidText(_, let encoding): "text is not valid \(encoding)"
    case .unexpectedAfterQuote:
      "unexpected character after a closing quote (expected a delimiter or the end of the line)"
    case .duplicateVariable(let name): "a variable named '\(name)' already exists"
    case .lengthMismatch(let v, let e, let g):
      "variable '\(v)' has \(g) values but the dataset has \(e) rows"
    case .unsupportedFormat(_, let reason): reason
    case .badFile(_, let reason): reason
    case .fileExists: "the file exists; add ', replace' to overwrite it"
    case .cancelled: "cancelled"
    }
  }

  /// Where the problem is: a file location, or just a path.
  public var location: FileLocation? {
    switch self {
    case .unterminatedQuote(let l), .raggedRow(let l, _, _), .invalidText(let l, _),
      .unexpectedAfterQuote(let l):
      l
    default: nil
    }
  }

  public var path: String? {
    switch self {
    case .cannotOpen(let p, _), .cannotWrite(let p, _), .emptyFile(let p),
      .unsupportedFormat(let p, _), .badFile(let p, _), .fileExists(let p):
      p
    default: location?.path
    }
  }
}

import MetingLanguage

/// Exit statuses of `meting`, after BSD sysexits where one fits:
///
/// | status | meaning |
/// |---|---|
/// | 0 | every command succeeded |
/// | 64 | the command line itself is wrong (EX_USAGE) |
/// | 65 | a syntax error in a command (EX_DATAERR) |
/// | 66 | the data cannot support a command: unknown variable, empty group, zero variance, a malformed data file |
/// | 70 | an internal error (EX_SOFTWARE) |
/// | 74 | a file cannot be read or written (EX_IOERR) |
/// | 130 | interrupted by Ctrl-C (128 + SIGINT) |
public enum ExitStatus {
  public static let success: Int32 = 0
  public static let usage: Int32 = 64
  public static let syntax: Int32 = 65
  public static let data: Int32 = 66
  public static let software: Int32 = 70
  public static let io: Int32 = 74
  public static let interrupted: Int32 = 130

  public static func of(_ category: Diagnostic.Category) -> Int32 {
    switch category {
    case .syntax: syntax
    case .data: data
    case .io: io
    case .interrupted: interrupted
    case .internal: software
    }
  }
}

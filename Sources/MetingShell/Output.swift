import MetingLanguage
import MetingReport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a session's output goes. Reports go to standard output; errors and
/// warnings to standard error, so `--format json` output stays pure JSON.
public protocol OutputSink: AnyObject {
  /// A rendered report (ends without a newline).
  func write(report text: String)
  /// A message about a command (diagnostic), already formatted.
  func write(diagnostic text: String)
  /// An echoed command (scripts), already formatted.
  func write(echo text: String)
  /// Whether reports go to a terminal (width, colour).
  var isTerminal: Bool { get }
  /// Whether messages (standard error) go to a terminal (colour).
  var messagesToTerminal: Bool { get }
  /// The terminal's columns, when it is one.
  var columns: Int? { get }
}

/// Standard output and standard error.
public final class StandardOutput: OutputSink {
  public init() {}

  public var isTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
  public var messagesToTerminal: Bool { isatty(STDERR_FILENO) != 0 }

  public var columns: Int? {
    guard isTerminal else { return nil }
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }

  public func write(report text: String) { Self.put(text + "\n", to: STDOUT_FILENO) }
  public func write(diagnostic text: String) { Self.put(text + "\n", to: STDERR_FILENO) }
  public func write(echo text: String) { Self.put(text + "\n", to: STDOUT_FILENO) }

  /// Writes all of `text` (retrying short writes and EINTR), unbuffered, so
  /// each result is out before the next prompt.
  public static func put(_ text: String, to fd: Int32) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeMutableBytes { raw in
        Glibc.write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
      }
      if n < 0 {
        if errno == EINTR { continue }
        return  // a closed pipe: nothing more can be written
      }
      offset += n
    }
  }
}

/// Collects output in memory (tests, `show` comparisons).
public final class CapturedOutput: OutputSink {
  public private(set) var standardOutput = ""
  public private(set) var standardError = ""
  public var isTerminal = false
  public var messagesToTerminal = false
  public var columns: Int? = nil

  public init() {}

  public func write(report text: String) { standardOutput += text + "\n" }
  public func write(diagnostic text: String) { standardError += text + "\n" }
  public func write(echo text: String) { standardOutput += text + "\n" }
}

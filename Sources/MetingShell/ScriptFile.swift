import MetingData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading and writing script files (UTF-8 text).
public enum ScriptFile {
  public static func read(_ path: String) throws(DataError) -> String {
    guard let f = fopen(path, "rb") else {
      throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
    }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = fread(&buffer, 1, buffer.count, f)
      if n <= 0 { break }
      bytes += buffer[0..<n]
    }
    if ferror(f) != 0 { throw .cannotOpen(path: path, reason: "read error") }
    guard let text = TextEncoding.utf8.decode(bytes) else {
      throw .unsupportedFormat(path: path, reason: "the script is not valid UTF-8 text")
    }
    return text
  }

  /// `~/x` → `$HOME/x`.
  public static func expand(_ path: String) -> String {
    guard path.hasPrefix("~/"), let home = getenv("HOME") else { return path }
    return String(cString: home) + path.dropFirst()
  }
}

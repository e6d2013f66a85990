import MetingData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The persistent command history, in meting's own format (libedit's
/// `_HiStOrY_V2_` files are not readline's, and truncating them through the
/// readline layer corrupts them): one entry per line, `\n` and `\\`
/// escaped, so a multi-line command is one entry.
///
/// Entries are appended as each command runs (a crash loses nothing);
/// entries starting with a space are not stored; an entry equal to the
/// previous one is dropped. The file lives at `$METING_HISTORY`, else
/// `$XDG_STATE_HOME/meting/history`, else `~/.local/state/meting/history`.
public final class HistoryFile {
  public let path: String?
  public private(set) var entries: [String] = []
  /// Entries kept in memory and offered by the line editor.
  static let limit = 1000
  /// When the file grows past this many entries it is compacted.
  static let compactAt = 5000

  public init(path: String? = HistoryFile.defaultPath()) {
    self.path = path
    guard let path, let text = try? ScriptFile.read(path) else { return }
    entries = text.split(separator: "\n", omittingEmptySubsequences: true).map { HistoryFile.unescape(String($0)) }
    if entries.count > HistoryFile.compactAt {
      entries = Array(entries.suffix(HistoryFile.limit))
      rewrite()
    }
  }

  public static func defaultPath() -> String? {
    if let p = getenv("METING_HISTORY") {
      let s = String(cString: p)
      return s.isEmpty ? nil : s
    }
    if let state = getenv("XDG_STATE_HOME"), state.pointee != 0 {
      return String(cString: state) + "/meting/history"
    }
    guard let home = getenv("HOME") else { return nil }
    return String(cString: home) + "/.local/state/meting/history"
  }

  /// Records an entry; returns whether it was kept.
  @discardableResult
  public func add(_ entry: String) -> Bool {
    guard !entry.hasPrefix(" "), !entry.allSatisfy(\.isWhitespace), entry != entries.last else { return false }
    entries.append(entry)
    guard let path else { return true }
    makeParentDirectory(path)
    let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return true }
    let line = Array((HistoryFile.escape(entry) + "\n").utf8)
    _ = line.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    close(fd)
    return true
  }

  public var recent: ArraySlice<String> { entries.suffix(HistoryFile.limit) }

  static func escape(_ s: String) -> String {
    var out = ""
    for c in s {
      switch c {
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      default: out.append(c)
      }
    }
    return out
  }

  static func unescape(_ s: String) -> String {
    var out = ""
    var escaping = false
    for c in s {
      if escaping {
        out.append(c == "n" ? "\n" : c == "r" ? "\r" : c)
        escaping = false
      } else if c == "\\" {
        escaping = true
      } else {
        out.append(c)
      }
    }
    return out
  }

  private func rewrite() {
    guard let path else { return }
    let text = entries.map { HistoryFile.escape($0) + "\n" }.joined()
    try? AtomicFile.write(Array(text.utf8), to: path, replace: true)
  }

  private func makeParentDirectory(_ path: String) {
    var components = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
    var current = path.hasPrefix("/") ? "" : "."
    if path.hasPrefix("/") { components = components.dropFirst() }
    for c in components where !c.isEmpty {
      current += "/" + c
      mkdir(current, 0o700)
    }
  }
}

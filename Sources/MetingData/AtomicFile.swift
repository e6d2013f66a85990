#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files so that a crash, a kill or Ctrl-C leaves either the old
/// file or the new one, never a partial file: the bytes go to a temporary
/// file in the same folder, which is flushed (fsync) and renamed over the
/// target; then the folder is flushed so the rename survives power loss.
public enum AtomicFile {
  public static func write(_ bytes: [UInt8], to path: String, replace: Bool) throws(DataError) {
    if !replace, access(path, F_OK) == 0 { throw .fileExists(path: path) }
    let folder = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) : "."
    let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(baseName(path)).meting-\(getpid()).tmp"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw .cannotWrite(path: path, reason: errorText()) }
    var written = 0
    let ok: Bool = bytes.withUnsafeBytes { raw in
      guard let base = raw.baseAddress else { return true }
      while written < raw.count {
        let n = Glibc.write(fd, base + written, raw.count - written)
        if n < 0 {
          if errno == EINTR { continue }
          return false
        }
        written += n
      }
      return true
    }
    let reason = ok ? "" : errorText()
    let synced = ok && fsync(fd) == 0
    close(fd)
    guard ok, synced else {
      unlink(temporary)
      throw .cannotWrite(path: path, reason: ok ? errorText() : reason)
    }
    guard rename(temporary, path) == 0 else {
      let r = errorText()
      unlink(temporary)
      throw .cannotWrite(path: path, reason: r)
    }
    let dirfd = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY)
    if dirfd >= 0 {
      fsync(dirfd)
      close(dirfd)
    }
  }

  private static func baseName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  private static func errorText() -> String { String(cString: strerror(errno)) }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads SPSS, Stata and SAS files in a child process (`meting
/// --read-helper FORMAT FILE`), so that a crafted or corrupt file that
/// crashes or hangs ReadStat costs the child, not the session: the crash
/// becomes an error naming the file, and the data already loaded stay.
///
/// The child limits its own address space and CPU time (`setrlimit`) and
/// streams the content back over a pipe (`StatFileWire`).
public enum ContainedReader {
  /// The executable that answers `--read-helper`: `METING_EXECUTABLE`, or
  /// this process's own executable (meting itself).
  public static func helperExecutable() -> String {
    if let e = getenv("METING_EXECUTABLE"), e.pointee != 0 { return String(cString: e) }
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    return n > 0 ? String(cString: buffer) : CommandLine.arguments[0]
  }

  /// Reads `path` in a child; `isCancelled` is polled while waiting (Ctrl-C
  /// kills the child).
  public static func read(
    path: String, format: StatFileFormat, isCancelled: @escaping () -> Bool = { false }
  ) throws(DataError) -> StatFileContent {
    guard access(path, R_OK) == 0 else {
      throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
    }
    let helper = helperExecutable()
    var out: [Int32] = [0, 0]
    var err: [Int32] = [0, 0]
    guard pipe(&out) == 0, pipe(&err) == 0 else {
      throw .cannotOpen(path: path, reason: "cannot start the reader: \(String(cString: strerror(errno)))")
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO)
    posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO)
    posix_spawn_file_actions_addclose(&actions, out[0])
    posix_spawn_file_actions_addclose(&actions, err[0])
    let words: [String] = [helper, "--read-helper", format.rawValue, path]
    var argv: [UnsafeMutablePointer<CChar>?] = words.map { (w: String) in strdup(w) }
    argv.append(nil)
    defer { for a in argv { free(a) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, helper, &actions, nil, argv, environ)
    close(out[1])
    close(err[1])
    guard spawned == 0 else {
      close(out[0])
      close(err[0])
      throw .cannotOpen(path: path, reason: "cannot start the reader \(helper): \(String(cString: strerror(spawned)))")
    }
    // Read both pipes until they close (poll, so neither can fill and block).
    var bytes: [UInt8] = []
    var messages: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var fds = [pollfd(fd: out[0], events: Int16(POLLIN), revents: 0), pollfd(fd: err[0], events: Int16(POLLIN), revents: 0)]
    var open = 2
    var cancelled = false
    while open > 0 {
      if isCancelled() {
        kill(pid, SIGKILL)
        cancelled = true
        break
      }
      let ready = poll(&fds, 2, 200)
      if ready < 0 {
        if errno == EINTR { continue }
        break
      }
      for k in 0..<2 where fds[k].fd >= 0 && fds[k].revents != 0 {
        let n = systemRead(fds[k].fd, &chunk, chunk.count)
        if n > 0 {
          if k == 0 { bytes += chunk[0..<n] } else if messages.count < 4096 { messages += chunk[0..<n] }
        } else if n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN) {
          close(fds[k].fd)
          fds[k].fd = -1
          open -= 1
        }
      }
    }
    for fd in fds where fd.fd >= 0 { close(fd.fd) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    if cancelled { throw .cancelled }
    let signal = status & 0x7F
    let message = String(decoding: messages, as: UTF8.self).trimmingTrailingNewlines
    if signal != 0 {
      let what: String =
        switch signal {
        case SIGXCPU: "took too long (CPU limit)"
        case SIGKILL: "was stopped (out of memory or CPU time)"
        case SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE: "crashed (signal \(signal))"
        default: "ended by signal \(signal)"
        }
      throw .badFile(
        path: path, reason: "the \(format.name) reader \(what) on this file: it is corrupt or crafted; the session and its data are unaffected")
    }
    let code = (status >> 8) & 0xFF
    guard code == 0 else {
      throw .badFile(path: path, reason: message.isEmpty ? "the \(format.name) reader failed (status \(code))" : message)
    }
    return try StatFileWire.decode(bytes, path: path)
  }

  /// The child's side: `meting --read-helper FORMAT FILE`. Limits itself,
  /// reads, writes the content to standard output; returns the exit status.
  public static func helperMain(_ arguments: [String]) -> Int32 {
    guard arguments.count == 2, let format = StatFileFormat(rawValue: arguments[0]) else {
      writeError("usage: meting --read-helper sav|por|dta|sas7bdat|xpt FILE")
      return 64
    }
    let path = arguments[1]
    limitResources(fileSize: fileSize(path))
    do {
      let content = try ReadStatReader.read(path: path, format: format)
      let bytes = StatFileWire.encode(content)
      var written = 0
      while written < bytes.count {
        let n = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress! + written, bytes.count - written) }
        if n < 0 {
          if errno == EINTR { continue }
          return 74
        }
        written += n
      }
      return 0
    } catch {
      writeError(error.message)
      return 65
    }
  }

  private static func fileSize(_ path: String) -> Int {
    var s = stat()
    return stat(path, &s) == 0 ? Int(s.st_size) : 0
  }

  /// Address space: 2 GB plus 16 × the file (a compressed .zsav expands);
  /// CPU: 60 s plus 1 s per 10 MB.
  private static func limitResources(fileSize: Int) {
    let memory = rlim_t(2 << 30) + rlim_t(fileSize) * 16
    var m = rlimit(rlim_cur: memory, rlim_max: memory)
    setrlimit(RLIMIT_AS_VALUE, &m)
    let seconds = rlim_t(60 + fileSize / 10_000_000)
    var c = rlimit(rlim_cur: seconds, rlim_max: seconds + 5)
    setrlimit(RLIMIT_CPU_VALUE, &c)
  }
}

private func writeError(_ message: String) {
  let bytes = Array((message + "\n").utf8)
  _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
}

/// read(2) (the enum's own `read` hides the global one).
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
  #else
    Darwin.read(fd, buffer, count)
  #endif
}

#if canImport(Glibc)
  private let RLIMIT_AS_VALUE = __rlimit_resource_t(RLIMIT_AS.rawValue)
  private let RLIMIT_CPU_VALUE = __rlimit_resource_t(RLIMIT_CPU.rawValue)
#else
  private let RLIMIT_AS_VALUE = RLIMIT_AS
  private let RLIMIT_CPU_VALUE = RLIMIT_CPU
#endif

extension String {
  var trimmingTrailingNewlines: String {
    var s = self
    while s.last == "\n" || s.last == "\r" { s.removeLast() }
    return s
  }
}

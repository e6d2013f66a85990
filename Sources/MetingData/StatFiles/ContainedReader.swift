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
    return n > 0 ? String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
  }

  /// A file read in the child: the dataset, what part of the file it is
  /// (an Excel sheet and its cells), and what the reader wants said.
  public struct Loaded {
    public var dataset: Dataset
    public var detail: String?
    public var notes: [String]
    /// The file's text encoding as it declares it (or as asked).
    public var encoding: String?
  }

  /// What to ask the reader besides the file: an Excel sheet by name or
  /// number (the first when nil); the text encoding of an SPSS, Stata or
  /// SAS file whose own is wrong or missing (an iconv name, e.g.
  /// "WINDOWS-1252"; the file's when nil).
  public struct Choices: Sendable {
    public var sheet: String?
    /// The cells of the sheet to read ("A3:K95").
    public var range: String?
    public var encoding: String?

    public init(sheet: String? = nil, range: String? = nil, encoding: String? = nil) {
      self.sheet = sheet
      self.range = range
      self.encoding = encoding
    }

    var arguments: [String] {
      (sheet.map { ["--sheet", $0] } ?? []) + (range.map { ["--range", $0] } ?? []) + (encoding.map { ["--encoding", $0] } ?? [])
    }
  }

  /// Reads `path` in a child into a dataset named `name`; `isCancelled` is
  /// polled while waiting (Ctrl-C kills the child). Each variable becomes
  /// its final column as it arrives.
  public static func readDataset(
    path: String, format: StatFileFormat, choices: Choices = Choices(), name: String,
    isCancelled: @escaping () -> Bool = { false }
  ) throws(DataError) -> Loaded {
    var variables: [Variable] = []
    var seen = Set<String>()
    var rows = 0
    let header = try read(path: path, format: format, choices: choices, isCancelled: isCancelled) { s throws(DataError) in
      guard seen.insert(s.name).inserted else { throw .duplicateVariable(s.name) }
      rows = s.isString ? s.codes.count : s.numbers.count
      variables.append(try StatFileImport.variable(s, rows: rows, format: format))
    }
    let dataset = try StatFileImport.dataset(
      variables, name: name, path: path, label: header.fileLabel, rows: header.rowCount)
    return Loaded(dataset: dataset, detail: header.detail, notes: header.notes, encoding: header.encoding)
  }

  /// Reads `path` in a child, handing each variable to `each`; returns the
  /// header (row count, file label, encoding).
  static func read(
    path: String, format: StatFileFormat, choices: Choices = Choices(), isCancelled: @escaping () -> Bool,
    each: (StatVariable) throws(DataError) -> Void
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
    #if os(Linux)
      // A 1 MB pipe instead of 64 KB: 16 times fewer wake-ups for the data.
      _ = fcntl(out[0], 1031 /* F_SETPIPE_SZ */, 1 << 20)
    #endif
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO)
    posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO)
    posix_spawn_file_actions_addclose(&actions, out[0])
    posix_spawn_file_actions_addclose(&actions, err[0])
    let words: [String] = [helper, "--read-helper", format.rawValue, path] + choices.arguments
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
    // Decode straight from the pipe (each column into its array), while
    // stderr is drained too, so that neither pipe can fill and block.
    var source = PipeSource(data: out[0], messages: err[0], child: pid, isCancelled: isCancelled)
    let decoded: Result<StatFileContent, DataError>
    do {
      decoded = .success(try StatFileWire.decode(from: &source, path: path, each: each))
    } catch {
      decoded = .failure(error)
    }
    source.drain()
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    if source.cancelled { throw .cancelled }
    let signal = status & 0x7F
    let message = String(decoding: source.messageBytes, as: UTF8.self).trimmingTrailingNewlines
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
    return try decoded.get()
  }

  /// The child's two pipes: data is read on demand, messages whenever they
  /// come; Ctrl-C kills the child.
  struct PipeSource: WireSource {
    var fds: [pollfd]
    let child: pid_t
    let isCancelled: () -> Bool
    var messageBytes: [UInt8] = []
    var cancelled = false

    init(data: Int32, messages: Int32, child: pid_t, isCancelled: @escaping () -> Bool) {
      fds = [pollfd(fd: data, events: Int16(POLLIN), revents: 0), pollfd(fd: messages, events: Int16(POLLIN), revents: 0)]
      self.child = child
      self.isCancelled = isCancelled
    }

    /// Read-ahead for the many small fields (a text level is a length and
    /// its bytes): served from here, not a system call each.
    private var pending: [UInt8] = []
    private var start = 0

    mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) -> Bool {
      var filled = 0
      // First what is buffered.
      let available = pending.count - start
      if available > 0 {
        let n = Swift.min(available, buffer.count)
        pending.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + start, byteCount: n) }
        start += n
        filled = n
      }
      while filled < buffer.count {
        let want = buffer.count - filled
        if want < 1 << 16 {
          // Small: refill the read-ahead, then copy from it.
          var fresh = [UInt8](repeating: 0, count: 1 << 16)
          let got = fresh.withUnsafeMutableBytes { readSome(into: $0.baseAddress!, count: $0.count) }
          pending = fresh
          guard got > 0 else {
            pending = []
            start = 0
            return false
          }
          pending.removeLast(pending.count - got)
          let n = Swift.min(got, want)
          pending.withUnsafeBytes { buffer.baseAddress!.advanced(by: filled).copyMemory(from: $0.baseAddress!, byteCount: n) }
          start = n
          filled += n
        } else {
          // Large (a column): straight into the destination.
          let got = readSome(into: buffer.baseAddress! + filled, count: want)
          guard got > 0 else { return false }
          filled += got
        }
      }
      return true
    }

    /// One read of the data pipe (waiting with poll, draining messages);
    /// 0 at its end, on an error or on Ctrl-C.
    private mutating func readSome(into destination: UnsafeMutableRawPointer, count: Int) -> Int {
      while true {
        guard fds[0].fd >= 0 else { return 0 }
        if isCancelled() {
          kill(child, SIGKILL)
          cancelled = true
          return 0
        }
        let ready = poll(&fds, 2, 200)
        if ready < 0, errno != EINTR { return 0 }
        if ready <= 0 { continue }
        if fds[1].fd >= 0, fds[1].revents != 0 { readMessages() }
        if fds[0].revents != 0 {
          let n = systemRead(fds[0].fd, destination, count)
          if n > 0 { return n }
          if n == 0 || (errno != EINTR && errno != EAGAIN) {
            close(fds[0].fd)
            fds[0].fd = -1
            return 0
          }
        }
      }
    }

    private mutating func readMessages() {
      var chunk = [UInt8](repeating: 0, count: 4096)
      let n = systemRead(fds[1].fd, &chunk, chunk.count)
      if n > 0 {
        if messageBytes.count < 8192 { messageBytes += chunk[0..<n] }
      } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
        close(fds[1].fd)
        fds[1].fd = -1
      }
    }

    /// Reads what is left (to the ends of both pipes) and closes them.
    mutating func drain() {
      var chunk = [UInt8](repeating: 0, count: 1 << 16)
      while fds[0].fd >= 0 || fds[1].fd >= 0 {
        if !cancelled, isCancelled() {
          kill(child, SIGKILL)
          cancelled = true
        }
        let ready = poll(&fds, 2, 200)
        if ready < 0, errno != EINTR { break }
        if ready <= 0 { continue }
        if fds[1].fd >= 0, fds[1].revents != 0 { readMessages() }
        if fds[0].fd >= 0, fds[0].revents != 0 {
          let n = systemRead(fds[0].fd, &chunk, chunk.count)
          if n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN) {
            close(fds[0].fd)
            fds[0].fd = -1
          }
        }
      }
    }
  }

  /// The child's side: `meting --read-helper FORMAT FILE [--sheet NAME]
  /// [--range CELLS] [--encoding NAME]`. Limits itself, reads, writes the content to
  /// standard output; returns the exit status.
  public static func helperMain(_ arguments: [String]) -> Int32 {
    let usage = "usage: meting --read-helper sav|por|dta|sas7bdat|xpt|xlsx FILE [--sheet NAME] [--range CELLS] [--encoding NAME]"
    guard arguments.count >= 2, arguments.count % 2 == 0, let format = StatFileFormat(rawValue: arguments[0]) else {
      writeError(usage)
      return 64
    }
    var choices = Choices()
    for k in stride(from: 2, to: arguments.count, by: 2) {
      switch arguments[k] {
      case "--sheet": choices.sheet = arguments[k + 1]
      case "--range": choices.range = arguments[k + 1]
      case "--encoding": choices.encoding = arguments[k + 1]
      default:
        writeError(usage)
        return 64
      }
    }
    let path = arguments[1]
    limitResources(fileSize: fileSize(path))
    do {
      let content =
        format == .xlsx
        ? try XLSXReader.read(path: path, sheet: choices.sheet, range: choices.range)
        : try ReadStatReader.read(path: path, format: format, encoding: choices.encoding)
      var failed = false
      StatFileWire.encode(content) { piece in
        var written = 0
        while !failed, written < piece.count, let base = piece.baseAddress {
          let n = write(STDOUT_FILENO, base + written, piece.count - written)
          if n < 0 {
            if errno == EINTR { continue }
            failed = true
          } else {
            written += n
          }
        }
      }
      if failed { return 74 }
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

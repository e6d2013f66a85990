import CEditLine
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The interactive line editor, on libedit's native API.
///
/// libedit quirks handled here (see ../shared/platform-notes.md):
/// - C callbacks cannot capture; the editor is passed as EL_CLIENTDATA.
/// - Ctrl-C: our SIGINT handler (no SA_RESTART) makes the read fail with
///   EINTR, so `el_wgets` returns NULL with count −1: the line is dropped.
///   Ctrl-D returns NULL with count 0. EL_SIGNAL stays off: its handler
///   re-raises signals to the whole process group.
/// - No bracketed paste in libedit: our read function turns the terminal's
///   paste mode on and tracks `ESC[200~ … ESC[201~`; a TAB inside a paste
///   is inserted as a tab, not taken as completion.
/// - Up and Down search the history for entries starting with what is
///   typed (`ed-search-prev-history`), as IPython does.
final class LineEditor {
  enum Input {
    case line(String)
    case interrupted
    case end
  }

  private let editline: OpaquePointer
  private let history: OpaquePointer
  private var promptBuffer: UnsafeMutablePointer<CChar>
  /// Called on TAB with the line and the cursor (byte offset).
  var completer: (String, Int) -> Completion = { _, c in Completion(start: c, word: "", candidates: [], kind: .nothing) }
  private var pasting = false
  private var pending: [UInt8] = []
  static let resized = Atomic<Bool>(false)

  init?(name: String) {
    guard let el = meting_el_init(name) else { return nil }
    guard let h = history_init() else {
      el_end(el)
      return nil
    }
    editline = el
    history = h
    promptBuffer = strdup("> ")
    meting_history_setsize(h, Int32(HistoryFile.limit))
    meting_history_setunique(h, 1)
    meting_el_set_history(el, h)
    meting_el_set_editor(el, "emacs")
    meting_el_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
    meting_el_set_prompt(el, LineEditor.promptCallback, 1)
    meting_el_set_getc(el, LineEditor.readCallback)
    meting_el_add_function(el, "meting-complete", "complete the word", LineEditor.completeCallback)
    meting_el_bind(el, "^I", "meting-complete")
    for key in ["\\e[A", "\\eOA"] { meting_el_bind(el, key, "ed-search-prev-history") }
    for key in ["\\e[B", "\\eOB"] { meting_el_bind(el, key, "ed-search-next-history") }
    el_source(el, nil)  // ~/.editrc, e.g. `bind -v` for vi keys
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in LineEditor.resized.store(true, ordering: .relaxed) }
    sigemptyset(&action.sa_mask)
    action.sa_flags = SA_RESTART
    sigaction(SIGWINCH, &action, nil)
  }

  deinit {
    el_end(editline)
    history_end(history)
    free(promptBuffer)
  }

  func addHistory(_ entry: String) { meting_history_enter(history, entry) }

  /// Reads one line with `prompt` (ANSI colour codes between \u{1} marks).
  func readLine(prompt: String) -> Input {
    free(promptBuffer)
    promptBuffer = strdup(prompt)
    if LineEditor.resized.exchange(false, ordering: .relaxed) { el_resize(editline) }
    StandardOutput.put("\u{1B}[?2004h", to: STDOUT_FILENO)  // bracketed paste on
    defer { StandardOutput.put("\u{1B}[?2004l", to: STDOUT_FILENO) }
    var count: Int32 = 0
    Interrupt.clear()
    guard let wide = el_wgets(editline, &count) else {
      if count < 0 || Interrupt.isRequested {
        el_reset(editline)
        pasting = false
        pending.removeAll()
        return .interrupted
      }
      return .end
    }
    var scalars = String.UnicodeScalarView()
    var p = wide
    while p.pointee != 0 {
      if let s = Unicode.Scalar(UInt32(bitPattern: p.pointee)) { scalars.append(s) }
      p += 1
    }
    var line = String(scalars)
    if line.hasSuffix("\n") { line.removeLast() }
    return .line(line)
  }

  // MARK: Callbacks

  private static func editor(_ el: OpaquePointer?) -> LineEditor? {
    guard let el, let data = meting_el_get_clientdata(el) else { return nil }
    return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
  }

  private static let promptCallback: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>? = { el in
    editor(el)?.promptBuffer
  }

  private static let completeCallback: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { el, _ in
    guard let el, let editor = editor(el) else { return UInt8(CC_ERROR) }
    return editor.complete(el)
  }

  private static let readCallback: @convention(c) (OpaquePointer?, UnsafeMutablePointer<wchar_t>?) -> Int32 = {
    el, out in
    guard let editor = editor(el), let out else { return -1 }
    return editor.readCharacter(out)
  }

  // MARK: Completion

  private func complete(_ el: OpaquePointer) -> UInt8 {
    if pasting {
      el_insertstr(el, "\t")
      return UInt8(CC_REFRESH)
    }
    guard let info = el_line(el) else { return UInt8(CC_ERROR) }
    let length = info.pointee.lastchar - info.pointee.buffer
    let cursor = info.pointee.cursor - info.pointee.buffer
    let line = String(decoding: UnsafeBufferPointer(start: UnsafeRawPointer(info.pointee.buffer)
      .assumingMemoryBound(to: UInt8.self), count: length), as: UTF8.self)
    let completion = completer(line, cursor)
    if completion.candidates.isEmpty {
      // Nothing to complete: a TAB after nothing (or a space) is a tab.
      if completion.word.isEmpty {
        el_insertstr(el, "\t")
        return UInt8(CC_REFRESH)
      }
      return UInt8(CC_REFRESH_BEEP)
    }
    if completion.candidates.count == 1, let only = completion.candidates.first {
      if completion.replaces(only) { el_deletestr(el, Int32(completion.word.count)) }
      el_insertstr(el, completion.insertion(for: only))
      return UInt8(CC_REFRESH)
    }
    let common = completion.commonExtension
    if !common.isEmpty {
      el_insertstr(el, common)
      return UInt8(CC_REFRESH)
    }
    // Several: list them under the line, in columns.
    let width = max(40, StandardOutput().columns ?? 80)
    let cell = (completion.candidates.map(\.count).max() ?? 1) + 2
    let perLine = max(1, width / cell)
    var text = "\n"
    for (i, c) in completion.candidates.enumerated() {
      text += c + String(repeating: " ", count: max(1, cell - c.count))
      if (i + 1) % perLine == 0 { text += "\n" }
    }
    if !text.hasSuffix("\n") { text += "\n" }
    StandardOutput.put(text, to: STDOUT_FILENO)
    return UInt8(CC_REDISPLAY)
  }

  // MARK: Reading characters

  /// Reads one byte from the terminal (or from bytes read ahead); with a
  /// timeout in milliseconds, nil when none arrives in time.
  private func nextByte(timeout: Int32? = nil) -> (byte: UInt8?, status: Int32) {
    if !pending.isEmpty { return (pending.removeFirst(), 1) }
    if let timeout {
      var fds = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
      if poll(&fds, 1, timeout) <= 0 { return (nil, 0) }
    }
    var b: UInt8 = 0
    let n = read(STDIN_FILENO, &b, 1)
    if n == 1 { return (b, 1) }
    return (nil, n < 0 ? -1 : 0)
  }

  /// libedit's read function: one character, decoded from UTF-8; paste
  /// markers are consumed. 1 = a character, 0 = end of input, −1 = error
  /// (errno is EINTR after Ctrl-C).
  private func readCharacter(_ out: UnsafeMutablePointer<wchar_t>) -> Int32 {
    if LineEditor.resized.exchange(false, ordering: .relaxed) { el_resize(editline) }
    while true {
      let (first, status) = nextByte()
      guard let b = first else { return status }
      if b == 0x1B {
        // Maybe a paste marker: ESC [ 2 0 0 ~ or ESC [ 2 0 1 ~.
        var seen: [UInt8] = []
        let marker: [UInt8] = Array("[20".utf8)
        while seen.count < 5 {
          let (next, _) = nextByte(timeout: 30)
          guard let c = next else { break }
          seen.append(c)
          if seen.count <= 3, seen.last != marker[seen.count - 1] { break }
          if seen.count == 4, c != UInt8(ascii: "0") && c != UInt8(ascii: "1") { break }
        }
        if seen.count == 5, seen[4] == UInt8(ascii: "~") {
          pasting = seen[3] == UInt8(ascii: "0")
          continue
        }
        pending.insert(contentsOf: seen, at: 0)
        out.pointee = 0x1B
        return 1
      }
      // UTF-8 sequences.
      let length = b < 0x80 ? 1 : b >> 5 == 0x6 ? 2 : b >> 4 == 0xE ? 3 : b >> 3 == 0x1E ? 4 : 1
      var value = length == 1 ? UInt32(b) : UInt32(b) & (0xFF >> (length + 1))
      for _ in 1..<length {
        let (next, s) = nextByte()
        guard let c = next else { return s }
        value = value << 6 | UInt32(c & 0x3F)
      }
      out.pointee = wchar_t(bitPattern: value)
      return 1
    }
  }
}

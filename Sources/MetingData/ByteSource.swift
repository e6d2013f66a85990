#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a reader's bytes come from: a file read in chunks, or memory.
protocol ByteSource {
  /// Total size in bytes, when known.
  var size: Int? { get }
  /// Reads up to `buffer.count` bytes; 0 at the end, −1 on an error.
  func read(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int
  /// Starts again from the first byte.
  func rewind()
  /// The error of the last failed read, in words.
  var lastError: String { get }
}

final class FileSource: ByteSource {
  let fd: Int32
  let path: String
  private(set) var lastError = ""

  init(fd: Int32, path: String) {
    self.fd = fd
    self.path = path
  }

  var size: Int? {
    var st = stat()
    guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
    return Int(st.st_size)
  }

  func read(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
    while true {
      let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
      if n < 0, errno == EINTR { continue }
      if n < 0 { lastError = String(cString: strerror(errno)) }
      return n
    }
  }

  func rewind() { lseek(fd, 0, SEEK_SET) }
}

final class MemorySource: ByteSource {
  let bytes: [UInt8]
  private var position = 0
  let lastError = ""

  init(bytes: [UInt8]) { self.bytes = bytes }

  var size: Int? { bytes.count }

  func read(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
    let n = min(buffer.count, bytes.count - position)
    guard n > 0, let base = buffer.baseAddress else { return 0 }
    bytes.withUnsafeBufferPointer { src in
      if let s = src.baseAddress { base.update(from: s + position, count: n) }
    }
    position += n
    return n
  }

  func rewind() { position = 0 }
}

/// A growable byte buffer holding the unparsed tail of a file: bytes are
/// consumed from the front and refilled at the back.
struct ChunkBuffer {
  private var storage: [UInt8]
  private var start = 0
  private var end = 0
  /// File offset of the first unconsumed byte.
  private(set) var offset = 0

  init(capacity: Int) { storage = [UInt8](repeating: 0, count: capacity) }

  var count: Int { end - start }
  var capacity: Int { storage.count }

  func startsWith(_ prefix: [UInt8]) -> Bool {
    count >= prefix.count && storage[start..<(start + prefix.count)].elementsEqual(prefix)
  }

  mutating func consume(_ n: Int) {
    start += n
    offset += n
  }

  /// Doubles the capacity (for a record longer than the buffer).
  mutating func grow() {
    storage.append(contentsOf: [UInt8](repeating: 0, count: storage.count))
  }

  /// Moves the unconsumed bytes to the front and reads until the buffer is
  /// full or the source ends. Returns true at the end of the source.
  mutating func fill(from source: some ByteSource, path: String) throws(DataError) -> Bool {
    if start > 0 {
      let n = count
      storage.withUnsafeMutableBufferPointer { b in
        if let base = b.baseAddress, n > 0 { base.update(from: base + start, count: n) }
      }
      start = 0
      end = n
    }
    while end < storage.count {
      let n = storage.withUnsafeMutableBufferPointer { b in
        source.read(into: UnsafeMutableBufferPointer(rebasing: b[end...]))
      }
      if n < 0 { throw .cannotOpen(path: path, reason: "read failed: \(source.lastError)") }
      if n == 0 { return true }
      end += n
    }
    return false
  }

  func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
    let s = start
    let e = end
    // withUnsafeBufferPointer is rethrows-untyped; keep the typed error.
    var result: Result<R, E>!
    storage.withUnsafeBufferPointer { b in
      do throws(E) {
        result = .success(try body(UnsafeBufferPointer(rebasing: b[s..<e])))
      } catch {
        result = .failure(error)
      }
    }
    return try result.get()
  }
}

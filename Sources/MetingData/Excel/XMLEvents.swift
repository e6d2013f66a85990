import CLibXML2
import Foundation

/// A streaming (SAX2) pass over one XML part of a workbook with libxml2:
/// element starts and ends by local name (the `x:` prefix some writers put
/// on every element is not part of it), attributes and text as bytes. No
/// tree and no String per element, so a sheet of millions of cells streams
/// (2.6 times faster than through Foundation's XMLParser, which wraps the
/// same parser but builds a dictionary and Strings per element; and whose
/// `XMLParser(data:)` on Linux hands libxml2 the whole buffer at once,
/// which fails any part over 10 MB with NSXMLParserErrorDomain code 1).
///
/// Safe on hostile input: entities are not substituted (XML_PARSE_NOENT is
/// off: the five predefined ones and character references are decoded,
/// nothing else), nothing is fetched from the network, and libxml2 refuses
/// exponential entity expansion; the reading child's memory and CPU limits
/// stand behind that.
enum XMLEvents {
  typealias Start = (_ name: XMLName, _ attributes: XMLAttributes) -> Void
  typealias End = (_ name: XMLName) -> Void
  typealias Text = (_ bytes: UnsafeBufferPointer<UInt8>) -> Void

  /// Parses `data`; malformed XML throws `badFile` naming the part and
  /// libxml2's line, column and message.
  static func parse(
    _ data: Data, part: String, path: String,
    start: Start, end: End = { _ in }, text: Text = { _ in }
  ) throws(DataError) {
    let failure: String? = withoutActuallyEscaping(start) { start in
      withoutActuallyEscaping(end) { end in
        withoutActuallyEscaping(text) { text in
          let handlers = Handlers(start: start, end: end, text: text)
          return run(data, handlers)
        }
      }
    }
    if let failure {
      throw .badFile(path: path, reason: "the workbook part \(part) is not well-formed XML (\(failure))")
    }
  }

  private final class Handlers {
    let start: Start
    let end: End
    let text: Text
    var error: String?

    init(start: @escaping Start, end: @escaping End, text: @escaping Text) {
      self.start = start
      self.end = end
      self.text = text
    }
  }

  /// Feeds the bytes in 1 MB chunks: libxml2 without XML_PARSE_HUGE
  /// refuses more than 10 MB of unparsed input at once.
  private static func run(_ data: Data, _ handlers: Handlers) -> String? {
    var sax = xmlSAXHandler()
    sax.initialized = XML_SAX2_MAGIC
    sax.startElementNs = { context, localname, _, _, _, _, count, _, attributes in
      guard let context, let localname else { return }
      let h = Unmanaged<Handlers>.fromOpaque(context).takeUnretainedValue()
      h.start(XMLName(pointer: localname), XMLAttributes(base: attributes, count: Int(count)))
    }
    sax.endElementNs = { context, localname, _, _ in
      guard let context, let localname else { return }
      Unmanaged<Handlers>.fromOpaque(context).takeUnretainedValue().end(XMLName(pointer: localname))
    }
    sax.characters = { context, bytes, length in
      guard let context, let bytes else { return }
      Unmanaged<Handlers>.fromOpaque(context).takeUnretainedValue().text(UnsafeBufferPointer(start: bytes, count: Int(length)))
    }
    sax.cdataBlock = sax.characters
    sax.serror = { context, error in
      guard let context, let error else { return }
      let h = Unmanaged<Handlers>.fromOpaque(context).takeUnretainedValue()
      guard h.error == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
      let message = error.pointee.message.map { String(cString: $0) }?.trimmingTrailingNewlines ?? "malformed XML"
      h.error = "line \(error.pointee.line), column \(error.pointee.int2): \(message)"
    }
    let context = Unmanaged.passUnretained(handlers).toOpaque()
    guard let parser = xmlCreatePushParserCtxt(&sax, context, nil, 0, nil) else { return "libxml2 could not start" }
    defer { xmlFreeParserCtxt(parser) }
    xmlCtxtUseOptions(parser, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue))
    let status: Int32 = data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: CChar.self)
      var offset = 0
      let chunk = 1 << 20
      while offset < bytes.count {
        let n = min(chunk, bytes.count - offset)
        let s = xmlParseChunk(parser, bytes.baseAddress! + offset, Int32(n), 0)
        if s != 0 || handlers.error != nil { return s == 0 ? -1 : s }
        offset += n
      }
      return xmlParseChunk(parser, nil, 0, 1)
    }
    if let e = handlers.error { return e }
    return status == 0 && parser.pointee.wellFormed != 0 ? nil : "libxml2 error \(status)"
  }
}

/// An element's local name as libxml2 hands it over (NUL-terminated, valid
/// during the callback). `switch name { case "row": … }` compares bytes.
struct XMLName {
  let pointer: UnsafePointer<xmlChar>

  static func ~= (pattern: StaticString, name: XMLName) -> Bool {
    strcmp(UnsafeRawPointer(pattern.utf8Start).assumingMemoryBound(to: CChar.self),
           UnsafeRawPointer(name.pointer).assumingMemoryBound(to: CChar.self)) == 0
  }

  static func == (name: XMLName, pattern: StaticString) -> Bool { pattern ~= name }

  var string: String { String(cString: pointer) }
}

/// An element's attributes: libxml2's array of five pointers per attribute
/// (local name, prefix, URI, value start, value end). Looked up by local
/// name, so `r:id` answers "id".
struct XMLAttributes {
  let base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
  let count: Int

  /// The value's bytes (valid during the callback).
  func bytes(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
    guard let base else { return nil }
    for i in 0..<count {
      guard let local = base[5 * i], name ~= XMLName(pointer: local),
        let start = base[5 * i + 3], let end = base[5 * i + 4]
      else { continue }
      return UnsafeBufferPointer(start: start, count: end - start)
    }
    return nil
  }

  subscript(_ name: StaticString) -> String? {
    bytes(name).map { String(decoding: $0, as: UTF8.self) }
  }

  /// A non-negative whole number, or nil.
  func int(_ name: StaticString) -> Int? {
    guard let b = bytes(name), !b.isEmpty, b.count < 12 else { return nil }
    var n = 0
    for c in b {
      guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
      n = n * 10 + Int(c - UInt8(ascii: "0"))
    }
    return n
  }
}

import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A streaming (SAX) pass over one XML part of a workbook with Foundation's
/// `XMLParser` (libxml2 underneath): element starts and ends by local name
/// (a `x:` prefix, which some writers put on every element, is dropped) and
/// text. No tree is built, so a sheet of a million cells streams.
///
/// External entities are not resolved (XMLParser's default), and libxml2
/// refuses exponential entity expansion; the reading child's memory and
/// CPU limits stand behind both.
final class XMLEvents: NSObject, XMLParserDelegate {
  typealias Start = (_ name: Substring, _ attributes: [String: String]) -> Void
  typealias End = (_ name: Substring) -> Void
  typealias Text = (_ text: String) -> Void

  private let start: Start
  private let end: End
  private let text: Text
  private var stopped: String?

  private init(start: @escaping Start, end: @escaping End, text: @escaping Text) {
    self.start = start
    self.end = end
    self.text = text
  }

  /// Parses `data`; a malformed part throws `badFile` naming the part and
  /// libxml2's line and column.
  static func parse(
    _ data: Data, part: String, path: String,
    start: @escaping Start, end: @escaping End = { _ in }, text: @escaping Text = { _ in }
  ) throws(DataError) {
    let events = XMLEvents(start: start, end: end, text: text)
    // Through a stream, which hands libxml2 the bytes in chunks: given a
    // Data, swift-corelibs-foundation passes it in one piece, and libxml2
    // (without XML_PARSE_HUGE) fails any part over 10 MB at its end with
    // NSXMLParserErrorDomain code 1 (seen with a 33 MB sheet).
    let parser = XMLParser(stream: InputStream(data: data))
    parser.delegate = events
    parser.shouldProcessNamespaces = false
    parser.shouldResolveExternalEntities = false
    if !parser.parse() {
      let reason = events.stopped ?? parser.parserError.map { "\($0.localizedDescription)" } ?? "malformed XML"
      throw .badFile(
        path: path,
        reason: "the workbook part \(part) is not well-formed XML (line \(parser.lineNumber), column \(parser.columnNumber)): \(reason)")
    }
  }

  static func localName(_ qualified: String) -> Substring {
    guard let colon = qualified.lastIndex(of: ":") else { return qualified[...] }
    return qualified[qualified.index(after: colon)...]
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes: [String: String] = [:]
  ) {
    start(XMLEvents.localName(elementName), attributes)
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
    end(XMLEvents.localName(elementName))
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }

  func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
    text(String(decoding: CDATABlock, as: UTF8.self))
  }

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
    if stopped == nil { stopped = "\(parseError.localizedDescription)" }
  }
}

extension Dictionary where Key == String, Value == String {
  /// An attribute by local name (`r:id` and `id` both answer "id"); the
  /// unprefixed spelling wins when both are present.
  func attribute(_ local: String) -> String? {
    if let v = self[local] { return v }
    for (k, v) in self where XMLEvents.localName(k) == local { return v }
    return nil
  }
}

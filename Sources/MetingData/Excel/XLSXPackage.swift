import Foundation
import ZIPFoundation

/// An .xlsx workbook as a package of parts (ECMA-376 Part 2, Open
/// Packaging Conventions): a zip archive whose parts are found through
/// relationship files, `_rels/.rels` → the workbook → its sheets, shared
/// strings and styles. A part that a relationship names but the archive
/// lacks is an error that names the part.
struct XLSXPackage {
  let path: String
  private let archive: Archive
  /// No part may unpack to more than this (a zip bomb stops here, with a
  /// message, before the child's memory limit would kill it).
  static let partLimit: UInt64 = 1 << 31

  init(path: String) throws(DataError) {
    self.path = path
    do {
      archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    } catch {
      throw .badFile(path: path, reason: "not a readable Excel workbook: the zip archive is damaged (\(error))")
    }
  }

  /// Part names in the archive, as stored (no leading '/').
  var partNames: [String] { archive.map(\.path) }

  func has(_ part: String) -> Bool { archive[part] != nil }

  /// The bytes of `part`; throws when it is absent or damaged.
  func read(_ part: String, role: String) throws(DataError) -> Data {
    guard let entry = archive[part] else {
      throw .badFile(path: path, reason: "the workbook is incomplete: its \(role) (\(part)) is missing from the archive")
    }
    guard entry.uncompressedSize <= XLSXPackage.partLimit else {
      throw .badFile(path: path, reason: "the part \(part) unpacks to \(entry.uncompressedSize) bytes, beyond meting's limit of 2 GB")
    }
    var data = Data()
    data.reserveCapacity(Int(entry.uncompressedSize))
    do {
      _ = try archive.extract(entry, skipCRC32: false) { chunk in
        data.append(chunk)
        if UInt64(data.count) > XLSXPackage.partLimit { throw Archive.ArchiveError.invalidEntrySize }
      }
    } catch {
      throw .badFile(path: path, reason: "the part \(part) of the workbook is damaged (\(error))")
    }
    return data
  }

  // MARK: Relationships

  struct Relationship {
    let id: String
    /// The relationship type's last path segment: "officeDocument",
    /// "worksheet", "sharedStrings", "styles"…
    let kind: String
    /// The target part's name, resolved against the source part.
    let target: String
    let isExternal: Bool
  }

  /// The relationships of `source` ("" for the package itself): the part
  /// `dir/_rels/name.rels`. An absent file means no relationships.
  func relationships(of source: String) throws(DataError) -> [Relationship] {
    let (dir, name) = XLSXPackage.split(source)
    let relsPart = (dir.isEmpty ? "" : dir + "/") + "_rels/" + name + ".rels"
    guard has(relsPart) else { return [] }
    var out: [Relationship] = []
    try XMLEvents.parse(try read(relsPart, role: "relationships"), part: relsPart, path: path) { element, a in
      guard element == "Relationship", let id = a["Id"], let type = a["Type"], let target = a["Target"] else { return }
      let kind = type.split(separator: "/").last.map(String.init) ?? type
      let external = a["TargetMode"] == "External"
      out.append(Relationship(id: id, kind: kind, target: external ? target : XLSXPackage.resolve(target, from: dir), isExternal: external))
    }
    return out
  }

  /// The folder and file name of a part name.
  static func split(_ part: String) -> (String, String) {
    guard let slash = part.lastIndex(of: "/") else { return ("", part) }
    return (String(part[..<slash]), String(part[part.index(after: slash)...]))
  }

  /// A relationship target resolved against the source part's folder: "/x"
  /// is from the package root; "../" and "./" segments are applied;
  /// percent-escapes are decoded.
  static func resolve(_ target: String, from dir: String) -> String {
    let decoded = target.removingPercentEncoding ?? target
    var segments: [Substring] = decoded.hasPrefix("/") ? [] : dir.split(separator: "/")
    for s in decoded.split(separator: "/") {
      if s == ".." {
        if !segments.isEmpty { segments.removeLast() }
      } else if s != "." {
        segments.append(s)
      }
    }
    return segments.joined(separator: "/")
  }
}

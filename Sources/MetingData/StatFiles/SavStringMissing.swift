/// Missing values of short string variables in a .sav that ReadStat wrote.
///
/// Debian 12's libreadstat 1.1.8 writes a string variable's declared
/// missing values as if they were numbers: eight bytes of its own memory
/// per value, which no reader can decode (ReadStat itself refuses the file:
/// "unable to convert string to the requested encoding"). Later ReadStat
/// writes them right. This puts each value, padded with spaces to eight
/// bytes as the format wants (PSPP's description of the variable record),
/// into its slot of the variable record, after checking that the record is
/// the one expected (a string of that width with that many missing values);
/// a file written right already is left as it is.
///
/// Only strings of at most eight bytes have their missing values in the
/// variable record; wider ones keep them elsewhere (record 7.22), which
/// 1.1.8 cannot write, so meting does not declare them (and says so).
public enum SavStringMissing {
  /// The width ReadStat gives a text variable, as the writer computes it.
  static func width(_ v: Variable) -> Int {
    guard case .categorical(let c) = v.values else { return 0 }
    return max(1, (c.levels + v.missingTexts).map(\.utf8.count).max() ?? 1)
  }

  /// Whether the variable's missing texts can be declared in a .sav.
  public static func fits(_ v: Variable) -> Bool {
    !v.missingTexts.isEmpty && width(v) <= 8 && v.missingTexts.count <= 3
  }

  /// Patches `bytes` (a whole .sav or .zsav: the dictionary is never
  /// compressed) for the variables of `data`, in their order.
  static func patch(_ bytes: inout [UInt8], _ data: Dataset) {
    var pos = 176  // after the file header
    func int32(_ at: Int) -> Int32? {
      guard at >= 0, at + 4 <= bytes.count else { return nil }
      return Int32(bitPattern: UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24)
    }
    var variables = data.variables.makeIterator()
    var segmentsLeft = 0  // further variable records of a very long string
    while let rec = int32(pos), rec == 2, let type = int32(pos + 4), let hasLabel = int32(pos + 8), let n = int32(pos + 12) {
      var next = pos + 32
      if hasLabel != 0 {
        guard let length = int32(next), length >= 0 else { return }
        next += 4 + (Int(length) + 3) / 4 * 4
      }
      let slots = next
      next += Int(abs(n)) * 8
      if type != -1 {  // a variable (or a segment of one), not a continuation
        if segmentsLeft > 0 {
          segmentsLeft -= 1
        } else {
          guard let v = variables.next() else { return }
          let w = width(v)
          segmentsLeft = v.isCategorical && w > 255 ? (w + 251) / 252 - 1 : 0
          if v.isCategorical, fits(v), Int(type) == w, Int(n) == v.missingTexts.count, next <= bytes.count {
            for (k, text) in v.missingTexts.enumerated() {
              let padded = Array(text.utf8) + Array(repeating: UInt8(ascii: " "), count: 8 - text.utf8.count)
              bytes.replaceSubrange((slots + 8 * k)..<(slots + 8 * k + 8), with: padded)
            }
          }
        }
      }
      pos = next
    }
  }
}

/// Stata's extended missing values .a–.z (and SAS's special missing values
/// .A–.Z and ._), kept as user-missing codes so that their reason shows in
/// `describe`, `freq` and `list` and survives a save to .dta.
///
/// The code is the double Stata itself stores in a .dta file: `.` is 2¹⁰²³
/// (bit pattern 0x7FE0000000000000) and .a, .b … follow at steps of 2⁴⁰ in
/// the bit pattern (0x7FE0010000000000 …): finite numbers above all data,
/// which sort after every value as in Stata. SAS's .A–.Z are the same
/// letters (shown in lower case), its ._ comes after .z.
public enum ExtendedMissing {
  static let base: UInt64 = 0x7FE0_0000_0000_0000
  static let step: UInt64 = 1 << 40

  /// The code of a tag as ReadStat reports it ('a'…'z', 'A'…'Z', '_').
  public static func code(tag: UInt8) -> Double? {
    let index: UInt64
    switch tag {
    case UInt8(ascii: "a")...UInt8(ascii: "z"): index = UInt64(tag - UInt8(ascii: "a")) + 1
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): index = UInt64(tag - UInt8(ascii: "A")) + 1
    case UInt8(ascii: "_"): index = 27
    default: return nil
    }
    return Double(bitPattern: base + index * step)
  }

  /// The tag of a code: 'a'…'z', or '_'; nil for an ordinary number.
  public static func tag(of code: Double) -> UInt8? {
    let bits = code.bitPattern
    guard bits > base, bits <= base + 27 * step, (bits - base) % step == 0 else { return nil }
    let index = (bits - base) / step
    return index == 27 ? UInt8(ascii: "_") : UInt8(ascii: "a") + UInt8(index - 1)
  }

  /// ".a" for an extended missing code; nil for an ordinary number.
  public static func text(_ code: Double) -> String? {
    tag(of: code).map { "." + String(UnicodeScalar($0)) }
  }
}

/// A user-missing code as shown: ".a" for Stata's extended missing values,
/// else the number in its shortest exact form.
public func formatCode(_ code: Double) -> String { ExtendedMissing.text(code) ?? formatNumber(code) }

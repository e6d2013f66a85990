#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Parses decimal numbers from bytes without allocating.
///
/// Grammar: `[+-] digits [sep digits] [(e|E) [+-] digits]`, or
/// `[+-] sep digits …`, where `sep` is '.' or, for Dutch Excel files, ','.
/// Exactness: when the significand has at most 19 digits and fits in 53
/// bits and the decimal exponent is within ±22, the result is
/// `Double(m) × 10^e` or `Double(m) / 10^e` with both operands exact, which
/// is correctly rounded (Clinger 1990, the fast path). Anything else goes
/// to the C library's `strtod`, which is correctly rounded too. So every
/// number reads back bit-identical to R and pandas.
enum DecimalParser {
  /// Exact powers of ten representable in a Double.
  static let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  ]

  /// The number in `bytes[start..<end]`, or nil when the bytes are not
  /// exactly one number (no surrounding spaces allowed).
  @inline(__always)
  static func parse(
    _ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int, separator: UInt8
  ) -> Double? {
    var i = start
    guard i < end else { return nil }
    var negative = false
    if bytes[i] == UInt8(ascii: "-") {
      negative = true
      i += 1
    } else if bytes[i] == UInt8(ascii: "+") {
      i += 1
    }
    var mantissa: UInt64 = 0
    var digits = 0  // significant digits kept in mantissa
    var dropped = 0  // integer digits that did not fit (exponent + dropped)
    var exponent = 0
    var sawDigit = false
    var inexact = false
    // Integer part.
    while i < end {
      let d = bytes[i] &- 48
      if d > 9 { break }
      sawDigit = true
      if digits < 19 {
        if mantissa != 0 || d != 0 {
          mantissa = mantissa &* 10 &+ UInt64(d)
          digits += 1
        }
      } else {
        dropped += 1
        if d != 0 { inexact = true }
      }
      i += 1
    }
    exponent = dropped
    // Fraction.
    if i < end, bytes[i] == separator {
      i += 1
      while i < end {
        let d = bytes[i] &- 48
        if d > 9 { break }
        sawDigit = true
        if digits < 19 {
          if mantissa != 0 || d != 0 {
            mantissa = mantissa &* 10 &+ UInt64(d)
            digits += 1
          }
          exponent -= 1
        } else if d != 0 {
          inexact = true
        }
        i += 1
      }
    }
    guard sawDigit else { return nil }
    // Exponent.
    if i < end, bytes[i] | 0x20 == UInt8(ascii: "e") {
      i += 1
      var expNegative = false
      if i < end, bytes[i] == UInt8(ascii: "-") {
        expNegative = true
        i += 1
      } else if i < end, bytes[i] == UInt8(ascii: "+") {
        i += 1
      }
      var e = 0
      var expDigits = 0
      while i < end {
        let d = bytes[i] &- 48
        if d > 9 { break }
        if e < 100_000 { e = e * 10 + Int(d) }
        expDigits += 1
        i += 1
      }
      guard expDigits > 0 else { return nil }
      exponent += expNegative ? -e : e
    }
    guard i == end else { return nil }
    if mantissa == 0 { return negative ? -0.0 : 0.0 }
    if !inexact, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
      let m = Double(mantissa)
      let v = exponent >= 0 ? m * powersOfTen[exponent] : m / powersOfTen[-exponent]
      return negative ? -v : v
    }
    return slowPath(bytes, start, end, separator: separator)
  }

  /// Correctly rounded conversion by `strtod` on a NUL-terminated copy with
  /// '.' as the separator (the C locale's).
  static func slowPath(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int, separator: UInt8)
    -> Double?
  {
    let length = end - start
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer in
      for k in 0..<length {
        let b = bytes[start + k]
        buffer[k] = CChar(bitPattern: b == separator ? UInt8(ascii: ".") : b)
      }
      buffer[length] = 0
      guard let base = buffer.baseAddress else { return nil }
      var endPointer: UnsafeMutablePointer<CChar>? = nil
      let v = strtod(base, &endPointer)
      guard let endPointer, endPointer - base == length else { return nil }
      return v
    }
  }
}

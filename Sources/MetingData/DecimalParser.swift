#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Parses decimal numbers from bytes without allocating.
///
/// Grammar: `[+-] digits [sep digits] [(e|E) [+-] digits]`, or
/// `[+-] sep digits …`, where `sep` is '.' or, for Dutch Excel files, ','.
/// Exactness, in three steps, each correctly rounded:
/// 1. significand ≤ 2⁵³ and decimal exponent within ±22: `Double(m) × 10^e`
///    or `Double(m) / 10^e` with both operands exact (Clinger 1990);
/// 2. a significand of at most 19 digits: the Eisel–Lemire algorithm, a
///    128-bit multiplication by a table of powers of five (Lemire 2021),
///    which decides the rounding or reports that it cannot;
/// 3. anything else (more digits, a case Eisel–Lemire declines): the C
///    library's `strtod`.
/// So every number reads back bit-identical to R and pandas.
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
    if !inexact {
      if let v = exact(mantissa, exponent) { return negative ? -v : v }
    }
    return slowPath(bytes, start, end, separator: separator)
  }

  /// m × 10^e for an exact decimal significand m > 0, by Clinger's fast
  /// path or Eisel–Lemire; nil when neither can decide.
  @inline(__always)
  static func exact(_ m: UInt64, _ e: Int) -> Double? {
    if m <= 1 << 53, e >= -22, e <= 22 {
      let d = Double(m)
      return e >= 0 ? d * powersOfTen[e] : d / powersOfTen[-e]
    }
    return eiselLemire(m, e)
  }

  /// The Eisel–Lemire conversion of w × 10^q (w > 0, at most 19 digits),
  /// after Lemire (2021), "Number Parsing at a Gigabyte per Second",
  /// section 5: normalise w, multiply by a 128-bit approximation of 5^q,
  /// take the top 54 bits, round to even. nil when the product is too
  /// close to a rounding boundary to decide, or out of range.
  static func eiselLemire(_ w0: UInt64, _ q: Int) -> Double? {
    guard q >= PowersOfFive.smallestExponent, q <= PowersOfFive.largestExponent else { return nil }
    let lz = w0.leadingZeroBitCount
    let w = w0 << UInt64(lz)
    let index = 2 * (q - PowersOfFive.smallestExponent)
    var (high, low) = w.multipliedFullWidth(by: PowersOfFive.table[index])
    // 9 bits below the 55 kept are all ones: the truncation may matter,
    // so add the product with the table's low word.
    if high & 0x1FF == 0x1FF {
      let second = w.multipliedFullWidth(by: PowersOfFive.table[index + 1]).high
      let (sum, carry) = low.addingReportingOverflow(second)
      low = sum
      if carry { high &+= 1 }
      if high & 0x1FF == 0x1FF, low == UInt64.max { return nil }
    }
    let upperBit = Int(high >> 63)
    let shift = UInt64(upperBit + 9)
    var mantissa = high >> shift
    // floor(log2(10^q)) + 63, by the paper's ((152170 + 65536)·q) >> 16.
    var power2 = (((152_170 + 65_536) * q) >> 16) + 63 + upperBit - lz + 1023
    guard power2 > 0, power2 < 2046 else { return nil }  // subnormals and overflow: strtod
    // Exactly halfway between two doubles: round to even.
    if low <= 1, q >= -4, q <= 23, mantissa & 3 == 1, mantissa << shift == high {
      mantissa &= ~1
    }
    mantissa += mantissa & 1
    mantissa >>= 1
    if mantissa >= 1 << 53 {
      mantissa = 1 << 52
      power2 += 1
    }
    mantissa &= ~(1 << 52)
    guard power2 < 2047 else { return nil }
    return Double(bitPattern: UInt64(power2) << 52 | mantissa)
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

import Testing

@testable import MetingData

@Suite("decimal parsing is correctly rounded")
struct DecimalParserTests {
  /// SplitMix64, so the cases are the same on every run.
  struct Mix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  func parse(_ s: String) -> Double? {
    let bytes = Array(s.utf8)
    return bytes.withUnsafeBufferPointer { b in
      DecimalParser.parse(b.baseAddress!, 0, b.count, separator: UInt8(ascii: "."))
    }
  }

  @Test("shortest representations of random doubles read back exactly (Eisel–Lemire path)")
  func roundTrip() {
    var rng = Mix(state: 42)
    var failures: [String] = []
    for _ in 0..<200_000 {
      let bits = rng.next() & 0x7FFF_FFFF_FFFF_FFFF
      let v = Double(bitPattern: bits)
      guard v.isFinite else { continue }
      let text = "\(v)"
      if parse(text) != v { failures.append(text) }
    }
    #expect(failures.isEmpty, "\(failures.prefix(5))")
  }

  @Test("random decimal strings agree with strtod, digits 1–25, exponents ±320")
  func randomDecimals() {
    var rng = Mix(state: 7)
    var failures: [String] = []
    for _ in 0..<200_000 {
      let digits = Int(rng.next() % 25) + 1
      var s = String(Int(rng.next() % 9) + 1)
      for _ in 1..<digits { s += String(rng.next() % 10) }
      let point = Int(rng.next() % UInt64(digits + 1))
      if point < digits { s.insert(".", at: s.index(s.startIndex, offsetBy: point)) }
      if rng.next() % 2 == 0 { s += "e" + String(Int(rng.next() % 640) - 320) }
      let expected = Double(s)  // Swift's initializer is correctly rounded (strtod)
      if parse(s) != expected { failures.append(s) }
    }
    #expect(failures.isEmpty, "\(failures.prefix(5))")
  }

  @Test("halfway cases round to even")
  func halfway() {
    #expect(parse("9007199254740993") == 9007199254740992)  // 2^53 + 1 → even
    #expect(parse("9007199254740995") == 9007199254740996)
    #expect(parse("2.2250738585072011e-308") == 2.2250738585072011e-308)  // subnormal boundary (strtod)
  }
}

import Foundation

/// meting's own random number generator: the same numbers on every
/// platform and every run for a given seed (`set seed N`).
///
/// Algorithm: xoshiro256** 1.0 (Blackman & Vigna 2018), state seeded by
/// four outputs of SplitMix64 from the 64-bit seed. Uniforms take the top
/// 53 bits: u = (x >> 11)·2⁻⁵³ in [0, 1). Normals are by inversion,
/// z = Φ⁻¹(u) with R's qnorm (AS 241), u kept away from 0. Integers below n
/// use Lemire's multiply-and-reject method, so they are unbiased.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var s: (UInt64, UInt64, UInt64, UInt64)

  public init(seed: UInt64) {
    var x = seed
    func splitMix() -> UInt64 {
      x &+= 0x9E37_79B9_7F4A_7C15
      var z = x
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    s = (splitMix(), splitMix(), splitMix(), splitMix())
  }

  public mutating func next() -> UInt64 {
    let result = rotl(s.1 &* 5, 7) &* 9
    let t = s.1 << 17
    s.2 ^= s.0
    s.3 ^= s.1
    s.1 ^= s.2
    s.0 ^= s.3
    s.2 ^= t
    s.3 = rotl(s.3, 45)
    return result
  }

  private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

  /// A uniform number in [0, 1).
  public mutating func uniform() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// A standard normal number, by inversion of Φ.
  public mutating func normal() -> Double {
    var u = uniform()
    while u == 0 { u = uniform() }
    return Distribution.normalQuantile(u)
  }

  /// A normal number with the given mean and SD.
  public mutating func normal(mean: Double, sd: Double) -> Double {
    mean + sd * normal()
  }

  /// A standard logistic number, log(u/(1 − u)).
  public mutating func logistic() -> Double {
    var u = uniform()
    while u == 0 { u = uniform() }
    return log(u / (1 - u))
  }

  /// An integer in 0..<n (Lemire 2019), n > 0.
  public mutating func below(_ n: Int) -> Int {
    precondition(n > 0, "below(n) needs n > 0")
    let bound = UInt64(n)
    var m = next().multipliedFullWidth(by: bound)
    if m.low < bound {
      let threshold = (0 &- bound) % bound
      while m.low < threshold { m = next().multipliedFullWidth(by: bound) }
    }
    return Int(m.high)
  }

  /// An index drawn with the given (unnormalised) weights.
  public mutating func choose(weights: [Double]) -> Int {
    let total = weights.reduce(0, +)
    var u = uniform() * total
    for (i, w) in weights.enumerated() {
      if u < w { return i }
      u -= w
    }
    return weights.count - 1
  }

  /// The elements in a random order (Fisher–Yates with `below`).
  public mutating func shuffled<T>(_ a: [T]) -> [T] {
    var a = a
    if a.count < 2 { return a }
    for i in stride(from: a.count - 1, to: 0, by: -1) {
      a.swapAt(i, below(i + 1))
    }
    return a
  }
}

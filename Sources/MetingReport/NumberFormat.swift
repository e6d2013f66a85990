#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How numbers look in text, by role. JSON and CSV never round.
public struct NumberFormat: Sendable {
  /// Decimals of statistics (`set digits`).
  public var digits: Int

  public init(digits: Int = 3) { self.digits = max(0, min(digits, 15)) }

  public func text(_ cell: Cell, role: Role) -> String {
    switch cell {
    case .text(let s): return s
    case .missing(let reason): return reason ?? (role == .label || role == .group ? "" : ".")
    case .number(let v): return text(v, role: role)
    }
  }

  public func text(_ v: Double, role: Role) -> String {
    if v.isNaN { return "." }
    if v.isInfinite { return v > 0 ? "Inf" : "-Inf" }
    switch role {
    case .count:
      return v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : fixed(v, 2)
    case .percent:
      return fixed(v, 1)
    case .pValue:
      let floor = pow(10, -Double(digits))
      return v < floor ? "<" + fixed(floor, digits) : fixed(v, digits)
    case .df:
      return v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : fixed(v, 2)
    case .value, .label, .group:
      return Self.shortest(v)
    case .statistic:
      let a = abs(v)
      if a != 0, a < pow(10, -Double(digits)) || a >= 1e9 { return scientific(v, digits) }
      return fixed(v, digits)
    }
  }

  /// The shortest text that reads back as the same Double; integers
  /// without ".0".
  public static func shortest(_ v: Double) -> String {
    if v.isNaN { return "." }
    if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    return "\(v)"
  }

  private func fixed(_ v: Double, _ decimals: Int) -> String {
    format("%.\(decimals)f", v)
  }

  private func scientific(_ v: Double, _ decimals: Int) -> String {
    format("%.\(max(1, decimals - 1))e", v)
  }

  private func format(_ f: String, _ v: Double) -> String {
    var buffer = [CChar](repeating: 0, count: 64)
    _ = withVaList([v]) { vsnprintf(&buffer, 64, f, $0) }
    let s = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    // "-0.000" reads as a sign error; show "0.000".
    if s.hasPrefix("-"), s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(s.dropFirst()) }
    return s
  }
}

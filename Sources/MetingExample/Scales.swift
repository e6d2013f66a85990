/// The scoring rules of the example study's scales (as an SPSS syntax file
/// of the study would have them): a subscale is the mean of at least 2 of
/// its 3 valid items, reverse-worded items scored 6 − x; sic is the mean of
/// at least 3 of the 4 valid subscales; qual and quant need 3 of 4 items,
/// goal 2 of 3. Codes 7, 8 and 9 are missing.
public enum Scales {
  static func valid(_ x: Double) -> Bool { x >= 1 && x <= 5 }

  /// Mean of the valid values when there are at least `minimum`.
  static func mean(_ values: [Double], minimum: Int) -> Double? {
    let v = values.filter { !$0.isNaN && valid($0) }
    return v.count >= minimum ? v.reduce(0, +) / Double(v.count) : nil
  }

  /// The four subscales from the 12 capacity items as answered.
  static func subscales(_ items: [Double]) -> [Double?] {
    (0..<4).map { k in
      let three = (0..<3).map { j -> Double in
        let x = items[k * 3 + j]
        guard valid(x) else { return .nan }
        return j == 2 && k != 1 ? 6 - x : x  // so3r, fw3r, sl3r
      }
      return mean(three, minimum: 2)
    }
  }

  static func sic(_ items: [Double]) -> Double? {
    mean(subscales(items).compactMap { $0 }, minimum: 3)
  }
}

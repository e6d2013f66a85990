import MetingData
import MetingStats

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The example study at scale, for benchmarks: `firms` firms × 2 waves in
/// long layout, 31 columns, streamed to a CSV file without holding the
/// panel in memory: 8 attributes, the 21 items (12 capacity, 4 qual, 4
/// quant, prod) and the scale scores sic and qual, written in full
/// precision (17 significant digits where needed), as meting's own CSV
/// writer does. Same generating model as `ExampleStudy`; each firm has
/// its own random stream (seed, firm), and assignment uses the score's
/// 24.5 % quantile from a first pass, so ~75.5 % are treated as in 71/94.
public enum Panel {
  public static let columns: [String] =
    ["firm_id", "wave", "treated", "category", "size_class", "fte", "sector", "region"]
    + StudyDesign.sicItems + StudyDesign.qualItems + StudyDesign.quantItems + ["prod", "sic", "qual"]

  /// Writes the panel; returns the number of bytes written.
  public static func write(firms: Int, seed: UInt64, to path: String) throws(DataError) -> Int {
    // Pass 1: assignment scores, to find the cut-off.
    var scores: [Double] = []
    scores.reserveCapacity(firms)
    for i in 0..<firms {
      var rng = stream(seed, i)
      let d = FirmDraws(&rng)
      let pre = d.observedPreSIC() ?? 3.4
      scores.append(-0.6 * (pre - 3.43) / 0.5 + 0.3 * (d.employees >= 10 ? 1 : 0) + d.assignmentNoise)
    }
    let cut = scores.sorted()[Int(Double(firms) * (1 - Double(StudyDesign.treatedFirms) / Double(StudyDesign.firms)))]
    let temporary = path + ".partial"
    guard let file = fopen(temporary, "wb") else {
      throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
    var out = columns.joined(separator: ",") + "\n"
    var written = 0
    let weights = StudyDesign.categories.map { Double($0.firms) }
    let digits = String(firms).count
    for i in 0..<firms {
      var rng = stream(seed, i)
      let d = FirmDraws(&rng)
      let treated = scores[i] > cut
      let category = treated ? rng.choose(weights: weights) : nil
      let firm = d.firm(index: i, assignment: category.map { ($0, rng.below(3)) })
      let id = "F" + String(repeating: "0", count: digits - String(i + 1).count) + String(i + 1)
      for w in 0..<2 {
        let items = firm.waves[w].items
        var fields = [
          id, String(w), treated ? "1" : "0", category.map { StudyDesign.categories[$0].code } ?? "none",
          StudyDesign.sizeClasses[firm.sizeClass].label, formatNumber(firm.fte), StudyDesign.sectors[firm.sector].label,
          StudyDesign.regions[firm.region],
        ]
        fields += items[0..<21].map(formatNumber)
        fields.append(Scales.sic(Array(items[0..<12])).map(formatNumber) ?? "")
        fields.append(Scales.mean(Array(items[12..<16]), minimum: 3).map(formatNumber) ?? "")
        out += fields.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",") + "\n"
      }
      if out.utf8.count > 1 << 20 {
        written += fputs(out, file) >= 0 ? out.utf8.count : 0
        out = ""
      }
    }
    written += fputs(out, file) >= 0 ? out.utf8.count : 0
    guard fclose(file) == 0, rename(temporary, path) == 0 else {
      throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
    return written
  }

  private static func stream(_ seed: UInt64, _ firm: Int) -> SeededGenerator {
    SeededGenerator(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(firm))
  }
}

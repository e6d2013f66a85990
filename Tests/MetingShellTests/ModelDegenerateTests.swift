import Foundation
import Testing

@testable import MetingShell

/// The model commands on designs that leave something undefined: an
/// aliased (rank-deficient) term, a constant predictor or outcome, a
/// category with no cases, a table with a zero cell, a single cluster, a
/// group of one. Each gives a stated result or a named error, never a
/// crash, a NaN or broken JSON.
@Suite("models on degenerate designs: stated results or clear messages", .serialized)
struct ModelDegenerateTests {
  /// Eight units, two waves (long); `twice` = 2·x (aliased with x), `one`
  /// a single cluster, `same` constant, `cat` three levels.
  static let csv: String = {
    var lines = ["id,wave,g,cat,x,twice,same,one,y"]
    let ys = [3.1, 3.4, 2.8, 3.3, 3.9, 4.2, 3.6, 4.4, 2.9, 3.0, 3.5, 3.9, 4.1, 4.0, 3.2, 3.8]
    for unit in 0..<8 {
      for wave in 0..<2 {
        let x = Double(unit) + 0.5 * Double(wave)
        let g = unit < 4 ? "a" : "b"
        let cat = ["p", "q", "r"][unit % 3]
        lines.append("\(unit),\(wave),\(g),\(cat),\(x),\(2 * x),5,1,\(ys[unit * 2 + wave])")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }()

  static let path: String = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("meting-models-\(getpid()).csv")
    try? csv.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }()

  static let commands = [
    "regress y ~ x + twice", "regress y ~ x + same", "regress same ~ x", "regress y ~ x, cluster(one)",
    "regress y ~ cat, base(cat zzz)", "regress y ~ cat where cat != \"q\", base(cat q)", "regress y ~ x where id == 0",
    "regress y ~ g * cat", "did y, time(wave) id(id) group(g)", "did y, time(wave) id(id) group(g) where id != 1 & id != 2 & id != 3",
    "did y, time(wave) id(id) group(cat)", "ancova y, time(wave) id(id) group(g)", "ancova y, time(wave) id(id) group(same)",
    "mixed y, time(wave) id(id) group(g)", "mixed y, time(wave) id(id) group(same)", "anova y by same", "anova same by g",
    "crosstab g cat", "crosstab g same", "crosstab g wave, mcnemar", "alpha x twice", "alpha x same",
    "balance x same, group(g)", "balance x, group(same)", "regress y ~ x, se(hc3) where id < 2",
  ]

  func session(format: String) -> Session {
    let (s, _) = makeSession()
    let (status, _, err) = runScript("load '\(ModelDegenerateTests.path)'\nset format \(format)", in: s)
    #expect(status == 0, "\(err)")
    return s
  }

  @Test("status 0 or a data/syntax error with a message; no NaN; JSON parses", arguments: commands)
  func sweep(_ command: String) {
    for format in ["text", "json"] {
      let s = session(format: format)
      let (status, out, err) = runScript(command, in: s)
      #expect([0, 65, 66].contains(status), "\(command): status \(status)\n\(err)")
      if status != 0 { #expect(err.contains("error: "), "\(command): \(err)") }
      #expect(!containsNaN(out), "\(command) printed NaN:\n\(out)")
      if format == "json" {
        for line in out.split(separator: "\n") {
          #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "\(command): \(line)")
        }
      }
    }
  }

  @Test("what each says")
  func messages() {
    let expectations: [(String, Bool, String)] = [
      ("regress y ~ x + twice", true, "Aliased (a linear combination of the terms before it; no coefficient, NA in R): twice."),
      ("regress y ~ x + same", true, "Aliased"),
      ("regress same ~ x", true, "The fit is essentially perfect"),
      ("regress y ~ x, cluster(one)", false, "not enough observations in clusters (cluster-robust standard errors): need at least 2, have 1"),
      ("regress y ~ cat, base(cat zzz)", false, "base(cat zzz): 'zzz' is not a value of 'cat' in these rows"),
      ("regress y ~ cat where cat != \"q\", base(cat q)", false, "'q' is not a value of 'cat' in these rows"),
      ("did y, time(wave) id(id) group(cat)", false, "name the control group with reference(…)"),
      ("ancova y, time(wave) id(id) group(same)", false, "the ANCOVA compares two or more groups"),
      ("crosstab g same", false, "a crosstab needs two or more in each direction"),
      ("alpha x same", false, "the answers to same are essentially constant"),
      ("balance x, group(same)", false, "balance compares two or more groups"),
      ("did y, time(wave) id(id) group(g) where id != 1 & id != 2 & id != 3", false, "the control units: need at least 2, have 1"),
    ]
    for (command, succeeds, text) in expectations {
      let s = session(format: "text")
      let (status, out, err) = runScript(command, in: s)
      #expect((status == 0) == succeeds, "\(command): status \(status)\n\(err)")
      #expect((out + err).contains(text), "\(command):\n\(out)\(err)")
    }
  }

  @Test("a unit seen at one wave only is an error, unless complete accepts leaving it out")
  func unpaired() {
    for command in ["paired", "mixed", "did", "ancova"] {
      let extra = command == "paired" ? "" : " group(g)"
      let base = "\(command) y, time(wave) id(id)\(extra) where !(id == 0 & wave == 1)"
      let s = session(format: "text")
      let (status, _, err) = runScript(base, in: s)
      #expect(status == 66, "\(command): \(err)")
      #expect(err.contains("1 id value has") && err.contains("(e.g. 0)") && err.contains("add ', complete'"), "\(command): \(err)")
      let (okStatus, out, warnings) = runScript(base + ", complete", in: s)
      #expect(okStatus == 0, "\(command): \(warnings)")
      #expect((out + warnings).contains("is left out"), "\(command): \(out)\(warnings)")
    }
  }
}

import Foundation
import Testing

@testable import MetingShell

/// Every statistics command on data that leaves nothing to compute: one
/// value, constant values (zero variance, all ties), all values missing, an
/// empty group, a constant nonzero difference. Each gives a stated result
/// or a clear error (status 66), never a crash, a NaN or broken JSON.
@Suite("degenerate input: a stated result or a clear message", .serialized)
struct DegenerateInputTests {
  /// Six rows in two groups. `one`: a single value; `c`: constant; `m`: all
  /// missing; `half`: values in group a only; `shifted` = x + 1, so
  /// `x − shifted` is constant; `x`: ordinary.
  static let csv = """
    g,x,shifted,c,m,one,half
    a,1,2,5,,7,1
    a,2,3,5,,,2
    a,3,4,5,,,3
    b,4,5,5,,,
    b,5,6,5,,,
    b,6,7,5,,,

    """

  static let path: String = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("meting-degenerate-\(getpid()).csv")
    try? csv.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }()

  /// The commands, with VAR for the degenerate variable.
  static let commands = [
    "descriptives VAR, detail", "percentiles VAR", "ttest VAR", "ttest VAR by g", "paired VAR x",
    "effectsize VAR by g", "effectsize VAR x", "wilcoxon VAR", "wilcoxon VAR x", "signtest VAR x",
    "ranksum VAR by g", "kruskal VAR by g", "correlate VAR x", "correlate VAR x, method(spearman)",
    "correlate VAR x, method(kendall)", "permute VAR by g, reps(200)", "bootstrap mean VAR, reps(200)",
    "bootstrap meandiff VAR by g, reps(200)", "bootstrap d VAR by g, reps(200)",
  ]
  static let variables = ["one", "c", "m", "half", "shifted"]
  static let cases = variables.flatMap { v in commands.map { $0.replacingOccurrences(of: "VAR", with: v) } }

  func session(format: String = "text") -> (Session, CapturedOutput) {
    let (s, out) = makeSession()
    let (status, _, err) = runScript("load '\(DegenerateInputTests.path)'\nset format \(format)", in: s)
    #expect(status == 0, "\(err)")
    return (s, out)
  }

  @Test("text: status 0 or a data error (66) with a message; never NaN", arguments: cases)
  func text(_ command: String) {
    let (s, _) = session()
    let (status, out, err) = runScript(command, in: s)
    #expect(status == 0 || status == 66, "\(command): status \(status)")
    if status == 66 { #expect(err.contains("error: "), "\(command): \(err)") }
    #expect(!containsNaN(out), "\(command) printed NaN:\n\(out)")
    #expect(!containsNaN(err), "\(command) printed NaN:\n\(err)")
  }

  @Test("JSON: every line parses (NaN is not JSON)", arguments: cases)
  func json(_ command: String) throws {
    let (s, _) = session(format: "json")
    let (_, out, _) = runScript(command, in: s)
    for line in out.split(separator: "\n") {
      #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "\(command): \(line)")
    }
  }

  @Test("the message names what is missing or constant")
  func messages() {
    let expectations: [(String, String)] = [
      ("ttest one", "not enough observations in one: need at least 2, have 1"),
      ("ttest c", "c are essentially constant (zero variance)"),
      ("ttest c by g", "both groups are essentially constant"),
      ("paired shifted x", "the paired differences are essentially constant"),
      ("ttest m", "not enough observations in m: need at least 2, have 0"),
      ("ttest half by g", "not enough observations in g = b"),
      ("ranksum half by g", "half: not enough observations in g = b: need at least 1, have 0"),
      ("ttest x by g where g == \"a\"", "'g' has 1 value in these rows (a)"),
      ("correlate x c", "the second variable's values are essentially constant"),
      ("bootstrap meandiff one by g, reps(200)", "not enough observations in one in g = a"),
      ("power twosample, n(1 1) d(0.5)", "option 'n' expects at least 2 per group"),
    ]
    for (command, message) in expectations {
      let (s, _) = session()
      let (status, _, err) = runScript(command, in: s)
      #expect(status != 0, "\(command) succeeded")
      #expect(err.contains(message), "\(command): \(err)")
    }
  }

  @Test("stated results: constant data where the answer is defined")
  func statedResults() {
    let (s, _) = session()
    // All values tied: R's midrange estimate and no interval.
    var (status, out, _) = runScript("wilcoxon c", in: s)
    #expect(status == 0)
    #expect(out.contains("all values are tied, so there is no interval; the estimate is their midrange"))
    // Skewness of constant values is 0/0: said so, with SPSS's SEs.
    (status, out, _) = runScript("descriptives c, detail", in: s)
    #expect(status == 0)
    #expect(out.contains("sd 0: the values are constant, so skewness and kurtosis are undefined."))
    #expect(out.contains("0.845"))  // SE(G1) for n = 6
    // An effect size that cannot be computed keeps its row and says why.
    (status, out, _) = runScript("effectsize c x", in: s)
    #expect(status == 0)
    #expect(out.contains("d_rm") && out.contains("not computed (see below)"))
    #expect(out.contains("the first variable's values are essentially constant"))
    // A permutation test of constant values: every relabelling ties, p = 1.
    (status, out, _) = runScript("permute c by g", in: s)
    #expect(status == 0)
    #expect(out.contains("1.000"))
  }
}

import Foundation
import MetingData
import MetingExample
import MetingLanguage
import MetingShell
import MetingStats

// meting's benchmark: figures and ratios against a peer (pandas, R) run in
// the same session. Release build only: `make bench`.
//
//   meting-bench [--firms N] [--data DIR] [--regenerate] [--runs K]
//
// The panel (the example generator at scale: N firms × 2 waves, 31
// columns) is written once to DIR (default bench-data/, not in git). Each
// measurement of meting runs in a fresh child process, so peak memory is
// that of one load, not of the generator.

struct Options {
  var firms = 500_000
  var data = "bench-data"
  var regenerate = false
  var runs = 3
  var child: String? = nil
}

func parseOptions() -> Options {
  var o = Options()
  var args = CommandLine.arguments.dropFirst().makeIterator()
  while let a = args.next() {
    switch a {
    case "--firms": o.firms = Int(args.next() ?? "") ?? o.firms
    case "--data": o.data = args.next() ?? o.data
    case "--regenerate": o.regenerate = true
    case "--runs": o.runs = max(1, Int(args.next() ?? "") ?? o.runs)
    case "--child": o.child = args.next()
    default:
      FileHandle.standardError.write("usage: meting-bench [--firms N] [--data DIR] [--regenerate] [--runs K]\n".data(using: .utf8)!)
      exit(64)
    }
  }
  return o
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

func peakMemoryMB() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_maxrss) / 1024  // Linux: kilobytes
}

func median(_ xs: [Double]) -> Double {
  let s = xs.sorted()
  return s.isEmpty ? .nan : s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// Output that goes nowhere (the analyses are timed, not printed).
final class NullOutput: OutputSink {
  var isTerminal: Bool { false }
  var messagesToTerminal: Bool { false }
  var columns: Int? { nil }
  func write(report text: String) {}
  func write(diagnostic text: String) { FileHandle.standardError.write((text + "\n").data(using: .utf8)!) }
  func write(echo text: String) {}
}

// MARK: Child: one load and the analyses, in a fresh process.

func child(_ path: String) -> Never {
  if path.hasSuffix(".sav") { containedChild(path, format: .sav) }
  if path.hasSuffix(".xlsx") { containedChild(path, format: .xlsx) }
  let t0 = now()
  let dataset: Dataset
  do {
    dataset = try CSVReader.read(path: path).0
  } catch {
    FileHandle.standardError.write("load failed: \(error.message)\n".data(using: .utf8)!)
    exit(1)
  }
  let load = now() - t0
  let peak = peakMemoryMB()
  let session = Session(output: NullOutput(), state: SessionState(dataset: dataset))
  func time(_ command: String) -> Double {
    var times: [Double] = []
    for _ in 0..<5 {
      let t = now()
      let status = session.run(SourceFile(name: "bench", text: command))
      times.append(now() - t)
      if status != 0 { exit(1) }
    }
    return median(times)
  }
  let paired = time("paired sic, time(wave) id(firm_id) by category")
  let welch = time("ttest sic by treated")
  let did = time("did sic, time(wave) id(firm_id) group(treated)")
  let regression = time("regress sic ~ treated + wave + fte + qual + prod")
  print("{\"load\": \(load), \"peak_mb\": \(peak), \"paired\": \(paired), \"welch\": \(welch), \"did\": \(did), \"regression\": \(regression), \"rows\": \(dataset.rowCount), \"columns\": \(dataset.variableCount)}")
  exit(0)
}

/// Loads a .sav or .xlsx the way the shell does (in a reading child
/// process) and reports the time and this process's peak against the
/// data's size.
func containedChild(_ path: String, format: StatFileFormat) -> Never {
  let t0 = now()
  let dataset: Dataset
  do {
    dataset = try ContainedReader.readDataset(path: path, format: format, name: "bench").dataset
  } catch {
    FileHandle.standardError.write("load failed: \(error.message)\n".data(using: .utf8)!)
    exit(1)
  }
  let load = now() - t0
  print("{\"load\": \(load), \"peak_mb\": \(peakMemoryMB()), \"data_mb\": \(Double(dataset.memoryBytes) / 1_048_576)}")
  exit(0)
}

// MARK: Running other programs

/// Runs a program (posix_spawn, stdout captured, stderr discarded) and
/// times it from spawn to exit. Foundation's Process adds tens of
/// milliseconds of its own on Linux, which would swamp a startup time.
func run(_ executable: String, _ arguments: [String]) -> (status: Int32, out: String, seconds: Double) {
  var fds: [Int32] = [0, 0]
  guard pipe(&fds) == 0 else { return (127, "", 0) }
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO)
  posix_spawn_file_actions_addclose(&actions, fds[0])
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
  let argv = ([executable] + arguments).map { strdup($0) } + [nil]
  defer { for a in argv { free(a) } }
  var pid: pid_t = 0
  let t = now()
  let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
  close(fds[1])
  guard spawned == 0 else {
    close(fds[0])
    return (127, "", 0)
  }
  var output: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 65536)
  while true {
    let n = read(fds[0], &chunk, chunk.count)
    if n < 0, errno == EINTR { continue }
    if n <= 0 { break }
    output += chunk[0..<n]
  }
  close(fds[0])
  var status: Int32 = 0
  while waitpid(pid, &status, 0) < 0, errno == EINTR {}
  let seconds = now() - t
  let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
  return (exitStatus, String(decoding: output, as: UTF8.self), seconds)
}

func which(_ name: String) -> String? {
  for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
    let path = "\(dir)/\(name)"
    if FileManager.default.isExecutableFile(atPath: path) { return path }
  }
  return nil
}

func json(_ text: String) -> [String: Double] {
  guard let line = text.split(separator: "\n").last(where: { $0.hasPrefix("{") }),
    let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
  else { return [:] }
  return object.compactMapValues { ($0 as? NSNumber)?.doubleValue }
}

let pandasScript = """
  import json, resource, sys, time
  import pandas as pd
  from scipy import stats
  try:
      import statsmodels.formula.api as smf
  except ImportError:
      smf = None
  path, runs = sys.argv[1], int(sys.argv[2])
  loads = []
  for _ in range(runs):
      t = time.perf_counter(); df = pd.read_csv(path); loads.append(time.perf_counter() - t)
  peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
  def paired():
      wide = df.pivot_table(index=["firm_id", "category"], columns="wave", values="sic").dropna().reset_index()
      return {c: stats.ttest_rel(g[1], g[0]) for c, g in wide.groupby("category")}
  def welch():
      return stats.ttest_ind(df.sic[df.treated == 0].dropna(), df.sic[df.treated == 1].dropna(), equal_var=False)
  def timed(f):
      ts = []
      for _ in range(3):
          t = time.perf_counter(); f(); ts.append(time.perf_counter() - t)
      return sorted(ts)[1]
  result = {"load": sorted(loads)[len(loads) // 2], "peak_mb": peak, "paired": timed(paired), "welch": timed(welch)}
  if smf is not None:
      firms = pd.factorize(df.firm_id)[0]
      def did():
          return smf.ols("sic ~ treated * wave", data=df).fit(cov_type="cluster", cov_kwds={"groups": firms}, use_t=True)
      def regression():
          return smf.ols("sic ~ treated + wave + fte + qual + prod", data=df).fit()
      result["did"] = timed(did)
      result["regression"] = timed(regression)
  print(json.dumps(result))
  """

// MARK: Statistics timings (in process) and R's

/// Bootstrap of a mean difference (71 vs 23, B = 10,000) and the exact
/// Wilcoxon signed-rank test with its interval (n = 40), medians of 7.
func statisticsTimings() -> (bootstrap: Double, wilcoxon: Double) {
  var rng = SeededGenerator(seed: 5)
  let treated = (0..<71).map { _ in rng.normal(mean: 0.25, sd: 0.4) }
  let control = (0..<23).map { _ in rng.normal(mean: -0.05, sd: 0.4) }
  let differences = (0..<40).map { _ in rng.normal(mean: 0.2, sd: 1) }
  var boot: [Double] = []
  var wil: [Double] = []
  for _ in 0..<7 {
    var g = SeededGenerator(seed: 1)
    let t = now()
    _ = try? Bootstrap.run(samples: [treated, control], replicates: 10_000, generator: &g) {
      Summation.mean($0[0]) - Summation.mean($0[1])
    }
    boot.append(now() - t)
    let u = now()
    _ = try? WilcoxonSignedRank.test(differences)
    wil.append(now() - u)
  }
  return (median(boot), median(wil))
}

let rScript = """
  set.seed(5); x <- rnorm(71, 0.25, 0.4); y <- rnorm(23, -0.05, 0.4); d <- rnorm(40, 0.2, 1)
  suppressPackageStartupMessages(library(boot))
  med <- function(f) { ts <- replicate(5, system.time(f())[["elapsed"]]); median(ts) }
  b <- med(function() { bt <- boot(data.frame(v = c(x, y), g = rep(1:2, c(71, 23))),
    function(dd, i) { z <- dd[i, ]; mean(z$v[z$g == 1]) - mean(z$v[z$g == 2]) }, R = 10000, strata = rep(1:2, c(71, 23)));
    boot.ci(bt, type = c("perc", "bca")) })
  w <- med(function() for (k in 1:100) wilcox.test(d, conf.int = TRUE, exact = TRUE)) / 100
  cat(sprintf('{"bootstrap": %.6f, "wilcoxon": %.6f}', b, w), "\\n")
  """

// MARK: Main

let options = parseOptions()
if let path = options.child { child(path) }

let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
let meting = here.appendingPathComponent("meting").path
guard FileManager.default.isExecutableFile(atPath: meting) else {
  print("build meting first: swift build -c release --product meting")
  exit(1)
}
#if DEBUG
  print("warning: a debug build; figures are meaningless (use make bench)")
#endif

try? FileManager.default.createDirectory(atPath: options.data, withIntermediateDirectories: true)
let path = "\(options.data)/panel-\(options.firms).csv"
if options.regenerate || !FileManager.default.fileExists(atPath: path) {
  print("generating \(path) (\(options.firms) firms × 2 waves) …")
  do {
    _ = try Panel.write(firms: options.firms, seed: 2026, to: path)
  } catch {
    print("cannot write \(path): \(error.message)")
    exit(1)
  }
}
let bytes = Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)??.doubleValue ?? 0)
let megabytes = bytes / 1_000_000

var children: [[String: Double]] = []
for _ in 0..<options.runs {
  let r = run(CommandLine.arguments[0], ["--child", path])
  guard r.status == 0 else {
    print("the measurement failed (status \(r.status))")
    exit(1)
  }
  children.append(json(r.out))
}
let load = median(children.compactMap { $0["load"] })
let peak = children.compactMap { $0["peak_mb"] }.max() ?? .nan
let paired = median(children.compactMap { $0["paired"] })
let welch = median(children.compactMap { $0["welch"] })
let did = median(children.compactMap { $0["did"] })
let regression = median(children.compactMap { $0["regression"] })
let rows = Int(children.first?["rows"] ?? 0)
let columns = Int(children.first?["columns"] ?? 0)

var pandas: [String: Double] = [:]
if let python = which("python3") {
  let script = NSTemporaryDirectory() + "meting-bench-pandas.py"
  try? pandasScript.write(toFile: script, atomically: true, encoding: .utf8)
  let r = run(python, [script, path, String(options.runs)])
  if r.status == 0 { pandas = json(r.out) }
}

// Startup to prompt: start meting, load the example study, quit.
let example = "examples/mijn-bedrijf/firms_long.csv"
var startup: [Double] = []
for _ in 0..<15 {
  startup.append(run(meting, ["-q", "--no-history", example, "-c", "quit"]).seconds)
}
var peerStartup: (String, Double)? = nil
if let python = which("python3"), pandas["load"] != nil {
  var ts: [Double] = []
  for _ in 0..<5 {
    ts.append(run(python, ["-c", "import pandas; pandas.read_csv('\(example)', comment='#')"]).seconds)
  }
  peerStartup = ("python3 + pandas.read_csv", median(ts))
}
var rStartup: Double? = nil
if let r = which("Rscript") {
  var ts: [Double] = []
  for _ in 0..<5 { ts.append(run(r, ["-e", "invisible(read.csv('\(example)', comment.char='#'))"]).seconds) }
  rStartup = median(ts)
}

// The same panel as an SPSS file (written once by meting), read by meting
// (ReadStat in a child process) and by pyreadstat.
let savPath = "\(options.data)/panel-\(options.firms).sav"
if !FileManager.default.fileExists(atPath: savPath) {
  _ = run(meting, ["-q", "--no-history", "-c", "load '\(path)'; save '\(savPath)'"])
}
setenv("METING_EXECUTABLE", meting, 1)
var savRuns: [[String: Double]] = []
for _ in 0..<options.runs {
  let r = run(CommandLine.arguments[0], ["--child", savPath])
  if r.status == 0 { savRuns.append(json(r.out)) }
}
let savLoad = median(savRuns.compactMap { $0["load"] })
let savPeak = savRuns.compactMap { $0["peak_mb"] }.max() ?? .nan
let savData = savRuns.first?["data_mb"] ?? .nan
var pyreadstat: Double? = nil
if let python = which("python3") {
  let r = run(python, ["-c", "import time, pyreadstat\nts = []\nfor _ in range(\(options.runs)):\n    t = time.perf_counter(); pyreadstat.read_sav('\(savPath)'); ts.append(time.perf_counter() - t)\nprint('{\"load\": %f}' % sorted(ts)[len(ts) // 2])"])
  if r.status == 0 { pyreadstat = json(r.out)["load"] }
}

// An Excel workbook of 100,000 rows (50,000 firms × 2 waves, 31 columns),
// written once by meting, read by meting (in its child process), by R's
// readxl, and by pandas with python-calamine (Rust) and with openpyxl.
let xlsxFirms = 50_000
let xlsxPath = "\(options.data)/panel-\(xlsxFirms).xlsx"
if !FileManager.default.fileExists(atPath: xlsxPath) {
  let csv = "\(options.data)/panel-\(xlsxFirms).csv"
  if !FileManager.default.fileExists(atPath: csv) { _ = try? Panel.write(firms: xlsxFirms, seed: 2026, to: csv) }
  _ = run(meting, ["-q", "--no-history", "-c", "load '\(csv)'; save '\(xlsxPath)'"])
}
var xlsxRuns: [[String: Double]] = []
for _ in 0..<options.runs {
  let r = run(CommandLine.arguments[0], ["--child", xlsxPath])
  if r.status == 0 { xlsxRuns.append(json(r.out)) }
}
let xlsxLoad = median(xlsxRuns.compactMap { $0["load"] })
var xlsxPeers: [(String, Double)] = []
if let r = which("Rscript") {
  let t = run(r, ["-e", "if (requireNamespace('readxl', quietly = TRUE)) { t <- system.time(readxl::read_excel('\(xlsxPath)'))[['elapsed']]; cat(sprintf('{\"load\": %f}', t)) }"])
  if t.status == 0, let v = json(t.out)["load"] { xlsxPeers.append(("R readxl", v)) }
}
if let python = which("python3") {
  for engine in ["calamine", "openpyxl"] {
    let t = run(python, ["-c", "import time, pandas\nt = time.perf_counter(); pandas.read_excel('\(xlsxPath)', engine='\(engine)')\nprint('{\"load\": %f}' % (time.perf_counter() - t))"])
    if t.status == 0, let v = json(t.out)["load"] { xlsxPeers.append(("pandas + \(engine)", v)) }
  }
}

let stats = statisticsTimings()
var rStats: [String: Double] = [:]
if let r = which("Rscript") {
  let script = NSTemporaryDirectory() + "meting-bench-r.R"
  try? rScript.write(toFile: script, atomically: true, encoding: .utf8)
  let result = run(r, [script])
  if result.status == 0 { rStats = json(result.out) }
}

func f(_ x: Double, _ unit: String) -> String {
  switch unit {
  case "s": String(format: "%.3f s", x)
  case "ms": String(format: "%.1f ms", x * 1000)
  case "MB": String(format: "%.0f MB", x)
  case "MB/s": String(format: "%.0f MB/s", x)
  default: String(format: "%.2f", x)
  }
}
func ratio(_ peer: Double?, _ ours: Double) -> String {
  guard let peer, peer.isFinite, ours > 0 else { return "–" }
  return String(format: "%.2f×", peer / ours)
}
func row(_ cells: [String]) {
  print(cells.enumerated().map { i, c in
    i == 0 ? c.padding(toLength: 32, withPad: " ", startingAt: 0) : String(repeating: " ", count: max(0, 14 - c.count)) + c
  }.joined(separator: "  "))
}

print("")
print(String(format: "meting benchmark · %d rows × %d columns · %.1f MB CSV · %d runs, medians", rows, columns, megabytes, options.runs))
row(["", "meting", "pandas", "pandas/meting", "target"])
row(["load CSV", f(load, "s"), pandas["load"].map { f($0, "s") } ?? "–", ratio(pandas["load"], load), "≥ 1.20×"])
row(["  throughput", f(megabytes / load, "MB/s"), pandas["load"].map { f(megabytes / $0, "MB/s") } ?? "–", "", "≥ 300 MB/s"])
row([String(format: "peak memory (%.2f × file)", peak / megabytes), f(peak, "MB"), pandas["peak_mb"].map { f($0, "MB") } ?? "–", ratio(pandas["peak_mb"], peak), "≤ 2 × file"])
row(["paired t by category", f(paired, "ms"), pandas["paired"].map { f($0, "ms") } ?? "–", ratio(pandas["paired"], paired), "≤ 50 ms"])
row(["Welch t by treated", f(welch, "ms"), pandas["welch"].map { f($0, "ms") } ?? "–", ratio(pandas["welch"], welch), "≤ 50 ms"])
row(["DiD, CR1 by firm", f(did, "ms"), pandas["did"].map { f($0, "ms") } ?? "–", ratio(pandas["did"], did), "≤ 200 ms"])
row(["regression, 5 covariates", f(regression, "ms"), pandas["regression"].map { f($0, "ms") } ?? "–", ratio(pandas["regression"], regression), "≤ 200 ms"])
row(["startup to prompt", f(median(startup), "ms"), peerStartup.map { f($0.1, "ms") } ?? "–", ratio(peerStartup?.1, median(startup)), "≤ 50 ms"])
if let rStartup { row(["  (R: Rscript + read.csv)", "", f(rStartup, "ms"), ratio(rStartup, median(startup)), ""]) }
print("")
row(["", "meting", "pyreadstat", "pyrs/meting", "target"])
row(["read the .sav (1M rows)", f(savLoad, "s"), pyreadstat.map { f($0, "s") } ?? "–", ratio(pyreadstat, savLoad), "≥ 1.50×"])
row([String(format: "peak memory (%.2f × data)", savPeak / savData), f(savPeak, "MB"), "", "", "≤ 1.5 × data"])
print("")
row(["", "meting", "peer", "peer/meting", ""])
row(["read the .xlsx (100,000 rows)", f(xlsxLoad, "s"), "", "", ""])
for (peer, seconds) in xlsxPeers { row(["  \(peer)", "", f(seconds, "s"), ratio(seconds, xlsxLoad), ""]) }
print("")
row(["", "meting", "R", "R/meting", "target"])
row(["bootstrap mean diff, B=10,000", f(stats.bootstrap, "ms"), rStats["bootstrap"].map { f($0, "ms") } ?? "–", ratio(rStats["bootstrap"], stats.bootstrap), "≤ 50 ms"])
row(["exact Wilcoxon + CI, n = 40", String(format: "%.3f ms", stats.wilcoxon * 1000), rStats["wilcoxon"].map { String(format: "%.3f ms", $0 * 1000) } ?? "–", ratio(rStats["wilcoxon"], stats.wilcoxon), "≤ 10 ms"])
print("")
print("bootstrap: 71 vs 23 values, stratified, percentile and BCa intervals (R: boot + boot.ci, same design).")
print("meting: analyses run through the shell's command path (parse, rows, grouping, statistics, report).")
print("pandas: read_csv; pivot + scipy.stats.ttest_rel per category; scipy.stats.ttest_ind(equal_var=False).")
print("DiD: meting's did (2×2 means, the regression with CR1 by firm, two change-score t-tests) vs statsmodels")
print("  ols('sic ~ treated * wave').fit(cov_type='cluster'); regression: regress vs statsmodels ols().fit(), formulas both.")
print("startup: process start, load the 188-row example, quit (peer: python3 importing pandas and reading it).")

import Foundation
import MetingLanguage
import Testing

@testable import MetingShell

/// The repository root (tests run scripts whose paths are relative to it).
let repositoryRoot: String = {
  var url = URL(fileURLWithPath: #filePath)
  for _ in 0..<3 { url.deleteLastPathComponent() }
  return url.path
}()

/// The meting executable that reads SPSS, Stata and SAS files for the
/// tests (`make test` builds it first).
let metingExecutable = repositoryRoot + "/.build/debug/meting"

/// A session writing to memory, in the repository root.
func makeSession(echo: Bool = false) -> (Session, CapturedOutput) {
  _ = FileManager.default.changeCurrentDirectoryPath(repositoryRoot)
  setenv("METING_EXECUTABLE", metingExecutable, 1)
  let output = CapturedOutput()
  let session = Session(output: output)
  session.echo = echo
  return (session, output)
}

/// Runs `text` as a script named `name`; returns status, stdout, stderr.
@discardableResult
func runScript(_ text: String, name: String = "test.met", in session: Session? = nil) -> (Int32, String, String) {
  let (s, out) = session.map { ($0, $0.output as? CapturedOutput ?? CapturedOutput()) } ?? makeSession()
  let before = (out.standardOutput.count, out.standardError.count)
  let status = s.run(SourceFile(name: name, text: text))
  return (status, String(out.standardOutput.dropFirst(before.0)), String(out.standardError.dropFirst(before.1)))
}

/// Compares text with a golden file in Tests/MetingShellTests/Golden/;
/// RECORD_SNAPSHOTS=1 writes the file instead (and the test fails, so a
/// recording is never mistaken for a pass).
func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
  let path = repositoryRoot + "/Tests/MetingShellTests/Golden/" + name
  if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
    try actual.write(toFile: path, atomically: true, encoding: .utf8)
    Issue.record("recorded a new golden file \(name)", sourceLocation: sourceLocation)
    return
  }
  let expected = try String(contentsOfFile: path, encoding: .utf8)
  if expected != actual {
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let first = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
    Issue.record(
      "\(name) differs from line \(first + 1):\n  expected: \(first < e.count ? String(e[first]) : "<end>")\n  actual:   \(first < a.count ? String(a[first]) : "<end>")\n(RECORD_SNAPSHOTS=1 swift test re-records it)",
      sourceLocation: sourceLocation)
  }
}

/// Whether text shows a NaN ("nan", "NaN" as a word; not "provenance").
func containsNaN(_ text: String) -> Bool {
  text.range(of: #"(?i)\bnan\b"#, options: .regularExpression) != nil
}

import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A progress bar on standard error for long computations (bootstrap,
/// permutations): only at a terminal, only after a second, with an
/// estimate of the time left. `update` returns false after Ctrl-C, which
/// the computation takes as "stop".
final class Progress {
  private let label: String
  private let total: Int
  private let start = Clock.now()
  private let visible: Bool
  private var drawn = false
  private var lastDraw = 0.0

  init(_ label: String, total: Int, terminal: Bool) {
    self.label = label
    self.total = total
    self.visible = terminal
  }

  func update(_ done: Int) -> Bool {
    if Interrupt.isRequested { return false }
    guard visible else { return true }
    let now = Clock.now()
    let elapsed = now - start
    guard elapsed > 1, now - lastDraw > 0.1 else { return true }
    lastDraw = now
    let fraction = Double(done) / Double(max(1, total))
    let width = 24
    let filled = Int(fraction * Double(width))
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    let left = fraction > 0 ? elapsed / fraction - elapsed : 0
    let text = "\r\(label) \(done)/\(total) ▕\(bar)▏ \(Int(fraction * 100))% · \(String(format: "%.1f", left)) s left "
    StandardOutput.put(text, to: STDERR_FILENO)
    drawn = true
    return true
  }

  /// Clears the bar's line.
  func finish() {
    if drawn { StandardOutput.put("\r\u{1B}[K", to: STDERR_FILENO) }
  }
}

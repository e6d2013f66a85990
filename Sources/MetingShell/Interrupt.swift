import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Ctrl-C. The handler only sets a flag (async-signal-safe); long work
/// polls it and stops, and the line editor's read returns with EINTR.
public enum Interrupt {
  private static let flag = Atomic<Bool>(false)

  public static var isRequested: Bool { flag.load(ordering: .relaxed) }

  public static func clear() { flag.store(false, ordering: .relaxed) }

  static func raise() { flag.store(true, ordering: .relaxed) }

  /// Installs the SIGINT handler without SA_RESTART, so a blocked read is
  /// interrupted (libedit then returns with EINTR; see platform-notes).
  public static func install() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in Interrupt.raise() }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
  }
}

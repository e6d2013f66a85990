import MetingReport

/// What the command line asked for.
struct Invocation {
  enum Mode {
    /// Start a session (scripts, -c, then a prompt or piped input).
    case session
    /// `meting generate example [--out DIR] [--seed N] [--replace]`.
    case generateExample(out: String, seed: UInt64?, replace: Bool)
    /// `meting generate example --find-seed`.
    case findSeed
    case help
    case version
  }

  var mode: Mode = .session
  /// Files in order: data files are loaded, .met scripts run.
  var files: [String] = []
  /// `-c` texts, run after the files.
  var commands: [String] = []
  var interactiveAfter = false
  var format: OutputFormat? = nil
  var keepGoing = false
  var quiet = false
  var useHistory = true

  static let usage = """
    usage: meting [options] [FILE ...]
           meting generate example [--out DIR] [--seed N] [--replace]

    FILE.met runs a script and exits; a data file (.csv .tsv .sav .dta …) is loaded
    and then commands are read: at a prompt on a terminal, else from standard
    input. With no FILE meting starts with no data.

    options:
      -c COMMANDS        run COMMANDS ("cmd; cmd") and exit; repeatable
      -i, --interactive  stay at the prompt after scripts and -c
      --format FORMAT    text (default), markdown, csv or json
      --keep-going       do not stop scripts at the first error
      -q, --quiet        no banner and no echo of script commands
      --no-history       neither read nor write the history file
      --version          print the version
      -h, --help         print this help

    Exit status: 0 ok, 64 usage, 65 syntax error, 66 data error, 70 internal
    error, 74 file error, 130 interrupted ('help exit' in meting explains).
    """

  /// Parses the arguments; a message on a usage error.
  static func parse(_ arguments: [String]) -> Result<Invocation, UsageError> {
    var inv = Invocation()
    var i = 0
    func value(_ flag: String) -> Result<String, UsageError> {
      i += 1
      guard i < arguments.count else { return .failure(UsageError("\(flag) needs a value")) }
      return .success(arguments[i])
    }
    if arguments.first == "generate" {
      guard arguments.count >= 2, arguments[1] == "example" else {
        return .failure(UsageError("'generate' knows one thing: 'meting generate example'"))
      }
      var out = "examples/mijn-bedrijf"
      var seed: UInt64? = nil
      var replace = false
      i = 2
      while i < arguments.count {
        switch arguments[i] {
        case "--out":
          switch value("--out") {
          case .success(let v): out = v
          case .failure(let e): return .failure(e)
          }
        case "--seed":
          switch value("--seed") {
          case .success(let v):
            guard let s = UInt64(v) else { return .failure(UsageError("--seed needs a whole number, not '\(v)'")) }
            seed = s
          case .failure(let e): return .failure(e)
          }
        case "--replace": replace = true
        case "--find-seed":
          inv.mode = .findSeed
          return .success(inv)
        default: return .failure(UsageError("unknown option '\(arguments[i])' for 'generate example'"))
        }
        i += 1
      }
      inv.mode = .generateExample(out: out, seed: seed, replace: replace)
      return .success(inv)
    }
    while i < arguments.count {
      let a = arguments[i]
      switch a {
      case "-c":
        switch value("-c") {
        case .success(let v): inv.commands.append(v)
        case .failure(let e): return .failure(e)
        }
      case "-i", "--interactive": inv.interactiveAfter = true
      case "--format":
        switch value("--format") {
        case .success(let v):
          guard let f = OutputFormat(rawValue: v) else {
            return .failure(UsageError("--format takes text, markdown, csv or json, not '\(v)'"))
          }
          inv.format = f
        case .failure(let e): return .failure(e)
        }
      case "--keep-going": inv.keepGoing = true
      case "-q", "--quiet": inv.quiet = true
      case "--no-history": inv.useHistory = false
      case "--version": inv.mode = .version
      case "-h", "--help": inv.mode = .help
      case "--":
        inv.files += arguments[(i + 1)...]
        i = arguments.count
      default:
        if a.hasPrefix("-"), a.count > 1 { return .failure(UsageError("unknown option '\(a)'")) }
        inv.files.append(a)
      }
      i += 1
    }
    return .success(inv)
  }
}

struct UsageError: Error {
  let message: String
  init(_ message: String) { self.message = message }
}

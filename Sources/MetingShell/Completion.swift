import MetingData
import MetingLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a TAB at a position can complete, and with what.
public struct Completion: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case command, variable, value, option, path, word, nothing
  }

  /// Byte offset in the line where the word being completed starts.
  public var start: Int
  /// The word typed so far (what the candidates extend).
  public var word: String
  /// Full replacements for the word, sorted.
  public var candidates: [String]
  public var kind: Kind
  /// What follows a unique candidate: a space, or e.g. ")" inside an
  /// option that takes one variable.
  public var terminator = " "

  public init(start: Int, word: String, candidates: [String], kind: Kind, terminator: String = " ") {
    self.start = start
    self.word = word
    self.candidates = candidates
    self.kind = kind
    self.terminator = terminator
  }

  /// Whether a candidate replaces the typed word rather than extending it
  /// (a quoted category for a word typed without the quote).
  public func replaces(_ candidate: String) -> Bool { !candidate.hasPrefix(word) }

  /// The text to insert for a single candidate: the rest of it (all of it
  /// when it `replaces` the word), then the terminator (none after a
  /// directory's '/' or an option's '(').
  public func insertion(for candidate: String) -> String {
    let rest = replaces(candidate) ? candidate : String(candidate.dropFirst(word.count))
    if candidate.hasSuffix("/") || candidate.hasSuffix("(") { return rest }
    return rest + terminator
  }

  /// The longest prefix all candidates share beyond the typed word.
  public var commonExtension: String {
    guard var common = candidates.first, candidates.allSatisfy({ !replaces($0) }) else { return "" }
    for c in candidates.dropFirst() {
      while !c.hasPrefix(common) { common.removeLast() }
    }
    return common.count > word.count ? String(common.dropFirst(word.count)) : ""
  }
}

/// Context-aware completion from the command catalogue and the data:
/// command names first in a command; variables where a variable is
/// expected (numeric ones for analyses); categories after `==`, `!=` and
/// inside `in (`; options after the comma and their values inside `( )`;
/// file names for load, run and save. Pure: testable without a terminal.
public enum Completer {
  public static func complete(line: String, cursor: Int, state: SessionState) -> Completion {
    let bytes = Array(line.utf8.prefix(cursor))
    let text = String(decoding: bytes, as: UTF8.self)
    // The current command: after the last ';' outside strings and parentheses.
    let all = Lexer.tokens(text).filter { $0.kind != .end && $0.kind != .newline && $0.kind != .continuation }
    let segmentStart = (all.lastIndex { $0.kind == .semicolon }).map { $0 + 1 } ?? 0
    var tokens = Array(all[segmentStart...])

    // The word under the cursor: a partial token that touches the cursor.
    var word = ""
    var start = bytes.count
    var quoted = false
    if let last = tokens.last, last.range.upper == bytes.count {
      switch last.kind {
      case .identifier, .number:
        word = last.text
        start = last.range.lower
        tokens.removeLast()
      case .unterminatedString:
        word = last.text
        start = last.range.lower + 1
        quoted = true
        tokens.removeLast()
      default: break
      }
    }
    let data = state.dataset
    func done(
      _ kind: Completion.Kind, _ candidates: [String], word w: String? = nil, start s: Int? = nil,
      terminator: String = " "
    ) -> Completion {
      let w = w ?? word
      // Quoted candidates ("business services") match the text inside the quote.
      let bare = { (c: String) in c.hasPrefix("\"") && !w.hasPrefix("\"") ? String(c.dropFirst()) : c }
      var matches = candidates.filter { bare($0).hasPrefix(w) }
      if matches.isEmpty { matches = candidates.filter { bare($0).lowercased().hasPrefix(w.lowercased()) } }
      return Completion(
        start: s ?? start, word: w, candidates: Array(Set(matches)).sorted(), kind: kind, terminator: terminator)
    }
    let variables = data?.variableNames ?? []

    // A `by VARS:` prefix: variables until the colon.
    var body = tokens[...]
    if let first = body.first, first.isWord("by") {
      guard let colon = body.firstIndex(where: { $0.kind == .colon }) else { return done(.variable, variables) }
      body = body[(colon + 1)...]
    }
    guard let nameToken = body.first else {
      return done(.command, CommandCatalogue.all.map(\.name))
    }
    guard let spec = CommandCatalogue.spec(named: nameToken.text) else {
      return done(.nothing, [])
    }
    let rest = Array(body.dropFirst())

    // Paths complete the raw characters after the last space.
    if case .path = spec.syntax, rest.allSatisfy({ $0.kind != .comma }) {
      return pathCompletion(text: text, after: nameToken.range.upper)
    }
    if case .subcommandsOrPath(let subs, _) = spec.syntax, rest.allSatisfy({ $0.kind != .comma }) {
      // After a subcommand and a space: its own path; else a file path,
      // with the subcommand names among the candidates.
      if rest.count >= 1, let sub = subs.first(where: { $0.name == rest[0].text }), case .path = sub.syntax,
        text.count > rest[0].range.upper
      {
        return pathCompletion(text: text, after: rest[0].range.upper)
      }
      var paths = pathCompletion(text: text, after: nameToken.range.upper)
      let typed = paths.word
      let names = subs.map(\.name).filter { $0.hasPrefix(typed) && !typed.contains("/") }
      if !names.isEmpty { paths.candidates = (names + paths.candidates).sorted() }
      return paths
    }
    if case .subcommands(let subs) = spec.syntax {
      if rest.isEmpty { return done(.word, subs.map(\.name)) }
      if let sub = subs.first(where: { $0.name == rest[0].text }), case .path = sub.syntax,
        rest.allSatisfy({ $0.kind != .comma })
      {
        return pathCompletion(text: text, after: rest[0].range.upper)
      }
    }

    // Options: after a top-level comma; inside an option's parentheses.
    var depth = 0
    var optionsStart: Int? = nil
    var openOption: String? = nil
    for (i, t) in rest.enumerated() {
      switch t.kind {
      case .leftParen:
        depth += 1
        if depth == 1, optionsStart != nil, i > 0, rest[i - 1].kind == .identifier { openOption = rest[i - 1].text }
      case .rightParen:
        depth = max(0, depth - 1)
        if depth == 0 { openOption = nil }
      case .comma where depth == 0:
        optionsStart = optionsStart ?? i
      default: break
      }
    }
    if let optionsStart {
      if let name = openOption, let option = spec.option(named: name) {
        switch option.argument {
        case .variable: return done(.variable, variables, terminator: ")")
        case .variables: return done(.variable, variables)
        case .word(let choices): return done(.word, choices, terminator: ")")
        default: return done(.nothing, [])
        }
      }
      if depth == 0 {
        let used = Set(rest[optionsStart...].filter { $0.kind == .identifier }.map(\.text))
        let names = spec.options.filter { !used.contains($0.name) || $0.name == word }.map { o in
          if case .none = o.argument { return o.name }
          return o.name + "("
        }
        return done(.option, names)
      }
    }

    // Words: settings, help topics, show.
    if case .words(_, _, let choices) = spec.syntax {
      switch spec.name {
      case "set":
        if rest.isEmpty { return done(.word, choices) }
        let values: [String: [String]] = [
          "format": ["text", "markdown", "csv", "json"], "color": ["auto", "on", "off"], "width": ["auto"],
        ]
        return rest.count == 1 ? done(.word, values[rest[0].text] ?? []) : done(.nothing, [])
      case "help":
        return rest.isEmpty ? done(.word, CommandCatalogue.all.map(\.name) + ["syntax", "expressions", "exit"]) : done(.nothing, [])
      default:
        return done(.word, choices)
      }
    }

    // Category values after == / != or inside `in (…)`.
    if let value = valueContext(rest), let v = data?[value] {
      var levels: [String] = []
      switch v.values {
      case .categorical(let c): levels = c.levels
      case .numeric: levels = v.valueLabels.values.sorted()
      }
      if quoted { return done(.value, levels.map { $0 + "\"" }, start: start) }
      return done(.value, levels.map { VariableName.isValid($0) ? $0 : "\"" + $0 + "\"" })
    }

    // Variables: numeric ones in the arguments of an analysis; any after
    // `by`, `where`, and in expressions.
    let afterClause = rest.contains { $0.isWord("by") || $0.isWord("where") || $0.isWord("if") }
    if !afterClause, case .variables(_, _, let kind) = spec.syntax, kind == .numeric, let data {
      return done(.variable, data.variables.filter(\.isNumeric).map(\.name) + ["by", "where"].filter { _ in !rest.isEmpty })
    }
    if case .assignment = spec.syntax, rest.isEmpty { return done(.nothing, []) }
    return done(.variable, variables)
  }

  /// The variable whose categories complete here: `v ==`, `v !=`, `v in (`,
  /// `v in (a, b,`.
  static func valueContext(_ tokens: [Token]) -> String? {
    guard let last = tokens.last else { return nil }
    let i = tokens.count - 1
    switch last.kind {
    case .equalEquals, .notEquals, .equals:
      return i >= 1 && tokens[i - 1].kind == .identifier ? tokens[i - 1].text : nil
    default: break
    }
    // Inside `in (`: walk back to the unclosed '('.
    var depth = 0
    for k in stride(from: i, through: 0, by: -1) {
      switch tokens[k].kind {
      case .rightParen: depth += 1
      case .leftParen:
        if depth == 0 {
          return k >= 2 && tokens[k - 1].isWord("in") && tokens[k - 2].kind == .identifier ? tokens[k - 2].text : nil
        }
        depth -= 1
      default: break
      }
    }
    return nil
  }

  /// File names completing the characters after the last space.
  static func pathCompletion(text: String, after offset: Int) -> Completion {
    let bytes = Array(text.utf8)
    var s = bytes.count
    while s > offset, bytes[s - 1] != UInt8(ascii: " "), bytes[s - 1] != UInt8(ascii: "\"") { s -= 1 }
    let word = String(decoding: bytes[s...], as: UTF8.self)
    let slash = word.lastIndex(of: "/")
    let directory = slash.map { String(word[...$0]) } ?? ""
    let prefix = slash.map { String(word[word.index(after: $0)...]) } ?? word
    let listed = ScriptFile.expand(directory.isEmpty ? "." : directory)
    var names: [String] = []
    if let dir = opendir(listed) {
      while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        if name == "." || name == ".." || (name.hasPrefix(".") && !prefix.hasPrefix(".")) { continue }
        guard name.hasPrefix(prefix) else { continue }
        var st = stat()
        let full = (listed.hasSuffix("/") ? listed : listed + "/") + name
        let isDirectory = stat(full, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
        names.append(directory + name + (isDirectory ? "/" : ""))
      }
      closedir(dir)
    }
    return Completion(start: s, word: word, candidates: names.sorted(), kind: .path)
  }
}

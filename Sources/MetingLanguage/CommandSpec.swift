/// The shape of a command's arguments, which tells the parser how to read
/// them and completion what to offer.
public indirect enum Syntax: Sendable {
  case none
  /// Variables; `kind` narrows what completion offers.
  case variables(min: Int, max: Int?, kind: VariableKind)
  /// Variables then a parenthesised list of values.
  case variablesAndValues(kind: VariableKind)
  /// A condition (for `filter`); the word `off` clears instead.
  case condition
  /// `NAME = EXPR`.
  case assignment
  /// A file path; `extensions` guide completion.
  case path(extensions: [String])
  /// Free words; `choices` guide completion of the first one.
  case words(min: Int, max: Int?, choices: [String])
  /// A subcommand word, each with its own syntax.
  case subcommands([(name: String, syntax: Syntax)])
  /// A subcommand word followed by a space, or else a file path
  /// (`save script s.met` or `save firms.sav`).
  case subcommandsOrPath([(name: String, syntax: Syntax)], extensions: [String])
  /// A model formula, `y ~ x + g + x:g`.
  case formula
  /// `VARS (rule) (rule) … [into NEWVARS]`, SPSS's RECODE.
  case recode
}

/// Which variables a position expects (for completion and checks).
public enum VariableKind: Sendable {
  case any
  case numeric
  case categorical
}

/// What `by` after the arguments means for a command.
public enum ByMeaning: Sendable {
  /// Run the analysis once per group (as the `by VARS:` prefix).
  case subgroups
  /// The grouping variable of a comparison (`ttest y by treated`).
  case comparison
  /// The command does not take `by`.
  case none
}

/// The type of an option's argument.
public enum OptionArgument: Sendable {
  case none
  case variable(VariableKind)
  case variables
  case number
  case numbers
  case integer
  case word([String])
  /// Several words, e.g. `base(category none)`; the text names them in help.
  case words(String)
  case path
}

public struct OptionSpec: Sendable {
  public let name: String
  public let argument: OptionArgument
  public let summary: String

  public init(_ name: String, _ argument: OptionArgument = .none, _ summary: String) {
    self.name = name
    self.argument = argument
    self.summary = summary
  }
}

/// Help topics, in the order `help` lists them.
public enum Topic: String, CaseIterable, Sendable {
  case data = "Data"
  case describe = "Describe"
  case compare = "Compare groups and waves"
  case models = "Models and designs"
  case session = "Session and output"
}

/// Everything the shell knows about a command: how to parse it, how to
/// complete it, its help text and whether it belongs in a saved script.
/// One table of these drives dispatch, `help`, completion and docs.
public struct CommandSpec: Sendable {
  public let name: String
  public let aliases: [String]
  public let topic: Topic
  public let syntax: Syntax
  /// `ttest VAR [by GROUP] [where COND] [, options]`
  public let synopsis: String
  /// One line for the command list.
  public let summary: String
  /// What it computes and how, for `help NAME`.
  public let discussion: String
  /// The statistical variant and its anchor, e.g. "Welch … as R t.test".
  public let variant: String?
  public let options: [OptionSpec]
  public let examples: [String]
  public let by: ByMeaning
  /// Whether `where`/`if` applies.
  public let acceptsCondition: Bool
  /// Whether `save script` keeps it (false for help, history, show …).
  public let replayable: Bool

  public init(
    name: String, aliases: [String] = [], topic: Topic, syntax: Syntax, synopsis: String,
    summary: String, discussion: String = "", variant: String? = nil,
    options: [OptionSpec] = [], examples: [String] = [], by: ByMeaning = .none,
    acceptsCondition: Bool = false, replayable: Bool = true
  ) {
    self.name = name
    self.aliases = aliases
    self.topic = topic
    self.syntax = syntax
    self.synopsis = synopsis
    self.summary = summary
    self.discussion = discussion
    self.variant = variant
    self.options = options
    self.examples = examples
    self.by = by
    self.acceptsCondition = acceptsCondition
    self.replayable = replayable
  }

  public func option(named name: String) -> OptionSpec? {
    options.first { $0.name == name }
  }
}

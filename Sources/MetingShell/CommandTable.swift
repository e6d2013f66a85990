import MetingLanguage
import MetingReport

/// Runs one command: reads the invocation, may change its state, returns
/// the report to print.
public typealias CommandHandler = @Sendable (inout Invocation) throws(Diagnostic) -> Report

/// The implementation of every command in the catalogue, by name. A test
/// checks that the two tables list the same commands.
public enum CommandTable {
  static let handlers: [String: CommandHandler] = [
    "load": LoadCommand.run,
    "describe": DescribeCommand.run,
    "list": ListCommand.list,
    "head": ListCommand.head,
    "freq": FreqCommand.run,
    "filter": FilterCommand.run,
    "compute": ComputeCommand.run,
    "missing": MissingCommand.run,
    "label": VariableCommands.label,
    "rename": VariableCommands.rename,
    "recode": RecodeCommand.run,
    "codebook": CodebookCommand.run,
    "reshape": ReshapeCommand.run,
    "merge": CombineCommands.merge,
    "append": CombineCommands.append,
    "keep": VariableCommands.keep,
    "drop": VariableCommands.drop,
    "order": VariableCommands.order,
    "descriptives": DescriptivesCommand.run,
    "ttest": TTestCommand.run,
    "paired": PairedCommand.run,
    "effectsize": EffectSizeCommand.run,
    "wilcoxon": WilcoxonCommand.run,
    "signtest": SignTestCommand.run,
    "ranksum": RankSumCommand.run,
    "kruskal": KruskalCommand.run,
    "permute": PermuteCommand.run,
    "bootstrap": BootstrapCommand.run,
    "power": PowerCommand.run,
    "regress": RegressCommand.run,
    "did": DidCommand.run,
    "balance": BalanceCommand.run,
    "mixed": MixedCommand.run,
    "alpha": ReliabilityCommands.alpha,
    "scale": ReliabilityCommands.scale,
    "crosstab": CrosstabCommand.run,
    "anova": AnovaCommand.run,
    "ancova": AncovaCommand.run,
    "correlate": CorrelateCommand.run,
    "percentiles": PercentilesCommand.run,
    "set": SetCommand.run,
    "save": SaveCommand.run,
    "run": RunCommand.run,
    "history": HistoryCommand.run,
    "show": ShowCommand.run,
    "help": HelpCommand.run,
    "quit": QuitCommand.run,
  ]

  public static func handler(for name: String) -> CommandHandler? { handlers[name] }

  public static var implementedNames: Set<String> { Set(handlers.keys) }
}

/// The commands of meting, in one table. Dispatch, `help`, completion and
/// docs/commands.md are all made from it; a command not listed here does
/// not exist.
public enum CommandCatalogue {
  public static let all: [CommandSpec] = [
    // MARK: Data
    CommandSpec(
      name: "load", aliases: ["use", "open"], topic: .data,
      syntax: .path(extensions: ["csv", "tsv", "txt"]),
      synopsis: "load FILE [, delimiter(;) decimal(,) encoding(utf8|windows1252) missing(CODES)]",
      summary: "read a data file (CSV, TSV, semicolon-separated) as the active dataset",
      discussion: """
        Reads delimited text. The delimiter (',' ';' tab '|') and Dutch Excel's decimal comma
        are sniffed from the first lines, the encoding is UTF-8 unless the file is not valid
        UTF-8 (then Windows-1252). A column is numeric when every non-empty cell is a number,
        else text. Empty cells and NA, N/A, NaN and '.' are missing. Headers that are not
        valid names are renamed (the original becomes the label); a repeated name gets _2,
        _3. Lines starting with '#' before the header are the file label. A row with too
        many or too few fields, or an unterminated quote, is an error naming the line and
        column (nothing is loaded). The load replaces the
        active dataset and clears the filter; a failed load leaves both as they were.
        missing(CODES) declares user-missing codes for every numeric variable; to declare
        them per variable use the 'missing' command.
        """,
      options: [
        OptionSpec("delimiter", .word([",", ";", "tab", "|"]), "field delimiter (default: sniffed)"),
        OptionSpec("decimal", .word([".", ","]), "decimal separator (default: sniffed)"),
        OptionSpec("encoding", .word(["utf8", "windows1252"]), "text encoding (default: detected)"),
        OptionSpec("missing", .numbers, "user-missing codes for all numeric variables"),
      ],
      examples: [
        "load examples/mijn-bedrijf/firms_long.csv",
        "load \"survey export.csv\", delimiter(;) decimal(,)",
      ]),
    CommandSpec(
      name: "describe", aliases: ["codebook"], topic: .data,
      syntax: .variables(min: 0, max: nil, kind: .any),
      synopsis: "describe [VARLIST]",
      summary: "list variables: type, label, valid and missing counts",
      discussion: """
        One row per variable: its type (numeric or text), measurement level, label, the
        number of valid and missing values (system-missing and user-missing codes apart),
        and the number of categories for text variables.
        """,
      examples: ["describe", "describe so1..sl3r"]),
    CommandSpec(
      name: "list", topic: .data, syntax: .variables(min: 0, max: nil, kind: .any),
      synopsis: "list [VARLIST] [where COND] [, n(20)]",
      summary: "show rows of the data",
      discussion: """
        Shows the first n rows (default 20) of the active selection and says how many
        were not shown. Missing values show as '.', user-missing codes as '.9' and so on.
        """,
      options: [OptionSpec("n", .integer, "how many rows to show (default 20)")],
      examples: ["list firm_id wave sic", "list where sic < 2"], acceptsCondition: true),
    CommandSpec(
      name: "head", topic: .data, syntax: .variables(min: 0, max: nil, kind: .any),
      synopsis: "head [VARLIST] [where COND] [, n(10)]",
      summary: "show the first rows (list with n(10))",
      options: [OptionSpec("n", .integer, "how many rows to show (default 10)")],
      examples: ["head", "head firm_id category sic"], acceptsCondition: true),
    CommandSpec(
      name: "freq", aliases: ["frequencies", "tab", "tabulate"], topic: .describe,
      syntax: .variables(min: 1, max: nil, kind: .any),
      synopsis: "freq VARLIST [by VARS] [where COND]",
      summary: "frequency table: count, percent, valid percent, cumulative percent",
      discussion: """
        For each value: the count, the percent of all rows, the percent of valid rows and
        the cumulative valid percent (as SPSS FREQUENCIES). Missing values are counted
        by reason (system-missing, and each user-missing code).
        """,
      examples: ["freq category", "freq category subtype where treated == 1"],
      by: .subgroups, acceptsCondition: true),
    CommandSpec(
      name: "filter", aliases: ["select"], topic: .data, syntax: .condition,
      synopsis: "filter COND | filter off",
      summary: "keep only rows matching a condition for the following commands",
      discussion: """
        Sets the active filter, shown in the prompt with its N; every later command uses
        only these rows until 'filter off'. Rows where the condition is missing are left
        out (as R's subset and SPSS FILTER). A new filter replaces the old one; combine
        conditions with 'and'. A condition that matches no rows is refused.
        """,
      examples: [
        "filter category == management", "filter category in (strategy, management)",
        "filter treated == 1 and not missing(sic)", "filter off",
      ]),
    CommandSpec(
      name: "compute", aliases: ["generate", "gen"], topic: .data, syntax: .assignment,
      synopsis: "compute NAME = EXPR [where COND] [, replace]",
      summary: "create or replace a variable from an expression",
      discussion: """
        Evaluates the expression for every row (the active filter does not apply; rows
        outside a 'where' condition get a missing value). Arithmetic with a missing value
        gives missing. Functions: abs, exp, log (natural), log10, sqrt, round(x[, digits]),
        floor, ceil, missing(x), and row-wise mean, sum, min, max, sd and nvalid over
        variables, e.g. mean(so1..so3r) is the mean of the valid items. A comparison
        gives 1 or 0.
        """,
      options: [OptionSpec("replace", .none, "overwrite an existing variable")],
      examples: [
        "compute sic_change = sic_post - sic_pre", "compute big = fte >= 50",
        "compute so = mean(so1 so2 so3r)",
      ],
      acceptsCondition: true),
    CommandSpec(
      name: "missing", topic: .data, syntax: .variablesAndValues(kind: .numeric),
      synopsis: "missing VARLIST (CODES)",
      summary: "declare user-missing codes (e.g. 7 8 9 or -99) for variables",
      discussion: """
        The listed codes become missing values of these variables; each cell keeps its
        code as the reason, shown by describe, freq and list. Statistics leave them out.
        """,
      examples: ["missing so1..goal3 (7 8 9)", "missing fte prod_pct (-97 -98 -99)"]),

    // MARK: Describe
    CommandSpec(
      name: "descriptives", aliases: ["summarize", "summary", "means"], topic: .describe,
      syntax: .variables(min: 1, max: nil, kind: .numeric),
      synopsis: "descriptives VARLIST [by VARS] [where COND] [, level(0.95) quantiles(type7|type6)]",
      summary: "n, missing, mean, SD, SE, CI of the mean, min, quartiles, max",
      discussion: """
        SD with denominator n − 1; SE = SD/√n; the confidence interval of the mean is
        mean ± t(1 − α/2, n − 1)·SE (R t.test, SPSS EXAMINE). Quartiles by R's type 7
        (default) or SPSS's type 6 (HAVERAGE).
        """,
      variant: "quartiles: R type 7 (default) or type 6; CI: t-based",
      options: [
        OptionSpec("level", .number, "confidence level (default 0.95)"),
        OptionSpec("quantiles", .word(["type7", "type6"]), "quantile definition (default type7)"),
      ],
      examples: ["descriptives sic qual quant", "descriptives sic by treated wave"],
      by: .subgroups, acceptsCondition: true),

    // MARK: Compare
    CommandSpec(
      name: "ttest", topic: .compare, syntax: .variables(min: 1, max: nil, kind: .numeric),
      synopsis: "ttest VAR by GROUP [where COND] [, equal level(0.95) alternative(two.sided|less|greater)]\n"
        + "ttest VAR, mu(VALUE) [level(0.95) alternative(…)]",
      summary: "two-sample t-test (Welch by default) or one-sample t-test",
      discussion: """
        With 'by GROUP' (two groups): Welch's t-test, SE = √(s1²/n1 + s2²/n2) with
        Welch–Satterthwaite df, as R t.test; 'equal' gives Student's pooled-variance test
        (Stata ttest, scipy default). The difference is first group − second group in
        sorted order (as R and Stata: 0 − 1). Effect sizes: Cohen's d with the pooled SD
        and Hedges' g = d·J with the exact J (effectsize, Stata esize).
        With mu(VALUE) and no group: the one-sample t-test of mean = VALUE.
        """,
      variant: "Welch (default, R t.test) or Student (equal); two-sided; 95% CI",
      options: [
        OptionSpec("equal", .none, "assume equal variances (Student's t)"),
        OptionSpec("mu", .number, "the hypothesised mean (one-sample) or difference (default 0)"),
        OptionSpec("level", .number, "confidence level (default 0.95)"),
        OptionSpec("alternative", .word(["two.sided", "less", "greater"]), "alternative hypothesis"),
      ],
      examples: ["ttest sic_change by treated", "ttest sic_change by treated, equal",
                 "ttest sic_pre, mu(3.15)"],
      by: .comparison, acceptsCondition: true),
    CommandSpec(
      name: "paired", topic: .compare, syntax: .variables(min: 1, max: 2, kind: .numeric),
      synopsis: "paired VAR1 VAR2 [by VARS] [where COND] [, level(0.95) alternative(…)]\n"
        + "paired VAR, time(WAVE) id(ID) [by VARS] [where COND]",
      summary: "paired t-test of two measurements of the same units, with d_z",
      discussion: """
        Wide layout: two variables; the difference is VAR1 − VAR2 (as R, SPSS and Stata),
        so 'paired sic_post sic_pre' tests the change. Long layout: one variable with
        time() and id(); the difference is the later wave − the earlier one. Units without
        both values are left out and counted. t = mean(d)/(SD(d)/√n), df = n − 1. Effect
        size d_z = mean(d)/SD(d) (SPSS, JASP, effectsize).
        """,
      variant: "paired t-test (R t.test paired = TRUE); d_z; two-sided; 95% CI",
      options: [
        OptionSpec("time", .variable(.any), "the wave variable of a long layout (two values)"),
        OptionSpec("id", .variable(.any), "the unit identifier of a long layout"),
        OptionSpec("mu", .number, "the hypothesised mean difference (default 0)"),
        OptionSpec("level", .number, "confidence level (default 0.95)"),
        OptionSpec("alternative", .word(["two.sided", "less", "greater"]), "alternative hypothesis"),
      ],
      examples: ["paired sic_post sic_pre", "paired sic, time(wave) id(firm_id) by treated"],
      by: .subgroups, acceptsCondition: true),

    // MARK: Session
    CommandSpec(
      name: "set", topic: .session, syntax: .words(min: 0, max: 2, choices: ["format", "digits", "width", "color"]),
      synopsis: "set [NAME VALUE]",
      summary: "show or change a setting (format, digits, width, color)",
      discussion: """
        format text|markdown|csv|json: how results are printed (json: one object per
        result per line). digits N: decimals of statistics in text (default 3).
        width N|auto: the table width. color on|off|auto. 'set' alone lists the settings.
        """,
      examples: ["set format json", "set digits 4", "set"]),
    CommandSpec(
      name: "save", topic: .session,
      syntax: .subcommands([(name: "script", syntax: .path(extensions: ["met"]))]),
      synopsis: "save script FILE.met [, replace]",
      summary: "save the commands that succeeded as a replayable script",
      discussion: """
        Writes every command that succeeded this session, in order, so that
        'meting FILE.met' or 'run FILE.met' reproduces the same output. Help, history and
        display commands are left out. An existing file is kept unless 'replace' is given.
        """,
      options: [OptionSpec("replace", .none, "overwrite an existing file")],
      examples: ["save script session.met"], replayable: false),
    CommandSpec(
      name: "run", aliases: ["do", "source"], topic: .session, syntax: .path(extensions: ["met"]),
      synopsis: "run FILE.met [, keepgoing]",
      summary: "run a script's commands in this session",
      discussion: """
        Runs each command of the file as if typed, stopping at the first error (unless
        keepgoing). Paths inside the script are relative to the current directory.
        """,
      options: [OptionSpec("keepgoing", .none, "continue after a failing command")],
      examples: ["run examples/mijn-bedrijf.met"], replayable: false),
    CommandSpec(
      name: "history", topic: .session, syntax: .words(min: 0, max: 1, choices: []),
      synopsis: "history [N]",
      summary: "list the numbered cells of this session (input, time, status)",
      examples: ["history", "history 5"], replayable: false),
    CommandSpec(
      name: "show", aliases: ["_"], topic: .session, syntax: .words(min: 0, max: 1, choices: ["_"]),
      synopsis: "show [N | _] [, format(text|markdown|csv|json)]\n_",
      summary: "show a cell's results again; alone, or as '_', the last result",
      options: [OptionSpec("format", .word(["text", "markdown", "csv", "json"]), "format for this display")],
      examples: ["show 3", "show _, format(json)"], replayable: false),
    CommandSpec(
      name: "help", topic: .session, syntax: .words(min: 0, max: 1, choices: []),
      synopsis: "help [COMMAND]",
      summary: "list commands by topic, or explain one",
      examples: ["help", "help ttest"], replayable: false),
    CommandSpec(
      name: "quit", aliases: ["exit", "q"], topic: .session, syntax: .none,
      synopsis: "quit", summary: "leave meting (Ctrl-D does the same)", replayable: false),
  ]

  private static let byName: [String: CommandSpec] = {
    var table: [String: CommandSpec] = [:]
    for spec in all {
      table[spec.name] = spec
      for alias in spec.aliases { table[alias] = spec }
    }
    return table
  }()

  /// The command called `name` (or one of its aliases).
  public static func spec(named name: String) -> CommandSpec? { byName[name] }

  /// Every name and alias, for completion and suggestions.
  public static var allNames: [String] { all.flatMap { [$0.name] + $0.aliases } }
}

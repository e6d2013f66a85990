/// The commands of meting, in one table. Dispatch, `help`, completion and
/// docs/commands.md are all made from it; a command not listed here does
/// not exist.
public enum CommandCatalogue {
  public static let all: [CommandSpec] = basics + models

  private static let basics: [CommandSpec] = [
    // MARK: Data
    CommandSpec(
      name: "load", aliases: ["use", "open"], topic: .data,
      syntax: .path(extensions: ["csv", "tsv", "txt", "sav", "zsav", "por", "dta", "sas7bdat", "xpt", "xlsx"]),
      synopsis: "load FILE [, delimiter(;) decimal(,) encoding(utf8|windows1252) missing(CODES) format(sav|dta|…) sheet(NAME) range(A3:K95)]",
      summary: "read a data file (CSV, TSV; SPSS .sav/.zsav/.por, Stata .dta, SAS, Excel .xlsx) as the active dataset",
      discussion: """
        SPSS, Stata and SAS files are read by ReadStat in a separate process, so that a
        corrupt or crafted file cannot harm the session: variable and value labels, formats,
        measure levels, the file label, and user-missing values and ranges (kept apart from
        system-missing: 'describe', 'freq' and 'list' show the reason) come along; Stata's
        extended missing values .a–.z (and SAS's .A–.Z) are user-missing codes shown as .a,
        with their labels; empty strings are missing. The load names the file's text
        encoding; encoding(…) overrides it for an old file that declares none or the wrong
        one. The format is told by the file's first bytes, then its extension; format(…)
        forces one.
        Excel workbooks (.xlsx) are read in the same separate process: the first worksheet,
        or sheet(NAME) (or sheet(2), by position); range(A3:K95) or range(A3) reads only
        those cells (a title block above the table is left out). The first row with a value
        (or the range's first row) is the header; the rows below it down to the last value
        are the data; columns with neither header nor value are left out. A column of
        numbers is numeric (numbers typed as text too), any other text makes it text; cells
        formatted as dates are dates (shown as ISO dates; the 1904 date system is
        converted); TRUE/FALSE are 1/0; error cells (#N/A) and formulas saved without a
        result are missing, and the load says where. Old .xls files are not read: save
        them as .xlsx.
        Delimited text: the delimiter (',' ';' tab '|') and Dutch Excel's decimal comma are
        sniffed from the first lines, the encoding is UTF-8 unless the file is not valid
        UTF-8 (then Windows-1252). A column is numeric when every non-empty cell is a
        number, else text. Empty cells and NA, N/A, NaN and '.' are missing. Headers that
        are not valid names are renamed (the original becomes the label); a repeated name
        gets _2, _3. Lines starting with '#' before the header are the file label. A row
        with too many or too few fields, or an unterminated quote, is an error naming the
        line and column (nothing is loaded).
        The load replaces the active dataset and clears the filter; a failed load leaves
        both as they were. missing(CODES) declares user-missing codes for every numeric
        variable, in any format; to declare them per variable use the 'missing' command.
        """,
      options: [
        OptionSpec("delimiter", .word([",", ";", "tab", "|"]), "field delimiter (default: sniffed)"),
        OptionSpec("decimal", .word([".", ","]), "decimal separator (default: sniffed)"),
        OptionSpec("encoding", .word(["utf8", "windows1252", "latin1"]), "text encoding (default: detected, or the file's own)"),
        OptionSpec("missing", .numbers, "user-missing codes for all numeric variables"),
        OptionSpec("format", .word(["csv", "sav", "zsav", "por", "dta", "sas7bdat", "xpt", "xlsx"]), "read as this format (default: from content and extension)"),
        OptionSpec("sheet", .words("a sheet name or number"), "the Excel sheet to read (default: the first)"),
        OptionSpec("range", .words("cells, e.g. A3:K95"), "the cells of the sheet to read; the header is their first row"),
      ],
      examples: [
        "load examples/mijn-bedrijf/firms_long.csv",
        "load \"survey export.xlsx\", sheet(\"Antwoorden\")",
        "load \"survey export.csv\", delimiter(;) decimal(,)",
      ]),
    CommandSpec(
      name: "describe", topic: .data,
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
      name: "label", topic: .data,
      syntax: .subcommands([
        (name: "variable", syntax: .words(min: 2, max: 2, choices: [])),
        (name: "values", syntax: .variablesAndValues(kind: .any)),
        (name: "data", syntax: .words(min: 1, max: 1, choices: [])),
      ]),
      synopsis: "label variable VAR \"TEXT\" | label values VARS (1 \"TEXT\" 2 \"TEXT\" …) | label values VARS (none) | label data \"TEXT\"",
      summary: "set variable labels, value labels or the file label",
      discussion: """
        label variable sets a variable's label ("" removes it); label values adds value labels
        to numeric variables (a code already labelled gets the new text; (none) removes them
        all), or to text variables as SPSS allows: ("NL" "Netherlands" "BE" "Belgium"); label
        data sets the file label. Labels travel into .sav files, and into .dta files but for
        those of text values (Stata labels numbers only; the save says so).
        """,
      examples: [
        "label variable sic \"Social innovation capacity\"", "label values so1..so3r (1 \"disagree\" 5 \"agree\")",
        "label values region (\"Utrecht city\" \"the city of Utrecht\")",
      ]),
    CommandSpec(
      name: "reshape", topic: .data, syntax: .words(min: 1, max: 1, choices: ["long", "wide"]),
      synopsis: "reshape long, id(UNIT) time(WAVE) suffixes(_pre _post) [values(0 1)] | reshape wide, id(UNIT) time(WAVE) [suffixes(…)]",
      summary: "wide (one row per unit) ↔ long (one row per unit and wave)",
      discussion: """
        long: each variable ending in a suffix becomes the variable without it, one row per unit
        and suffix; time(WAVE) is a new variable with values() (default 0, 1, …) labelled with
        the suffixes; other variables repeat on each row. wide: one row per unit; a variable that
        varies within units becomes one per wave (named with suffixes(), default _0, _1 …),
        one that does not stays single. After reshape long, reshape wide gives back the wide
        file exactly: order, labels, value labels and missing codes (as Stata remembers it).
        A unit with two rows at one wave is an error. Clears the filter.
        """,
      options: [
        OptionSpec("id", .variable(.any), "the unit identifier"),
        OptionSpec("time", .word([]), "the wave variable (new for long, existing for wide)"),
        OptionSpec("suffixes", .words("_pre _post"), "the endings that mark the waves"),
        OptionSpec("values", .numbers, "the wave numbers of the suffixes (long; default 0 1 …)"),
      ],
      examples: ["reshape long, id(firm_id) time(wave) suffixes(_pre _post)", "reshape wide, id(firm_id) time(wave)"]),
    CommandSpec(
      name: "merge", topic: .data, syntax: .words(min: 4, max: 4, choices: ["1:1"]),
      synopsis: "merge 1:1 KEY using FILE",
      summary: "add the variables of another file, matching rows one to one on a key",
      discussion: """
        As Stata's merge 1:1: every row of both files is kept (this one's first, then the other's
        unmatched ones), the other's variables are added, and _merge says where each row came
        from (1 here only, 2 there only, 3 both). The key must be unique and present in every row
        of both; a variable (other than the key) in both files is an error: rename or drop it first.
        """,
      examples: ["merge 1:1 firm_id using registry.csv"]),
    CommandSpec(
      name: "append", topic: .data, syntax: .words(min: 2, max: 2, choices: ["using"]),
      synopsis: "append using FILE",
      summary: "add the rows of another file (variables matched by name)",
      discussion: """
        The rows of FILE follow this dataset's; variables are matched by name (a variable only on
        one side is missing in the other's rows); text and numeric for the same name is an error.
        This dataset's labels win; missing codes of both are kept.
        """,
      examples: ["append using wave3.csv"]),
    CommandSpec(
      name: "codebook", topic: .data, syntax: .variables(min: 0, max: nil, kind: .any),
      synopsis: "codebook [VARLIST]",
      summary: "each variable in full: labels, format, measure, missing codes and counts, value labels",
      examples: ["codebook so1", "codebook category fte"]),
    CommandSpec(
      name: "recode", topic: .data, syntax: .recode,
      synopsis: "recode VARS (VALUES = NEW) … [into NEWVARS] [where COND] [, replace]",
      summary: "recode values: (1 2 = 1) (3 thru 5 = 2) (missing = 9) (else = copy)",
      discussion: """
        As SPSS's RECODE: the first rule that matches a value decides. Values: numbers, a thru b,
        lo/lowest and hi/highest, missing (system- or user-missing), sysmis, else; text variables
        take "quoted" texts. New: a number, a "text", sysmis or copy. In place, unmatched values
        stay and a result that is one of the variable's missing codes stays user-missing; with
        into, each variable goes into a new one (unmatched values are system-missing there), and
        an existing one needs replace.
        """,
      options: [OptionSpec("replace", .none, "overwrite the into variables")],
      examples: ["recode so3r_pre (1 = 5) (2 = 4) (4 = 2) (5 = 1) into so3_pre", "recode fte (lo thru 9 = 1) (10 thru 49 = 2) (50 thru hi = 3) into size3"]),
    CommandSpec(
      name: "rename", topic: .data, syntax: .words(min: 2, max: nil, choices: []),
      synopsis: "rename OLD NEW [OLD NEW …]",
      summary: "rename variables (labels and metadata stay)",
      examples: ["rename sic_pre sic0 sic_post sic1"]),
    CommandSpec(
      name: "keep", topic: .data, syntax: .variables(min: 1, max: nil, kind: .any),
      synopsis: "keep VARLIST", summary: "keep only these variables (all rows)",
      examples: ["keep firm_id treated category sic*"]),
    CommandSpec(
      name: "drop", topic: .data, syntax: .variables(min: 1, max: nil, kind: .any),
      synopsis: "drop VARLIST", summary: "remove these variables",
      examples: ["drop so1_pre..sl3r_pre"]),
    CommandSpec(
      name: "order", topic: .data, syntax: .variables(min: 1, max: nil, kind: .any),
      synopsis: "order VARLIST", summary: "move these variables to the front, in this order",
      examples: ["order firm_id treated category"]),
    CommandSpec(
      name: "missing", topic: .data, syntax: .variablesAndValues(kind: .any),
      synopsis: "missing VARLIST (CODES)  |  missing TEXTVARS (\"TEXT\" …)",
      summary: "declare user-missing codes (e.g. 7 8 9 or -99) for variables",
      discussion: """
        The listed codes become missing values of these variables; each cell keeps its
        code as the reason, shown by describe, freq and list. Statistics leave them out.
        Text variables take quoted values, as SPSS allows on string variables:
        missing region ("onbekend"). They travel into .sav files when the variable is at
        most 8 bytes wide (the ReadStat on Debian 12 writes no wider ones; the save says so).
        """,
      examples: ["missing so1..goal3 (7 8 9)", "missing fte prod_pct (-97 -98 -99)", "missing region (\"onbekend\")"]),

    // MARK: Describe
    CommandSpec(
      name: "descriptives", aliases: ["summarize", "summary", "means"], topic: .describe,
      syntax: .variables(min: 1, max: nil, kind: .numeric),
      synopsis: "descriptives VARLIST [by VARS] [where COND] [, level(0.95) quantiles(type7|type6)]",
      summary: "n, missing, mean, SD, SE, CI of the mean, min, quartiles, max",
      discussion: """
        SD with denominator n − 1; SE = SD/√n; the confidence interval of the mean is
        mean ± t(1 − α/2, n − 1)·SE (R t.test, SPSS EXAMINE). Quartiles by R's type 7
        (default) or SPSS's type 6 (HAVERAGE). With detail: skewness G1 and excess kurtosis G2
        with their standard errors as SPSS prints them, the 5% trimmed mean (R's definition:
        ⌊n·trim⌋ values cut at each end) and the interquartile range.
        """,
      variant: "quartiles: R type 7 (default) or type 6; CI: t-based",
      options: [
        OptionSpec("level", .number, "confidence level (default 0.95)"),
        OptionSpec("quantiles", .word(["type7", "type6"]), "quantile definition (default type7)"),
        OptionSpec("detail", .none, "also skewness, kurtosis (with SEs), a trimmed mean and the IQR"),
        OptionSpec("trim", .number, "the fraction trimmed from each end for the trimmed mean (default 0.05)"),
      ],
      examples: ["descriptives sic qual quant", "descriptives sic by treated wave", "descriptives sic, detail"],
      by: .subgroups, acceptsCondition: true),

    // MARK: Correlations and percentiles
    CommandSpec(
      name: "percentiles", aliases: ["centile"], topic: .describe, syntax: .variables(min: 1, max: nil, kind: .numeric),
      synopsis: "percentiles VARLIST [by VARS] [where COND] [, p(5 25 50 75 95) type(7|6)]",
      summary: "percentiles by R's type 7 (default) or SPSS's type 6",
      variant: "R type 7 (default); type 6 = SPSS/PSPP HAVERAGE",
      options: [
        OptionSpec("p", .numbers, "the percentages (default 5 10 25 50 75 90 95)"),
        OptionSpec("type", .word(["7", "6"]), "the quantile definition (default 7)"),
      ],
      examples: ["percentiles sic", "percentiles fte, p(10 50 90) type(6)"], by: .subgroups, acceptsCondition: true),
    CommandSpec(
      name: "correlate", aliases: ["cor", "correlation"], topic: .describe,
      syntax: .variables(min: 2, max: nil, kind: .numeric),
      synopsis: "correlate VARLIST [by VARS] [where COND] [, method(pearson|spearman|kendall) level() alternative() exact approximate]",
      summary: "correlations of every pair of variables, with tests (as R's cor.test)",
      discussion: """
        Each pair on the rows where both are present. Pearson: t on n − 2 df, CI by Fisher's z.
        Spearman: exact p (AS 89, R's prho) for n ≤ 1290 without ties, else the t approximation.
        Kendall: τ-b; exact p for n < 50 without ties, else the normal approximation with the
        tie-corrected variance. 'exact' and 'approximate' override the rule.
        """,
      variant: "Pearson (default), Spearman or Kendall τ-b, as R cor.test",
      options: [
        OptionSpec("method", .word(["pearson", "spearman", "kendall"]), "the coefficient (default pearson)"),
        OptionSpec("level", .number, "confidence level of Pearson's interval (default 0.95)"),
        OptionSpec("alternative", .word(["two.sided", "less", "greater"]), "alternative hypothesis"),
        OptionSpec("exact", .none, "exact p-values where the method has them"),
        OptionSpec("approximate", .none, "the large-sample approximation"),
        OptionSpec("adjust", .word(["holm", "bonferroni", "hochberg", "bh", "by", "none"]), "p-value adjustment over the table (default holm)"),
      ],
      examples: ["correlate sic qual quant", "correlate sic_pre sic_post, method(spearman)"], by: .subgroups,
      acceptsCondition: true),

    // MARK: Compare
    CommandSpec(
      name: "ttest", topic: .compare, syntax: .variables(min: 1, max: nil, kind: .numeric),
      synopsis: "ttest VAR by GROUP [where COND] [, equal reference(VALUE) level(0.95) alternative(two.sided|less|greater)]\n"
        + "ttest VAR, mu(VALUE) [level(0.95) alternative(…)]",
      summary: "two-sample t-test (Welch by default) or one-sample t-test",
      discussion: """
        With 'by GROUP' (two groups): Welch's t-test, SE = √(s1²/n1 + s2²/n2) with
        Welch–Satterthwaite df, as R t.test; 'equal' gives Student's pooled-variance test
        (Stata ttest, scipy default). The difference is first group − second group in
        sorted order (as R and Stata: 0 − 1); reference(0) makes it 1 − 0. Effect sizes:
        Cohen's d with the pooled SD and its noncentral-t interval, and Hedges' g = d·J with
        the exact J (effectsize, Stata esize). With 'by' subgroups or several variables, the
        p-values are also shown Holm-adjusted (adjust(…) for another method).
        With mu(VALUE) and no group: the one-sample t-test of mean = VALUE.
        """,
      variant: "Welch (default, R t.test) or Student (equal); two-sided; 95% CI",
      options: [
        OptionSpec("equal", .none, "assume equal variances (Student's t)"),
        OptionSpec("reference", .word([]), "the group that goes second: difference = other − reference"),
        OptionSpec("mu", .number, "the hypothesised mean (one-sample) or difference (default 0)"),
        OptionSpec("level", .number, "confidence level (default 0.95)"),
        OptionSpec("alternative", .word(["two.sided", "less", "greater"]), "alternative hypothesis"),
        OptionSpec("adjust", .word(["holm", "bonferroni", "hochberg", "bh", "by", "none"]), "p-value adjustment over the tests of a table (default holm)"),
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
        OptionSpec("complete", .none, "leave out units seen at one wave only (long layout)"),
        OptionSpec("mu", .number, "the hypothesised mean difference (default 0)"),
        OptionSpec("level", .number, "confidence level (default 0.95)"),
        OptionSpec("alternative", .word(["two.sided", "less", "greater"]), "alternative hypothesis"),
        OptionSpec("adjust", .word(["holm", "bonferroni", "hochberg", "bh", "by", "none"]), "p-value adjustment over the tests of a table (default holm)"),
      ],
      examples: ["paired sic_post sic_pre", "paired sic, time(wave) id(firm_id) by treated"],
      by: .subgroups, acceptsCondition: true),

    CommandSpec(
      name: "effectsize", aliases: ["es"], topic: .compare, syntax: .variables(min: 1, max: 2, kind: .numeric),
      synopsis: "effectsize VAR by GROUP [, reference(VALUE)]\n"
        + "effectsize VAR1 VAR2 | effectsize VAR, time(WAVE) id(ID)\n"
        + "effectsize VAR, time(WAVE) id(ID) group(TREATED) [reference(CONTROL)]",
      summary: "standardized mean differences with confidence intervals",
      discussion: """
        Two groups: Cohen's d (pooled SD), Hedges' g (exact J) and Glass's Δ (the second group's
        SD, not bias-corrected), with intervals by noncentral t as R's effectsize 0.8.3.
        Paired data: d_z (SD of the differences, noncentral-t interval), d_av (average SD of the
        two measurements) and d_rm (Lakens 2013), the last two without an interval.
        A pretest–posttest–control design (group()): Morris's (2008) d_ppc2, the difference in
        change over the pooled pretest SD with a small-sample correction.
        """,
      variant: "as effectsize 0.8.3 (noncentral-t CIs); d_av, d_rm (Lakens 2013); d_ppc2 (Morris 2008)",
      options: [
        OptionSpec("reference", .word([]), "the group that goes second (the control)"),
        OptionSpec("time", .variable(.any), "the wave variable of a long layout"),
        OptionSpec("id", .variable(.any), "the unit identifier of a long layout"),
        OptionSpec("complete", .none, "leave out units seen at one wave only (long layout)"),
        OptionSpec("group", .variable(.any), "the treatment variable of a pretest–posttest–control design"),
        OptionSpec("level", .number, "confidence level (default 0.95)"),
        OptionSpec("alternative", .word(["two.sided", "less", "greater"]), "one-sided intervals"),
      ],
      examples: [
        "effectsize sic_change by treated, reference(0)", "effectsize sic_post sic_pre",
        "effectsize sic, time(wave) id(firm_id) group(treated)",
      ],
      by: .comparison, acceptsCondition: true),
    CommandSpec(
      name: "wilcoxon", aliases: ["signrank"], topic: .compare, syntax: .variables(min: 1, max: 2, kind: .numeric),
      synopsis: "wilcoxon VAR1 VAR2 | wilcoxon VAR, time(WAVE) id(ID) | wilcoxon VAR, mu(VALUE)\n"
        + "  [by VARS] [where COND] [, exact approximate nocorrect level() alternative()]",
      summary: "Wilcoxon signed-rank test with the Hodges–Lehmann estimate (as R wilcox.test)",
      discussion: """
        Zero differences are dropped; V is the sum of the ranks of the positive differences.
        Exact p when n < 50 and there are no ties or zeros (R's rule), else the normal
        approximation with tie correction and, unless nocorrect, a continuity correction of ½
        (R's default; SPSS and PSPP use none). The (pseudo)median and its interval: Walsh
        averages when exact, else R's root search.
        """,
      variant: "R wilcox.test: exact if n < 50 without ties; continuity correction",
      options: [
        OptionSpec("time", .variable(.any), "the wave variable of a long layout"),
        OptionSpec("id", .variable(.any), "the unit identifier of a long layout"),
        OptionSpec("complete", .none, "leave out units seen at one wave only (long layout)"),
        OptionSpec("mu", .number, "the hypothesised location (default 0)"),
        OptionSpec("exact", .none, "the exact distribution even for n ≥ 50"),
        OptionSpec("approximate", .none, "the normal approximation even for small n"),
        OptionSpec("nocorrect", .none, "no continuity correction (SPSS, PSPP)"),
        OptionSpec("level", .number, "confidence level (default 0.95)"),
        OptionSpec("alternative", .word(["two.sided", "less", "greater"]), "alternative hypothesis"),
        OptionSpec("adjust", .word(["holm", "bonferroni", "hochberg", "bh", "by", "none"]), "p-value adjustment over the table (default holm)"),
      ],
      examples: ["wilcoxon sic_post sic_pre by treated", "wilcoxon prod, time(wave) id(firm_id)"],
      by: .subgroups, acceptsCondition: true),
    CommandSpec(
      name: "signtest", topic: .compare, syntax: .variables(min: 1, max: 2, kind: .numeric),
      synopsis: "signtest VAR1 VAR2 | signtest VAR, time(WAVE) id(ID) | signtest VAR, mu(VALUE)",
      summary: "sign test: positive among non-zero differences, exact binomial",
      variant: "exact binomial (R binom.test on the signs)",
      options: [
        OptionSpec("time", .variable(.any), "the wave variable of a long layout"),
        OptionSpec("id", .variable(.any), "the unit identifier of a long layout"),
        OptionSpec("complete", .none, "leave out units seen at one wave only (long layout)"),
        OptionSpec("mu", .number, "the hypothesised median (default 0)"),
        OptionSpec("alternative", .word(["two.sided", "less", "greater"]), "alternative hypothesis"),
        OptionSpec("adjust", .word(["holm", "bonferroni", "hochberg", "bh", "by", "none"]), "p-value adjustment over the table (default holm)"),
      ],
      examples: ["signtest prod_post prod_pre"], by: .subgroups, acceptsCondition: true),
    CommandSpec(
      name: "ranksum", aliases: ["mannwhitney", "mw"], topic: .compare, syntax: .variables(min: 1, max: nil, kind: .numeric),
      synopsis: "ranksum VAR by GROUP [where COND] [, exact approximate nocorrect reference() level() alternative()]",
      summary: "Wilcoxon rank-sum (Mann–Whitney) test with the Hodges–Lehmann shift",
      discussion: """
        W = R1 − n1(n1+1)/2 (R's W = U1; SPSS prints min(U1, U2)). Exact p when both groups are
        below 50 and there are no ties (R's rule), else the normal approximation with tie
        correction and a continuity correction of ½ (nocorrect: none, as SPSS and PSPP).
        """,
      variant: "R wilcox.test: exact if both n < 50 without ties; continuity correction",
      options: [
        OptionSpec("reference", .word([]), "the group that goes second"),
        OptionSpec("mu", .number, "the hypothesised shift (default 0)"),
        OptionSpec("exact", .none, "the exact distribution"),
        OptionSpec("approximate", .none, "the normal approximation"),
        OptionSpec("nocorrect", .none, "no continuity correction"),
        OptionSpec("level", .number, "confidence level (default 0.95)"),
        OptionSpec("alternative", .word(["two.sided", "less", "greater"]), "alternative hypothesis"),
        OptionSpec("adjust", .word(["holm", "bonferroni", "hochberg", "bh", "by", "none"]), "p-value adjustment over the table (default holm)"),
      ],
      examples: ["ranksum sic_change by treated"], by: .comparison, acceptsCondition: true),
    CommandSpec(
      name: "kruskal", topic: .compare, syntax: .variables(min: 1, max: nil, kind: .numeric),
      synopsis: "kruskal VAR by GROUP [where COND]",
      summary: "Kruskal–Wallis test of k groups (tie-corrected H, χ²)",
      variant: "as R kruskal.test (tie-corrected H)",
      options: [OptionSpec("adjust", .word(["holm", "bonferroni", "hochberg", "bh", "by", "none"]), "p-value adjustment over the table (default holm)")],
      examples: ["kruskal sic_change by category"], by: .comparison, acceptsCondition: true),
    CommandSpec(
      name: "permute", topic: .compare, syntax: .variables(min: 1, max: nil, kind: .numeric),
      synopsis: "permute VAR by GROUP [where COND] [, reps(10000) reference() alternative()]",
      summary: "permutation test of a difference in means (exact when feasible)",
      discussion: """
        Exact when the relabellings number at most 200,000 (every one is tried); otherwise
        reps random relabellings from meting's seeded generator (set seed N), p = (b+1)/(B+1).
        Two-sided counts |T*| ≥ |T|.
        """,
      variant: "exact enumeration, else Monte Carlo with p = (b+1)/(B+1)",
      options: [
        OptionSpec("reps", .integer, "random relabellings when not exact (default 10000)"),
        OptionSpec("reference", .word([]), "the group that goes second"),
        OptionSpec("alternative", .word(["two.sided", "less", "greater"]), "alternative hypothesis"),
        OptionSpec("adjust", .word(["holm", "bonferroni", "hochberg", "bh", "by", "none"]), "p-value adjustment over the table (default holm)"),
      ],
      examples: ["permute sic_change by treated"], by: .comparison, acceptsCondition: true),
    CommandSpec(
      name: "bootstrap", topic: .compare,
      syntax: .subcommands([
        (name: "mean", syntax: .variables(min: 1, max: 1, kind: .numeric)),
        (name: "median", syntax: .variables(min: 1, max: 1, kind: .numeric)),
        (name: "meandiff", syntax: .variables(min: 1, max: 1, kind: .numeric)),
        (name: "d", syntax: .variables(min: 1, max: 1, kind: .numeric)),
        (name: "did", syntax: .variables(min: 1, max: 1, kind: .numeric)),
      ]),
      synopsis: "bootstrap mean|median VAR | bootstrap meandiff|d VAR by GROUP\n"
        + "bootstrap did VAR, time(WAVE) id(ID) group(TREATED)   [, reps(10000) level(0.95)]",
      summary: "bootstrap percentile and BCa intervals (seeded, reproducible)",
      discussion: """
        Resamples with replacement (within each group), reps times, with meting's seeded
        generator: 'set seed N' fixes the numbers, and a replayed script gives the same ones.
        Intervals as R's boot.ci: percentile ((B+1)α order statistics, interpolated on the
        normal scale) and BCa with jackknife acceleration. did: the difference in mean change
        between the treated and the control group. Ctrl-C stops it; a progress bar shows after
        a second at a terminal.
        """,
      variant: "percentile and BCa (jackknife acceleration), as boot.ci",
      options: [
        OptionSpec("reps", .integer, "replicates (default 10000)"),
        OptionSpec("level", .number, "confidence level (default 0.95)"),
        OptionSpec("reference", .word([]), "the group that goes second"),
        OptionSpec("time", .variable(.any), "the wave variable (did)"),
        OptionSpec("id", .variable(.any), "the unit identifier (did)"),
        OptionSpec("complete", .none, "leave out units seen at one wave only (long layout)"),
        OptionSpec("group", .variable(.any), "the treatment variable (did)"),
      ],
      examples: ["bootstrap meandiff sic_change by treated", "bootstrap did sic, time(wave) id(firm_id) group(treated)"],
      by: .comparison, acceptsCondition: true),
    CommandSpec(
      name: "power", topic: .compare, syntax: .words(min: 1, max: 1, choices: ["onesample", "paired", "twosample"]),
      synopsis: "power onesample|paired|twosample, n(N [N2]) d(D) power(P) [alpha(0.05) ratio(K) alternative() variant(exact|r)]",
      summary: "power, sample size or detectable effect of a t-test (noncentral t)",
      discussion: """
        Give two of n(), d() and power(); the third is solved for. Two samples of unequal size:
        n(71 23) (or ratio()). Two-sided power counts both rejection regions (statsmodels, R
        with strict = TRUE); variant(r) ignores the far one as R's power.t.test does by default.
        Example for a teacher: what effect can 23 controls and 71 treated detect with 80%
        power?  power twosample, n(71 23) power(0.8)
        """,
      variant: "noncentral t, both tails (R power.t.test strict = TRUE); variant(r): R's default",
      options: [
        OptionSpec("n", .numbers, "n (per group), or n1 and n2"),
        OptionSpec("d", .number, "the standardized effect (d; d_z for paired)"),
        OptionSpec("power", .number, "the power"),
        OptionSpec("alpha", .number, "significance level (default 0.05)"),
        OptionSpec("ratio", .number, "n2/n1 when solving n of unequal groups"),
        OptionSpec("alternative", .word(["two.sided", "less", "greater"]), "alternative hypothesis"),
        OptionSpec("variant", .word(["exact", "r"]), "exact (both tails) or R's power.t.test default"),
      ],
      examples: ["power twosample, n(71 23) power(0.8)", "power paired, d(0.4) power(0.9)", "power twosample, n(20) d(0.5)"]),

    // MARK: Session
    CommandSpec(
      name: "set", topic: .session, syntax: .words(min: 0, max: 2, choices: ["format", "digits", "width", "color", "seed"]),
      synopsis: "set [NAME VALUE]",
      summary: "show or change a setting (format, digits, width, color, seed)",
      discussion: """
        format text|markdown|csv|json: how results are printed (json: one object per
        result per line). digits N: decimals of statistics in text (default 3).
        width N|auto: the table width. color on|off|auto. seed N: the seed of bootstrap and
        permutation commands (each takes the next draw). 'set' alone lists the settings.
        """,
      examples: ["set format json", "set digits 4", "set seed 42", "set"]),
    CommandSpec(
      name: "save", topic: .data,
      syntax: .subcommandsOrPath([(name: "script", syntax: .path(extensions: ["met"]))], extensions: ["sav", "zsav", "dta", "xlsx", "csv"]),
      synopsis: "save FILE.sav|.zsav|.dta|.xlsx|.csv [, replace]  |  save script FILE.met [, replace]",
      summary: "write the data (SPSS, Stata, Excel, CSV) or the session's commands as a script",
      discussion: """
        save FILE writes the active dataset (all rows: the filter is not applied) with its
        metadata: variable and value labels, formats, measure levels and the file label.
        User-missing codes stay declared in .sav; in .dta they become Stata's .a, .b …
        (labelled with the code), and Stata's own .a–.z keep their letters; CSV writes the
        values, user-missing cells as their codes. An .xlsx workbook has the data on its
        first sheet (names in row 1, dates as Excel dates, user-missing cells as their
        codes) and a second sheet 'variables' with the labels, value labels, missing codes
        and formats a workbook cannot hold in its cells. The bytes go to a temporary file
        in the same folder, renamed into place when complete, so a crash or Ctrl-C leaves
        the old file or the new one, never half a file. An existing file — the one the
        data came from included — is kept unless 'replace' is given.
        save script FILE writes every command that succeeded this session, in order, so that
        'meting FILE.met' or 'run FILE.met' reproduces the same output; help, history and
        display commands are left out.
        """,
      options: [OptionSpec("replace", .none, "overwrite an existing file")],
      examples: ["save firms_clean.sav", "save firms.dta, replace", "save script session.met"], replayable: false),
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

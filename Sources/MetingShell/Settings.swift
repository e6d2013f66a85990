import MetingReport

/// The settings of a session (`set NAME VALUE`).
public struct Settings: Sendable, Equatable {
  public enum Choice: String, Sendable { case auto, on, off }

  public var format: OutputFormat = .text
  /// Decimals of statistics in text and Markdown.
  public var digits = 3
  /// Table width; nil follows the terminal.
  public var width: Int? = nil
  public var color: Choice = .auto
  /// The seed of resampling commands (`set seed N`); each such command
  /// takes the next draw, so a replayed script gives the same numbers.
  public var seed: UInt64 = 20_261_129
  public var draws: UInt64 = 0

  public init() {}

  /// The settings as (name, value, meaning) rows for `set`.
  public var listing: [(String, String, String)] {
    [
      ("format", format.rawValue, "text | markdown | csv | json"),
      ("digits", String(digits), "decimals of statistics in text (0–15)"),
      ("width", width.map(String.init) ?? "auto", "table width in columns, or auto (the terminal's)"),
      ("color", color.rawValue, "auto (on a terminal, unless NO_COLOR) | on | off"),
      ("seed", String(seed), "seed of bootstrap and permutation commands (\(draws) drawn since it was set)"),
    ]
  }
}

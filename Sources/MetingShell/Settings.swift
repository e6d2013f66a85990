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

  public init() {}

  /// The settings as (name, value, meaning) rows for `set`.
  public var listing: [(String, String, String)] {
    [
      ("format", format.rawValue, "text | markdown | csv | json"),
      ("digits", String(digits), "decimals of statistics in text (0–15)"),
      ("width", width.map(String.init) ?? "auto", "table width in columns, or auto (the terminal's)"),
      ("color", color.rawValue, "auto (on a terminal, unless NO_COLOR) | on | off"),
    ]
  }
}

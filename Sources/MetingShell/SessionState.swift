import MetingData
import MetingLanguage

/// The filter in force: its text for the prompt, its expression, and the
/// rows it selects (computed once, when set).
public struct ActiveFilter: Sendable {
  public let text: String
  public let expression: Expr
  public let rows: RowSelection
}

/// What a command may change. Commands work on a copy and the session takes
/// it only when the command succeeds, so a failed or cancelled command
/// leaves data, filter and settings exactly as they were.
public struct SessionState: Sendable {
  public var dataset: Dataset?
  public var filter: ActiveFilter?
  public var settings = Settings()

  public init(dataset: Dataset? = nil) { self.dataset = dataset }

  /// Rows in force: the filter's, or all.
  public var activeRows: RowSelection? {
    guard let dataset else { return nil }
    return filter?.rows ?? .all(dataset.rowCount)
  }
}

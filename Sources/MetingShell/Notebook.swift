import MetingLanguage
import MetingReport

/// The session as a notebook: every command is a numbered cell holding its
/// input, its results, its messages and its timing. `history`, `show`,
/// `save script` and (later) the notebook export read it.
public struct Notebook: Sendable {
  public struct Cell: Sendable {
    public let number: Int
    /// The command as typed.
    public let input: String
    public let reports: [Report]
    public let diagnostics: [Diagnostic]
    public let seconds: Double
    public let succeeded: Bool
    /// Whether `save script` keeps it.
    public let replayable: Bool
    /// The script it came from (run FILE), nil when typed.
    public let origin: String?
  }

  public private(set) var cells: [Cell] = []

  public init() {}

  public var nextNumber: Int { cells.count + 1 }

  public mutating func append(_ cell: Cell) { cells.append(cell) }

  public func cell(_ number: Int) -> Cell? {
    number >= 1 && number <= cells.count ? cells[number - 1] : nil
  }

  /// The last cell with a result table (`_`).
  public var lastResult: Cell? {
    cells.last { $0.succeeded && $0.reports.contains { !$0.tables.isEmpty } }
  }

  /// The commands a saved script replays: those that succeeded and change
  /// or show data, in order.
  public var replayableInputs: [String] {
    cells.filter { $0.succeeded && $0.replayable }.map(\.input)
  }
}

/// How a variable is measured (SPSS's measure level), used to pick sensible
/// defaults: a nominal variable is summarised by frequencies, a scale one by
/// its mean.
public enum MeasureLevel: String, Sendable, CaseIterable {
  case nominal
  case ordinal
  case scale
}

/// Why a cell has no value. Kept apart from the value itself so that an
/// analysis can drop it while `describe`, `freq` and writers still know why.
public enum MissingReason: Sendable, Hashable {
  /// The cell was empty (system-missing, SPSS's `sysmis`, R's `NA`).
  case system
  /// The cell held a declared user-missing code, e.g. 9 = no answer.
  case code(Double)
}

/// One variable (column) of a dataset with its metadata.
public struct Variable: Sendable {
  /// The name used in commands; an identifier (letters, digits, `_`).
  public var name: String
  /// A descriptive label (SPSS variable label); for CSV files whose header
  /// was not a valid name, the original header text.
  public var label: String?
  public var values: ColumnValues
  /// Labels of numeric codes (SPSS value labels), e.g. 1 = "strategy".
  public var valueLabels: [Double: String]
  /// Labels of text values, e.g. "NL" = "Netherlands" (SPSS allows value
  /// labels on string variables).
  public var textLabels: [String: String]
  /// The declared user-missing codes (e.g. 7, 8, 9).
  public var missingCodes: [Double]
  /// Declared user-missing ranges (SPSS `MISSING VALUES x (LO THRU HI)`).
  public var missingRanges: [ClosedRange<Double>]
  /// The print format from an SPSS or Stata file ("F8.2", "A20", "%9.0g").
  public var format: String?
  /// How the numbers encode dates or times, when they do.
  public var time: TimeEncoding?
  /// Rows whose value is a user-missing code, with that code. The value in
  /// `values` is missing (NaN) there. Sparse: missing codes are rare.
  public var userMissing: [Int: Double]
  public var measure: MeasureLevel

  public init(
    name: String, values: ColumnValues, label: String? = nil,
    valueLabels: [Double: String] = [:], measure: MeasureLevel? = nil
  ) {
    self.name = name
    self.values = values
    self.label = label
    self.valueLabels = valueLabels
    self.textLabels = [:]
    self.missingCodes = []
    self.missingRanges = []
    self.format = nil
    self.time = nil
    self.userMissing = [:]
    self.measure = measure ?? (values.isCategorical ? .nominal : .scale)
  }

  public var count: Int { values.count }
  public var isNumeric: Bool { !values.isCategorical }
  public var isCategorical: Bool { values.isCategorical }

  /// Why row `row` is missing, or nil when it has a value.
  public func missingReason(at row: Int) -> MissingReason? {
    if let code = userMissing[row] { return .code(code) }
    return values.isMissing(row) ? .system : nil
  }

  /// Declares `codes` as user-missing: matching values become missing, and
  /// each keeps its code as the reason. Returns how many cells changed.
  @discardableResult
  public mutating func declareMissing(_ codes: [Double]) -> Int {
    guard !codes.isEmpty, case .numeric(var column) = values else { return 0 }
    // Take the column out, so that changing it does not copy it.
    values = .numeric(NumericColumn(doubles: []))
    var changed = 0
    let set = Set(codes)
    for row in 0..<column.count {
      let v = column[row]
      if !v.isNaN, set.contains(v) {
        userMissing[row] = v
        column[row] = .nan
        changed += 1
      }
    }
    missingCodes = Array(Set(missingCodes).union(codes)).sorted()
    values = .numeric(column)
    return changed
  }

  /// Declares ranges of user-missing values (each value keeps its code).
  @discardableResult
  public mutating func declareMissing(ranges: [ClosedRange<Double>]) -> Int {
    guard case .numeric(var column) = values, !ranges.isEmpty else { return 0 }
    values = .numeric(NumericColumn(doubles: []))
    var changed = 0
    for row in 0..<column.count {
      let v = column[row]
      if !v.isNaN, ranges.contains(where: { $0.contains(v) }) {
        userMissing[row] = v
        column[row] = .nan
        changed += 1
      }
    }
    missingRanges += ranges.filter { !missingRanges.contains($0) }
    values = .numeric(column)
    return changed
  }

  /// Whether `v` is a declared user-missing value of this variable.
  public func isMissingCode(_ v: Double) -> Bool {
    missingCodes.contains(v) || missingRanges.contains { $0.contains(v) }
  }
}

/// The values of a variable: numbers (NaN = missing) or dictionary-encoded
/// categories.
public enum ColumnValues: Sendable {
  case numeric(NumericColumn)
  case categorical(CategoricalColumn)

  public var count: Int {
    switch self {
    case .numeric(let c): c.count
    case .categorical(let c): c.count
    }
  }

  public var isCategorical: Bool {
    if case .categorical = self { return true }
    return false
  }

  public func isMissing(_ row: Int) -> Bool {
    switch self {
    case .numeric(let c): c[row].isNaN
    case .categorical(let c): c.codes[row] == CategoricalColumn.missingCode
    }
  }

  /// The cell as display text ("" when missing).
  public func text(at row: Int) -> String {
    switch self {
    case .numeric(let c):
      let v = c[row]
      return v.isNaN ? "" : formatNumber(v)
    case .categorical(let c):
      return c.label(at: row) ?? ""
    }
  }
}

/// Formats a number the shortest way that reads back to the same Double:
/// integers without a decimal point ("3", not "3.0").
public func formatNumber(_ v: Double) -> String {
  if v.isNaN { return "" }
  if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
  return "\(v)"
}

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
  /// The cell of a text variable held a declared user-missing value
  /// (SPSS allows up to three on a string variable).
  case text(String)
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
  /// Declared user-missing values of a text variable, e.g. "NVT".
  public var missingTexts: [String]
  /// The print format from an SPSS or Stata file ("F8.2", "A20", "%9.0g").
  public var format: String?
  /// How the numbers encode dates or times, when they do.
  public var time: TimeEncoding?
  /// Rows whose value is a user-missing code, with that code. The value in
  /// `values` is missing (NaN, or no category) there. Sparse: missing codes
  /// are rare. For a text variable the code is the position of the text in
  /// `missingTexts` (so that moving rows about treats both kinds alike;
  /// `missingText(at:)` reads it).
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
    self.missingTexts = []
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
    if let text = missingText(at: row) { return .text(text) }
    if let code = userMissing[row] { return .code(code) }
    return values.isMissing(row) ? .system : nil
  }

  /// The declared missing text a row of a text variable held, if any.
  public func missingText(at row: Int) -> String? {
    guard isCategorical, let k = userMissing[row], let i = Int(exactly: k), missingTexts.indices.contains(i) else { return nil }
    return missingTexts[i]
  }

  /// What a user-missing code is to a reader: the code (".a" for Stata's
  /// extended missing values), or a text variable's value in quotes.
  public func userMissingText(_ code: Double) -> String {
    guard isCategorical else { return formatCode(code) }
    guard let i = Int(exactly: code), missingTexts.indices.contains(i) else { return "?" }
    return "\"\(missingTexts[i])\""
  }

  /// The value label of a user-missing code (a text variable's: of its
  /// missing text).
  public func userMissingLabel(_ code: Double) -> String? {
    guard isCategorical else { return valueLabels[code] }
    guard let i = Int(exactly: code), missingTexts.indices.contains(i) else { return nil }
    return textLabels[missingTexts[i]]
  }

  /// Declares values of a text variable user-missing: those cells become
  /// missing, each keeping its text as the reason. Returns how many cells
  /// changed.
  @discardableResult
  public mutating func declareMissing(texts: [String]) -> Int {
    guard !texts.isEmpty, case .categorical(let column) = values else { return 0 }
    for t in texts where !missingTexts.contains(t) { missingTexts.append(t) }
    var position: [UInt32: Double] = [:]
    for (k, level) in column.levels.enumerated() {
      if let i = missingTexts.firstIndex(of: level) { position[UInt32(k)] = Double(i) }
    }
    guard !position.isEmpty else { return 0 }
    var changed = 0
    let kept: [String?] = column.codes.enumerated().map { row, code in
      guard let i = position[code] else { return code == CategoricalColumn.missingCode ? nil : column.levels[Int(code)] }
      userMissing[row] = i
      changed += 1
      return nil
    }
    values = .categorical(CategoricalColumn(kept))  // without the levels no row has now
    return changed
  }

  /// The text of a row of a text variable as a file should hold it: the
  /// value, or the declared missing text it held.
  public func fileText(at row: Int) -> String? {
    if let t = missingText(at: row) { return t }
    guard case .categorical(let c) = values else { return nil }
    return c.label(at: row)
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

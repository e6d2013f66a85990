/// What an SPSS, Stata, SAS or Excel file holds, in a form that crosses a pipe
/// from the reading child process: the file's metadata and each variable
/// with its values and metadata, before meting turns it into a `Dataset`.
public struct StatFileContent: Sendable, Equatable {
  public var fileLabel: String?
  public var encoding: String?
  public var rowCount: Int
  public var variables: [StatVariable]
  /// What part of the file was read ("sheet 'data', cells A1:L95").
  public var detail: String?
  /// What the reader did that the analyst should know (a column read as
  /// text, error cells read as missing…).
  public var notes: [String]

  public init(
    fileLabel: String? = nil, encoding: String? = nil, rowCount: Int = 0, variables: [StatVariable] = [],
    detail: String? = nil, notes: [String] = []
  ) {
    self.fileLabel = fileLabel
    self.encoding = encoding
    self.rowCount = rowCount
    self.variables = variables
    self.detail = detail
    self.notes = notes
  }
}

/// One variable of a statistical file. Numbers keep their raw values,
/// user-missing codes included (NaN only for system-missing); strings are
/// dictionary-encoded.
public struct StatVariable: Sendable, Equatable {
  public var name: String
  public var label: String?
  /// The print format as the file states it ("F8.2", "A20", "%9.0g", "DATE11").
  public var format: String?
  public var measure: MeasureLevel?
  public var isString: Bool
  public var numbers: [Double]
  public var levels: [String]
  /// Per row an index into `levels`, or `StatVariable.missingCode`.
  public var codes: [UInt32]
  public var valueLabels: [Double: String]
  /// Labels of string values (SPSS).
  public var textLabels: [String: String]
  /// Declared user-missing values and ranges (SPSS: up to three values,
  /// or a range and one value).
  public var missingValues: [Double]
  public var missingRanges: [ClosedRange<Double>]
  /// Declared user-missing values of a string variable (SPSS).
  public var missingTexts: [String]

  public static let missingCode = UInt32.max

  public init(name: String, isString: Bool) {
    self.name = name
    self.isString = isString
    label = nil
    format = nil
    measure = nil
    numbers = []
    levels = []
    codes = []
    valueLabels = [:]
    textLabels = [:]
    missingValues = []
    missingRanges = []
    missingTexts = []
  }
}

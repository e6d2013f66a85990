/// Turns the content of an SPSS, Stata or SAS file into a `Dataset`:
/// labels, value labels, formats and measure levels carried over;
/// user-missing values and ranges declared, so that those cells are missing
/// with their code as the reason (kept apart from system-missing); empty
/// strings missing, as empty CSV cells are.
public enum StatFileImport {
  /// The dataset of a whole content (tests, and files read in memory).
  public static func dataset(
    _ content: consuming StatFileContent, name: String, path: String, format: StatFileFormat
  ) throws(DataError) -> Dataset {
    var content = content
    var variables: [Variable] = []
    var seen = Set<String>()
    for index in content.variables.indices {
      let s = content.variables[index]
      content.variables[index] = StatVariable(name: s.name, isString: s.isString)
      guard seen.insert(s.name).inserted else { throw .duplicateVariable(s.name) }
      variables.append(try variable(s, rows: content.rowCount, format: format))
    }
    return try dataset(variables, name: name, path: path, label: content.fileLabel, rows: content.rowCount)
  }

  static func dataset(_ variables: [Variable], name: String, path: String, label: String?, rows: Int) throws(DataError) -> Dataset {
    var dataset = variables.isEmpty ? Dataset(name: name, rowCount: rows) : try Dataset(name: name, variables: variables)
    dataset.label = label
    dataset.source = path
    return dataset
  }

  /// One variable in its final form: numbers compacted (small integers to
  /// one byte per cell), user-missing codes declared.
  static func variable(_ s: consuming StatVariable, rows: Int, format: StatFileFormat) throws(DataError) -> Variable {
    let values: ColumnValues
    if s.isString {
      guard s.codes.count == rows else { throw .lengthMismatch(variable: s.name, expected: rows, got: s.codes.count) }
      values = .categorical(CategoricalColumn(codes: s.codes, levels: s.levels))
    } else {
      guard s.numbers.count == rows else { throw .lengthMismatch(variable: s.name, expected: rows, got: s.numbers.count) }
      values = .numeric(NumericColumn(s.numbers))
    }
    s.numbers = []
    s.codes = []
    var v = Variable(name: s.name, values: values, label: s.label, valueLabels: s.valueLabels, measure: s.measure)
    v.format = s.format
    v.textLabels = s.textLabels
    if s.isString { v.declareMissing(texts: s.missingTexts) }
    if !s.isString {
      v.time = TimeEncoding.from(format: s.format, file: format)
      v.declareMissing(s.missingValues)
      v.missingCodes = s.missingValues.sorted()
      v.declareMissing(ranges: s.missingRanges)
    }
    return v
  }
}

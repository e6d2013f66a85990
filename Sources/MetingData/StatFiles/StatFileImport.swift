/// Turns the content of an SPSS, Stata or SAS file into a `Dataset`:
/// labels, value labels, formats and measure levels carried over;
/// user-missing values and ranges declared, so that those cells are missing
/// with their code as the reason (kept apart from system-missing); empty
/// strings missing, as empty CSV cells are.
public enum StatFileImport {
  public static func dataset(
    _ content: StatFileContent, name: String, path: String, format: StatFileFormat
  ) throws(DataError) -> Dataset {
    var variables: [Variable] = []
    var seen = Set<String>()
    for s in content.variables {
      guard seen.insert(s.name).inserted else { throw .duplicateVariable(s.name) }
      let values: ColumnValues
      if s.isString {
        guard s.codes.count == content.rowCount else {
          throw .lengthMismatch(variable: s.name, expected: content.rowCount, got: s.codes.count)
        }
        values = .categorical(CategoricalColumn(codes: s.codes, levels: s.levels))
      } else {
        guard s.numbers.count == content.rowCount else {
          throw .lengthMismatch(variable: s.name, expected: content.rowCount, got: s.numbers.count)
        }
        values = .numeric(NumericColumn(s.numbers))
      }
      var v = Variable(name: s.name, values: values, label: s.label, valueLabels: s.valueLabels, measure: s.measure)
      v.format = s.format
      if !s.isString { v.time = TimeEncoding.from(format: s.format, file: format) }
      if !s.isString {
        v.declareMissing(s.missingValues)
        v.missingCodes = s.missingValues.sorted()
        v.declareMissing(ranges: s.missingRanges)
      }
      variables.append(v)
    }
    var dataset = try Dataset(name: name, variables: variables)
    dataset.label = content.fileLabel
    dataset.source = path
    return dataset
  }
}

/// A rectangular dataset: named variables of equal length, plus file-level
/// metadata. Value type: a failed command works on a copy and never leaves a
/// half-changed dataset behind.
public struct Dataset: Sendable {
  /// A short name for prompts and provenance (the file name without extension).
  public var name: String
  /// Where the data came from, as the user named it.
  public var source: String?
  /// The file label (SPSS file label), e.g. "SYNTHETIC data …".
  public var label: String?
  /// The wide layout a `reshape long` came from (see `ReshapeMemory`).
  public var reshapeMemory: ReshapeMemory?
  public private(set) var variables: [Variable]
  public private(set) var rowCount: Int
  private var positions: [String: Int]

  /// An empty dataset with `rowCount` rows and no variables yet.
  public init(name: String, rowCount: Int = 0) {
    self.name = name
    self.variables = []
    self.rowCount = rowCount
    self.positions = [:]
  }

  /// A dataset of the given variables, which must have distinct names and
  /// equal lengths.
  public init(name: String, variables: [Variable]) throws(DataError) {
    self.init(name: name, rowCount: variables.first?.count ?? 0)
    for v in variables { try add(v) }
  }

  public var variableCount: Int { variables.count }
  public var variableNames: [String] { variables.map(\.name) }

  /// The position of the variable called `name` (exact match).
  public func position(of name: String) -> Int? { positions[name] }

  public subscript(name: String) -> Variable? {
    positions[name].map { variables[$0] }
  }

  public subscript(position: Int) -> Variable { variables[position] }

  /// Adds a variable at the end.
  /// - Throws: `DataError.duplicateVariable` or `.lengthMismatch`.
  public mutating func add(_ variable: Variable) throws(DataError) {
    guard positions[variable.name] == nil else {
      throw .duplicateVariable(variable.name)
    }
    if variables.isEmpty && rowCount == 0 { rowCount = variable.count }
    guard variable.count == rowCount else {
      throw .lengthMismatch(variable: variable.name, expected: rowCount, got: variable.count)
    }
    positions[variable.name] = variables.count
    variables.append(variable)
  }

  /// Replaces the variable with the same name, or adds it.
  public mutating func set(_ variable: Variable) throws(DataError) {
    guard let p = positions[variable.name] else { return try add(variable) }
    guard variable.count == rowCount else {
      throw .lengthMismatch(variable: variable.name, expected: rowCount, got: variable.count)
    }
    variables[p] = variable
  }

  /// Changes a variable in place through `body`.
  public mutating func modify<R>(_ name: String, _ body: (inout Variable) throws -> R) rethrows
    -> R?
  {
    guard let p = positions[name] else { return nil }
    return try body(&variables[p])
  }
}

extension Dataset {
  /// The bytes the values take in memory: one per cell of a small-integer
  /// column, eight of a Double, four (the code) of a text column plus its
  /// distinct texts. What the benchmark compares peak memory with.
  public var memoryBytes: Int {
    variables.reduce(0) { total, v in
      switch v.values {
      case .numeric(let c): total + c.count * (c.isCompact ? 1 : 8)
      case .categorical(let c): total + c.codes.count * 4 + c.levels.reduce(0) { $0 + $1.utf8.count + 16 }
      }
    }
  }
}

extension Dataset {
  /// Renames a variable, keeping its place and metadata.
  /// - Throws: `.duplicateVariable` when `new` exists.
  public mutating func rename(_ old: String, to new: String) throws(DataError) {
    guard let p = positions[old] else { return }
    guard old == new || positions[new] == nil else { throw .duplicateVariable(new) }
    variables[p].name = new
    positions[old] = nil
    positions[new] = p
  }

  /// Keeps only the named variables, in their current order.
  public mutating func keep(_ names: Set<String>) {
    variables = variables.filter { names.contains($0.name) }
    reindex()
  }

  /// Moves the named variables to the front, in the order given.
  public mutating func moveToFront(_ names: [String]) {
    let front = names.compactMap { positions[$0].map { variables[$0] } }
    let set = Set(names)
    variables = front + variables.filter { !set.contains($0.name) }
    reindex()
  }

  private mutating func reindex() {
    positions = Dictionary(uniqueKeysWithValues: variables.enumerated().map { ($1.name, $0) })
  }
}

extension Dataset {
  /// "188 rows, 54 variables" ("1 row, 1 variable").
  public var size: String {
    "\(rowCount) row\(rowCount == 1 ? "" : "s"), \(variableCount) variable\(variableCount == 1 ? "" : "s")"
  }
}

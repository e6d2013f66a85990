/// The result of one command, as values: titled tables of typed cells,
/// messages and where the numbers came from. Renderers turn a report into
/// text, Markdown, CSV or JSON; nothing here knows how.
public struct Report: Sendable {
  /// The command as typed (JSON `command`).
  public var command: String
  public var blocks: [Block]
  public var provenance: Provenance?

  public init(command: String, blocks: [Block] = [], provenance: Provenance? = nil) {
    self.command = command
    self.blocks = blocks
    self.provenance = provenance
  }

  public var tables: [Table] {
    blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
  }

  public var isEmpty: Bool { blocks.isEmpty }
}

public enum Block: Sendable {
  case table(Table)
  /// A paragraph: help text, a confirmation ("filter set: 26 of 188 rows").
  case text(String)
  /// Something the user should notice but that did not stop the command.
  case warning(String)
}

/// What a cell holds, which decides how each renderer formats it: the text
/// renderer rounds by role, JSON and CSV keep full precision.
public enum Role: String, Sendable {
  /// Identifies the row (variable name, category); left-aligned text.
  case label
  /// The value of a `by` group; JSON puts it under "by".
  case group
  case count
  /// A statistic or estimate (mean, t, d): `digits` decimals.
  case statistic
  case pValue
  case percent
  /// Degrees of freedom: whole numbers as such, else two decimals.
  case df
  /// A data value as stored (list): shortest exact form.
  case value
}

/// One cell.
public enum Cell: Sendable, Equatable {
  case text(String)
  case number(Double)
  /// No value; `reason` is shown in text when given (".", "n < 2", ".9").
  case missing(String?)

  public static let empty = Cell.missing(nil)
}

public struct Column: Sendable {
  public var header: String
  /// The stable JSON key (design.md): n, mean, sd, t, df, p, ci_low …
  public var key: String
  public var role: Role
  /// Left out of text and Markdown, where the title already says it (JSON
  /// and CSV keep it).
  public var hiddenInText: Bool
  /// The lower or upper limit of an interval: text and Markdown show the
  /// pair as one "[low, high]" column headed by the lower one's header.
  public var interval: IntervalPart?

  public enum IntervalPart: Sendable { case lower, upper }

  public init(_ header: String, key: String, role: Role, hiddenInText: Bool = false, interval: IntervalPart? = nil) {
    self.header = header
    self.key = key
    self.role = role
    self.hiddenInText = hiddenInText
    self.interval = interval
  }

  /// The lower limit of an interval column pair, e.g. `.lower("95% CI", key: "ci_low")`.
  public static func lower(_ header: String, key: String, role: Role = .statistic) -> Column {
    Column(header, key: key, role: role, interval: .lower)
  }

  public static func upper(_ header: String, key: String, role: Role = .statistic) -> Column {
    Column(header, key: key, role: role, interval: .upper)
  }
}

/// A titled table. JSON renders it either as one object per row (each a
/// result, e.g. one t-test per group) or as one object with its rows
/// (e.g. a frequency table).
public struct Table: Sendable {
  public enum JSONShape: Sendable {
    case objectPerRow
    case oneObject
  }

  public var title: String
  /// The JSON `kind`, e.g. "paired_t", "frequencies".
  public var kind: String
  /// The variant in words (JSON `method`), e.g. "Paired t-test, two-sided".
  public var method: String?
  public var columns: [Column]
  public var rows: [[Cell]]
  /// Footnotes: how to read the table, what was left out.
  public var notes: [String]
  public var shape: JSONShape
  /// Extra fields for JSON objects (e.g. "variable": "sic").
  public var fields: [(key: String, value: Cell)]

  public init(
    title: String, kind: String, method: String? = nil, columns: [Column], rows: [[Cell]] = [],
    notes: [String] = [], shape: JSONShape = .objectPerRow, fields: [(key: String, value: Cell)] = []
  ) {
    self.title = title
    self.kind = kind
    self.method = method
    self.columns = columns
    self.rows = rows
    self.notes = notes
    self.shape = shape
    self.fields = fields
  }
}

/// A table as the text renderers show it: headers and formatted cells,
/// hidden columns left out, interval pairs joined into "[low, high]".
struct TextTable {
  var headers: [String]
  var rows: [[String]]
  /// Right-aligned (numbers) or not (labels).
  var numeric: [Bool]
  var roles: [Role]

  init(_ table: Table, numbers: NumberFormat) {
    let t = table.visibleInText
    headers = []
    numeric = []
    roles = []
    var plan: [(Int, Int?)] = []  // column, and its upper partner
    var i = 0
    while i < t.columns.count {
      let c = t.columns[i]
      if c.interval == .lower, i + 1 < t.columns.count, t.columns[i + 1].interval == .upper {
        plan.append((i, i + 1))
        i += 2
      } else {
        plan.append((i, nil))
        i += 1
      }
    }
    for (c, _) in plan {
      headers.append(t.columns[c].header)
      numeric.append(t.columns[c].role != .label && t.columns[c].role != .group)
      roles.append(t.columns[c].role)
    }
    rows = t.rows.map { row in
      plan.map { c, partner in
        let role = t.columns[c].role
        let cell = c < row.count ? row[c] : .empty
        guard let partner else { return numbers.text(cell, role: role).escapingControls }
        let upper = partner < row.count ? row[partner] : .empty
        if case .missing = cell, case .missing = upper { return numbers.text(cell, role: role) }
        return "[" + numbers.text(cell, role: role) + ", " + numbers.text(upper, role: role) + "]"
      }
    }
  }
}

extension Table {
  /// The table without its `hiddenInText` columns.
  public var visibleInText: Table {
    let keep = columns.indices.filter { !columns[$0].hiddenInText }
    guard keep.count < columns.count else { return self }
    var t = self
    t.columns = keep.map { columns[$0] }
    t.rows = rows.map { row in keep.compactMap { $0 < row.count ? row[$0] : nil } }
    return t
  }
}

/// Where a result's numbers came from: the dataset, the filter, how many
/// rows were used and how many were dropped, and why.
public struct Provenance: Sendable {
  public var dataset: String
  public var filter: String?
  public var condition: String?
  public var rowsInData: Int
  public var rowsSelected: Int
  /// Observations (rows, or pairs) the analysis used.
  public var used: Int?
  /// What the used count counts ("rows", "pairs", "firms").
  public var unit: String
  public var dropped: [(reason: String, count: Int)]

  public init(
    dataset: String, filter: String?, condition: String?, rowsInData: Int, rowsSelected: Int,
    used: Int? = nil, unit: String = "rows", dropped: [(reason: String, count: Int)] = []
  ) {
    self.dataset = dataset
    self.filter = filter
    self.condition = condition
    self.rowsInData = rowsInData
    self.rowsSelected = rowsSelected
    self.used = used
    self.unit = unit
    self.dropped = dropped
  }

  /// One line: "firms_long · filter category == management · 26 of 188 rows · 13 pairs used · 0 dropped".
  public var line: String {
    var parts = [dataset]
    if let filter { parts.append("filter \(filter)") }
    if let condition { parts.append("where \(condition)") }
    parts.append(
      rowsSelected == rowsInData ? "all \(rowsInData) rows" : "\(rowsSelected) of \(rowsInData) rows")
    if let used { parts.append(Provenance.counted(used, unit) + " used") }
    let drops = dropped.filter { $0.count > 0 }
    if used != nil {
      parts.append(
        drops.isEmpty
          ? "none dropped"
          : "dropped: " + drops.map { Provenance.counted($0.count, $0.reason) }.joined(separator: ", "))
    }
    return parts.joined(separator: " · ")
  }

  /// "3 pairs missing sic", "1 pair missing sic": the reasons (and JSON
  /// keys) are phrased in the plural; one of them reads in the singular.
  static func counted(_ count: Int, _ phrase: String) -> String {
    guard count == 1 else { return "\(count) \(phrase)" }
    let words = phrase.split(separator: " ", maxSplits: 1)
    guard let noun = words.first, ["rows", "pairs", "units", "values", "firms"].contains(String(noun)) else {
      return "1 \(phrase)"
    }
    return "1 " + ([String(noun.dropLast())] + words.dropFirst().map(String.init)).joined(separator: " ")
  }
}

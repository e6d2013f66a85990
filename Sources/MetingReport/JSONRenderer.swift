/// Renders a report as JSON Lines: one object per result, one per line.
///
/// Every object has `schema_version`, `command` (as typed), `kind` and,
/// for analyses, `method` (the variant in words); then the statistics
/// under the stable keys of the table's columns, full precision, and a
/// `by` object naming the subgroup. Non-finite numbers (a one-sided
/// interval's infinite end) are `null`. Messages are objects of kind
/// "message" or "warning", so every line is JSON.
public struct JSONRenderer: Sendable {
  public static let schemaVersion = 1

  public init() {}

  public func render(_ report: Report) -> String {
    var lines: [String] = []
    for block in report.blocks {
      switch block {
      case .text(let s):
        lines.append(object(report, [("kind", .string("message")), ("text", .string(s))]))
      case .warning(let s):
        lines.append(object(report, [("kind", .string("warning")), ("text", .string(s))]))
      case .table(let t):
        lines.append(contentsOf: table(t, report))
      }
    }
    return lines.joined(separator: "\n")
  }

  private indirect enum Value {
    case string(String)
    case number(Double)
    case null
    case object([(String, Value)])
    case array([Value])
  }

  private func table(_ t: Table, _ report: Report) -> [String] {
    var head: [(String, Value)] = [("kind", .string(t.kind))]
    if let m = t.method { head.append(("method", .string(m))) }
    head += t.fields.map { ($0.key, value($0.value)) }
    func fields(_ row: [Cell]) -> [(String, Value)] {
      var by: [(String, Value)] = []
      var out: [(String, Value)] = []
      for (i, column) in t.columns.enumerated() where i < row.count {
        if column.role == .group { by.append((column.key, value(row[i]))) } else { out.append((column.key, value(row[i]))) }
      }
      return by.isEmpty ? out : [("by", .object(by))] + out
    }
    switch t.shape {
    case .objectPerRow:
      return t.rows.map { object(report, head + fields($0)) }
    case .oneObject:
      return [object(report, head + [("rows", .array(t.rows.map { .object(fields($0)) }))])]
    }
  }

  private func value(_ c: Cell) -> Value {
    switch c {
    case .text(let s): .string(s)
    case .number(let v): v.isFinite ? .number(v) : .null
    case .missing: .null
    }
  }

  private func object(_ report: Report, _ fields: [(String, Value)]) -> String {
    var all: [(String, Value)] = [
      ("schema_version", .number(Double(JSONRenderer.schemaVersion))), ("command", .string(report.command)),
    ]
    all += fields
    if let p = report.provenance {
      var prov: [(String, Value)] = [("dataset", .string(p.dataset))]
      prov.append(("filter", p.filter.map(Value.string) ?? .null))
      prov.append(("where", p.condition.map(Value.string) ?? .null))
      prov.append(("rows_in_data", .number(Double(p.rowsInData))))
      prov.append(("rows_selected", .number(Double(p.rowsSelected))))
      if let used = p.used { prov.append(("used", .number(Double(used)))) }
      prov.append(("unit", .string(p.unit)))
      prov.append(("dropped", .object(p.dropped.map { ($0.reason, .number(Double($0.count))) })))
      all.append(("provenance", .object(prov)))
    }
    return encode(.object(all))
  }

  private func encode(_ v: Value) -> String {
    switch v {
    case .string(let s): return JSONRenderer.quote(s)
    case .number(let d):
      if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
      return "\(d)"
    case .null: return "null"
    case .array(let a): return "[" + a.map(encode).joined(separator: ",") + "]"
    case .object(let o):
      return "{" + o.map { JSONRenderer.quote($0.0) + ":" + encode($0.1) }.joined(separator: ",") + "}"
    }
  }

  static func quote(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if u.value < 0x20 {
          let hex = String(u.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out + "\""
  }
}

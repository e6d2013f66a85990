import MetingData
import MetingReport

/// The values of a variable in a selection as small integer codes: 0, 1, …
/// in sorted order (categories in level order, numbers ascending), −1 for
/// missing. Grouping, pairing and two-group tests work on these codes, so
/// a million rows are grouped without hashing a String or a Double per row.
struct GroupCodes {
  /// One code per selected row, in selection order.
  let codes: [Int32]
  /// The label of each code (value labels for labelled numbers).
  let labels: [String]

  init(_ v: Variable, rows: RowSelection) {
    switch v.values {
    case .categorical(let c):
      // Only the levels present in the selection, renumbered densely.
      var present = [Int32](repeating: -1, count: c.levels.count)
      for r in rows where c.codes[r] != CategoricalColumn.missingCode { present[Int(c.codes[r])] = 0 }
      var labels: [String] = []
      for (code, seen) in present.enumerated() where seen == 0 {
        present[code] = Int32(labels.count)
        labels.append(c.levels[code])
      }
      self.labels = labels
      codes = rows.map { r in
        let code = c.codes[r]
        return code == CategoricalColumn.missingCode ? -1 : present[Int(code)]
      }
    case .numeric(let column):
      let values = column.gather(rows)
      // Few distinct values (the usual grouping variable) are found by a
      // linear search; many by a dictionary.
      var distinct: [Double] = []
      var lookup: [Double: Int32]? = nil
      var raw = [Int32](repeating: -1, count: values.count)
      for (i, x) in values.enumerated() where !x.isNaN {
        if let table = lookup {
          if let k = table[x] { raw[i] = k } else {
            lookup?[x] = Int32(distinct.count)
            raw[i] = Int32(distinct.count)
            distinct.append(x)
          }
          continue
        }
        if let k = distinct.firstIndex(of: x) {
          raw[i] = Int32(k)
        } else {
          raw[i] = Int32(distinct.count)
          distinct.append(x)
          if distinct.count > 32 {
            lookup = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, Int32($0)) })
          }
        }
      }
      let order = distinct.indices.sorted { distinct[$0] < distinct[$1] }
      var rank = [Int32](repeating: 0, count: distinct.count)
      for (r, k) in order.enumerated() { rank[k] = Int32(r) }
      codes = raw.map { $0 < 0 ? -1 : rank[Int($0)] }
      labels = order.map { v.valueLabels[distinct[$0]] ?? NumberFormat.shortest(distinct[$0]) }
    }
  }

  var count: Int { labels.count }
}

import MetingData
import MetingLanguage
import MetingReport

/// `filter COND` and `filter off`: the rows every later command uses.
enum FilterCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .expression(let e) = inv.command.arguments else { return inv.report([]) }
    if case .name(let n) = e, n.text == "off" {
      let data = try inv.dataset()
      let had = inv.state.filter != nil
      inv.state.filter = nil
      return inv.report([.text(had ? "filter off: all \(data.rowCount) rows" : "no filter was set: all \(data.rowCount) rows")])
    }
    let data = try inv.dataset()
    let rows = try Evaluator(dataset: data).select(e, within: .all(data.rowCount))
    let text = inv.source.displayText(e.range)
    inv.state.filter = ActiveFilter(text: text, expression: e, rows: rows)
    var blocks: [Block] = [.text("filter \(text): \(rows.count) of \(data.rowCount) rows")]
    if rows.isEmpty {
      blocks.append(.warning("the filter matches no rows: later commands have no data ('filter off' clears it)"))
    }
    return inv.report(blocks)
  }
}

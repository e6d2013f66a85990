import MetingData
import MetingLanguage
import MetingReport

/// `merge 1:1 KEY using FILE` and `append using FILE`.
enum CombineCommands {
  static func merge(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .words(let words) = inv.command.arguments else { return inv.report([]) }
    guard words.count == 4, words[0].text == "1:1", words[2].text == "using" else {
      throw LanguageDiagnostics.invalid(
        "merge 1:1 KEY using FILE", range: words.first?.range ?? inv.command.range, category: .syntax,
        help: ["only one-to-one merges: each key once in each file"])
    }
    let data = try inv.dataset()
    let key = try inv.variables([.name(words[1])])[0].name
    let other = try LoadCommand.readAny(path: ScriptFile.expand(words[3].text), range: words[3].range)
    let (merged, counts): (Dataset, Dataset.MergeCounts)
    do {
      (merged, counts) = try data.merged(with: other, key: key)
    } catch {
      throw LanguageDiagnostics.dataFile(error).at(words[3].range)
    }
    inv.state.dataset = merged
    inv.state.filter = nil
    let added = merged.variableCount - data.variableCount - 1
    return inv.report([
      .text(
        "merged \(words[3].text) on \(key): \(counts.matched) matched, \(counts.masterOnly) only in \(data.name), \(counts.usingOnly) only in \(other.name); \(added) variable\(added == 1 ? "" : "s") added, and _merge (1 here only, 2 there only, 3 both); the filter is cleared")
    ])
  }

  static func append(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .words(let words) = inv.command.arguments else { return inv.report([]) }
    guard words.count == 2, words[0].text == "using" else {
      throw LanguageDiagnostics.invalid("append using FILE", range: words.first?.range ?? inv.command.range, category: .syntax)
    }
    let data = try inv.dataset()
    let other = try LoadCommand.readAny(path: ScriptFile.expand(words[1].text), range: words[1].range)
    let combined: Dataset
    do {
      combined = try data.appending(other)
    } catch {
      throw LanguageDiagnostics.dataFile(error).at(words[1].range)
    }
    inv.state.dataset = combined
    inv.state.filter = nil
    let fresh = combined.variableCount - data.variableCount
    return inv.report([
      .text("appended \(other.rowCount) rows of \(words[1].text): \(combined.rowCount) rows\(fresh > 0 ? ", \(fresh) new variable\(fresh == 1 ? "" : "s")" : ""); the filter is cleared")
    ])
  }
}

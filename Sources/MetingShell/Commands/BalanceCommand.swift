import MetingData
import MetingLanguage
import MetingReport
import MetingStats

/// `balance VARS, group(G) [reference(LEVEL) pre(PRE) post(POST)]`: the
/// standardized mean differences of baseline variables between each group
/// and the reference, flagged at 0.1 and 0.25; with pre() and post(), the
/// change against the baseline in each group (regression to the mean).
enum BalanceCommand {
  static func run(_ inv: inout Invocation) throws(Diagnostic) -> Report {
    guard case .variables(let items) = inv.command.arguments else { return inv.report([]) }
    guard let groupOption = inv.command.option("group") else {
      throw LanguageDiagnostics.missingArgument("group(G): treated vs control", command: "balance", range: inv.command.range)
    }
    let data = try inv.dataset()
    let groupVariable = data[try inv.variables([.name(try groupOption.variable())])[0].name]!
    let variables = try inv.variables(items).map { data[$0.name]! }
    let rows = try inv.rows()
    let codes = GroupCodes(groupVariable, rows: rows)
    guard codes.count >= 2 else {
      throw LanguageDiagnostics.invalid(
        "'\(groupVariable.name)' has \(codes.count) value here; balance compares two or more groups", range: groupOption.range, category: .data)
    }
    let chosen = try inv.referenceLevel(in: codes.labels, of: groupVariable.name)
    let reference = chosen ?? 0
    if chosen == nil, codes.count > 2 {
      throw LanguageDiagnostics.invalid(
        "'\(groupVariable.name)' has \(codes.count) values; name the comparison group with reference(…)", range: groupOption.range,
        category: .data, help: ["e.g. reference(\(codes.labels[0]))"])
    }
    let compared = (0..<codes.count).filter { $0 != reference }
    let members = (0..<codes.count).map { g in (0..<rows.count).filter { codes.codes[$0] == Int32(g) } }
    let format = NumberFormat(digits: inv.state.settings.digits)

    var body: [[Cell]] = []
    var flagged: [String] = []
    func flag(_ smd: Double?) -> Cell {
      guard let smd else { return .empty }
      return .text(abs(smd) > 0.25 ? "> 0.25" : abs(smd) > 0.1 ? "> 0.1" : "")
    }
    for g in compared {
      let comparison = "\(codes.labels[g]) vs \(codes.labels[reference])"
      for v in variables {
        switch v.values {
        case .numeric(let column):
          let all = rows.map { column[$0] }
          let t = members[g].map { all[$0] }.filter { !$0.isNaN }
          let c = members[reference].map { all[$0] }.filter { !$0.isNaN }
          let binary = (t + c).allSatisfy { $0 == 0 || $0 == 1 } && !(t + c).isEmpty
          if binary {
            let (pt, pc) = (Summation.mean(t), Summation.mean(c))
            let smd = Balance.proportionSMD(treated: pt, control: pc)
            body.append([.text(comparison), .text(v.name), .text("proportion"), .number(pt), .number(pc), .empty, .empty,
                         smd.map(Cell.number) ?? .missing("—"), flag(smd)])
            if let smd, abs(smd) > 0.1 { flagged.append("\(v.name) (\(format.text(smd, role: .statistic)))") }
          } else {
            let smd = try? Balance.smd(treated: t, control: c)
            let (mt, mc) = (SampleMoments(t), SampleMoments(c))
            body.append([
              .text(comparison), .text(v.name), .text("mean"), mt.meanValue.map(Cell.number) ?? .empty,
              mc.meanValue.map(Cell.number) ?? .empty, mt.sd.map(Cell.number) ?? .empty, mc.sd.map(Cell.number) ?? .empty,
              smd.map(Cell.number) ?? .missing("—"), flag(smd),
            ])
            if let smd, abs(smd) > 0.1 { flagged.append("\(v.name) (\(format.text(smd, role: .statistic)))") }
          }
        case .categorical:
          let levels = GroupCodes(v, rows: rows)
          let valid = { (list: [Int]) in list.filter { levels.codes[$0] >= 0 } }
          let (t, c) = (valid(members[g]), valid(members[reference]))
          guard !t.isEmpty, !c.isEmpty else { continue }
          for (k, label) in levels.labels.enumerated() {
            let pt = Double(t.filter { levels.codes[$0] == Int32(k) }.count) / Double(t.count)
            let pc = Double(c.filter { levels.codes[$0] == Int32(k) }.count) / Double(c.count)
            let smd = Balance.proportionSMD(treated: pt, control: pc)
            body.append([.text(comparison), .text("\(v.name) = \(label)"), .text("proportion"), .number(pt), .number(pc), .empty,
                         .empty, smd.map(Cell.number) ?? .missing("—"), flag(smd)])
            if let smd, abs(smd) > 0.1 { flagged.append("\(v.name) = \(label) (\(format.text(smd, role: .statistic)))") }
          }
        }
      }
    }
    let groupWord = codes.count == 2 ? "\(codes.labels[compared[0]]) vs \(codes.labels[reference])" : "each group vs \(codes.labels[reference])"
    var blocks: [Block] = [
      .table(Table(
        title: "Baseline balance · \(groupVariable.name) \(groupWord)", kind: "balance",
        columns: [
          Column("comparison", key: "comparison", role: .label, hiddenInText: codes.count == 2),
          Column("variable", key: "variable", role: .label), Column("", key: "statistic", role: .label),
          Column(codes.count == 2 ? codes.labels[compared[0]] : "group", key: "treated", role: .statistic),
          Column(codes.labels[reference], key: "control", role: .statistic),
          Column("sd", key: "sd_treated", role: .statistic), Column("sd ref.", key: "sd_control", role: .statistic),
          Column("SMD", key: "smd", role: .statistic), Column("flag", key: "flag", role: .label),
        ],
        rows: body,
        notes: [
          "SMD = (mean − mean of \(codes.labels[reference])) / √((sd² + sd ref.²)/2); proportions: p(1 − p) as the variance (Austin 2009, cobalt). |SMD| > 0.1: imbalance; > 0.25: too large for regression adjustment to remove (Stuart 2010)."
        ] + (flagged.isEmpty ? ["No variable differs by more than 0.1 SD."] : ["Imbalanced: " + flagged.joined(separator: ", ") + "."]),
        fields: [("group_variable", .text(groupVariable.name)), ("reference", .text(codes.labels[reference]))]))
    ]

    // Regression to the mean: change against baseline in each group.
    if let preOption = inv.command.option("pre"), let postOption = inv.command.option("post") {
      let pre = try inv.numbers(try inv.variables([.name(try preOption.variable())], kind: .numeric)[0].name, rows)
      let postName = try inv.variables([.name(try postOption.variable())], kind: .numeric)[0].name
      let post = try inv.numbers(postName, rows)
      var rtm: [[Cell]] = []
      for (g, label) in codes.labels.enumerated() {
        let pairs = members[g].filter { !pre[$0].isNaN && !post[$0].isNaN }
        let x = pairs.map { pre[$0] }
        let y = pairs.map { post[$0] }
        let result = try? Balance.changeOnBaseline(pre: x, post: y)
        rtm.append([
          .text(label), .number(Double(pairs.count)), x.isEmpty ? .empty : .number(Summation.mean(x)),
          result.map { .number($0.meanChange) } ?? .empty, result.map { .number($0.r) } ?? .missing("—"),
          result.map { .number($0.slope) } ?? .missing("—"),
        ])
      }
      blocks.append(.table(Table(
        title: "Change against baseline (regression to the mean)", kind: "regression_to_the_mean",
        columns: [
          Column(groupVariable.name, key: "group", role: .label), Column("n", key: "n", role: .count),
          Column("mean pre", key: "pre_mean", role: .statistic), Column("mean change", key: "change_mean", role: .statistic),
          Column("r(pre, change)", key: "r", role: .statistic), Column("slope", key: "slope", role: .statistic),
        ],
        rows: rtm,
        notes: [
          "Where r(pre, change) < 0 the units that started low gained most, with or without the programme: regression to the mean. A group chosen for a low pretest then gains by that alone, which the DiD counts as effect and the ANCOVA does not."
        ])))
    }
    return inv.report(blocks, provenance: inv.provenance(selected: rows))
  }
}

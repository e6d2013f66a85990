import MetingData

/// The example study as datasets: long (one row per firm and wave) and
/// wide (one row per firm, `_pre`/`_post` suffixes), with the user-missing
/// codes declared as the setup script declares them.
extension ExampleStudy {
  /// Variables measured at both waves, in order.
  static var repeatedItems: [String] {
    StudyDesign.sicItems + StudyDesign.qualItems + StudyDesign.quantItems + ["prod"]
  }
  /// Scale scores computed from the items of each wave.
  static let repeatedScales = ["so", "pm", "fw", "sl", "sic", "qual", "quant"]
  static let postOnly = ["prod_pct"] + StudyDesign.goalItems + ["attr", "goal"]

  /// Variables that get item codes 7/8/9 and numeric codes −97/−98/−99.
  public static var itemVariables: [String] { repeatedItems + StudyDesign.goalItems + ["attr"] }
  public static let numericVariables = ["fte", "prod_pct"]

  /// One row per firm and wave (188 rows).
  public func long() -> Dataset {
    var table = ColumnTable()
    for (f, firm) in firms.enumerated() {
      for w in 0..<2 {
        _ = f
        addFirmAttributes(firm, to: &table)
        table.number("wave", Double(w))
        table.text("date", firm.waves[w].day)
        table.text("respondent_role", StudyDesign.roles[firm.waves[w].role])
        table.number("same_respondent", firm.sameRespondent ? 1 : 0)
        for (name, value) in zip(ExampleStudy.repeatedItems, firm.waves[w].items) { table.number(name, value) }
        table.number("prod_pct", w == 1 ? firm.prodPct : .nan)
        for (name, value) in zip(StudyDesign.goalItems, firm.goal) { table.number(name, w == 1 ? value : .nan) }
        table.number("attr", w == 1 ? firm.attr : .nan)
        let scales = scaleScores(firm, wave: w)
        for name in ExampleStudy.repeatedScales { table.number(name, scales[name] ?? .nan) }
        table.number("goal", w == 1 ? (Scales.mean(firm.goal, minimum: 2) ?? .nan) : .nan)
      }
    }
    return table.dataset(
      name: "firms_long",
      order: ["firm_id", "wave"] + ExampleStudy.attributeNames + ["date", "respondent_role", "same_respondent"]
        + ExampleStudy.repeatedItems + ExampleStudy.postOnly.filter { $0 != "goal" } + ExampleStudy.repeatedScales
        + ["goal"],
      label: comment)
  }

  /// One row per firm (94 rows); repeated variables get `_pre`/`_post`.
  public func wide() -> Dataset {
    var table = ColumnTable()
    var order = ["firm_id"] + ExampleStudy.attributeNames + ["same_respondent"]
    for suffix in ["_pre", "_post"] {
      order += ["date", "respondent_role"].map { $0 + suffix }
      order += ExampleStudy.repeatedItems.map { $0 + suffix }
      order += ExampleStudy.repeatedScales.map { $0 + suffix }
    }
    order += ExampleStudy.postOnly.map { $0 + "_post" }
    for firm in firms {
      addFirmAttributes(firm, to: &table)
      table.number("same_respondent", firm.sameRespondent ? 1 : 0)
      for (w, suffix) in ["_pre", "_post"].enumerated() {
        table.text("date" + suffix, firm.waves[w].day)
        table.text("respondent_role" + suffix, StudyDesign.roles[firm.waves[w].role])
        for (name, value) in zip(ExampleStudy.repeatedItems, firm.waves[w].items) { table.number(name + suffix, value) }
        let scales = scaleScores(firm, wave: w)
        for name in ExampleStudy.repeatedScales { table.number(name + suffix, scales[name] ?? .nan) }
      }
      table.number("prod_pct_post", firm.prodPct)
      for (name, value) in zip(StudyDesign.goalItems, firm.goal) { table.number(name + "_post", value) }
      table.number("attr_post", firm.attr)
      table.number("goal_post", Scales.mean(firm.goal, minimum: 2) ?? .nan)
    }
    return table.dataset(name: "firms_wide", order: order, label: comment, suffixes: ["_pre", "_post"])
  }

  static let attributeNames = [
    "treated", "category", "subtype", "size_class", "fte", "sector", "region", "bureau", "adviser",
    "support_talk", "support_workshop", "support_training", "support_network", "support_voucher",
    "adviser_hours",
  ]

  private func addFirmAttributes(_ firm: Firm, to table: inout ColumnTable) {
    table.text("firm_id", firm.id)
    table.number("treated", firm.treated ? 1 : 0)
    table.text("category", firm.category.map { StudyDesign.categories[$0].code } ?? "none")
    table.text("subtype", firm.category.flatMap { c in firm.subtype.map { StudyDesign.subtypes[c][$0] } })
    table.text("size_class", StudyDesign.sizeClasses[firm.sizeClass].label)
    table.number("fte", firm.fte)
    table.text("sector", StudyDesign.sectors[firm.sector].label)
    table.text("region", StudyDesign.regions[firm.region])
    table.text("bureau", StudyDesign.bureaus[firm.bureau])
    table.text("adviser", StudyDesign.bureaus[firm.bureau] + String(firm.adviser % 4 + 1))
    for (name, v) in zip(["support_talk", "support_workshop", "support_training", "support_network", "support_voucher"], firm.support) {
      table.number(name, v)
    }
    table.number("adviser_hours", firm.adviserHours)
  }

  private func scaleScores(_ firm: Firm, wave w: Int) -> [String: Double] {
    let items = firm.waves[w].items
    var out: [String: Double] = [:]
    let subscales = Scales.subscales(Array(items[0..<12]))
    for (k, s) in StudyDesign.subscales.enumerated() { out[s.name] = subscales[k] }
    out["sic"] = Scales.sic(Array(items[0..<12]))
    out["qual"] = Scales.mean(Array(items[12..<16]), minimum: 3)
    out["quant"] = Scales.mean(Array(items[16..<20]), minimum: 3)
    return out
  }
}

/// Collects named columns row by row, then builds a dataset in a given
/// variable order with the study's missing codes, value labels and
/// variable labels declared (they travel in the .sav files; the CSV files
/// carry values only, and setup.met declares their missing codes).
struct ColumnTable {
  static let likertLabels: [Double: String] = [
    1: "strongly disagree", 2: "disagree", 3: "neither", 4: "agree", 5: "strongly agree",
    7: "not applicable", 8: "don't know", 9: "no answer",
  ]
  static let labels: [String: String] = {
    var l: [String: String] = [
      "firm_id": "Firm", "wave": "Measurement wave", "treated": "Received an intervention",
      "category": "Intervention category", "subtype": "Intervention subtype", "size_class": "Size class (employees)",
      "fte": "Employees (FTE)", "sector": "Sector", "region": "Region", "sic": "Social innovation capacity (mean of subscales)",
      "qual": "Qualitative performance", "quant": "Quantitative performance", "prod": "Labour productivity (self-rated)",
      "prod_pct": "Productivity change (%)",
    ]
    for s in StudyDesign.subscales { l[s.name] = s.label.prefix(1).uppercased() + s.label.dropFirst() }
    return l
  }()

  var numbers: [String: [Double]] = [:]
  var texts: [String: [String?]] = [:]

  mutating func number(_ name: String, _ v: Double) { numbers[name, default: []].append(v) }
  mutating func text(_ name: String, _ v: String?) { texts[name, default: []].append(v) }

  func dataset(name: String, order: [String], label: String, suffixes: [String] = [""]) -> Dataset {
    var d = Dataset(name: name)
    d.label = label
    let itemCodes = Set(ExampleStudy.itemVariables.flatMap { v in suffixes.map { v + $0 } })
    // Firm-level fields (fte) keep their name in the wide file too.
    let numericCodes = Set(ExampleStudy.numericVariables.flatMap { v in [v] + suffixes.map { v + $0 } })
    for variable in order {
      var v: Variable
      if let values = numbers[variable] {
        v = Variable(name: variable, values: .numeric(NumericColumn(values)))
        if itemCodes.contains(variable) {
          v.declareMissing(StudyDesign.itemMissingCodes)
          v.valueLabels = ColumnTable.likertLabels
          v.measure = .ordinal
        }
        if numericCodes.contains(variable) {
          v.declareMissing(StudyDesign.numericMissingCodes)
          v.valueLabels = [-97: "not applicable", -98: "don't know", -99: "no answer"]
        }
        let base = suffixes.reduce(variable) { name, suffix in
          !suffix.isEmpty && name.hasSuffix(suffix) ? String(name.dropLast(suffix.count)) : name
        }
        switch base {
        case "treated":
          v.valueLabels = [0: "control", 1: "treated"]
          v.measure = .nominal
        case "wave":
          v.valueLabels = [0: "pretest (2011)", 1: "posttest (2012)"]
          v.measure = .nominal
        default: break
        }
        v.label = ColumnTable.labels[base].map { $0 + (base == variable ? "" : variable.hasSuffix("_pre") ? " (pretest)" : " (posttest)") }
      } else if let values = texts[variable] {
        v = Variable(name: variable, values: .categorical(CategoricalColumn(values)))
      } else {
        preconditionFailure("the example study has no column '\(variable)'")
      }
      do { try d.add(v) } catch { preconditionFailure("the example study's columns are inconsistent: \(error)") }
    }
    return d
  }
}

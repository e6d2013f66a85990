/// The fixed design of the synthetic "Mijn bedrijf 2.0" study: categories,
/// subtypes, attribute levels and the items of each scale. Numbers of firms
/// follow the real study (Oeij et al., M&O 2013 nr. 6); everything else is
/// invented. See examples/mijn-bedrijf/README.md.
public enum StudyDesign {
  public static let firms = 94
  public static let treatedFirms = 71
  /// Intervention categories with their number of firms (sums to 71).
  public static let categories: [(code: String, label: String, firms: Int)] = [
    ("strategy", "strategy & organisation", 22),
    ("process", "primary process", 19),
    ("personnel", "personnel", 17),
    ("management", "management", 13),
  ]
  /// Three subtypes per category, in the order of `categories`.
  public static let subtypes: [[String]] = [
    ["business plan with the whole company", "strategic renewal with partner firms",
     "innovation agenda set by the management team"],
    ["cross-organisation project team for product renewal", "lean redesign of the work process",
     "digitising the order process"],
    ["planned customer visits by employees", "flexible scheduling and multi-skilling",
     "employee idea scheme"],
    ["coaching managers in letting go of the innovation process", "leadership development programme",
     "delegating decisions to self-managing teams"],
  ]
  public static let sizeClasses: [(label: String, low: Int, high: Int, weight: Double)] = [
    ("5-9", 5, 9, 0.30), ("10-49", 10, 49, 0.45), ("50-99", 50, 99, 0.15), ("100-250", 100, 250, 0.10),
  ]
  public static let sectors: [(label: String, weight: Double)] = [
    ("construction & installation", 0.22), ("business services", 0.26), ("creative & ICT", 0.16),
    ("manufacturing", 0.20), ("other", 0.16),
  ]
  public static let regions = [
    "Utrecht city", "Amersfoort", "Utrechtse Heuvelrug", "Rivierenland", "Utrecht West",
    "Vechtstreek",
  ]
  public static let bureaus = ["A", "B", "C"]
  public static let roles = ["owner-director", "manager", "staff (HR or finance)"]

  /// The social innovation capacity subscales and their items; an `r`
  /// suffix marks a reverse-worded item (score 6 − x).
  public static let subscales: [(name: String, label: String, items: [String])] = [
    ("so", "strategic orientation", ["so1", "so2", "so3r"]),
    ("pm", "product-market improvement", ["pm1", "pm2", "pm3"]),
    ("fw", "flexible work", ["fw1", "fw2", "fw3r"]),
    ("sl", "smarter organising", ["sl1", "sl2", "sl3r"]),
  ]
  public static var sicItems: [String] { subscales.flatMap(\.items) }
  public static let qualItems = ["qual1", "qual2", "qual3", "qual4"]
  public static let quantItems = ["quant1", "quant2", "quant3", "quant4"]
  public static let goalItems = ["goal1", "goal2", "goal3"]

  /// Item codes: 7 not applicable, 8 don't know, 9 no answer.
  public static let itemMissingCodes: [Double] = [7, 8, 9]
  /// Codes of numeric fields, where a negative percentage is a valid value.
  public static let numericMissingCodes: [Double] = [-97, -98, -99]

  /// The true effect of each category on each subscale (so, pm, fw, sl):
  /// strongest on its own dimension, 0.16 on the mean of the four.
  public static let effects: [[Double]] = [
    [0.34, 0.10, 0.10, 0.10],
    [0.10, 0.34, 0.10, 0.10],
    [0.10, 0.10, 0.34, 0.10],
    [0.10, 0.10, 0.10, 0.34],
  ]
}

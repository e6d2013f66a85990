import Testing

@testable import MetingReport

@Suite("number formats by role")
struct NumberFormatTests {
  let f = NumberFormat(digits: 3)

  @Test("each role has its own rounding", arguments: [
    (0.0412, Role.pValue, "0.041"), (0.00004, .pValue, "<0.001"), (1, .pValue, "1.000"),
    (23, .count, "23"), (12.5, .percent, "12.5"), (29.717, .df, "29.72"), (70, .df, "70"),
    (-0.0704, .statistic, "-0.070"), (-0.0001, .statistic, "-1.00e-04"), (2.5e9, .statistic, "2.50e+09"),
    (-0.0000001, .count, "0.00"), (3.25, .value, "3.25"), (4, .value, "4"),
  ])
  func roles(_ v: Double, _ role: Role, _ expected: String) {
    #expect(f.text(v, role: role) == expected)
  }

  @Test("no negative zero, infinities as Inf")
  func edges() {
    #expect(f.text(-0.0001, role: .percent) == "0.0")
    #expect(f.text(.infinity, role: .statistic) == "Inf")
    #expect(f.text(.nan, role: .statistic) == ".")
  }
}

@Suite("renderers")
struct RendererTests {
  var report: Report {
    let table = Table(
      title: "Paired t-test", kind: "paired_t", method: "Paired t-test, two-sided",
      columns: [
        Column("group", key: "treated", role: .group), Column("n", key: "n", role: .count),
        Column("t", key: "t", role: .statistic), Column("p", key: "p", role: .pValue),
        Column("CI high", key: "ci_high", role: .statistic),
      ],
      rows: [[.text("0"), .number(23), .number(-0.836), .number(0.412), .number(.infinity)],
             [.text("1 \"x\""), .number(71), .number(4.008), .number(0.00015), .missing(nil)]],
      notes: ["a note"])
    return Report(command: "paired sic", blocks: [.table(table)],
                  provenance: Provenance(dataset: "firms", filter: nil, condition: nil, rowsInData: 188, rowsSelected: 188,
                                         used: 94, unit: "pairs"))
  }

  @Test("text: aligned columns, title, notes and provenance")
  func text() {
    let out = TextRenderer(options: RenderOptions(width: 120)).render(report)
    #expect(out == """
      Paired t-test
      group   n       t       p  CI high
      ─────  ──  ──────  ──────  ───────
      0      23  -0.836   0.412      Inf
      1 "x"  71   4.008  <0.001        .
      a note
      firms · all 188 rows · 94 pairs used · none dropped
      """)
  }

  @Test("text: columns that do not fit are named, not silently cut")
  func narrow() {
    var wide = report
    if case .table(var t) = wide.blocks[0] {
      for k in 0..<4 {
        t.columns.append(Column("extra \(k)", key: "e\(k)", role: .statistic))
        t.rows = t.rows.map { $0 + [.number(1)] }
      }
      wide.blocks = [.table(t)]
    }
    let out = TextRenderer(options: RenderOptions(width: 40)).render(wide)
    #expect(out.contains("column") && out.contains("not shown for width"))
    for line in out.split(separator: "\n") where !line.contains("not shown") && !line.contains("firms ·") {
      #expect(line.count <= 40, "\(line)")
    }
  }

  @Test("JSON: one object per row, stable keys, by-values, null for non-finite")
  func json() {
    let lines = JSONRenderer().render(report).split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines[0].hasPrefix(#"{"schema_version":1,"command":"paired sic","kind":"paired_t","method":"Paired t-test, two-sided","by":{"treated":"0"},"n":23,"t":-0.836,"p":0.412,"ci_high":null"#))
    #expect(lines[1].contains(#""by":{"treated":"1 \"x\""}"#))
    #expect(lines[1].contains(#""p":0.00015"#))
    #expect(lines[0].contains(#""provenance":{"dataset":"firms","filter":null"#))
  }

  @Test("CSV: keys as header, full precision, quoting")
  func csv() {
    let out = CSVRenderer().render(report)
    #expect(out == #"""
      treated,n,t,p,ci_high
      0,23,-0.836,0.412,Inf
      "1 ""x""",71,4.008,0.00015,
      """#)
  }

  @Test("Markdown: pipe table with numeric columns right-aligned")
  func markdown() {
    let out = MarkdownRenderer(options: RenderOptions()).render(report)
    #expect(out.contains("| group | n | t | p | CI high |\n| :--- | ---: | ---: | ---: | ---: |"))
  }

  @Test("control characters in data are escaped")
  func escaping() {
    let t = Table(title: "", kind: "rows", columns: [Column("v", key: "v", role: .label)], rows: [[.text("a\u{1B}[2Jb\nc")]])
    let out = TextRenderer(options: RenderOptions()).table(t)
    #expect(!out.contains("\u{1B}") && out.contains("\\n"))
  }
}

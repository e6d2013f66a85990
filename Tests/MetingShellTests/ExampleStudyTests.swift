import Foundation
import MetingData
import MetingExample
import MetingLanguage
import Testing

@testable import MetingShell

@Suite("the bundled example study", .serialized)
struct ExampleStudyTests {
  @Test("the committed CSV files are the generator's output, byte for byte")
  func committedFilesMatchGenerator() throws {
    let study = ExampleStudy()
    for (file, dataset) in [("firms_long.csv", study.long()), ("firms_wide.csv", study.wide())] {
      let committed = try String(contentsOfFile: repositoryRoot + "/examples/mijn-bedrijf/" + file, encoding: .utf8)
      let generated = CSVWriter.csvText(dataset, comments: [study.comment])
      #expect(committed == generated, "\(file) differs from 'meting generate example' (make examples)")
    }
    for (file, full) in [("firms_long.sav", study.long()), ("firms_wide.sav", study.wide())] {
      var dataset = full
      dataset.label = study.shortLabel
      let committed = [UInt8](try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/examples/mijn-bedrijf/" + file)))
      let generated = try ReadStatWriter.encode(dataset, format: .sav, path: file, timestamp: ExampleStudy.fileTimestamp)
      #expect(committed == generated, "\(file) differs from 'meting generate example' (make examples)")
    }
  }

  @Test("the .sav files load to the same data as the CSV files with their setup scripts", arguments: ["long", "wide"])
  func savMatchesCSV(_ layout: String) throws {
    let (csv, _) = makeSession()
    let setup = layout == "long" ? "setup.met" : "setup-wide.met"
    #expect(csv.run(SourceFile(name: "t", text: "run examples/mijn-bedrijf/\(setup)")) == 0)
    let (sav, _) = makeSession()
    let (status, out, err) = runScript("load examples/mijn-bedrijf/firms_\(layout).sav", in: sav)
    #expect(status == 0, "\(err)")
    #expect(out.contains("SYNTHETIC"))
    let a = try #require(csv.state.dataset)
    let b = try #require(sav.state.dataset)
    #expect(a.variableNames == b.variableNames && a.rowCount == b.rowCount)
    for v in a.variables {
      let w = try #require(b[v.name])
      #expect(v.isCategorical == w.isCategorical, "\(v.name): type")
      #expect(v.userMissing == w.userMissing, "\(v.name): user-missing cells and codes")
      for row in 0..<a.rowCount where v.values.text(at: row) != w.values.text(at: row) {
        Issue.record("\(v.name) row \(row + 1): \(v.values.text(at: row)) vs \(w.values.text(at: row))")
        break
      }
    }
  }

  @Test("the seed shows the teaching pattern: DiD above ANCOVA, treated up, controls slightly down")
  func teachingPattern() throws {
    let p = try TeachingPattern(ExampleStudy())
    #expect(p.holds)
    #expect(p.treatedP < 0.01 && p.controlChange < 0 && p.controlP > 0.1)
    #expect(p.ancovaEstimate < p.didEstimate && p.didP < 0.05)
  }

  @Test("design counts: 94 firms, 71 treated, categories 22/19/17/13")
  func counts() {
    let firms = ExampleStudy().firms
    #expect(firms.count == 94 && firms.filter(\.treated).count == 71)
    let perCategory = (0..<4).map { c in firms.filter { $0.category == c }.count }
    #expect(perCategory == [22, 19, 17, 13])
    #expect(firms.allSatisfy { $0.treated == ($0.category != nil) })
  }

  @Test("the CSV with setup.met loads to the generator's dataset, missing codes included")
  func csvRoundTrip() throws {
    let (session, _) = makeSession()
    let status = session.run(SourceFile(name: "t", text: "run examples/mijn-bedrijf/setup.met"))
    #expect(status == 0)
    let loaded = try #require(session.state.dataset)
    let generated = ExampleStudy().long()
    #expect(loaded.variableNames == generated.variableNames && loaded.rowCount == generated.rowCount)
    for v in generated.variables {
      let l = try #require(loaded[v.name])
      #expect(l.userMissing == v.userMissing, "\(v.name): user-missing codes")
      for row in 0..<generated.rowCount {
        #expect(l.values.text(at: row) == v.values.text(at: row), "\(v.name) row \(row)")
        if l.values.text(at: row) != v.values.text(at: row) { break }
      }
    }
  }

  @Test("the example session replays to its golden output")
  func goldenSession() throws {
    let (session, output) = makeSession(echo: true)
    let text = try String(contentsOfFile: repositoryRoot + "/examples/mijn-bedrijf.met", encoding: .utf8)
    let status = session.run(SourceFile(name: "examples/mijn-bedrijf.met", text: text))
    #expect(status == 0, "\(output.standardError)")
    #expect(output.standardError.isEmpty)
    try expectGolden(output.standardOutput, "mijn-bedrijf.out")
  }
}

@Suite("statistics commands on the example study", .serialized)
struct StatisticsCommandTests {
  @Test("the statistics script replays to its golden output")
  func golden() throws {
    let (session, output) = makeSession(echo: true)
    let path = repositoryRoot + "/Tests/MetingShellTests/Golden/statistics.met"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let status = session.run(SourceFile(name: "statistics.met", text: text))
    #expect(status == 0, "\(output.standardError)")
    try expectGolden(output.standardOutput, "statistics.out")
  }

  @Test("a resampling command gives the same numbers when replayed, and other numbers with another seed")
  func reproducible() throws {
    func run(_ seed: Int) -> String {
      let (session, output) = makeSession()
      session.run(SourceFile(name: "t", text: """
        load examples/mijn-bedrijf/firms_wide.csv
        set seed \(seed)
        set format json
        bootstrap meandiff sic_post by treated, reps(500)
        """))
      return output.standardOutput
    }
    #expect(run(1) == run(1))
    #expect(run(1) != run(2))
  }
}

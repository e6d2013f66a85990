import MetingData
import Testing

@testable import MetingLanguage

@Suite("expressions over a dataset")
struct EvaluatorTests {
  let data: Dataset = {
    do {
      var d = try Dataset(name: "t", variables: [
        Variable(name: "x", values: .numeric(NumericColumn([1, 2, .nan, 4]))),
        Variable(name: "y", values: .numeric(NumericColumn([0, 1, 1, .nan]))),
        Variable(name: "category", values: .categorical(CategoricalColumn(["management", "strategy", nil, "management"]))),
        Variable(name: "sector", values: .categorical(CategoricalColumn(["business services", "other", "other", "other"]))),
      ])
      _ = d.modify("x") { $0.label = "x" }
      return d
    } catch {
      preconditionFailure("test data: \(error)")
    }
  }()

  func expr(_ text: String) throws -> Expr {
    guard case .assignment(_, let e) = try command("compute z = " + text).arguments else { throw ParseFailed() }
    return e
  }

  func values(_ text: String) throws -> [Double] {
    let v = try Evaluator(dataset: data).evaluate(try expr(text))
    switch v {
    case .numbers(let a): return a
    case .number(let x): return [x]
    default: return []
    }
  }

  func same(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
  }

  @Test("arithmetic propagates missing values")
  func arithmetic() throws {
    #expect(same(try values("x * 2 + 1"), [3, 5, .nan, 9]))
    #expect(same(try values("x / y"), [.nan, 2, .nan, .nan]))  // division by 0 is missing
  }

  @Test("comparisons with a missing value are missing; and/or are three-valued")
  func logic() throws {
    #expect(same(try values("x > 1"), [0, 1, .nan, 1]))
    #expect(same(try values("x > 1 and y == 1"), [0, 1, .nan, .nan]))
    #expect(same(try values("x > 1 or y == 1"), [0, 1, 1, 1]))
    #expect(same(try values("not x > 1"), [1, 0, .nan, 0]))
    #expect(same(try values("missing(x)"), [0, 0, 1, 0]))
  }

  @Test("a bare name compared with a text variable is a category")
  func categories() throws {
    #expect(same(try values("category == management"), [1, 0, .nan, 1]))
    #expect(same(try values("category != \"management\""), [0, 1, .nan, 0]))
    #expect(same(try values("category in (strategy, management)"), [1, 1, .nan, 1]))
    #expect(same(try values("sector == \"business services\""), [1, 0, 0, 0]))
  }

  @Test("an unknown category suggests the nearest", arguments: ["category == managment", "category in (strategy, managment)"])
  func unknownCategory(_ text: String) throws {
    do {
      _ = try values(text)
      Issue.record("no error")
    } catch let d as Diagnostic {
      #expect(d.id == "unknown-value" && d.help == ["did you mean 'management'?"])
    }
  }

  @Test("an unknown variable suggests the nearest")
  func unknownVariable() throws {
    do {
      _ = try values("xx + 1")
      Issue.record("no error")
    } catch let d as Diagnostic {
      #expect(d.id == "unknown-variable" && d.help == ["did you mean 'x'?"])
    }
  }

  @Test("row-wise functions use the valid values")
  func rowwise() throws {
    #expect(same(try values("mean(x, y)"), [0.5, 1.5, 1, 4]))
    #expect(same(try values("sum(x y)"), [1, 3, 1, 4]))
    #expect(same(try values("nvalid(x, y)"), [2, 2, 1, 1]))
    #expect(same(try values("round(x / 3, 2)"), [0.33, 0.67, .nan, 1.33]))
  }

  @Test("select keeps rows where the condition is true")
  func select() throws {
    let rows = try Evaluator(dataset: data).select(try expr("x >= 2"), within: .all(4))
    #expect(Array(rows) == [1, 3])
  }
}

@Suite("variable lists against a dataset")
struct VarListResolverTests {
  let data: Dataset = {
    let names = ["id", "so1", "so2", "so3r", "pm1", "sic_pre", "sic_post"]
    do {
      return try Dataset(name: "t", variables: names.map { Variable(name: $0, values: .numeric(NumericColumn([1]))) })
    } catch {
      preconditionFailure("\(error)")
    }
  }()

  func resolve(_ text: String) throws -> [String] {
    guard case .variables(let items) = try command("describe " + text).arguments else { return [] }
    return try VarListResolver.resolve(items, in: data).map(\.name)
  }

  @Test("ranges in file order, patterns, duplicates once")
  func resolution() throws {
    #expect(try resolve("so1..pm1") == ["so1", "so2", "so3r", "pm1"])
    #expect(try resolve("so* so2") == ["so1", "so2", "so3r"])
    #expect(try resolve("*_pre") == ["sic_pre"])
    #expect(try resolve("so?") == ["so1", "so2"])
  }

  @Test("errors: unknown name, empty pattern, reversed range")
  func errors() throws {
    #expect(throws: Diagnostic.self) { try resolve("sic_pr") }
    #expect(throws: Diagnostic.self) { try resolve("zz*") }
    #expect(throws: Diagnostic.self) { try resolve("pm1..so1") }
  }

  @Test("glob matching")
  func glob() {
    #expect(VarListResolver.globMatches("a*b?", "axxbc"))
    #expect(!VarListResolver.globMatches("a*b", "axxbc"))
    #expect(VarListResolver.globMatches("*", ""))
  }
}

@Suite("did you mean")
struct SuggestionTests {
  @Test("close names are suggested, distant ones are not")
  func suggestions() {
    #expect(Suggestions.closest(to: "sic_pr", in: ["sic_pre", "sic_post"]) == "sic_pre")
    #expect(Suggestions.closest(to: "TREATED", in: ["treated"]) == "treated")
    #expect(Suggestions.closest(to: "xyz", in: ["treated", "category"]) == nil)
    #expect(Suggestions.editDistance("ab", "ba") == 1)
  }
}

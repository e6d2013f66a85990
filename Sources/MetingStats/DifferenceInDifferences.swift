/// Difference-in-differences with two waves and a balanced panel: units
/// measured before and after, treated or not.
///
/// DiD = (T̄_post − T̄_pre) − (C̄_post − C̄_pre), the difference of the
/// groups' mean change, estimated three ways that give the same number:
/// - the regression y = b0 + b1·treated + b2·post + b3·treated·post on the
///   2n unit-waves, b3 with cluster-robust (CR1) errors by unit and t on
///   G − 1 df (Stata `regress …, vce(cluster id)`; `didregress` clusters
///   the same way);
/// - Student's t on the change scores (pooled variance), which equals the
///   regression with unit fixed effects and classical errors;
/// - Welch's t on the change scores.
/// Two waves cannot test the parallel-trends assumption the estimate rests on.
public struct DifferenceInDifferences: Sendable {
  public struct Group: Sendable, Equatable {
    public let n: Int
    public let preMean: Double
    public let postMean: Double
    public var change: Double { postMean - preMean }
  }

  public let treated: Group
  public let control: Group
  /// The regression's treated × post coefficient (CR1 by unit, t(G − 1)).
  public let regression: Coefficient
  public let student: TTestResult
  public let welch: TTestResult
  /// The difference of the mean change scores.
  public var estimate: Double { treated.change - control.change }

  public init(
    treatedPre: [Double], treatedPost: [Double], controlPre: [Double], controlPost: [Double],
    confLevel: Double = 0.95
  ) throws(StatsError) {
    precondition(treatedPre.count == treatedPost.count && controlPre.count == controlPost.count)
    guard treatedPre.count >= 2 else { throw .tooFewObservations(what: "the treated units", needed: 2, got: treatedPre.count) }
    guard controlPre.count >= 2 else { throw .tooFewObservations(what: "the control units", needed: 2, got: controlPre.count) }
    treated = Group(n: treatedPre.count, preMean: Summation.mean(treatedPre), postMean: Summation.mean(treatedPost))
    control = Group(n: controlPre.count, preMean: Summation.mean(controlPre), postMean: Summation.mean(controlPost))
    let treatedChange = zip(treatedPost, treatedPre).map { $0 - $1 }
    let controlChange = zip(controlPost, controlPre).map { $0 - $1 }
    let names = ("the treated units' change", "the control units' change")
    student = try TTestResult.twoSample(treatedChange, controlChange, variances: .equal, confLevel: confLevel, names: names)
    welch = try TTestResult.twoSample(treatedChange, controlChange, variances: .unequal, confLevel: confLevel, names: names)

    // The long regression: two rows per unit.
    let units = treatedPre.count + controlPre.count
    var y: [Double] = []
    var treat: [Double] = []
    var post: [Double] = []
    var codes: [Int] = []
    y.reserveCapacity(2 * units)
    treat.reserveCapacity(2 * units)
    post.reserveCapacity(2 * units)
    codes.reserveCapacity(2 * units)
    func addUnits(_ pre: [Double], _ postValues: [Double], isTreated: Double) {
      for i in pre.indices {
        let unit = codes.count / 2
        y.append(pre[i])
        y.append(postValues[i])
        treat.append(isTreated)
        treat.append(isTreated)
        post.append(0)
        post.append(1)
        codes.append(unit)
        codes.append(unit)
      }
    }
    addUnits(treatedPre, treatedPost, isTreated: 1)
    addUnits(controlPre, controlPost, isTreated: 0)
    let interaction = zip(treat, post).map { $0 * $1 }
    let model = try LinearModel(
      .init(columns: [treat, post, interaction], names: ["treated", "post", "treated × post"]), response: y)
    let table = try model.coefficientTable(.cluster(codes: codes, count: units), confLevel: confLevel)
    guard let row = table.last, row.estimate != nil else {
      throw .invalidArgument("the treated × post term is aliased")
    }
    regression = row
  }
}

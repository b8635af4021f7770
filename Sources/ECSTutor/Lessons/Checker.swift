import ECSModel

/// The verdict on one assertion against the world.
public struct AssertionResult: Sendable {
  public var assertion: Assertion
  public var met: Bool
  /// Set for `forbid` items: the assertion must not hold.
  public var forbidden: Bool
  /// Why it is not met: the resource is missing, or these fields differ.
  public var missing: Bool
  public var mismatches: [Mismatch]
  public var countActual: Int?
  /// For plural selections: how many selected resources match (what a `forbid` counts).
  public var matching: Int = 0
}

/// Evaluates a step's `expect` and `forbid` items against a world.
enum Checker {
  static func evaluate(_ a: Assertion, on world: World) -> AssertionResult {
    let docs = Queries.run(a.selector, on: world)
    let plural = Queries.isPlural(a.selector.kind) ?? false
    var result = AssertionResult(
      assertion: a, met: false, forbidden: false, missing: false, mismatches: [], countActual: nil)
    if !plural {
      guard let doc = docs.first else {
        result.missing = true
        return result
      }
      result.mismatches = a.match.map { Matcher.compare($0, doc, path: "") } ?? []
      result.met = result.mismatches.isEmpty
      return result
    }
    if let count = a.count {
      result.countActual = docs.count
      result.mismatches += Matcher.compare(count, .int(docs.count), path: "count")
    }
    if let match = a.match {
      let attempts = docs.map { Matcher.compare(match, $0, path: "") }
      result.matching = attempts.filter(\.isEmpty).count
      if !attempts.contains(where: \.isEmpty) {
        if let best = attempts.min(by: { $0.count < $1.count }) {
          result.mismatches += best
        } else {
          result.missing = true
        }
      }
    } else {
      result.matching = docs.count
      if a.count == nil && docs.isEmpty { result.missing = true }
    }
    result.met = result.mismatches.isEmpty && !result.missing
    return result
  }

  /// Every item of a step, `forbid` items inverted.
  static func evaluate(_ step: Step, on world: World) -> [AssertionResult] {
    step.expect.map { evaluate($0, on: world) }
      + step.forbid.map { a in
        var r = evaluate(a, on: world)
        r.forbidden = true
        r.met = !r.met
        return r
      }
  }

  static func passes(_ step: Step, on world: World) -> Bool {
    evaluate(step, on: world).allSatisfy(\.met)
  }
}

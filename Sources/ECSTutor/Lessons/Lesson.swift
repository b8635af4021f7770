import ECSModel

/// Text in both languages the tutor speaks.
public struct Localized: Sendable, Equatable {
  public var en: String
  public var ja: String
  public init(en: String, ja: String) {
    self.en = en
    self.ja = ja
  }
  public func text(_ language: Language) -> String { language == .ja ? ja : en }
}

/// A lesson: a title, an introduction and an ordered list of steps (lessons/ID.yaml).
public struct Lesson: Sendable {
  public var id: String
  public var title: Localized
  public var summary: Localized
  public var intro: Localized
  public var outro: Localized?
  /// Commands run (silently) on a fresh world when the lesson starts.
  public var setup: [String]
  public var steps: [Step]
  public var path: String
}

/// One step: what to read, what must become true, hints, and a reference solution.
public struct Step: Sendable {
  public var id: String
  public var title: Localized
  public var text: Localized
  /// Commands run (silently) when the step starts, after the previous step's state.
  public var setup: [String]
  public var expect: [Assertion]
  public var forbid: [Assertion]
  public var hints: [Localized]
  public var solution: [String]
  /// Wrong commands a learner is likely to type first (`mistakes:`): `lessons verify` replays
  /// each before the solution and requires the step to fail after it and pass after the
  /// solution, so a corrected mistake still passes.
  public var mistakes: [String]
  /// Said when the step passes: what became true and why it matters.
  public var success: Localized?
  /// For the instructor (`notes:`): shown only by `ecs-tutor walkthrough`, never to a learner.
  public var notes: Localized? = nil
  public var line: Int
}

/// One thing that must hold of the world: a selection of resources and what they must look like.
public struct Assertion: Sendable {
  public var selector: Selector
  /// A partial document the selected resource must match (singular selectors), or that some
  /// selected resource must match (plural selectors).
  public var match: JSONValue?
  /// For plural selectors: how many resources must be selected (a matcher: 2, {min: 2}, ...).
  public var count: JSONValue?
  /// A short statement of the goal, shown in `check` and when it becomes true.
  public var about: Localized?
  /// Why it matters, shown when it is not met.
  public var why: Localized?
  public var line: Int
}

/// Which resources an assertion looks at. `kind` names a query (`cluster`, `taskDefinition`,
/// `taskDefinitions`, ...); `params` are its arguments.
public struct Selector: Sendable {
  public var kind: String
  public var params: JSONValue
}

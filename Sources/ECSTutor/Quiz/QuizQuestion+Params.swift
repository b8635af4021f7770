import ECSModel
import Foundation

extension QuizQuestion {
  /// The parameter values for `seed`: each question draws from its own generator (the seed mixed
  /// with the question's id), so a value does not depend on which questions come before it.
  public func values(seed: UInt64) -> [String: String] {
    var rng = SeededRandom(seed: seed ^ Self.stableHash(id))
    var out: [String: String] = [:]
    for p in params { out[p.name] = p.draw(&rng) }
    return out
  }

  /// The question with `${NAME}` replaced by the values drawn for `seed` in every text, command
  /// and assertion.
  public func instantiated(seed: UInt64) -> QuizQuestion {
    let v = values(seed: seed)
    guard !v.isEmpty else { return self }
    let s = { (text: String) in Self.substitute(text, v) }
    let l = { (t: Localized) in Localized(en: s(t.en), ja: s(t.ja)) }
    var q = self
    q.text = l(text)
    q.options = options.map {
      QuizOption(
        text: l($0.text), correct: $0.correct, explain: l($0.explain), value: $0.value.map(s))
    }
    q.answers = answers.map(s)
    q.explanation = explanation.map(l)
    q.setup = setup.map(s)
    q.expect = expect.map { $0.substituted(v) }
    q.forbid = forbid.map { $0.substituted(v) }
    q.hints = hints.map(l)
    q.solution = solution.map(s)
    switch ask {
    case .query(let c): q.ask = .query(s(c))
    case .succeeds(let c): q.ask = .succeeds(s(c))
    case .holds(let a): q.ask = .holds(a.map { $0.substituted(v) })
    case nil: break
    }
    return q
  }

  static func substitute(_ text: String, _ values: [String: String]) -> String {
    guard text.contains("${") else { return text }
    var out = text
    for (name, value) in values { out = out.replacingOccurrences(of: "${\(name)}", with: value) }
    return out
  }

  /// FNV-1a of the text: the same on every machine and run (unlike `Hasher`).
  static func stableHash(_ text: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in text.utf8 {
      h ^= UInt64(b)
      h = h &* 0x100_0000_01b3
    }
    return h
  }
}

extension Assertion {
  func substituted(_ values: [String: String]) -> Assertion {
    var a = self
    a.selector.params = selector.params.substituted(values)
    a.match = match?.substituted(values)
    a.count = count?.substituted(values)
    a.about = about.map {
      Localized(
        en: QuizQuestion.substitute($0.en, values), ja: QuizQuestion.substitute($0.ja, values))
    }
    return a
  }
}

extension JSONValue {
  func substituted(_ values: [String: String]) -> JSONValue {
    switch self {
    case .string(let s):
      let t = QuizQuestion.substitute(s, values)
      // A whole-number value stays a number, as YAML would have typed it.
      if t != s, let n = Int(t) { return .int(n) }
      return .string(t)
    case .array(let items): return .array(items.map { $0.substituted(values) })
    case .object(let members): return .object(members.map { ($0.0, $0.1.substituted(values)) })
    default: return self
    }
  }
}

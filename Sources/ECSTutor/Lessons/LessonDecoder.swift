import ECSCommands
import ECSModel

/// Turns a lesson file's YAML into a `Lesson`, reporting every problem with its line.
struct LessonDecoder {
  var path: String
  var errors: [LessonLoadError] = []

  init(path: String) { self.path = path }

  mutating func fail(_ node: YAMLNode?, _ message: String) {
    errors.append(LessonLoadError(path: path, line: node?.line ?? 1, message: message))
  }

  mutating func decodeLesson(_ root: YAMLNode) -> Lesson? {
    guard case .map = root.value else {
      fail(root, "a lesson file holds a mapping with id, title, intro and steps")
      return nil
    }
    checkKeys(
      root, allowed: ["id", "title", "summary", "intro", "outro", "setup", "steps"], in: "lesson")
    let id = requiredString(root, "id") ?? ""
    if !id.isEmpty && !id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
    {
      fail(root["id"], "lesson id '\(id)' may hold only lowercase letters, digits and '-'")
    }
    let title = localized(root, "title", required: true)
    let summary = localized(root, "summary", required: false) ?? title
    let intro = localized(root, "intro", required: true)
    let outro = localized(root, "outro", required: false)
    let setup = commands(root, "setup")
    var steps: [Step] = []
    if let list = root["steps"], case .list(let items) = list.value {
      if items.isEmpty { fail(list, "a lesson needs at least one step") }
      var seen: Set<String> = []
      for item in items {
        if let step = decodeStep(item) {
          if !seen.insert(step.id).inserted { fail(item, "duplicate step id '\(step.id)'") }
          steps.append(step)
        }
      }
    } else {
      fail(root["steps"] ?? root, "'steps' must be a list of steps")
    }
    guard let title, let summary, let intro else { return nil }
    return Lesson(
      id: id, title: title, summary: summary, intro: intro, outro: outro, setup: setup,
      steps: steps,
      path: path)
  }

  mutating func decodeStep(_ node: YAMLNode) -> Step? {
    guard case .map = node.value else {
      fail(node, "a step is a mapping with id, text, expect, hints and solution")
      return nil
    }
    checkKeys(
      node,
      allowed: [
        "id", "title", "text", "setup", "expect", "forbid", "hints", "solution", "mistakes",
        "success", "notes",
      ],
      in: "step")
    let id = requiredString(node, "id") ?? ""
    let title = localized(node, "title", required: false)
    let text = localized(node, "text", required: true)
    let expect = assertions(node, "expect")
    if expect.isEmpty && node["expect"] != nil {
      fail(node["expect"], "'expect' needs at least one item")
    }
    if node["expect"] == nil {
      fail(node, "step '\(id)' has no 'expect': nothing could be checked")
    }
    let forbid = assertions(node, "forbid")
    var hints: [Localized] = []
    if let h = node["hints"] {
      if case .list(let items) = h.value {
        for item in items { if let l = localizedValue(item, what: "hint") { hints.append(l) } }
      } else {
        fail(h, "'hints' must be a list of {en, ja} texts")
      }
    }
    let solution = commands(node, "solution")
    if solution.isEmpty { fail(node, "step '\(id)' needs a 'solution' (a list of commands)") }
    let success = localized(node, "success", required: false)
    guard let text else { return nil }
    return Step(
      id: id, title: title ?? Localized(en: id, ja: id), text: text, setup: commands(node, "setup"),
      expect: expect, forbid: forbid, hints: hints, solution: solution,
      mistakes: commands(node, "mistakes"), success: success,
      notes: localized(node, "notes", required: false), line: node.line)
  }

  mutating func assertions(_ node: YAMLNode, _ key: String) -> [Assertion] {
    guard let list = node[key] else { return [] }
    guard case .list(let items) = list.value else {
      fail(list, "'\(key)' must be a list of assertions")
      return []
    }
    var out: [Assertion] = []
    for item in items {
      guard case .map(let members) = item.value else {
        fail(item, "an assertion is a mapping such as `cluster: demo` with `match:`")
        continue
      }
      let selectorKeys = members.map(\.0).filter { Queries.kinds.contains($0) }
      guard selectorKeys.count == 1, let kind = selectorKeys.first, let params = item[kind] else {
        fail(
          item,
          "an assertion names exactly one of: \(Queries.kinds.sorted().joined(separator: ", "))")
        continue
      }
      checkKeys(item, allowed: [kind, "match", "count", "about", "why"], in: "assertion")
      if Queries.isPlural(kind) == false && item["count"] != nil {
        fail(item["count"], "'count' goes with a plural selector such as taskDefinitions")
      }
      out.append(
        Assertion(
          selector: Selector(kind: kind, params: params.json), match: item["match"]?.json,
          count: item["count"]?.json, about: localized(item, "about", required: false),
          why: localized(item, "why", required: false), line: item.line))
    }
    return out
  }

  mutating func checkKeys(_ node: YAMLNode, allowed: Set<String>, in what: String) {
    guard case .map(let members) = node.value else { return }
    for (k, v) in members where !allowed.contains(k) {
      let suggestion = closest(k, among: Array(allowed)).map { " (did you mean '\($0)'?)" } ?? ""
      fail(v, "unknown key '\(k)' in \(what)\(suggestion)")
    }
  }

  mutating func requiredString(_ node: YAMLNode, _ key: String) -> String? {
    guard let v = node[key], let s = v.string, !s.isEmpty else {
      fail(node[key] ?? node, "missing '\(key)'")
      return nil
    }
    return s
  }

  mutating func localized(_ node: YAMLNode, _ key: String, required: Bool) -> Localized? {
    guard let v = node[key] else {
      if required { fail(node, "missing '\(key)' (with en and ja)") }
      return nil
    }
    return localizedValue(v, what: key)
  }

  mutating func localizedValue(_ v: YAMLNode, what: String) -> Localized? {
    guard case .map = v.value else {
      fail(v, "'\(what)' needs both languages: { en: ..., ja: ... }")
      return nil
    }
    checkKeys(v, allowed: ["en", "ja"], in: what)
    let en = v["en"]?.string
    let ja = v["ja"]?.string
    if en?.isEmpty ?? true { fail(v, "'\(what)' has no English text (en)") }
    if ja?.isEmpty ?? true { fail(v, "'\(what)' has no Japanese text (ja)") }
    guard let en, let ja else { return nil }
    return Localized(en: en, ja: ja)
  }

  mutating func commands(_ node: YAMLNode, _ key: String) -> [String] {
    guard let v = node[key] else { return [] }
    guard case .list(let items) = v.value else {
      fail(v, "'\(key)' must be a list of commands")
      return []
    }
    var out: [String] = []
    for item in items {
      if let s = item.string {
        out.append(s)
      } else {
        fail(item, "each command in '\(key)' is one line of text")
      }
    }
    return out
  }
}

/// The closest of `candidates` to `word` within a small edit distance, for did-you-mean.
func closest(_ word: String, among candidates: [String]) -> String? {
  let scored = candidates.map {
    ($0, CloseMatches.editDistance(Array(word.lowercased()), Array($0.lowercased())))
  }
  guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else {
    return nil
  }
  return best.1 <= max(2, word.count / 3) ? best.0 : nil
}

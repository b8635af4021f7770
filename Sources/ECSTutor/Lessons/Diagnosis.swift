import ECSModel

/// A classic mistake the tutor recognises in what AWS said (an error, a service event, a task's
/// stopped reason) and names, with the concept behind it and the fix (lessons/diagnoses.yaml).
public struct Diagnosis: Sendable {
  public var id: String
  /// Substrings of AWS's own text; any one of them matching is enough. A `*` in one stands for
  /// any run of characters.
  public var match: [String]
  /// Texts (same form as `match`) that keep the diagnosis silent when one of them appears: a more
  /// specific diagnosis names that case.
  public var unless: [String] = []
  public var text: Localized
  public var line: Int
}

extension LessonDecoder {
  mutating func decodeDiagnoses(_ root: YAMLNode) -> [Diagnosis] {
    guard let list = root["diagnoses"], case .list(let items) = list.value else {
      fail(root, "diagnoses.yaml holds `diagnoses:`, a list of {id, match, text}")
      return []
    }
    var out: [Diagnosis] = []
    var seen: Set<String> = []
    for item in items {
      checkKeys(item, allowed: ["id", "match", "unless", "text"], in: "diagnosis")
      let id = requiredString(item, "id") ?? ""
      if !seen.insert(id).inserted { fail(item, "duplicate diagnosis id '\(id)'") }
      let match = commands(item, "match")
      if match.isEmpty || match.contains(where: { $0.count < 8 }) {
        fail(item, "diagnosis '\(id)' needs `match`: a list of AWS texts of at least 8 characters")
      }
      guard let text = localized(item, "text", required: true) else { continue }
      var d = Diagnosis(id: id, match: match, text: text, line: item.line)
      d.unless = commands(item, "unless")
      out.append(d)
    }
    return out
  }
}

enum Diagnoser {
  /// The diagnoses whose texts appear in `said`, each once, in file order.
  static func find(_ rules: [Diagnosis], in said: [String]) -> [Diagnosis] {
    let appears = { (m: String) in
      said.contains { s in
        m.contains("*") ? PolicyEvaluator.wildcard("*" + m + "*", s) : s.contains(m)
      }
    }
    return rules.filter { rule in
      rule.match.contains(where: appears) && !rule.unless.contains(where: appears)
    }
  }

  /// What the world said while a command ran: new events and the stopped reasons of tasks that
  /// stopped meanwhile.
  static func worldTexts(before: World, after: World) -> [String] {
    var out = after.events.dropFirst(before.events.count).map(\.message)
    let wasStopped = Set(before.workloads.tasks.filter { $0.lastStatus == .stopped }.map(\.arn))
    for t in after.workloads.tasks where t.lastStatus == .stopped && !wasStopped.contains(t.arn) {
      if let reason = t.stoppedReason { out.append(reason) }
      out += t.containers.compactMap(\.reason)
    }
    // What the applications printed meanwhile: their SDK's errors (the task role at run time).
    for (_, lines) in after.applications.output.sorted(by: { $0.key < $1.key }) {
      out += lines.filter { $0.timestamp > before.clock.nowMillis }.map(\.message)
    }
    return out
  }
}

import ECSModel

/// One way a resource differs from what a step expects.
public struct Mismatch: Sendable, Equatable {
  /// Where, e.g. `containerDefinitions[name=web].portMappings[containerPort=80].hostPort`.
  public var path: String
  public var expected: String
  /// What is there now; nil when the field is missing.
  public var actual: String?
}

/// Matches a partial document against a resource: unlisted fields are ignored, list items are
/// matched by a key (`name`, `containerPort`, ...) rather than by position, and small matcher
/// objects express more than equality:
///
/// ```yaml
/// hostPort: { oneOf: [0, absent] }
/// memory: { min: 256 }
/// image: { regex: "^nginx" }
/// portMappings: { length: 1 }
/// taskRoleArn: { present: true }
/// ```
enum Matcher {
  static let matcherKeys: Set<String> = [
    "absent", "present", "oneOf", "min", "max", "regex", "not", "length", "contains",
  ]
  /// Keys that identify an item in a list, tried in order.
  static let listKeys = [
    "name", "containerPort", "containerName", "family", "key", "Key", "Name", "Id",
  ]

  static func isMatcher(_ v: JSONValue) -> Bool {
    guard case .object(let members) = v, !members.isEmpty else { return false }
    return members.allSatisfy { matcherKeys.contains($0.0) }
  }

  static func compare(_ expected: JSONValue, _ actual: JSONValue?, path: String) -> [Mismatch] {
    if isMatcher(expected) { return applyMatcher(expected, actual, path: path) }
    switch expected {
    case .object(let members):
      guard let actual, case .object = actual else {
        return [Mismatch(path: path, expected: "an object", actual: actual.map(show))]
      }
      var out: [Mismatch] = []
      for (k, v) in members {
        out += compare(v, actual[k], path: path.isEmpty ? k : path + "." + k)
      }
      return out
    case .array(let items):
      guard let actual, case .array(let have) = actual else {
        return [Mismatch(path: path, expected: "a list", actual: actual.map(show))]
      }
      var out: [Mismatch] = []
      for item in items { out += compareItem(item, in: have, path: path) }
      return out
    case .string("absent"):
      return actual == nil || actual?.isNull == true
        ? [] : [Mismatch(path: path, expected: "absent", actual: actual.map(show))]
    default:
      guard let actual, scalarEqual(expected, actual) else {
        return [Mismatch(path: path, expected: show(expected), actual: actual.map(show))]
      }
      return []
    }
  }

  /// One expected list item: find its partner by key, or any item that matches.
  static func compareItem(_ item: JSONValue, in have: [JSONValue], path: String) -> [Mismatch] {
    if case .object = item, !isMatcher(item), let key = listKeys.first(where: { item[$0] != nil }),
      let keyValue = item[key]
    {
      let label = "\(path)[\(key)=\(show(keyValue))]"
      guard let partner = have.first(where: { $0[key].map { scalarEqual(keyValue, $0) } ?? false })
      else {
        return [Mismatch(path: label, expected: "present", actual: nil)]
      }
      return compare(item, partner, path: label)
    }
    if have.contains(where: { compare(item, $0, path: path).isEmpty }) { return [] }
    return [Mismatch(path: path + "[]", expected: "an item like " + show(item), actual: nil)]
  }

  static func applyMatcher(_ m: JSONValue, _ actual: JSONValue?, path: String) -> [Mismatch] {
    let present = actual != nil && actual?.isNull == false
    var out: [Mismatch] = []
    func miss(_ expected: String) {
      out.append(Mismatch(path: path, expected: expected, actual: actual.map(show)))
    }
    if let want = m["absent"]?.boolValue, want == present { miss(want ? "absent" : "present") }
    if let want = m["present"]?.boolValue, want != present { miss(want ? "present" : "absent") }
    if let options = m["oneOf"]?.arrayValue {
      let ok = options.contains { opt in
        if opt == .string("absent") { return !present }
        guard let actual else { return false }
        return compare(opt, actual, path: path).isEmpty
      }
      if !ok { miss("one of " + options.map(show).joined(separator: ", ")) }
    }
    let number = actual.flatMap { $0.doubleValue ?? $0.stringValue.flatMap(Double.init) }
    if let lo = m["min"]?.doubleValue {
      if let n = number, n >= lo {} else { miss("at least \(show(m["min"] ?? .null))") }
    }
    if let hi = m["max"]?.doubleValue {
      if let n = number, n <= hi {} else { miss("at most \(show(m["max"] ?? .null))") }
    }
    if let pattern = m["regex"]?.stringValue {
      let text = actual.map { $0.stringValue ?? show($0) }
      if let text, let re = try? Regex(pattern), (try? re.firstMatch(in: text)) != nil {
      } else {
        miss("text matching /\(pattern)/")
      }
    }
    if let sub = m["contains"] {
      let ok: Bool
      switch actual {
      case .string(let s)?: ok = sub.stringValue.map { s.contains($0) } ?? false
      case .array(let items)?: ok = items.contains { compare(sub, $0, path: path).isEmpty }
      default: ok = false
      }
      if !ok { miss("something containing \(show(sub))") }
    }
    if let length = m["length"] {
      let n = actual?.arrayValue?.count ?? actual?.stringValue?.count
      let inner = compare(length, n.map { .int($0) }, path: path + ".length")
      if !inner.isEmpty { out += inner }
    }
    if let negated = m["not"], compare(negated, actual, path: path).isEmpty {
      miss("not " + show(negated))
    }
    return out
  }

  static func scalarEqual(_ a: JSONValue, _ b: JSONValue) -> Bool {
    if a == b { return true }
    switch (a, b) {
    case (.string(let s), _) where b.doubleValue != nil: return Double(s) == b.doubleValue
    case (_, .string(let s)) where a.doubleValue != nil: return Double(s) == a.doubleValue
    case (.string(let s), .bool(let v)), (.bool(let v), .string(let s)): return s == String(v)
    default: return false
    }
  }

  /// A short rendering for messages: strings bare, others as compact JSON-like text.
  static func show(_ v: JSONValue) -> String {
    switch v {
    case .null: return "null"
    case .bool(let b): return String(b)
    case .int(let i): return String(i)
    case .double(let d): return String(d)
    case .string(let s): return s
    case .array(let a): return "[" + a.map(show).joined(separator: ", ") + "]"
    case .object(let o):
      if isMatcher(v) {
        return o.map { k, v in k == "oneOf" ? "one of \(show(v))" : "\(k) \(show(v))" }.joined(
          separator: ", ")
      }
      return "{" + o.map { "\($0.0): \(show($0.1))" }.joined(separator: ", ") + "}"
    }
  }
}

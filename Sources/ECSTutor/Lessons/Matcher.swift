import ECSModel

/// One way a resource differs from what a step expects.
public struct Mismatch: Sendable, Equatable {
  /// Where, e.g. `containerDefinitions[name=web].portMappings[containerPort=80].hostPort`.
  public var path: String
  public var expected: Expectation
  /// What is there now; nil when the field is not set.
  public var actual: Found?
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
        return [Mismatch(path: path, expected: .object, actual: found(actual))]
      }
      var out: [Mismatch] = []
      for (k, v) in members {
        out += compare(v, actual[k], path: path.isEmpty ? k : path + "." + k)
      }
      return out
    case .array(let items):
      guard let actual, case .array(let have) = actual else {
        return [Mismatch(path: path, expected: .list, actual: found(actual))]
      }
      var out: [Mismatch] = []
      for item in items { out += compareItem(item, in: have, path: path) }
      return out
    case .string("absent"):
      return actual == nil || actual?.isNull == true
        ? [] : [Mismatch(path: path, expected: .absent, actual: found(actual))]
    default:
      guard let actual, scalarEqual(expected, actual) else {
        return [Mismatch(path: path, expected: .value(show(expected)), actual: found(actual))]
      }
      return []
    }
  }

  /// What is there, for a mismatch: nil when the field is not set.
  static func found(_ actual: JSONValue?) -> Found? {
    guard let actual, !actual.isNull else { return nil }
    return .value(show(actual))
  }

  /// One expected list item: find its partner by key, or any item that matches. When none
  /// matches, the closest item's differences are reported, so `check` shows what is there
  /// (`Principal.Service: ec2.amazonaws.com`) rather than nothing.
  static func compareItem(_ item: JSONValue, in have: [JSONValue], path: String) -> [Mismatch] {
    if case .object = item, !isMatcher(item), let key = listKeys.first(where: { item[$0] != nil }),
      let keyValue = item[key]
    {
      let label = "\(path)[\(key)=\(show(keyValue))]"
      guard let partner = have.first(where: { $0[key].map { scalarEqual(keyValue, $0) } ?? false })
      else {
        return [
          Mismatch(
            path: path, expected: .keyedItem("\(key)=\(show(keyValue))"),
            actual: have.isEmpty ? .emptyList : .noMatchingItem)
        ]
      }
      return compare(item, partner, path: label)
    }
    let attempts = have.indices.map { compare(item, have[$0], path: "\(path)[\($0)]") }
    if attempts.contains(where: \.isEmpty) { return [] }
    if have.isEmpty {
      return [Mismatch(path: path, expected: .itemLike(show(item)), actual: .emptyList)]
    }
    if case .object = item, !isMatcher(item), have.allSatisfy({ $0.objectValue != nil }),
      let best = attempts.min(by: { $0.count < $1.count })
    {
      return best
    }
    return [
      Mismatch(path: path, expected: .itemLike(show(item)), actual: .value(show(.array(have))))
    ]
  }

  /// A matcher object in words: `{min: 1, max: 3}` is "between 1 and 3".
  static func expectation(_ m: JSONValue) -> Expectation {
    guard isMatcher(m) else {
      return m == .string("absent") ? .absent : .value(show(m))
    }
    var parts: [Expectation] = []
    if let want = m["absent"]?.boolValue { parts.append(want ? .absent : .present) }
    if let want = m["present"]?.boolValue { parts.append(want ? .present : .absent) }
    if let options = m["oneOf"]?.arrayValue { parts.append(.oneOf(options.map(expectation))) }
    switch (m["min"], m["max"]) {
    case (let lo?, let hi?): parts.append(.between(show(lo), show(hi)))
    case (let lo?, nil): parts.append(.atLeast(show(lo)))
    case (nil, let hi?): parts.append(.atMost(show(hi)))
    default: break
    }
    if let pattern = m["regex"]?.stringValue { parts.append(.pattern(.parse(pattern))) }
    if let sub = m["contains"] { parts.append(.containing(show(sub))) }
    if let negated = m["not"] { parts.append(.not(expectation(negated))) }
    if let length = m["length"] { parts.append(expectation(length)) }
    return parts.count == 1 ? parts[0] : .oneOf(parts)
  }

  static func applyMatcher(_ m: JSONValue, _ actual: JSONValue?, path: String) -> [Mismatch] {
    let present = actual != nil && actual?.isNull == false
    var out: [Mismatch] = []
    func miss(_ expected: Expectation) {
      out.append(Mismatch(path: path, expected: expected, actual: found(actual)))
    }
    if let want = m["absent"]?.boolValue, want == present { miss(want ? .absent : .present) }
    if let want = m["present"]?.boolValue, want != present { miss(want ? .present : .absent) }
    if let options = m["oneOf"]?.arrayValue {
      let ok = options.contains { opt in
        if opt == .string("absent") { return !present }
        guard let actual else { return false }
        return compare(opt, actual, path: path).isEmpty
      }
      if !ok { miss(.oneOf(options.map(expectation))) }
    }
    let number = actual.flatMap { $0.doubleValue ?? $0.stringValue.flatMap(Double.init) }
    let lo = m["min"]?.doubleValue
    let hi = m["max"]?.doubleValue
    if lo != nil || hi != nil {
      let ok = number.map { n in (lo.map { n >= $0 } ?? true) && (hi.map { n <= $0 } ?? true) }
      if ok != true {
        var only = JSONValue.object([])
        if let v = m["min"] { only = only.setting("min", v) }
        if let v = m["max"] { only = only.setting("max", v) }
        miss(expectation(only))
      }
    }
    if let pattern = m["regex"]?.stringValue {
      let text = actual.map { $0.stringValue ?? show($0) }
      if let text, let re = try? Regex(pattern), (try? re.firstMatch(in: text)) != nil {
      } else {
        miss(.pattern(.parse(pattern)))
      }
    }
    if let sub = m["contains"] {
      switch actual {
      case .string(let s)?:
        if !(sub.stringValue.map { s.contains($0) } ?? false) { miss(.containing(show(sub))) }
      case .array(let items)? where sub.objectValue != nil && !isMatcher(sub):
        out += compareItem(sub, in: items, path: path)
      case .array(let items)?:
        if !items.contains(where: { compare(sub, $0, path: path).isEmpty }) {
          miss(.containing(show(sub)))
        }
      default: miss(.containing(show(sub)))
      }
    }
    if let length = m["length"] {
      let n = actual?.arrayValue?.count ?? actual?.stringValue?.count
      let inner = compare(length, n.map { .int($0) }, path: path + ".length")
      if !inner.isEmpty { out += inner }
    }
    if let negated = m["not"], compare(negated, actual, path: path).isEmpty {
      miss(.not(expectation(negated)))
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
      if isMatcher(v) { return expectation(v).description }
      return "{" + o.map { "\($0.0): \(show($0.1))" }.joined(separator: ", ") + "}"
    }
  }
}

extension Expectation.Pattern {
  /// The shape of a regular expression: `^nginx(:latest)?$` is `nginx` with or without
  /// `:latest`; anything not recognised stays a regular expression.
  static func parse(_ pattern: String) -> Self {
    var body = Substring(pattern)
    let start = body.hasPrefix("^")
    if start { body = body.dropFirst() }
    let end = body.hasSuffix("$") && !body.hasSuffix("\\$")
    if end { body = body.dropLast() }
    if start && end, body.hasSuffix(")?"), let open = body.lastIndex(of: "("),
      let base = literal(body[..<open]),
      let suffix = literal(body[body.index(after: open)..<body.index(body.endIndex, offsetBy: -2)]),
      !base.isEmpty, !suffix.isEmpty
    {
      return .withOrWithout(base, suffix: suffix)
    }
    guard let text = literal(body), !text.isEmpty else { return .regex(pattern) }
    switch (start, end) {
    case (true, true): return .exactly(text)
    case (true, false): return .startsWith(text)
    case (false, true): return .endsWith(text)
    case (false, false): return .contains(text)
    }
  }

  /// The text a pattern piece stands for when it has no special characters (`\.` is a dot).
  static func literal(_ piece: Substring) -> String? {
    var out = ""
    var escaped = false
    for c in piece {
      if escaped {
        guard ".-/:$^()[]{}*+?|\\".contains(c) else { return nil }
        out.append(c)
        escaped = false
      } else if c == "\\" {
        escaped = true
      } else if ".[](){}*+?|^$".contains(c) {
        return nil
      } else {
        out.append(c)
      }
    }
    return escaped ? nil : out
  }
}

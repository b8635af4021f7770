import ECSModel
import Yams

/// A YAML value with the line it came from, so every lesson error can say `file:line:`.
/// Lesson files are data only: custom tags are refused, nothing is constructed or run.
struct YAMLNode: Sendable {
  enum Value: Sendable {
    case scalar(String, plain: Bool)
    case list([YAMLNode])
    case map([(String, YAMLNode)])
    case null
  }
  var value: Value
  var line: Int

  static func parse(_ text: String, path: String) throws(LessonLoadError) -> YAMLNode {
    let root: Node?
    do {
      // The basic resolver tags no plain scalar by regular expression (a third of the load
      // time went there); `json` below types plain scalars itself.
      root = try Yams.compose(yaml: text, .basic)
    } catch let error as YamlError {
      throw LessonLoadError(
        path: path, line: YAMLNode.line(of: error), message: YAMLNode.describe(error))
    } catch {
      throw LessonLoadError(path: path, line: 1, message: "not valid YAML: \(error)")
    }
    guard let root else { return YAMLNode(value: .null, line: 1) }
    return try convert(root, path: path, depth: 0)
  }

  private static func convert(_ node: Node, path: String, depth: Int) throws(LessonLoadError)
    -> YAMLNode
  {
    let line = node.mark?.line ?? 1
    guard depth < 64 else {
      throw LessonLoadError(path: path, line: line, message: "nested more than 64 levels deep")
    }
    let tag = node.tag.rawValue
    let allowed =
      ["", "!", "?"]
      + ["str", "seq", "map", "bool", "float", "null", "int"].map { "tag:yaml.org,2002:" + $0 }
    if !allowed.contains(tag) {
      throw LessonLoadError(
        path: path, line: line,
        message: "custom YAML tag \(tag) is not allowed: lessons are data only")
    }
    switch node {
    case .scalar(let s):
      if s.style == .plain && ["~", "null", "Null", "NULL", ""].contains(s.string) {
        return YAMLNode(value: .null, line: line)
      }
      return YAMLNode(value: .scalar(s.string, plain: s.style == .plain), line: line)
    case .sequence(let seq):
      var items: [YAMLNode] = []
      for n in seq { items.append(try convert(n, path: path, depth: depth + 1)) }
      return YAMLNode(value: .list(items), line: line)
    case .mapping(let map):
      var members: [(String, YAMLNode)] = []
      for (k, v) in map {
        guard let key = k.string else {
          throw LessonLoadError(
            path: path, line: k.mark?.line ?? line, message: "keys must be plain text")
        }
        if members.contains(where: { $0.0 == key }) {
          throw LessonLoadError(
            path: path, line: k.mark?.line ?? line, message: "duplicate key '\(key)'")
        }
        members.append((key, try convert(v, path: path, depth: depth + 1)))
      }
      return YAMLNode(value: .map(members), line: line)
    case .alias:
      throw LessonLoadError(
        path: path, line: line, message: "YAML aliases are not supported in lessons")
    }
  }

  private static func line(of error: YamlError) -> Int {
    switch error {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
      return mark.line
    default: return 1
    }
  }

  private static func describe(_ error: YamlError) -> String {
    switch error {
    case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
      .composer(let context, let problem, _, _):
      return "not valid YAML: "
        + [context.map { "\($0.text)" }, problem].compactMap { $0 }.joined(separator: ", ")
    default: return "not valid YAML: \(error)"
    }
  }

  subscript(key: String) -> YAMLNode? {
    if case .map(let m) = value { return m.first { $0.0 == key }?.1 }
    return nil
  }

  var string: String? {
    if case .scalar(let s, _) = value { return s }
    return nil
  }

  /// The scalar as JSON: plain YAML scalars are typed (true/false, integers, floats), quoted ones
  /// stay strings.
  var json: JSONValue {
    switch value {
    case .null: return .null
    case .scalar(let s, let plain):
      guard plain else { return .string(s) }
      if ["true", "True", "TRUE"].contains(s) { return .bool(true) }
      if ["false", "False", "FALSE"].contains(s) { return .bool(false) }
      if let i = Int(s) { return .int(i) }
      if s.contains("."), let d = Double(s) { return .double(d) }
      return .string(s)
    case .list(let items): return .array(items.map(\.json))
    case .map(let m): return .object(m.map { ($0.0, $0.1.json) })
    }
  }
}

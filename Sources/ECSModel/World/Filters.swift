/// EC2's `--filters Name=...,Values=...`: every filter must match one of its values; `*` and `?`
/// are wildcards as EC2 allows.
struct Filters {
  var filters: [(name: String, values: [String])]

  init(_ items: [JSONValue]) throws(AWSError) {
    filters = []
    for item in items {
      guard let name = item["Name"]?.stringValue else {
        throw AWSError("InvalidParameterValue", "The filter 'null' is invalid")
      }
      filters.append((name, item["Values"]?.arrayValue?.compactMap(\.stringValue) ?? []))
    }
  }

  func accept(_ fields: [String: [String]]) throws(AWSError) -> Bool {
    for f in filters {
      // A `tag:KEY` filter on a resource without that tag matches nothing (not an error).
      if f.name.hasPrefix("tag:"), fields[f.name] == nil { return false }
      guard let have = fields[f.name] else {
        throw AWSError("InvalidParameterValue", "The filter '\(f.name)' is invalid")
      }
      if !have.contains(where: { h in f.values.contains { wildcardMatch($0, h) } }) { return false }
    }
    return true
  }
}

extension Filters {
  /// The `tag:KEY` and `tag-key` filter fields of a resource's tags.
  static func tagFields(_ tags: [Tag]) -> [String: [String]] {
    var out: [String: [String]] = ["tag-key": tags.map(\.key), "tag-value": tags.map(\.value)]
    for t in tags { out["tag:" + t.key, default: []].append(t.value) }
    return out
  }
}

import ECSModel

/// The resource selections a lesson can assert on. Each returns the resources as the describe
/// call prints them, so a learner can compare the check with what `aws ... describe-...` shows.
enum Queries {
  typealias Query = @Sendable (World, JSONValue) -> [JSONValue]

  /// Singular kinds select one resource (and fail when it is missing); plural kinds select a list.
  static let table = definitionTable.merging(runtimeTable) { a, _ in a }
    .merging(reachTable) { a, _ in a }

  static let definitionTable: [String: (plural: Bool, query: Query)] = [
    "cluster": (false, { w, p in clusters(w, p) }),
    "clusters": (true, { w, p in clusters(w, p) }),
    "taskDefinition": (false, { w, p in taskDefinition(w, p) }),
    "taskDefinitions": (true, { w, p in taskDefinitions(w, p) }),
  ]

  static var kinds: Set<String> { Set(table.keys) }
  static func isPlural(_ kind: String) -> Bool? { table[kind]?.plural }

  static func run(_ selector: Selector, on world: World) -> [JSONValue] {
    table[selector.kind]?.query(world, selector.params) ?? []
  }

  /// `cluster: demo` or `cluster: {name: demo}`; `clusters: {}` selects every ACTIVE cluster.
  static func clusters(_ w: World, _ p: JSONValue) -> [JSONValue] {
    let name = p.stringValue ?? p["name"]?.stringValue
    return w.clusters.filter { $0.status == "ACTIVE" && (name == nil || $0.name == name) }
      .map { w.clusterDocument($0, include: ["SETTINGS", "TAGS"]) }
  }

  /// `taskDefinition: {family: web, revision: latest}` (latest ACTIVE when revision is omitted) or
  /// `taskDefinition: web:2`.
  static func taskDefinition(_ w: World, _ p: JSONValue) -> [JSONValue] {
    var family = p["family"]?.stringValue
    var revision = p["revision"]
    if let s = p.stringValue {
      let parts = s.split(separator: ":", maxSplits: 1).map(String.init)
      family = parts.first
      revision = parts.count > 1 ? .string(parts[1]) : nil
    }
    let revs = w.taskDefinitions.filter { $0.family == family }
    let chosen: TaskDefinition?
    if let n = revision?.intValue ?? revision?.stringValue.flatMap({ Int($0) }) {
      chosen = revs.first { $0.revision == n }
    } else {
      chosen = revs.last { $0.status == "ACTIVE" }
    }
    return chosen.map { [$0.document] } ?? []
  }

  /// `taskDefinitions: {family: web, status: ACTIVE}` (status ALL for every revision).
  static func taskDefinitions(_ w: World, _ p: JSONValue) -> [JSONValue] {
    let family = p["family"]?.stringValue ?? p.stringValue
    let status = p["status"]?.stringValue ?? "ACTIVE"
    return w.taskDefinitions.filter {
      (family == nil || $0.family == family) && (status == "ALL" || $0.status == status)
    }.map(\.document)
  }

  /// A readable name for the selection in the learner's language, e.g. `cluster demo`,
  /// `クラスター demo` (the words are in the catalogue, `Msg.selection`).
  static func describe(_ s: Selector, _ lang: Language = .en) -> String {
    let p = s.params
    if s.kind == "reach" { return describeReach(p, lang) }
    var params = SelectionParams()
    params.name = p.stringValue ?? p["name"]?.stringValue
    params.cluster = p["cluster"]?.stringValue
    params.family = p["family"]?.stringValue
    params.revision = p["revision"].flatMap { $0 == .string("latest") ? nil : Matcher.show($0) }
    if s.kind == "taskDefinition", let ref = p.stringValue {
      let parts = ref.split(separator: ":", maxSplits: 1).map(String.init)
      params.family = parts.first
      params.revision = parts.count > 1 ? parts[1] : nil
    }
    if s.kind == "taskDefinitions" { params.family = params.family ?? p.stringValue }
    params.serviceName = p["serviceName"]?.stringValue
    params.desiredStatus = p["desiredStatus"]?.stringValue
    params.lastStatus = p["lastStatus"]?.stringValue
    params.launchType = p["launchType"]?.stringValue
    params.repository = p["repository"]?.stringValue ?? p.stringValue
    return Msg.selection(kind: s.kind, params: params).text(lang)
  }
}

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
  /// `クラスター demo`. API names and values stay in English, as in AWS's Japanese docs.
  static func describe(_ s: Selector, _ lang: Language = .en) -> String {
    let p = s.params
    let ja = lang == .ja
    let name = p.stringValue ?? p["name"]?.stringValue ?? "?"
    let cluster = p["cluster"]?.stringValue
    switch s.kind {
    case "cluster": return (ja ? "クラスター " : "cluster ") + name
    case "clusters": return ja ? "クラスター" : "clusters"
    case "taskDefinition":
      let rev = p["revision"].map { Matcher.show($0) } ?? "latest"
      let ref = p.stringValue ?? "\(p["family"]?.stringValue ?? "?"):\(rev)"
      return (ja ? "タスク定義 " : "task definition ") + ref
    case "taskDefinitions":
      let fam = p["family"]?.stringValue ?? p.stringValue
      if ja { return fam.map { "タスク定義ファミリー \($0) のリビジョン" } ?? "タスク定義" }
      return fam.map { "revisions of task definition family \($0)" } ?? "task definitions"
    case "service":
      return ja
        ? (cluster.map { "クラスター \($0) の" } ?? "") + "サービス \(name)"
        : "service \(name)" + (cluster.map { " in cluster \($0)" } ?? "")
    case "services":
      return ja
        ? (cluster.map { "クラスター \($0) の" } ?? "") + "サービス"
        : "services" + (cluster.map { " in cluster \($0)" } ?? "")
    case "tasks":
      var parts: [String] = []
      if let f = p["family"]?.stringValue { parts.append("family \(f)") }
      if let v = p["serviceName"]?.stringValue { parts.append((ja ? "サービス " : "service ") + v) }
      if let d = p["desiredStatus"]?.stringValue { parts.append("desiredStatus \(d)") }
      if let d = p["lastStatus"]?.stringValue { parts.append("lastStatus \(d)") }
      if let l = p["launchType"]?.stringValue { parts.append(l) }
      let filter = parts.isEmpty ? "" : "（" + parts.joined(separator: ", ") + "）"
      if ja { return (cluster.map { "クラスター \($0) の" } ?? "") + "タスク" + filter }
      return "tasks" + (parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")")
        + (cluster.map { " in cluster \($0)" } ?? "")
    case "containerInstances":
      return ja
        ? (cluster.map { "クラスター \($0) の" } ?? "") + "コンテナインスタンス"
        : "container instances" + (cluster.map { " in cluster \($0)" } ?? "")
    case "instances": return ja ? "EC2 インスタンス" : "EC2 instances"
    case "repository": return (ja ? "ECR リポジトリ " : "ECR repository ") + name
    case "repositories": return ja ? "ECR リポジトリ" : "ECR repositories"
    case "images":
      let repo = p["repository"]?.stringValue ?? p.stringValue ?? "?"
      return ja ? "リポジトリ \(repo) のイメージ" : "images in repository \(repo)"
    case "role": return (ja ? "IAM ロール " : "IAM role ") + name
    case "reach": return describeReach(p, lang)
    default: return s.kind
    }
  }
}

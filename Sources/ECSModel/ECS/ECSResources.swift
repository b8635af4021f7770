/// ECS's resource kinds: clusters, task definitions, services, tasks.
enum ECSResources {
  static let all: [ResourceDescriptor] = [
    ResourceDescriptor(
      name: "cluster",
      selectors: [.one("cluster", select: clusters), .many("clusters", select: clusters)],
      completions: [(.clusters, { w in w.clusters.filter { $0.status == .active }.map(\.name) })],
      // A cluster with services, tasks or container instances cannot be deleted.
      deleteBlockers: [
        World.servicesBlockDeletion, World.tasksBlockDeletion, World.clusterHasContainerInstances,
      ]),
    ResourceDescriptor(
      name: "taskDefinition",
      selectors: [
        .one("taskDefinition", select: taskDefinition),
        .many("taskDefinitions", select: taskDefinitions),
      ],
      completions: [
        (.taskDefinitionFamilies, { w in World.unique(w.taskDefinitions.map(\.family)) }),
        (
          .taskDefinitions,
          { w in
            World.unique(w.taskDefinitions.map(\.family))
              + w.taskDefinitions.filter { $0.status == .active }.map(\.familyRevision)
          }
        ),
      ]),
    ResourceDescriptor(
      name: "service",
      selectors: [.one("service", select: services), .many("services", select: services)],
      completions: [
        (.services, { w in World.unique(w.workloads.services.filter(\.isActive).map(\.name)) })
      ]),
    ResourceDescriptor(
      name: "task", selectors: [.many("tasks", select: tasks)],
      completions: [(.tasks, { w in w.workloads.tasks.map(\.id) })]),
  ]

  /// The ARN of the selection's `cluster` (default: `default`).
  static func clusterArn(_ w: World, _ p: JSONValue) -> String? {
    let ref = p["cluster"]?.stringValue ?? "default"
    return w.clusters.first { $0.name == ref || $0.arn == ref }?.arn
  }

  /// `cluster: demo` or `cluster: {name: demo}`; `clusters: {}` selects every ACTIVE cluster.
  static func clusters(_ w: World, _ p: JSONValue) -> [JSONValue] {
    let name = p.stringValue ?? p["name"]?.stringValue
    return w.clusters.filter { $0.status == .active && (name == nil || $0.name == name) }
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
      chosen = revs.last { $0.status == .active }
    }
    return chosen.map { [$0.document] } ?? []
  }

  /// `taskDefinitions: {family: web, status: ACTIVE}` (status ALL for every revision).
  static func taskDefinitions(_ w: World, _ p: JSONValue) -> [JSONValue] {
    let family = p["family"]?.stringValue ?? p.stringValue
    let status = p["status"]?.stringValue ?? "ACTIVE"
    return w.taskDefinitions.filter {
      (family == nil || $0.family == family) && (status == "ALL" || $0.status.rawValue == status)
    }.map(\.document)
  }

  /// `service: {cluster: demo, name: web}` — the newest service of that name (ACTIVE or not).
  static func services(_ w: World, _ p: JSONValue) -> [JSONValue] {
    guard let arn = clusterArn(w, p) else { return [] }
    let name = p["name"]?.stringValue ?? p.stringValue
    let chosen = w.workloads.services.filter {
      $0.clusterArn == arn && (name == nil || $0.name == name)
    }
    if name != nil { return chosen.last.map { [w.serviceDocument($0)] } ?? [] }
    return chosen.filter { $0.status == .active }.map { w.serviceDocument($0) }
  }

  /// `tasks: {cluster, family, serviceName, desiredStatus, lastStatus, launchType, startedBy}`.
  static func tasks(_ w: World, _ p: JSONValue) -> [JSONValue] {
    guard let arn = clusterArn(w, p) else { return [] }
    let family = p["family"]?.stringValue
    let serviceName = p["serviceName"]?.stringValue
    let desired = p["desiredStatus"]?.stringValue
    let last = p["lastStatus"]?.stringValue
    let launchType = p["launchType"]?.stringValue
    let startedBy = p["startedBy"]?.stringValue
    return w.workloads.tasks.filter { t in
      t.clusterArn == arn && (family == nil || t.family == family)
        && (serviceName == nil || t.group == "service:" + (serviceName ?? ""))
        && (desired == nil || t.desiredStatus.rawValue == desired)
        && (last == nil || t.lastStatus.rawValue == last)
        && (launchType == nil || t.launchType.rawValue == launchType)
        && (startedBy == nil || t.startedBy == startedBy)
    }.map { w.taskDocument($0) }
  }
}

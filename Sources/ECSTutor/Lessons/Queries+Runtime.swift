import ECSModel

/// Selections over what runs and what it runs on: services, tasks, container instances, EC2
/// instances, ECR repositories and images, IAM roles.
extension Queries {
  static let runtimeTable: [String: (plural: Bool, query: Query)] = [
    "service": (false, { w, p in services(w, p) }),
    "services": (true, { w, p in services(w, p) }),
    "tasks": (true, { w, p in tasks(w, p) }),
    "containerInstances": (true, { w, p in containerInstances(w, p) }),
    "instances": (true, { w, p in instances(w, p) }),
    "repository": (false, { w, p in repositories(w, p) }),
    "repositories": (true, { w, p in repositories(w, p) }),
    "images": (true, { w, p in images(w, p) }),
    "role": (false, { w, p in roles(w, p) }),
  ]

  static func clusterArn(_ w: World, _ p: JSONValue) -> String? {
    let ref = p["cluster"]?.stringValue ?? "default"
    return w.clusters.first { $0.name == ref || $0.arn == ref }?.arn
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
        && (launchType == nil || t.launchType == launchType)
        && (startedBy == nil || t.startedBy == startedBy)
    }.map { w.taskDocument($0) }
  }

  /// `containerInstances: {cluster: demo, status: ACTIVE}` (status omitted: ACTIVE and DRAINING).
  static func containerInstances(_ w: World, _ p: JSONValue) -> [JSONValue] {
    guard let arn = clusterArn(w, p) else { return [] }
    let status = p["status"]?.stringValue
    return w.registeredContainerInstances(in: arn).filter { status == nil || $0.status == status }
      .map { w.containerInstanceDocument($0, include: []) }
  }

  /// `instances: {state: running, instanceType: t3.medium}` — EC2 instances as describe-instances
  /// prints them.
  static func instances(_ w: World, _ p: JSONValue) -> [JSONValue] {
    let state = p["state"]?.stringValue
    let type = p["instanceType"]?.stringValue
    return w.capacity.instances.filter {
      (state == nil || $0.state.rawValue == state) && (type == nil || $0.instanceType == type)
    }.map { w.instanceDocument($0) }
  }

  /// `repository: web` — as describe-repositories prints it.
  static func repositories(_ w: World, _ p: JSONValue) -> [JSONValue] {
    let name = p.stringValue ?? p["name"]?.stringValue
    return w.repositoryDocuments().filter {
      name == nil || $0["repositoryName"]?.stringValue == name
    }
  }

  /// `images: {repository: web}` — as describe-images prints them.
  static func images(_ w: World, _ p: JSONValue) -> [JSONValue] {
    guard let repo = p["repository"]?.stringValue ?? p.stringValue else { return [] }
    return w.imageDocuments(repository: repo) ?? []
  }

  /// `role: ecsTaskExecutionRole` — get-role's Role plus AttachedPolicies and InlinePolicyNames.
  static func roles(_ w: World, _ p: JSONValue) -> [JSONValue] {
    guard let name = p.stringValue ?? p["name"]?.stringValue else { return [] }
    return w.roleCheckDocument(name).map { [$0] } ?? []
  }
}

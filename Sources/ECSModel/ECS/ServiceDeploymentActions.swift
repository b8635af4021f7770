/// ListServiceDeployments, DescribeServiceDeployments, DescribeServiceRevisions (a service
/// deployment and its target revision are read from the service's deployments, current and past)
/// and ListServicesByNamespace (Service Connect namespaces).
enum ServiceDeploymentActions {
  static let table: [String: ActionHandler] = [
    "ListServiceDeployments": listServiceDeployments,
    "DescribeServiceDeployments": describeServiceDeployments,
    "DescribeServiceRevisions": describeServiceRevisions,
    "ListServicesByNamespace": listServicesByNamespace,
  ]

  static func listServiceDeployments(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let cluster = try world.requireCluster(
      req.string("cluster") ?? clusterName(req.string("service")))
    let s = try world.serviceIndex(req.string("service") ?? "", cluster: cluster)
    let svc = world.workloads.services[s]
    let wanted = req.strings("status")
    let items: [JSONValue] = svc.allDeployments.compactMap { d in
      let status = svc.deploymentStatus(d)
      if let wanted, !wanted.contains(status) { return nil }
      return jsonObject([
        ("serviceDeploymentArn", .string(world.serviceDeploymentArn(svc, d))),
        ("serviceArn", .string(svc.arn)), ("clusterArn", .string(svc.clusterArn)),
        ("startedAt", .string(Timestamp.iso8601(millis: d.createdAt))),
        ("createdAt", .string(Timestamp.iso8601(millis: d.createdAt))),
        ("finishedAt", svc.finishedAt(d).map { .string(Timestamp.iso8601(millis: $0)) }),
        ("targetServiceRevisionArn", .string(world.serviceRevisionArn(svc, d))),
        ("status", .string(status)),
      ])
    }
    return try paginate(items, key: "serviceDeployments", req)
  }

  static func describeServiceDeployments(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    var found: [JSONValue] = []
    var failures: [JSONValue] = []
    for arn in req.strings("serviceDeploymentArns") ?? [] {
      guard let (svc, d) = world.deployment(arn, kind: "service-deployment") else {
        failures.append(["arn": .string(arn), "reason": "MISSING"])
        continue
      }
      let counts = world.serviceCounts(svc).byDeployment[d.id] ?? (0, 0)
      let dc = svc.deploymentConfiguration
      let sources = svc.allDeployments.filter { $0.createdAt < d.createdAt }.suffix(1)
      found.append(
        jsonObject([
          ("serviceDeploymentArn", .string(arn)), ("serviceArn", .string(svc.arn)),
          ("clusterArn", .string(svc.clusterArn)),
          ("createdAt", .string(Timestamp.iso8601(millis: d.createdAt))),
          ("startedAt", .string(Timestamp.iso8601(millis: d.createdAt))),
          ("finishedAt", svc.finishedAt(d).map { .string(Timestamp.iso8601(millis: $0)) }),
          ("updatedAt", .string(Timestamp.iso8601(millis: d.updatedAt))),
          (
            "sourceServiceRevisions",
            .array(
              sources.map { s in
                let c = world.serviceCounts(svc).byDeployment[s.id] ?? (0, 0)
                return [
                  "arn": .string(world.serviceRevisionArn(svc, s)),
                  "requestedTaskCount": .int(s.desiredCount), "runningTaskCount": .int(c.0),
                  "pendingTaskCount": .int(c.1),
                ]
              })
          ),
          (
            "targetServiceRevision",
            [
              "arn": .string(world.serviceRevisionArn(svc, d)),
              "requestedTaskCount": .int(d.desiredCount), "runningTaskCount": .int(counts.0),
              "pendingTaskCount": .int(counts.1),
            ]
          ),
          ("status", .string(svc.deploymentStatus(d))),
          (
            "deploymentConfiguration",
            [
              "deploymentCircuitBreaker": [
                "enable": .bool(dc.circuitBreakerEnable),
                "rollback": .bool(dc.circuitBreakerRollback),
              ],
              "maximumPercent": .int(dc.maximumPercent),
              "minimumHealthyPercent": .int(dc.minimumHealthyPercent),
              "alarms": ServiceShape.alarmsDocument(dc),
            ]
          ),
          (
            "deploymentCircuitBreaker",
            [
              "status": .string(
                !dc.circuitBreakerEnable
                  ? "DISABLED"
                  : d.rolloutState == .inProgress
                    ? "MONITORING"
                    : d.rolloutState
                      == .failed ? "TRIGGERED" : "MONITORING_COMPLETE"),
              "failureCount": .int(d.failedTasks),
              "threshold": .int(Reconciler.threshold(d.desiredCount)),
            ]
          ),
          ("alarms", ["status": dc.alarmsEnable ? "MONITORING" : "DISABLED"]),
        ]))
    }
    return ["serviceDeployments": .array(found), "failures": .array(failures)]
  }

  static func describeServiceRevisions(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    var found: [JSONValue] = []
    var failures: [JSONValue] = []
    for arn in req.strings("serviceRevisionArns") ?? [] {
      guard let (svc, d) = world.deployment(arn, kind: "service-revision") else {
        failures.append(["arn": .string(arn), "reason": "MISSING"])
        continue
      }
      let images: [JSONValue] =
        world.taskDefinitions.first { $0.arn == d.taskDefinitionArn }?.containers.map { c in
          var digest: JSONValue? = nil
          if case .found(let found, _, _, _) = world.resolveImage(c.image) {
            digest = .string(found)
          }
          return jsonObject([
            ("containerName", .string(c.name)), ("imageDigest", digest),
            ("image", .string(c.image)),
          ])
        } ?? []
      found.append(
        jsonObject([
          ("serviceRevisionArn", .string(arn)), ("serviceArn", .string(svc.arn)),
          ("clusterArn", .string(svc.clusterArn)),
          ("taskDefinition", .string(d.taskDefinitionArn)),
          (
            "capacityProviderStrategy",
            d.capacityProviderStrategy.isEmpty
              ? nil : .array(d.capacityProviderStrategy.map(\.document))
          ),
          ("launchType", d.launchType.map { .string($0.rawValue) }),
          ("platformVersion", d.platformVersion.map { .string($0) }),
          ("platformFamily", d.platformVersion.map { _ in "Linux" }),
          ("networkConfiguration", d.networkConfiguration?.document),
          ("containerImages", .array(images)),
          ("guardDutyEnabled", false),
          (
            "serviceConnectConfiguration",
            svc.serviceConnectConfiguration ?? ["enabled": false]
          ),
          (
            "volumeConfigurations",
            d.volumeConfigurations.isEmpty ? nil : .array(d.volumeConfigurations)
          ),
          ("createdAt", .string(Timestamp.iso8601(millis: d.createdAt))),
        ]))
    }
    return ["serviceRevisions": .array(found), "failures": .array(failures)]
  }

  /// The services of every cluster whose Service Connect configuration names the namespace
  /// (by name or ARN), or that use their cluster's default namespace.
  static func listServicesByNamespace(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let asked = world.cloudMapNamespaceArn(req.string("namespace") ?? "")
    let arns: [JSONValue] = world.workloads.services.filter { svc in
      guard svc.isActive, let sc = svc.serviceConnectConfiguration,
        sc["enabled"]?.boolValue == true
      else { return false }
      let ns =
        sc["namespace"]?.stringValue.map(world.cloudMapNamespaceArn)
        ?? world.clusters.first { $0.arn == svc.clusterArn }?.serviceConnectNamespace
      return ns == asked
    }.map { .string($0.arn) }
    return try paginate(arns, key: "serviceArns", req)
  }

  /// The cluster named in a service ARN (`service/CLUSTER/NAME`), else nil.
  static func clusterName(_ service: String?) -> String? {
    guard let s = service, s.hasPrefix("arn:") else { return nil }
    let parts = s.split(separator: "/")
    return parts.count == 3 ? String(parts[1]) : nil
  }
}

extension Service {
  /// Current deployments and the ones that ended, oldest first.
  var allDeployments: [Deployment] {
    (pastDeployments + deployments).sorted { $0.createdAt < $1.createdAt }
  }

  /// The service deployment's status as ListServiceDeployments prints it.
  func deploymentStatus(_ d: Deployment) -> String {
    if deployments.first?.id == d.id {
      switch d.rolloutState {
      case .inProgress: return "IN_PROGRESS"
      case .completed: return "SUCCESSFUL"
      case .failed: return "ROLLBACK_IN_PROGRESS"
      }
    }
    switch d.rolloutState {
    case .completed: return "SUCCESSFUL"
    case .failed:
      return deploymentConfiguration.circuitBreakerRollback ? "ROLLBACK_SUCCESSFUL" : "STOPPED"
    case .inProgress: return "STOPPED"
    }
  }

  func finishedAt(_ d: Deployment) -> Int64? {
    deploymentStatus(d).hasSuffix("IN_PROGRESS") ? nil : d.updatedAt
  }
}

extension World {
  /// `service-deployment/CLUSTER/SERVICE/ID`: the ID is derived from the deployment's.
  func serviceDeploymentArn(_ svc: Service, _ d: Deployment) -> String {
    let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    var n = UInt64(d.id.dropFirst(8)) ?? 0
    var id = ""
    for _ in 0..<21 {
      id.append(alphabet[Int(n % 62)])
      n = n / 62 &+ n &* 31 % 1_000_003
    }
    return arn(
      service: "ecs", resource: "service-deployment/\(clusterNameOf(svc))/\(svc.name)/\(id)")
  }

  /// `service-revision/CLUSTER/SERVICE/DIGITS`: the deployment's 19 digits.
  func serviceRevisionArn(_ svc: Service, _ d: Deployment) -> String {
    arn(
      service: "ecs",
      resource: "service-revision/\(clusterNameOf(svc))/\(svc.name)/\(d.id.dropFirst(8))")
  }

  func clusterNameOf(_ svc: Service) -> String {
    String(svc.clusterArn.split(separator: "/").last ?? "")
  }

  /// The service and deployment a service-deployment or service-revision ARN names.
  func deployment(_ arn: String, kind: String) -> (Service, Deployment)? {
    for svc in workloads.services {
      for d in svc.allDeployments {
        let mine =
          kind == "service-deployment" ? serviceDeploymentArn(svc, d) : serviceRevisionArn(svc, d)
        if mine == arn { return (svc, d) }
      }
    }
    return nil
  }
}

/// Application Auto Scaling for ECS services: RegisterScalableTarget, DescribeScalableTargets,
/// DeregisterScalableTarget, PutScalingPolicy, DescribeScalingPolicies, DeleteScalingPolicy.
enum AutoScalingActions {
  static let table: [String: ActionHandler] = [
    "RegisterScalableTarget": register,
    "DescribeScalableTargets": describeTargets,
    "DeregisterScalableTarget": deregister,
    "PutScalingPolicy": putPolicy,
    "DescribeScalingPolicies": describePolicies,
    "DeleteScalingPolicy": deletePolicy,
  ]

  static let dimension = "ecs:service:DesiredCount"

  static func validation(_ m: String) -> AWSError { AWSError("ValidationException", m) }

  static func checkNamespace(_ req: Request) throws(AWSError) {
    let ns = req.string("ServiceNamespace") ?? ""
    guard ns == "ecs" else {
      // ecs-tutor simulates the ECS namespace only.
      throw validation(
        "ecs-tutor simulates Application Auto Scaling for the ecs namespace only, not \(ns).")
    }
    if let d = req.string("ScalableDimension"), d != dimension {
      throw validation("Unsupported scalable dimension for service namespace ecs: \(d)")
    }
  }

  static func register(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    try checkNamespace(req)
    let resourceId = req.string("ResourceId") ?? ""
    guard world.service(resourceId: resourceId) != nil else {
      throw validation("ECS service doesn't exist: \(resourceId)")
    }
    if let k = world.workloads.scalableTargets.firstIndex(where: { $0.resourceId == resourceId }) {
      // Registering again updates the bounds.
      if let m = req.int("MinCapacity") { world.workloads.scalableTargets[k].minCapacity = m }
      if let m = req.int("MaxCapacity") { world.workloads.scalableTargets[k].maxCapacity = m }
      guard
        world.workloads.scalableTargets[k].minCapacity
          <= world.workloads.scalableTargets[k].maxCapacity
      else {
        throw validation("Minimum capacity cannot be greater than maximum capacity")
      }
      return ["ScalableTargetARN": .string(world.workloads.scalableTargets[k].arn)]
    }
    guard let minC = req.int("MinCapacity"), let maxC = req.int("MaxCapacity") else {
      throw validation(
        "MinCapacity and MaxCapacity are required for registering a new scalable target")
    }
    guard minC >= 0, minC <= maxC else {
      throw validation("Minimum capacity cannot be greater than maximum capacity")
    }
    let target = ScalableTarget(
      resourceId: resourceId, scalableDimension: dimension, minCapacity: minC, maxCapacity: maxC,
      roleArn: req.string("RoleARN")
        ?? "arn:aws:iam::\(world.account):role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService",
      creationTime: world.clock.nowMillis,
      arn: world.arn(
        service: "application-autoscaling", resource: "scalable-target/" + world.random.hex(36))
    )
    world.workloads.scalableTargets.append(target)
    world.record(
      .service, "Scalable target \(resourceId) registered (\(minC)..\(maxC)).",
      .scalableTargetRegistered(resourceId, min: minC, max: maxC))
    return ["ScalableTargetARN": .string(target.arn)]
  }

  static func describeTargets(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    try checkNamespace(req)
    let ids = req.strings("ResourceIds")
    let items: [JSONValue] = world.workloads.scalableTargets.filter {
      ids?.contains($0.resourceId) ?? true
    }.map {
      [
        "ServiceNamespace": "ecs", "ResourceId": .string($0.resourceId),
        "ScalableDimension": .string($0.scalableDimension),
        "MinCapacity": .int($0.minCapacity), "MaxCapacity": .int($0.maxCapacity),
        "RoleARN": .string($0.roleArn),
        "CreationTime": .string(Timestamp.iso8601(millis: $0.creationTime)),
        "SuspendedState": [
          "DynamicScalingInSuspended": false, "DynamicScalingOutSuspended": false,
          "ScheduledScalingSuspended": false,
        ],
        "ScalableTargetARN": .string($0.arn),
      ]
    }
    return ["ScalableTargets": .array(items)]
  }

  static func deregister(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    try checkNamespace(req)
    let resourceId = req.string("ResourceId") ?? ""
    guard world.workloads.scalableTargets.contains(where: { $0.resourceId == resourceId }) else {
      throw AWSError(
        "ObjectNotFoundException",
        "No scalable target found for service namespace: ecs, resource ID: \(resourceId), scalable dimension: \(dimension)"
      )
    }
    world.workloads.scalableTargets.removeAll { $0.resourceId == resourceId }
    world.workloads.scalingPolicies.removeAll { $0.resourceId == resourceId }
    return .object([])
  }

  static func putPolicy(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    try checkNamespace(req)
    let resourceId = req.string("ResourceId") ?? ""
    let name = req.string("PolicyName") ?? ""
    guard world.workloads.scalableTargets.contains(where: { $0.resourceId == resourceId }) else {
      throw AWSError(
        "ObjectNotFoundException",
        "No scalable target registered for service namespace: ecs, resource ID: \(resourceId), scalable dimension: \(dimension)"
      )
    }
    let type = req.string("PolicyType") ?? "StepScaling"
    guard type == "TargetTrackingScaling" else {
      throw validation("ecs-tutor simulates TargetTrackingScaling policies only.")
    }
    guard let config = req["TargetTrackingScalingPolicyConfiguration"],
      let target = config["TargetValue"]?.doubleValue
    else {
      throw validation(
        "TargetTrackingScalingPolicyConfiguration is required for a policy of type TargetTrackingScaling"
      )
    }
    guard target > 0, target.isFinite else {
      // UNCONFIRMED wording; botocore's minimum for TargetValue is above zero.
      throw validation("TargetValue must be greater than 0")
    }
    let metric = config["PredefinedMetricSpecification"]?["PredefinedMetricType"]?.stringValue ?? ""
    guard
      metric == "ECSServiceAverageCPUUtilization" || metric == "ECSServiceAverageMemoryUtilization"
    else {
      throw validation(
        "ecs-tutor simulates the predefined metrics ECSServiceAverageCPUUtilization and ECSServiceAverageMemoryUtilization."
      )
    }
    let existing = world.workloads.scalingPolicies.firstIndex {
      $0.resourceId == resourceId && $0.policyName == name
    }
    let uuid = existing.map { _ in "" } ?? world.random.uuid()
    let arn =
      existing.map { world.workloads.scalingPolicies[$0].policyArn }
      ?? world.arn(
        service: "autoscaling",
        resource: "scalingPolicy:\(uuid):resource/ecs/\(resourceId):policyName/\(name)")
    var policy = ScalingPolicy(
      policyName: name, policyArn: arn, resourceId: resourceId, scalableDimension: dimension,
      targetValue: target,
      predefinedMetric: metric, scaleOutCooldown: config["ScaleOutCooldown"]?.intValue ?? 300,
      scaleInCooldown: config["ScaleInCooldown"]?.intValue ?? 300,
      disableScaleIn: config["DisableScaleIn"]?.boolValue ?? false,
      creationTime: world.clock.nowMillis,
      configuration: config)
    policy.alarmIds =
      existing.map { world.workloads.scalingPolicies[$0].alarmIds } ?? [
        world.random.uuid(), world.random.uuid(),
      ]
    if let k = existing {
      world.workloads.scalingPolicies[k] = policy
    } else {
      world.workloads.scalingPolicies.append(policy)
    }
    return ["PolicyARN": .string(arn), "Alarms": .array(world.alarms(policy))]
  }

  static func describePolicies(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    try checkNamespace(req)
    let names = req.strings("PolicyNames")
    let items: [JSONValue] = world.workloads.scalingPolicies.filter { p in
      (names?.contains(p.policyName) ?? true)
        && (req.string("ResourceId").map { $0 == p.resourceId } ?? true)
    }.map { p in
      [
        "PolicyARN": .string(p.policyArn), "PolicyName": .string(p.policyName),
        "ServiceNamespace": "ecs",
        "ResourceId": .string(p.resourceId), "ScalableDimension": .string(p.scalableDimension),
        "PolicyType": "TargetTrackingScaling",
        "TargetTrackingScalingPolicyConfiguration": p.configuration,
        "Alarms": .array(world.alarms(p)),
        "CreationTime": .string(Timestamp.iso8601(millis: p.creationTime)),
      ]
    }
    return ["ScalingPolicies": .array(items)]
  }

  static func deletePolicy(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    try checkNamespace(req)
    let name = req.string("PolicyName") ?? ""
    let resourceId = req.string("ResourceId") ?? ""
    guard
      world.workloads.scalingPolicies.contains(where: {
        $0.policyName == name && $0.resourceId == resourceId
      })
    else {
      throw AWSError(
        "ObjectNotFoundException",
        "No scaling policy found for service namespace: ecs, resource ID: \(resourceId), scalable dimension: \(dimension), policy name: \(name)"
      )
    }
    world.workloads.scalingPolicies.removeAll {
      $0.policyName == name && $0.resourceId == resourceId
    }
    return .object([])
  }
}

extension World {
  /// The ECS service a `service/CLUSTER/NAME` resource ID names.
  func service(resourceId: String) -> Int? {
    let parts = resourceId.split(separator: "/")
    guard parts.count == 3, parts[0] == "service", let c = cluster(String(parts[1])) else {
      return nil
    }
    return workloads.services.lastIndex {
      $0.clusterArn == c.arn && $0.name == parts[2] && $0.isActive
    }
  }

  func alarms(_ p: ScalingPolicy) -> [JSONValue] {
    zip(["AlarmHigh", "AlarmLow"], p.alarmIds).map { kind, id in
      let name = "TargetTracking-\(p.resourceId)-\(kind)-\(id)"
      return [
        "AlarmARN": .string(arn(service: "cloudwatch", resource: "alarm:" + name)),
        "AlarmName": .string(name),
      ]
    }
  }
}

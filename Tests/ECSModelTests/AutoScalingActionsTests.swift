import Testing

@testable import ECSModel

@Suite struct AutoScalingActionsTests {
  static let resource: JSONValue = "service/default/web"

  func scaled(desired: Int = 2, min: Int = 1, max: Int = 6) throws -> World {
    var w = try World.workloads(instances: 3)
    try w.web(cpu: 128, memory: 128, hostPort: 0)
    try w.ecs(
      "CreateService",
      ["serviceName": "web", "taskDefinition": "web", "desiredCount": .int(desired)])
    w.settle(maxSeconds: 300)
    _ = try w.perform(
      service: "application-autoscaling", operation: "RegisterScalableTarget",
      [
        "ServiceNamespace": "ecs", "ResourceId": Self.resource,
        "ScalableDimension": "ecs:service:DesiredCount",
        "MinCapacity": .int(min), "MaxCapacity": .int(max),
      ])
    _ = try w.perform(
      service: "application-autoscaling", operation: "PutScalingPolicy",
      [
        "ServiceNamespace": "ecs", "ResourceId": Self.resource,
        "ScalableDimension": "ecs:service:DesiredCount",
        "PolicyName": "cpu50", "PolicyType": "TargetTrackingScaling",
        "TargetTrackingScalingPolicyConfiguration": [
          "TargetValue": 50.0,
          "PredefinedMetricSpecification": [
            "PredefinedMetricType": "ECSServiceAverageCPUUtilization"
          ],
          "ScaleOutCooldown": 60, "ScaleInCooldown": 60,
        ],
      ])
    return w
  }

  @Test func targetsAndPoliciesAreDescribedAsAWSPrintsThem() throws {
    var w = try scaled()
    let t = try w.perform(
      service: "application-autoscaling", operation: "DescribeScalableTargets",
      ["ServiceNamespace": "ecs"])
    let target = try #require(t["ScalableTargets"]?[0])
    #expect(target["MinCapacity"] == 1 && target["MaxCapacity"] == 6)
    #expect(
      target["RoleARN"]
        == "arn:aws:iam::123456789012:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService"
    )
    #expect(
      target["ScalableTargetARN"]?.stringValue?.count
        == "arn:aws:application-autoscaling:us-east-1:123456789012:scalable-target/".count + 36)
    let p = try w.perform(
      service: "application-autoscaling", operation: "DescribeScalingPolicies",
      ["ServiceNamespace": "ecs"])
    let policy = try #require(p["ScalingPolicies"]?[0])
    #expect(policy["PolicyType"] == "TargetTrackingScaling")
    let arn = policy["PolicyARN"]?.stringValue ?? ""
    #expect(arn.hasPrefix("arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:"))
    #expect(arn.hasSuffix(":resource/ecs/service/default/web:policyName/cpu50"))
    let alarms = policy["Alarms"]?.arrayValue?.compactMap { $0["AlarmName"]?.stringValue } ?? []
    #expect(alarms.count == 2)
    #expect(alarms[0].hasPrefix("TargetTracking-service/default/web-AlarmHigh-"))
    #expect(alarms[1].hasPrefix("TargetTracking-service/default/web-AlarmLow-"))
  }

  @Test func highLoadScalesOutAfterThreeMinutesAndLowLoadScalesIn() throws {
    var w = try scaled()
    w.setLoad(service: "web", cpuPercent: 90)
    w.advance(seconds: 100)
    #expect(w.workloads.services[0].desiredCount == 2)
    w.advance(seconds: 100)
    // ceil(2 × 90 / 50) = 4
    #expect(w.workloads.services[0].desiredCount == 4)
    w.settle(maxSeconds: 300)
    #expect(w.workloads.tasks.filter { $0.lastStatus == .running }.count == 4)
    #expect(w.averageCPU(w.workloads.services[0]) == 45)
    w.setLoad(service: "web", cpuPercent: 10)
    w.advance(seconds: 600)
    #expect(w.workloads.services[0].desiredCount == 4)
    w.advance(seconds: 400)
    #expect(w.workloads.services[0].desiredCount == 1)
  }

  @Test func scalingStaysWithinTheTargetBounds() throws {
    var w = try scaled(max: 3)
    w.setLoad(service: "web", cpuPercent: 100)
    w.advance(seconds: 1200)
    #expect(w.workloads.services[0].desiredCount == 3)
  }

  @Test(arguments: [
    (
      "RegisterScalableTarget",
      [
        "ServiceNamespace": "ecs", "ResourceId": "service/default/nope",
        "ScalableDimension": "ecs:service:DesiredCount",
        "MinCapacity": 1, "MaxCapacity": 2,
      ] as JSONValue,
      AWSError("ValidationException", "ECS service doesn't exist: service/default/nope")
    ),
    (
      "RegisterScalableTarget",
      [
        "ServiceNamespace": "ecs", "ResourceId": "service/default/web",
        "ScalableDimension": "ecs:service:DesiredCount",
        "MinCapacity": 3, "MaxCapacity": 2,
      ] as JSONValue,
      AWSError("ValidationException", "Minimum capacity cannot be greater than maximum capacity")
    ),
    (
      "PutScalingPolicy",
      [
        "ServiceNamespace": "ecs", "ResourceId": "service/default/web",
        "ScalableDimension": "ecs:service:DesiredCount",
        "PolicyName": "p", "PolicyType": "TargetTrackingScaling",
        "TargetTrackingScalingPolicyConfiguration": ["TargetValue": 50.0],
      ] as JSONValue,
      AWSError(
        "ObjectNotFoundException",
        "No scalable target registered for service namespace: ecs, resource ID: service/default/web, scalable dimension: ecs:service:DesiredCount"
      )
    ),
  ])
  func rejections(operation: String, request: JSONValue, error: AWSError) throws {
    var w = try World.workloads()
    try w.web(hostPort: 0)
    try w.ecs("CreateService", ["serviceName": "web", "taskDefinition": "web", "desiredCount": 1])
    let before = w
    #expect(throws: error) {
      try w.perform(service: "application-autoscaling", operation: operation, request)
    }
    #expect(w == before)
  }
}

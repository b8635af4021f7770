/// Amazon ECS: clusters, task definitions, tasks and services, and the four `aws ecs wait` waiters.
enum ECSFamily {
  static let family = APIFamily(
    name: "ECS",
    operations: [
      ("ecs", ClusterActions.table),
      ("ecs", TaskDefinitionActions.table),
      ("ecs", TaskActions.table),
      ("ecs", ServiceActions.table),
      ("ecs", AccountSettingActions.table),
      ("ecs", ExecuteCommandActions.table),
      ("ecs", TagActions.table),
      ("ecs", AttributeActions.table),
      ("ecs", ClusterUpdateActions.table),
      ("ecs", TaskProtectionActions.table),
      ("ecs", TaskSetActions.table),
      ("ecs", ServiceDeploymentActions.table),
    ],
    waiters: ["ecs": waiters], resources: ECSResources.all)

  /// botocore's `ecs` waiters (`waiters-2.json`), as data.
  static let waiters: JSONValue =
    (try? JSONParser.parse(
      #"""
      {"ServicesStable":{"delay":15,"maxAttempts":40,"operation":"DescribeServices","acceptors":[{"matcher":"pathAny","argument":"failures[].reason","state":"failure","expected":"MISSING"},{"matcher":"pathAny","argument":"services[].status","state":"failure","expected":"DRAINING"},{"matcher":"pathAny","argument":"services[].status","state":"failure","expected":"INACTIVE"},{"matcher":"path","argument":"length(services[?!(length(deployments) == `1` && runningCount == desiredCount)]) == `0`","state":"success","expected":true}]},"ServicesInactive":{"delay":15,"maxAttempts":40,"operation":"DescribeServices","acceptors":[{"matcher":"pathAny","argument":"failures[].reason","state":"failure","expected":"MISSING"},{"matcher":"pathAny","argument":"services[].status","state":"success","expected":"INACTIVE"}]},"TasksRunning":{"delay":6,"maxAttempts":100,"operation":"DescribeTasks","acceptors":[{"matcher":"pathAny","argument":"tasks[].lastStatus","state":"failure","expected":"STOPPED"},{"matcher":"pathAny","argument":"failures[].reason","state":"failure","expected":"MISSING"},{"matcher":"pathAll","argument":"tasks[].lastStatus","state":"success","expected":"RUNNING"}]},"TasksStopped":{"delay":6,"maxAttempts":100,"operation":"DescribeTasks","acceptors":[{"matcher":"pathAll","argument":"tasks[].lastStatus","state":"success","expected":"STOPPED"}]}}
      """#)) ?? .null
}

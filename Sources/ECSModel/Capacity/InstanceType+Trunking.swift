extension InstanceType {
  /// awsvpc tasks per container instance with ENI trunking, for the instance types here that
  /// support it (t2, t3 and m4 do not). The c5.large figure (10 tasks) is the ECS Developer
  /// Guide's example; the others follow its table by size.
  // UNCONFIRMED: every figure but c5.large's.
  public static let trunkedTasks: [String: Int] = [
    "c5.large": 10, "c5.xlarge": 20, "c5.2xlarge": 40, "c5.4xlarge": 60,
    "m5.large": 10, "m5.xlarge": 20, "m5.2xlarge": 40, "m5.4xlarge": 60,
    "r5.large": 10, "r5.xlarge": 20,
    "m6i.large": 10, "m6i.xlarge": 20, "c6i.large": 10, "c6i.xlarge": 20, "r6i.large": 10,
    "m7i.large": 10, "c7i.large": 10,
    "m6g.large": 10, "c6g.large": 10, "r6g.large": 10, "m7g.large": 10, "c7g.large": 10,
  ]
}

extension World {
  /// The ENIs a container instance registers with (the primary included, as `maxENIs` counts
  /// them) when awsvpcTrunking is enabled and its type supports trunking: the primary, the
  /// trunk, and one branch per task. Nil when trunking does not apply.
  func trunkedENIs(_ type: String) -> Int? {
    guard accountSettings["awsvpcTrunking"] == "enabled",
      let tasks = InstanceType.trunkedTasks[type]
    else { return nil }
    return tasks + 1
  }
}

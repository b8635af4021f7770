/// What the tasks placed on a container instance hold: CPU units, MiB, host ports and ENIs.
public struct InstanceUsage: Sendable, Equatable {
  public var cpu: Int = 0
  public var memory: Int = 0
  /// TCP host ports in use (static and dynamic).
  public var ports: [Int] = []
  public var udpPorts: [Int] = []
  /// ENIs of awsvpc tasks (the primary ENI not counted).
  public var enis: Int = 0
  public var running: Int = 0
  public var pending: Int = 0
  public init() {}

  mutating func add(_ task: ECSTask) {
    cpu += task.cpu
    memory += task.memory
    // awsvpc tasks bind ports on their own ENI, not on the instance.
    for c in task.containers where task.eni == nil {
      for b in c.bindings {
        if b.protocol == "udp" { udpPorts.append(b.hostPort) } else { ports.append(b.hostPort) }
      }
    }
    if task.eni != nil { enis += 1 }
    if task.lastStatus == .running { running += 1 } else { pending += 1 }
  }
}

extension World {
  /// The resources the tasks on `ci` hold until they reach STOPPED.
  ///
  /// ```swift
  /// let used = world.usage(of: world.capacity.containerInstances[0])
  /// used.cpu  // 256 with one 256-unit task on it
  /// ```
  public func usage(of ci: ContainerInstance) -> InstanceUsage {
    var u = InstanceUsage()
    for t in workloads.tasks where t.containerInstanceArn == ci.arn && t.holdsResources {
      u.add(t)
    }
    u.ports.sort()
    u.udpPorts.sort()
    return u
  }

  /// Usage of every container instance at once, in one pass over the tasks.
  func usageByInstance() -> [String: InstanceUsage] {
    var out: [String: InstanceUsage] = [:]
    for t in workloads.tasks where t.holdsResources {
      guard let ci = t.containerInstanceArn else { continue }
      out[ci, default: InstanceUsage()].add(t)
    }
    return out
  }
}

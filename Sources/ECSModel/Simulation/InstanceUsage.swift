/// What the tasks placed on a container instance hold: CPU units, MiB, host ports and ENIs.
///
/// STAND-IN: the workloads engineer owns this file (branch `workloads`) and computes it from the
/// tasks; on merge, take their version. Until then every instance is empty.
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
}

extension World {
  /// The resources the tasks on `ci` hold until they reach STOPPED (stand-in: none).
  ///
  /// ```swift
  /// let used = world.usage(of: world.capacity.containerInstances[0])
  /// used.cpu  // 256 with one 256-unit task on it
  /// ```
  public func usage(of ci: ContainerInstance) -> InstanceUsage {
    InstanceUsage()
  }
}

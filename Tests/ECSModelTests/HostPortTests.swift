import Testing

@testable import ECSModel

/// The instance's dynamic port range (ECS_DYNAMIC_HOST_PORT_RANGE) and the limit of 100 reserved
/// ports per container instance.
@Suite struct HostPortTests {
  @Test(
    arguments: [
      (
        "#!/bin/bash\necho ECS_DYNAMIC_HOST_PORT_RANGE=40000-40010 >> /etc/ecs/ecs.config",
        40000...40010
      ),
      ("#!/bin/bash\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config", nil),
      ("ECS_DYNAMIC_HOST_PORT_RANGE=9-3", nil),
      ("ECS_DYNAMIC_HOST_PORT_RANGE=50000-70000", nil),
    ] as [(String, ClosedRange<Int>?)])
  func rangeFromUserData(userData: String, range: ClosedRange<Int>?) {
    #expect(ContainerAgent.dynamicPortRange(userData: userData) == range)
  }

  @Test func dynamicPortsComeFromTheInstancesRange() throws {
    var w = try World.workloads(instances: 1)
    w.capacity.containerInstances[0].dynamicPortRange = 40000...40001
    try w.web(hostPort: 0)
    let out = try w.ecs("RunTask", ["taskDefinition": "web", "count": 3])
    let ports = w.workloads.tasks.flatMap { $0.containers.flatMap(\.bindings) }.map(\.hostPort)
    #expect(ports == [40000, 40001])
    #expect(out["failures"]?[0]?["reason"] == "RESOURCE:PORTS")
  }

  @Test func aHundredReservedPortsIsTheLimit() throws {
    var w = try World.workloads(instances: 1)
    // 5 agent ports + 94 more: room for one more static port, not two.
    w.capacity.containerInstances[0].reservedPorts += Array(1000..<1094)
    try w.web(hostPort: 80)
    _ = try w.ecs("RunTask", ["taskDefinition": "web"])
    #expect(w.workloads.tasks.count == 1)
    try w.web(family: "api", hostPort: 81)
    let out = try w.ecs("RunTask", ["taskDefinition": "api"])
    #expect(w.workloads.tasks.count == 1)
    #expect(out["failures"]?[0]?["reason"] == "RESOURCE:PORTS")
  }
}

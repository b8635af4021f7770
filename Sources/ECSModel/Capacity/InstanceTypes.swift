/// One EC2 instance type: what the hardware has and what the ECS agent registers from it.
///
/// ```swift
/// let t = InstanceType.named("t3.medium")
/// t?.registeredCpu     // 2048
/// t?.registeredMemory  // 3904
/// ```
public struct InstanceType: Sendable, Equatable {
  public var name: String
  public var vCPU: Int
  /// Physical memory in MiB.
  public var memoryMiB: Int
  /// Network interfaces the type allows, the primary one included (AWS's published limits).
  public var maxENIs: Int
  /// `x86_64` or `arm64`.
  public var architecture: String

  /// CPU units the agent registers: 1024 per vCPU.
  public var registeredCpu: Int { vCPU * 1024 }

  /// Memory the agent registers: what the OS reports as total memory, which is less than the
  /// physical memory because the kernel and firmware keep some back.
  ///
  /// The rule is fitted to two published figures (m4.large: 8192 MiB registers 7985 MiB, AWS's
  /// memory-management page; t3.medium: 4096 MiB registers 3904 MiB, commonly reported): up to
  /// 4 GiB the kernel keeps 64 MiB plus 1/32 of memory; above it, 192 MiB plus 1 MiB for every
  /// 273 MiB beyond 4 GiB. Real figures vary a few MiB between AMI releases.
  public var registeredMemory: Int {
    let m = memoryMiB
    let reserved = m <= 4096 ? 64 + m / 32 : 192 + (m - 4096) / 273
    return m - reserved
  }

  /// The type named `name`, if the simulation knows it.
  public static func named(_ name: String) -> InstanceType? { all.first { $0.name == name } }

  static func x86(_ name: String, _ vCPU: Int, _ gib: Double, _ enis: Int) -> InstanceType {
    InstanceType(
      name: name, vCPU: vCPU, memoryMiB: Int(gib * 1024), maxENIs: enis, architecture: "x86_64")
  }

  static func arm(_ name: String, _ vCPU: Int, _ gib: Double, _ enis: Int) -> InstanceType {
    InstanceType(
      name: name, vCPU: vCPU, memoryMiB: Int(gib * 1024), maxENIs: enis, architecture: "arm64")
  }

  /// The types the simulation knows: vCPUs, GiB and maximum ENIs from AWS's instance-type pages.
  public static let all: [InstanceType] = [
    x86("m1.small", 1, 1.7, 2),
    x86("t2.nano", 1, 0.5, 2), x86("t2.micro", 1, 1, 2), x86("t2.small", 1, 2, 3),
    x86("t2.medium", 2, 4, 3), x86("t2.large", 2, 8, 3), x86("t2.xlarge", 4, 16, 3),
    x86("t3.nano", 2, 0.5, 2), x86("t3.micro", 2, 1, 2), x86("t3.small", 2, 2, 3),
    x86("t3.medium", 2, 4, 3), x86("t3.large", 2, 8, 3), x86("t3.xlarge", 4, 16, 4),
    x86("t3.2xlarge", 8, 32, 4),
    x86("t3a.micro", 2, 1, 2), x86("t3a.small", 2, 2, 2), x86("t3a.medium", 2, 4, 3),
    x86("t3a.large", 2, 8, 3),
    x86("m4.large", 2, 8, 2), x86("m4.xlarge", 4, 16, 4),
    x86("m5.large", 2, 8, 3), x86("m5.xlarge", 4, 16, 4), x86("m5.2xlarge", 8, 32, 4),
    x86("m5.4xlarge", 16, 64, 8),
    x86("c5.large", 2, 4, 3), x86("c5.xlarge", 4, 8, 4), x86("c5.2xlarge", 8, 16, 4),
    x86("c5.4xlarge", 16, 32, 8),
    x86("r5.large", 2, 16, 3), x86("r5.xlarge", 4, 32, 4),
    x86("m6i.large", 2, 8, 3), x86("m6i.xlarge", 4, 16, 4),
    x86("c6i.large", 2, 4, 3), x86("c6i.xlarge", 4, 8, 4),
    x86("r6i.large", 2, 16, 3),
    x86("m7i.large", 2, 8, 3), x86("c7i.large", 2, 4, 3),
    arm("t4g.micro", 2, 1, 2), arm("t4g.small", 2, 2, 3), arm("t4g.medium", 2, 4, 3),
    arm("t4g.large", 2, 8, 3),
    arm("m6g.large", 2, 8, 3), arm("c6g.large", 2, 4, 3), arm("r6g.large", 2, 16, 3),
    arm("m7g.large", 2, 8, 3), arm("c7g.large", 2, 4, 3),
  ]

  /// TCP ports the agent reserves on every Linux container instance (`ECS_RESERVED_PORTS`).
  public static let reservedPorts = [22, 2375, 2376, 51678, 51679]
}

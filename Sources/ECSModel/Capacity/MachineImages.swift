/// A public Amazon Machine Image the simulation knows: the ECS-optimized ones (with the ECS agent)
/// and the plain Amazon Linux ones (without it).
///
/// ```swift
/// let ami = MachineImage.find(id: world.ecsOptimizedAMI(os: .al2023, arm: false))
/// ami?.ecsOptimized  // true
/// ```
public struct MachineImage: Sendable, Equatable {
  public var imageId: String
  public var name: String
  /// `x86_64` or `arm64`.
  public var architecture: String
  /// Whether the image runs the ECS container agent (ECS-optimized AMIs do, plain ones do not).
  public var ecsOptimized: Bool
  /// `Amazon Linux 2023` or `Amazon Linux 2`.
  public var os: String
  public var rootDeviceName: String
  /// The SSM parameter paths that name this image.
  public var parameterPaths: [String]
  /// The JSON document of the `.../recommended` parameter (ECS-optimized images only).
  public var recommended: JSONValue?

  /// The image with `imageId` in `region`, if any.
  public static func find(id imageId: String, region: String) -> MachineImage? {
    catalog(region: region).first { $0.imageId == imageId }
  }

  /// The image an SSM parameter path names (`/aws/service/ecs/optimized-ami/.../image_id`).
  public static func find(parameter path: String, region: String) -> MachineImage? {
    catalog(region: region).first { $0.parameterPaths.contains(path) }
  }

  /// Every known public image in `region`. AMI IDs differ by region and are derived from the
  /// image name, so they are the same on every run.
  public static func catalog(region: String) -> [MachineImage] {
    let ecs = "/aws/service/ecs/optimized-ami/"
    let plain = "/aws/service/ami-amazon-linux-latest/"
    func ecsImage(
      _ os: String, _ osPath: String, _ name: String, _ arch: String, _ archPath: String,
      agent: String, docker: String, version: String, source: String
    ) -> MachineImage {
      let id = amiID(region: region, name: name)
      let base = ecs + osPath + archPath + "/recommended"
      let doc: JSONValue = [
        "ecs_agent_version": .string(agent), "ecs_runtime_version": .string(docker),
        "image_id": .string(id), "image_name": .string(name), "image_version": .string(version),
        "os": .string(os), "schema_version": 1, "source_image_name": .string(source),
      ]
      return MachineImage(
        imageId: id, name: name, architecture: arch, ecsOptimized: true, os: os,
        rootDeviceName: "/dev/xvda", parameterPaths: [base + "/image_id"], recommended: doc)
    }
    func plainImage(_ os: String, _ name: String, _ arch: String, _ params: [String])
      -> MachineImage
    {
      MachineImage(
        imageId: amiID(region: region, name: name), name: name, architecture: arch,
        ecsOptimized: false,
        os: os, rootDeviceName: "/dev/xvda", parameterPaths: params.map { plain + $0 },
        recommended: nil)
    }
    return [
      ecsImage(
        "Amazon Linux 2023", "amazon-linux-2023",
        "al2023-ami-ecs-hvm-2023.0.20251110-kernel-6.1-x86_64",
        "x86_64", "", agent: "1.99.1", docker: "Docker version 25.0.13", version: "2023.0.20251110",
        source: "al2023-ami-minimal-2023.9.20251105.0-kernel-6.1-x86_64"),
      ecsImage(
        "Amazon Linux 2023", "amazon-linux-2023",
        "al2023-ami-ecs-hvm-2023.0.20251110-kernel-6.1-arm64",
        "arm64", "/arm64", agent: "1.99.1", docker: "Docker version 25.0.13",
        version: "2023.0.20251110",
        source: "al2023-ami-minimal-2023.9.20251105.0-kernel-6.1-arm64"),
      ecsImage(
        "Amazon Linux 2", "amazon-linux-2", "amzn2-ami-ecs-hvm-2.0.20251110-x86_64-ebs", "x86_64",
        "",
        agent: "1.99.1", docker: "Docker version 25.0.13", version: "2.0.20251110",
        source: "amzn2-ami-minimal-hvm-2.0.20251104.0-x86_64-ebs"),
      ecsImage(
        "Amazon Linux 2", "amazon-linux-2", "amzn2-ami-ecs-hvm-2.0.20251110-arm64-ebs", "arm64",
        "/arm64",
        agent: "1.99.1", docker: "Docker version 25.0.13", version: "2.0.20251110",
        source: "amzn2-ami-minimal-hvm-2.0.20251104.0-arm64-ebs"),
      plainImage(
        "Amazon Linux 2023", "al2023-ami-2023.9.20251105.0-kernel-6.1-x86_64", "x86_64",
        ["al2023-ami-kernel-default-x86_64", "al2023-ami-kernel-6.1-x86_64"]),
      plainImage(
        "Amazon Linux 2023", "al2023-ami-2023.9.20251105.0-kernel-6.1-arm64", "arm64",
        ["al2023-ami-kernel-default-arm64", "al2023-ami-kernel-6.1-arm64"]),
      plainImage(
        "Amazon Linux 2", "amzn2-ami-kernel-5.10-hvm-2.0.20251104.0-x86_64-gp2", "x86_64",
        ["amzn2-ami-kernel-5.10-hvm-x86_64-gp2", "amzn2-ami-hvm-x86_64-gp2"]),
    ]
  }

  /// `ami-0` and 16 hex digits from an FNV-1a hash of region and name.
  static func amiID(region: String, name: String) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in (region + "/" + name).utf8 {
      h ^= UInt64(b)
      h = h &* 0x100_0000_01b3
    }
    let digits = Array("0123456789abcdef")
    var out = "ami-0"
    for i in 0..<16 { out.append(digits[Int((h >> UInt64(60 - 4 * i)) & 15)]) }
    return out
  }
}

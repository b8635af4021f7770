import ECSCommands
import ECSModel

/// `capacity add --cluster demo --type t3.medium --count 2`: the tutor's one-line way to add EC2
/// capacity. It does what a learner would do by hand — `aws ec2 run-instances` with the
/// ECS-optimized AMI, the `ecsInstanceRole` instance profile and user data that writes
/// `ECS_CLUSTER=demo` to /etc/ecs/ecs.config — and says so.
enum CapacityShortcut {
  static func run(_ argv: [String], world: inout World, language: Language) -> CommandResult {
    let usage = Msg.capacityUsage.text(language) + "\n"
    guard argv.count >= 2, argv[1] == "add" else { return .failure(usage, status: 2) }
    var cluster: String?
    var type = "t3.medium"
    var count = 1
    var i = 2
    while i < argv.count {
      guard i + 1 < argv.count else { return .failure(usage, status: 2) }
      switch argv[i] {
      case "--cluster": cluster = argv[i + 1]
      case "--type", "--instance-type": type = argv[i + 1]
      case "--count":
        guard let n = Int(argv[i + 1]), (1...20).contains(n) else {
          return .failure(Msg.capacityCount.text(language) + "\n", status: 2)
        }
        count = n
      default: return .failure(usage, status: 2)
      }
      i += 2
    }
    guard let cluster else { return .failure(usage, status: 2) }
    guard world.cluster(cluster) != nil else {
      return .failure(Msg.capacityNoCluster(cluster).text(language) + "\n", status: 1)
    }
    let userData = "#!/bin/bash\necho ECS_CLUSTER=\(cluster) >> /etc/ecs/ecs.config"
    let imageID =
      "resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id"
    let request: JSONValue = [
      "ImageId": .string(imageID),
      "InstanceType": .string(type),
      "MinCount": .int(count),
      "MaxCount": .int(count),
      "IamInstanceProfile": ["Name": "ecsInstanceRole"],
      "UserData": .string(userData),
    ]
    let response: JSONValue
    switch AWSCall.perform(&world, "ec2", "RunInstances", request) {
    case .success(let r): response = r
    case .failure(let result): return result
    }
    let ids = response["Instances"]?.arrayValue?.compactMap { $0["InstanceId"]?.stringValue } ?? []
    // The same call typed by hand, valid bash as printed (the user data as one $'...' word: in
    // double quotes `#!` would be history expansion).
    let sameAs = [
      ["aws", "ec2", "run-instances", "--image-id", imageID],
      [
        "--instance-type", type, "--count", String(count), "--iam-instance-profile",
        "Name=ecsInstanceRole",
      ],
      ["--user-data", userData],
    ].map(ShellQuote.command).joined(separator: " \\\n    ")
    let text =
      Msg.capacityLaunched(
        count: count, type: type, ids: ids, cluster: cluster, command: "  " + sameAs
      )
      .text(language) + "\n\n"
    return .ok(text)
  }
}

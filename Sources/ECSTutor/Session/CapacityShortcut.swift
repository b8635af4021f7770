import ECSCommands
import ECSModel

/// `capacity add --cluster demo --type t3.medium --count 2`: the tutor's one-line way to add EC2
/// capacity. It does what a learner would do by hand — `aws ec2 run-instances` with the
/// ECS-optimized AMI, the `ecsInstanceRole` instance profile and user data that writes
/// `ECS_CLUSTER=demo` to /etc/ecs/ecs.config — and says so.
enum CapacityShortcut {
  static func run(_ argv: [String], world: inout World, language: Language) -> CommandResult {
    let ja = language == .ja
    let usage =
      ja
      ? "使い方: capacity add --cluster NAME [--type t3.medium] [--count 1]\n"
      : "usage: capacity add --cluster NAME [--type t3.medium] [--count 1]\n"
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
          return .failure(
            ja ? "--count は 1 から 20 の整数です。\n" : "--count takes a whole number from 1 to 20.\n",
            status: 2)
        }
        count = n
      default: return .failure(usage, status: 2)
      }
      i += 2
    }
    guard let cluster else { return .failure(usage, status: 2) }
    guard world.cluster(cluster) != nil else {
      return .failure(
        ja
          ? "クラスター \(cluster) がありません。先に `aws ecs create-cluster --cluster-name \(cluster)` を実行してください。\n"
          : "There is no cluster \(cluster). Create it first: `aws ecs create-cluster --cluster-name \(cluster)`.\n",
        status: 1)
    }
    let userData = "#!/bin/bash\necho ECS_CLUSTER=\(cluster) >> /etc/ecs/ecs.config"
    let request: JSONValue = [
      "ImageId":
        "resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id",
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
    let list = ids.joined(separator: ", ")
    let text =
      ja
      ? """
      \(type) を \(count) 台起動しました（\(list)）。次のコマンドと同じです:
        aws ec2 run-instances --image-id resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id \\
          --instance-type \(type) --count \(count) --iam-instance-profile Name=ecsInstanceRole \\
          --user-data "#!/bin/bash
        echo ECS_CLUSTER=\(cluster) >> /etc/ecs/ecs.config"
      各インスタンスの ECS エージェントが約 30 秒後にクラスター \(cluster) へ登録されます。

      """
      : """
      Launched \(count) × \(type) (\(list)). This is the same as:
        aws ec2 run-instances --image-id resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id \\
          --instance-type \(type) --count \(count) --iam-instance-profile Name=ecsInstanceRole \\
          --user-data "#!/bin/bash
        echo ECS_CLUSTER=\(cluster) >> /etc/ecs/ecs.config"
      The ECS agent on each instance registers it with cluster \(cluster) about 30 s after launch.

      """
    return .ok(text)
  }
}

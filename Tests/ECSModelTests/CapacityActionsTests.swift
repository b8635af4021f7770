import Testing

@testable import ECSModel

let userDataDemo = "#!/bin/bash\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config"

extension World {
  /// The AMI a public SSM parameter names, as the learner would look it up.
  func ami(_ parameter: String = al2023ImageParameter) -> String {
    resolvePublicImageParameter(parameter) ?? "ami-missing"
  }

  /// Launches one instance as `aws ec2 run-instances` would, returning its ID.
  mutating func launch(
    image: String? = nil, type: String = "t3.medium", profile: String? = "ecsInstanceRole",
    userData: String? = userDataDemo
  ) throws -> String {
    let req = jsonObject([
      ("ImageId", .string(image ?? ami())),
      ("InstanceType", .string(type)),
      ("MinCount", 1), ("MaxCount", 1),
      ("IamInstanceProfile", profile.map { ["Name": .string($0)] }),
      ("UserData", userData.map { .string(Base64.encode(Array($0.utf8))) }),
    ])
    let out = try perform(service: "ec2", operation: "RunInstances", req)
    return out["Instances"]?[0]?["InstanceId"]?.stringValue ?? ""
  }

  @discardableResult
  mutating func ecs(_ op: String, _ req: JSONValue) throws(AWSError) -> JSONValue {
    try perform(service: "ecs", operation: op, req)
  }
}

@Suite struct InstanceTypeTests {
  @Test(arguments: [
    ("t3.medium", 2048, 3904, 3), ("m4.large", 2048, 7985, 2), ("c5.large", 2048, 3904, 3),
    ("t3.micro", 2048, 928, 2), ("t2.micro", 1024, 928, 2), ("m5.xlarge", 4096, 16147, 4),
  ])
  func registeredResources(name: String, cpu: Int, memory: Int, enis: Int) throws {
    let t = try #require(InstanceType.named(name))
    #expect(t.registeredCpu == cpu)
    #expect(t.registeredMemory == memory)
    #expect(t.maxENIs == enis)
  }

  @Test func everyTypeRegistersLessMemoryThanItHas() {
    for t in InstanceType.all {
      #expect(
        t.registeredMemory < t.memoryMiB && t.registeredMemory > t.memoryMiB * 8 / 10, "\(t.name)")
    }
  }
}

@Suite struct RunInstancesTests {
  @Test func runReturnsAPendingReservation() throws {
    var w = World()
    let out = try w.perform(
      service: "ec2", operation: "RunInstances",
      [
        "ImageId": .string(w.ami()), "InstanceType": "t3.medium", "MinCount": 1, "MaxCount": 1,
        "KeyName": "my-key",
        "TagSpecifications": [
          ["ResourceType": "instance", "Tags": [["Key": "Name", "Value": "ecs-node"]]]
        ],
      ])
    #expect(out.objectValue?.map(\.0) == ["Groups", "Instances", "OwnerId", "ReservationId"])
    #expect(out["OwnerId"] == "123456789012")
    #expect(out["ReservationId"]?.stringValue?.hasPrefix("r-0") == true)
    let i = try #require(out["Instances"]?[0])
    let id = try #require(i["InstanceId"]?.stringValue)
    #expect(id.hasPrefix("i-0") && id.count == 19 && id.dropFirst(2).allSatisfy(\.isHexDigit))
    #expect(i["State"] == ["Code": 0, "Name": "pending"])
    #expect(i["ImageId"] == .string(w.ami()))
    #expect(i["KeyName"] == "my-key")
    #expect(i["LaunchTime"] == "2026-01-05T09:00:00+00:00")
    #expect(i["Tags"] == [["Key": "Name", "Value": "ecs-node"]])
    #expect(i["SecurityGroups"]?[0]?["GroupName"] == "default")
    let subnet = try #require(w.subnets.first { $0.subnetId == i["SubnetId"]?.stringValue })
    #expect(i["Placement"]?["AvailabilityZone"] == .string(subnet.availabilityZone))
    // 172.31.0.0/20, 172.31.16.0/20, ...: the address lies in the subnet's block.
    let ip = try #require(i["PrivateIpAddress"]?.stringValue)
    let third = Int(ip.split(separator: ".")[2]) ?? -1
    let base = Int(subnet.cidrBlock.split(separator: ".")[2]) ?? -2
    #expect(ip.hasPrefix("172.31.") && (base..<base + 16).contains(third))
    #expect(i["PrivateDnsName"] == .string("ip-" + ip.replacingDots() + ".ec2.internal"))
  }

  @Test func countSpreadsOverTheDefaultSubnets() throws {
    var w = World()
    let out = try w.perform(
      service: "ec2", operation: "RunInstances",
      ["ImageId": .string(w.ami()), "InstanceType": "t3.micro", "MinCount": 3, "MaxCount": 3])
    let zones =
      out["Instances"]?.arrayValue?.compactMap { $0["Placement"]?["AvailabilityZone"]?.stringValue }
      ?? []
    #expect(zones == ["us-east-1a", "us-east-1b", "us-east-1c"])
    #expect(out["Instances"]?.arrayValue?.map { $0["AmiLaunchIndex"] } == [0, 1, 2])
  }

  @Test func resolveSSMNamesTheSameImage() throws {
    var w = World()
    let out = try w.perform(
      service: "ec2", operation: "RunInstances",
      [
        "ImageId": .string("resolve:ssm:" + al2023ImageParameter), "InstanceType": "t3.micro",
        "MinCount": 1, "MaxCount": 1,
      ])
    #expect(out["Instances"]?[0]?["ImageId"] == .string(w.ami()))
  }

  @Test(
    arguments: [
      (
        "ami-0123456789abcdef0", "t3.micro", nil,
        AWSError("InvalidAMIID.NotFound", "The image id '[ami-0123456789abcdef0]' does not exist")
      ),
      (
        "ubuntu", "t3.micro", nil,
        AWSError("InvalidAMIID.Malformed", #"Invalid id: "ubuntu" (expecting "ami-...")"#)
      ),
      (
        nil, "t3.mega", nil,
        AWSError("InvalidParameterValue", "Invalid value 't3.mega' for InstanceType.")
      ),
      (
        nil, "t4g.micro", nil,
        AWSError(
          "InvalidParameterValue",
          "The architecture 'arm64' of the specified instance type does not match the architecture 'x86_64' of the specified AMI. Specify an instance type and an AMI that have matching architectures, and try again. You can use 'describe-instance-types' or 'describe-images' to discover the architecture of the instance type or AMI."
        )
      ),
      (
        nil, "t3.micro", "ecsInstanceProfile",
        AWSError(
          "InvalidParameterValue",
          "Value (ecsInstanceProfile) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name"
        )
      ),
      (
        "resolve:ssm:/aws/service/ecs/nope", "t3.micro", nil,
        AWSError(
          "InvalidParameterValue",
          "Invalid value for ImageId. Unable to resolve the SSM parameter: /aws/service/ecs/nope")
      ),
    ] as [(String?, String, String?, AWSError)])
  func runRejectsAndChangesNothing(image: String?, type: String, profile: String?, error: AWSError)
  {
    var w = World()
    let before = w
    #expect(throws: error) { try w.launch(image: image, type: type, profile: profile) }
    #expect(w == before)
  }

  @Test(arguments: [
    (21, 21, "InstanceLimitExceeded"), (Int.max, Int.max, "InstanceLimitExceeded"),
    (0, 1, "InvalidParameterValue"), (3, 2, "InvalidParameterValue"),
  ])
  func countsOutsideTheLimitsAreRejected(min: Int, max: Int, code: String) {
    var w = World()
    let ami = w.ami()
    let before = w
    do {
      _ = try w.perform(
        service: "ec2", operation: "RunInstances",
        ["ImageId": .string(ami), "MinCount": .int(min), "MaxCount": .int(max)])
      Issue.record("expected \(code)")
    } catch {
      #expect(error.code == code)
    }
    #expect(w == before)
  }

  @Test func maxCountIsCappedByTheLimit() throws {
    var w = World()
    let out = try w.perform(
      service: "ec2", operation: "RunInstances",
      ["ImageId": .string(w.ami()), "MinCount": 1, "MaxCount": 50])
    #expect(out["Instances"]?.arrayValue?.count == 20)
  }

  @Test func unknownSubnetAndGroupAreRejected() {
    var w = World()
    let ami = w.ami()
    #expect(
      throws: AWSError("InvalidSubnetID.NotFound", "The subnet ID 'subnet-nope' does not exist")
    ) {
      try w.perform(
        service: "ec2", operation: "RunInstances",
        ["ImageId": .string(ami), "MinCount": 1, "MaxCount": 1, "SubnetId": "subnet-nope"])
    }
    #expect(
      throws: AWSError("InvalidGroup.NotFound", "The security group 'sg-nope' does not exist")
    ) {
      try w.perform(
        service: "ec2", operation: "RunInstances",
        ["ImageId": .string(ami), "MinCount": 1, "MaxCount": 1, "SecurityGroupIds": ["sg-nope"]])
    }
  }

  @Test(arguments: [
    (userDataDemo, true),
    (userDataDemo, false),
  ])
  func userDataArrivesPlainOrBase64(text: String, encode: Bool) throws {
    var w = World()
    let sent = encode ? Base64.encode(Array(text.utf8)) : text
    _ = try w.perform(
      service: "ec2", operation: "RunInstances",
      ["ImageId": .string(w.ami()), "MinCount": 1, "MaxCount": 1, "UserData": .string(sent)])
    #expect(w.capacity.instances[0].userData == text)
    #expect(w.capacity.instances[0].configuredCluster == "demo")
  }

  @Test(
    arguments: [
      ("#!/bin/bash\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config", "demo"),
      (
        "#!/bin/bash\necho \"ECS_CLUSTER=web-prod\" >> /etc/ecs/ecs.config\necho ECS_ENABLE_TASK_IAM_ROLE=true >> /etc/ecs/ecs.config",
        "web-prod"
      ),
      ("#!/bin/bash\ncat <<'EOF' >> /etc/ecs/ecs.config\nECS_CLUSTER=batch\nEOF", "batch"),
      ("#!/bin/bash\nexport ECS_CLUSTER=demo", nil),
      ("echo ECS_CLUSTER=demo >> /etc/ecs/ecs.config", nil),
      ("#!/bin/bash\necho hello", nil),
    ] as [(String, String?)])
  func clusterNameFromUserData(text: String, cluster: String?) {
    #expect(ContainerAgent.clusterName(userData: text) == cluster)
  }
}

@Suite struct DescribeAndTerminateInstancesTests {
  @Test func describeGroupsByReservationAndFilters() throws {
    var w = World()
    let a = try w.launch(type: "t3.micro")
    let b = try w.launch(type: "t3.medium")
    let all = try w.perform(service: "ec2", operation: "DescribeInstances", [:])
    #expect(all["Reservations"]?.arrayValue?.count == 2)
    let micro = try w.perform(
      service: "ec2", operation: "DescribeInstances",
      ["Filters": [["Name": "instance-type", "Values": ["t3.micro"]]]])
    #expect(micro["Reservations"]?[0]?["Instances"]?[0]?["InstanceId"] == .string(a))
    #expect(micro["Reservations"]?.arrayValue?.count == 1)
    let byId = try w.perform(
      service: "ec2", operation: "DescribeInstances", ["InstanceIds": [.string(b)]])
    #expect(byId["Reservations"]?[0]?["Instances"]?[0]?["InstanceType"] == "t3.medium")
    let tagged = try w.perform(
      service: "ec2", operation: "DescribeInstances",
      ["Filters": [["Name": "tag:Name", "Values": ["x"]]]])
    #expect(tagged["Reservations"] == [])
    w.advance(seconds: 10)
    let running = try w.perform(
      service: "ec2", operation: "DescribeInstances",
      ["Filters": [["Name": "instance-state-name", "Values": ["running"]]]])
    #expect(running["Reservations"]?.arrayValue?.count == 2)
    #expect(
      running["Reservations"]?[0]?["Instances"]?[0]?["State"] == ["Code": 16, "Name": "running"])
  }

  @Test func describeRejectsUnknownAndMalformedIds() {
    var w = World()
    #expect(
      throws: AWSError(
        "InvalidInstanceID.NotFound", "The instance ID 'i-0123456789abcdef0' does not exist")
    ) {
      try w.perform(
        service: "ec2", operation: "DescribeInstances", ["InstanceIds": ["i-0123456789abcdef0"]])
    }
    #expect(throws: AWSError("InvalidInstanceID.Malformed", #"Invalid id: "web""#)) {
      try w.perform(service: "ec2", operation: "TerminateInstances", ["InstanceIds": ["web"]])
    }
  }

  @Test func terminateShutsDownThenTerminatesAndDeregisters() throws {
    var w = World()
    _ = try w.ecs("CreateCluster", ["clusterName": "demo"])
    let id = try w.launch()
    w.advance(seconds: 30)
    #expect(w.registeredContainerInstances(in: w.clusters[0].arn).count == 1)
    let out = try w.perform(
      service: "ec2", operation: "TerminateInstances", ["InstanceIds": [.string(id)]])
    #expect(
      out == [
        "TerminatingInstances": [
          [
            "InstanceId": .string(id), "CurrentState": ["Code": 32, "Name": "shutting-down"],
            "PreviousState": ["Code": 16, "Name": "running"],
          ]
        ]
      ])
    #expect(w.capacity.containerInstances[0].agentConnected == false)
    w.advance(seconds: 30)
    #expect(w.ec2Instance(id)?.state == .terminated)
    #expect(w.capacity.containerInstances[0].status == .inactive)
    #expect(w.registeredContainerInstances(in: w.clusters[0].arn).isEmpty)
    let again = try w.perform(
      service: "ec2", operation: "TerminateInstances", ["InstanceIds": [.string(id)]])
    #expect(again["TerminatingInstances"]?[0]?["PreviousState"]?["Name"] == "terminated")
    // Terminated instances stay visible for about an hour.
    w.advance(seconds: 3700)
    #expect(
      try w.perform(service: "ec2", operation: "DescribeInstances", [:])["Reservations"] == [])
  }
}

/// How an instance is set up, and whether and where its agent registers.
struct JoinCase: Sendable, CustomStringConvertible {
  var description: String
  var image: String?  // an SSM parameter; nil = the ECS-optimized AL2023 one
  var profile: String?
  var userData: String?
  var clusters: [String]
  var joins: String?  // the cluster name it ends up in
  var event: String  // part of the explaining event
}

@Suite struct ContainerAgentTests {
  static let cases: [JoinCase] = [
    JoinCase(
      description: "ECS AMI, profile, ECS_CLUSTER=demo", image: nil, profile: "ecsInstanceRole",
      userData: userDataDemo, clusters: ["demo"], joins: "demo",
      event: "registered with cluster demo"),
    JoinCase(
      description: "AL2 ECS AMI",
      image: "/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id",
      profile: "ecsInstanceRole", userData: userDataDemo, clusters: ["demo"], joins: "demo",
      event: "registered with cluster demo"),
    JoinCase(
      description: "no user data: default is created", image: nil, profile: "ecsInstanceRole",
      userData: nil,
      clusters: ["demo"], joins: "default", event: "No ECS_CLUSTER in its user data"),
    JoinCase(
      description: "export instead of ecs.config", image: nil, profile: "ecsInstanceRole",
      userData: "#!/bin/bash\nexport ECS_CLUSTER=demo", clusters: ["demo"], joins: "default",
      event: "never writes ECS_CLUSTER"),
    JoinCase(
      description: "no instance profile", image: nil, profile: nil, userData: userDataDemo,
      clusters: ["demo"],
      joins: nil,
      event: "has no instance profile: the ECS agent has no credentials (NoCredentialProviders"),
    JoinCase(
      description: "plain Amazon Linux",
      image: "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
      profile: "ecsInstanceRole", userData: userDataDemo, clusters: ["demo"], joins: nil,
      event: "is not ECS-optimized"),
    JoinCase(
      description: "named cluster missing", image: nil, profile: "ecsInstanceRole",
      userData: userDataDemo,
      clusters: [], joins: nil, event: "ClusterNotFoundException"),
  ]

  @Test(arguments: cases)
  func joinRules(c: JoinCase) throws {
    var w = World()
    for name in c.clusters { _ = try w.ecs("CreateCluster", ["clusterName": .string(name)]) }
    let image = c.image.map { w.ami($0) }
    let id = try w.launch(image: image, profile: c.profile, userData: c.userData)
    w.advance(seconds: 29)
    #expect(w.capacity.containerInstances.isEmpty, "not before 30 s")
    #expect(w.ec2Instance(id)?.state == .running)
    w.advance(seconds: 1)
    let ci = w.capacity.containerInstances.first
    #expect(ci.flatMap { ci in w.clusters.first { $0.arn == ci.clusterArn }?.name } == c.joins)
    #expect(ci?.ec2InstanceId == (c.joins == nil ? nil : id))
    #expect(w.ec2Instance(id)?.agentProblem == (c.joins == nil ? w.events.last?.message : nil))
    let messages = w.events.map(\.message)
    #expect(messages.contains { $0.contains(id) && $0.contains(c.event) }, "\(messages)")
    // Time alone changes nothing more.
    let settled = w.capacity.containerInstances.count
    w.advance(seconds: 600)
    #expect(w.capacity.containerInstances.count == settled)
  }

  @Test func nextWakeNamesEachTransitionThenNone() throws {
    var w = World()
    _ = try w.ecs("CreateCluster", ["clusterName": "demo"])
    #expect(w.nextCapacityWake() == nil)
    let start = w.clock.nowMillis
    _ = try w.launch()
    #expect(w.nextCapacityWake() == start + 10_000)
    w.advance(seconds: 10)
    #expect(w.nextCapacityWake() == start + 30_000)
    w.advance(seconds: 20)
    #expect(w.nextCapacityWake() == nil)
    // A retrying agent does not keep the world awake.
    _ = try w.launch(profile: nil)
    w.advance(seconds: 30)
    #expect(w.nextCapacityWake() == nil)
  }

  @Test func agentRetriesUntilTheClusterExists() throws {
    var w = World()
    _ = try w.launch()
    w.advance(seconds: 60)
    w.advance(seconds: 60)
    #expect(w.events.filter { $0.message.contains("ClusterNotFoundException") }.count == 1)
    _ = try w.ecs("CreateCluster", ["clusterName": "demo"])
    w.advance(seconds: 5)
    #expect(w.capacity.containerInstances.first?.clusterArn == w.cluster("demo")?.arn)
  }

  @Test func agentNeedsThePermissionAndJoinsOnceGranted() throws {
    var w = World()
    _ = try w.ecs("CreateCluster", ["clusterName": "demo"])
    _ = try w.perform(
      service: "iam", operation: "CreateRole",
      ["RoleName": "bare", "AssumeRolePolicyDocument": trustJSON("ec2.amazonaws.com")])
    _ = try w.perform(
      service: "iam", operation: "CreateInstanceProfile", ["InstanceProfileName": "bare"])
    _ = try w.perform(
      service: "iam", operation: "AddRoleToInstanceProfile",
      ["InstanceProfileName": "bare", "RoleName": "bare"])
    _ = try w.launch(profile: "bare")
    w.advance(seconds: 30)
    #expect(w.capacity.containerInstances.isEmpty)
    #expect(
      w.events.last?.message.contains(
        "AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/bare/") == true)
    _ = try w.perform(
      service: "iam", operation: "AttachRolePolicy",
      [
        "RoleName": "bare",
        "PolicyArn": "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role",
      ])
    w.advance(seconds: 1)
    #expect(w.capacity.containerInstances.count == 1)
  }

  @Test func roleTrustingTheWrongServiceGivesNoCredentials() throws {
    var w = World()
    _ = try w.ecs("CreateCluster", ["clusterName": "demo"])
    _ = try w.perform(
      service: "iam", operation: "CreateRole",
      ["RoleName": "swapped", "AssumeRolePolicyDocument": trustJSON("ecs-tasks.amazonaws.com")])
    _ = try w.perform(
      service: "iam", operation: "AttachRolePolicy",
      [
        "RoleName": "swapped",
        "PolicyArn": "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role",
      ])
    _ = try w.perform(
      service: "iam", operation: "CreateInstanceProfile", ["InstanceProfileName": "swapped"])
    _ = try w.perform(
      service: "iam", operation: "AddRoleToInstanceProfile",
      ["InstanceProfileName": "swapped", "RoleName": "swapped"])
    _ = try w.launch(profile: "swapped")
    w.advance(seconds: 40)
    #expect(w.capacity.containerInstances.isEmpty)
    #expect(w.events.last?.message.contains("does not trust ec2.amazonaws.com") == true)
  }

  @Test func sameCommandsGiveTheSameWorld() throws {
    func run() throws -> World {
      var w = World()
      _ = try w.ecs("CreateCluster", ["clusterName": "demo"])
      _ = try w.launch()
      _ = try w.launch(userData: nil)
      w.advance(seconds: 45)
      return w
    }
    #expect(try run() == run())
  }
}

@Suite struct ContainerInstanceActionsTests {
  /// A world with cluster demo and one t3.medium registered in it.
  func joined() throws -> (World, String) {
    var w = World()
    _ = try w.ecs("CreateCluster", ["clusterName": "demo"])
    let id = try w.launch()
    w.advance(seconds: 30)
    return (w, id)
  }

  @Test func describeShowsResourcesAndAttributesAsAWSDoes() throws {
    var (w, id) = try joined()
    let arns = try w.ecs("ListContainerInstances", ["cluster": "demo"])["containerInstanceArns"]
    let arn = try #require(arns?[0]?.stringValue)
    #expect(arn.hasPrefix("arn:aws:ecs:us-east-1:123456789012:container-instance/demo/"))
    let out = try w.ecs(
      "DescribeContainerInstances",
      ["cluster": "demo", "containerInstances": [.string(arn), "nope"]])
    let ci = try #require(out["containerInstances"]?[0])
    #expect(
      ci.objectValue?.map(\.0) == [
        "containerInstanceArn", "ec2InstanceId", "version", "versionInfo", "remainingResources",
        "registeredResources", "status", "agentConnected", "runningTasksCount", "pendingTasksCount",
        "attributes", "registeredAt", "attachments",
      ])
    #expect(ci["ec2InstanceId"] == .string(id))
    #expect(ci["status"] == "ACTIVE")
    #expect(ci["agentConnected"] == true)
    #expect(ci["registeredAt"] == "2026-01-05T09:00:30+00:00")
    let registered = try #require(ci["registeredResources"])
    #expect(
      registered[0] == [
        "name": "CPU", "type": "INTEGER", "doubleValue": 0.0, "longValue": 0, "integerValue": 2048,
      ])
    #expect(registered[1]?["integerValue"] == 3904)
    #expect(registered[2]?["name"] == "PORTS")
    #expect(registered[2]?["stringSetValue"] == ["22", "2376", "2375", "51678", "51679"])
    #expect(registered[3]?["name"] == "PORTS_UDP")
    #expect(ci["remainingResources"] == registered)
    let attrs = ci["attributes"]?.arrayValue ?? []
    #expect(attrs.contains(["name": "ecs.instance-type", "value": "t3.medium"]))
    #expect(attrs.contains(["name": "ecs.cpu-architecture", "value": "x86_64"]))
    #expect(attrs.contains(["name": "ecs.ami-id", "value": .string(w.ami())]))
    #expect(attrs.contains(["name": "ecs.capability.task-eni"]))
    let missing = "arn:aws:ecs:us-east-1:123456789012:container-instance/demo/nope"
    #expect(out["failures"] == [["arn": .string(missing), "reason": "MISSING"]])
    let cluster = try w.ecs("DescribeClusters", ["clusters": ["demo"]])
    #expect(cluster["clusters"]?[0]?["registeredContainerInstancesCount"] == 1)
  }

  @Test func drainFiltersAndReactivates() throws {
    var (w, _) = try joined()
    let ciId = w.capacity.containerInstances[0].id
    let out = try w.ecs(
      "UpdateContainerInstancesState",
      ["cluster": "demo", "containerInstances": [.string(ciId)], "status": "DRAINING"])
    #expect(out["containerInstances"]?[0]?["status"] == "DRAINING")
    #expect(out["containerInstances"]?[0]?["version"] == 2)
    #expect(
      try w.ecs("ListContainerInstances", ["cluster": "demo", "status": "ACTIVE"])[
        "containerInstanceArns"] == [])
    #expect(
      try w.ecs("ListContainerInstances", ["cluster": "demo", "status": "DRAINING"])[
        "containerInstanceArns"]?.arrayValue?.count == 1)
    _ = try w.ecs(
      "UpdateContainerInstancesState",
      ["cluster": "demo", "containerInstances": [.string(ciId)], "status": "ACTIVE"])
    #expect(w.capacity.containerInstances[0].status == .active)
    let before = w
    #expect(
      throws: AWSError.invalidParameter("Container instance status must be ACTIVE or DRAINING.")
    ) {
      try w.ecs(
        "UpdateContainerInstancesState",
        ["cluster": "demo", "containerInstances": [.string(ciId)], "status": "INACTIVE"])
    }
    #expect(w == before)
  }

  @Test func deregisterAndClusterDeletion() throws {
    var (w, id) = try joined()
    #expect(
      throws: AWSError(
        "ClusterContainsContainerInstancesException",
        "The Cluster cannot be deleted while Container Instances are active or draining.")
    ) {
      try w.ecs("DeleteCluster", ["cluster": "demo"])
    }
    let arn = w.capacity.containerInstances[0].arn
    let out = try w.ecs(
      "DeregisterContainerInstance", ["cluster": "demo", "containerInstance": .string(arn)])
    #expect(out["containerInstance"]?["status"] == "INACTIVE")
    #expect(try w.ecs("ListContainerInstances", ["cluster": "demo"])["containerInstanceArns"] == [])
    // The EC2 instance keeps running; its agent does not come back.
    w.advance(seconds: 120)
    #expect(w.ec2Instance(id)?.state == .running)
    #expect(w.registeredContainerInstances(in: w.clusters[0].arn).isEmpty)
    #expect(
      throws: AWSError.invalidParameter(
        "The referenced container instance \(arn) is not registered with this cluster.")
    ) {
      try w.ecs(
        "DeregisterContainerInstance", ["cluster": "demo", "containerInstance": .string(arn)])
    }
    _ = try w.ecs("DeleteCluster", ["cluster": "demo"])
  }

  @Test(arguments: [
    "ListContainerInstances", "DescribeContainerInstances", "DeregisterContainerInstance",
  ])
  func missingClusterIsClusterNotFound(op: String) {
    var w = World()
    #expect(throws: AWSError.clusterNotFound) {
      try w.ecs(op, ["cluster": "nope", "containerInstances": ["x"], "containerInstance": "x"])
    }
  }
}

@Suite struct CapacityProviderTests {
  @Test func fargateProvidersAlwaysExist() throws {
    var w = World()
    let out = try w.ecs("DescribeCapacityProviders", [:])
    #expect(
      out["capacityProviders"] == [
        [
          "capacityProviderArn": "arn:aws:ecs:us-east-1:123456789012:capacity-provider/FARGATE",
          "name": "FARGATE", "status": "ACTIVE", "tags": [],
        ],
        [
          "capacityProviderArn":
            "arn:aws:ecs:us-east-1:123456789012:capacity-provider/FARGATE_SPOT",
          "name": "FARGATE_SPOT", "status": "ACTIVE", "tags": [],
        ],
      ])
    let one = try w.ecs(
      "DescribeCapacityProviders", ["capacityProviders": ["FARGATE_SPOT", "my-asg"]])
    #expect(one["capacityProviders"]?.arrayValue?.count == 1)
    #expect(one["failures"]?[0]?["reason"] == "MISSING")
  }

  @Test func putClusterCapacityProvidersSetsTheDefaultStrategy() throws {
    var w = World()
    _ = try w.ecs("CreateCluster", ["clusterName": "demo"])
    let out = try w.ecs(
      "PutClusterCapacityProviders",
      [
        "cluster": "demo", "capacityProviders": ["FARGATE", "FARGATE_SPOT"],
        "defaultCapacityProviderStrategy": [
          ["capacityProvider": "FARGATE", "weight": 1, "base": 1],
          ["capacityProvider": "FARGATE_SPOT", "weight": 4],
        ],
      ])
    let c = try #require(out["cluster"])
    #expect(c["capacityProviders"] == ["FARGATE", "FARGATE_SPOT"])
    #expect(
      c["defaultCapacityProviderStrategy"] == [
        ["capacityProvider": "FARGATE", "weight": 1, "base": 1],
        ["capacityProvider": "FARGATE_SPOT", "weight": 4, "base": 0],
      ])
    #expect(w.cluster("demo")?.capacityProviders == ["FARGATE", "FARGATE_SPOT"])
  }

  @Test(arguments: [
    (
      ["my-asg"], "FARGATE",
      "The specified capacity provider 'my-asg' does not exist. Specify a valid capacity provider and try again."
    ),
    (
      ["FARGATE"], "FARGATE_SPOT",
      "The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again."
    ),
  ])
  func putRejectsAndChangesNothing(providers: [String], strategy: String, message: String) throws {
    var w = World()
    _ = try w.ecs("CreateCluster", ["clusterName": "demo"])
    let before = w
    #expect(throws: AWSError.invalidParameter(message)) {
      try w.ecs(
        "PutClusterCapacityProviders",
        [
          "cluster": "demo", "capacityProviders": .array(providers.map { .string($0) }),
          "defaultCapacityProviderStrategy": [
            ["capacityProvider": .string(strategy), "weight": 1]
          ],
        ])
    }
    #expect(w == before)
  }
}

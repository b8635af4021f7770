/// The EC2 data plane: ec2 RunInstances, DescribeInstances, TerminateInstances; and what ECS shows
/// of it: container instances and the Fargate capacity providers.
enum CapacityActions {
  static let ec2Table: [String: ActionHandler] = [
    "RunInstances": runInstances,
    "DescribeInstances": describeInstances,
    "TerminateInstances": terminateInstances,
  ]

  static let ecsTable: [String: ActionHandler] = [
    "ListContainerInstances": listContainerInstances,
    "DescribeContainerInstances": describeContainerInstances,
    "DeregisterContainerInstance": deregisterContainerInstance,
    "UpdateContainerInstancesState": updateContainerInstancesState,
    "PutClusterCapacityProviders": putClusterCapacityProviders,
    "DescribeCapacityProviders": describeCapacityProviders,
  ]

  /// Instances an account may run at once (the simulation's stand-in for the vCPU quota).

  // MARK: RunInstances

  static func runInstances(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let image = try resolveImage(world, req.string("ImageId") ?? "")
    let typeName = req.string("InstanceType") ?? "m1.small"
    // UNCONFIRMED: EC2's wording for an unknown instance type; this follows its usual pattern.
    guard let type = InstanceType.named(typeName) else {
      throw AWSError("InvalidParameterValue", "Invalid value '\(typeName)' for InstanceType.")
    }
    if type.architecture != image.architecture {
      throw AWSError(
        "InvalidParameterValue",
        "The architecture '\(type.architecture)' of the specified instance type does not match the architecture '\(image.architecture)' of the specified AMI. Specify an instance type and an AMI that have matching architectures, and try again. You can use 'describe-instance-types' or 'describe-images' to discover the architecture of the instance type or AMI."
      )
    }
    let minCount = req.int("MinCount") ?? 1
    let maxCount = req.int("MaxCount") ?? minCount
    guard minCount >= 1 else {
      throw AWSError(
        "InvalidParameterValue",
        "Value (\(minCount)) for parameter minCount is invalid. Expected a positive integer.")
    }
    guard maxCount >= minCount else {
      throw AWSError(
        "InvalidParameterValue",
        "Value (\(maxCount)) for parameter maxCount is invalid. Expected a value greater than or equal to minCount."
      )
    }
    let live = world.capacity.instances.filter { $0.state != .terminated }.count
    let instanceLimit = world.capacity.instanceLimit
    guard minCount <= instanceLimit - live else {
      throw AWSError(
        "InstanceLimitExceeded",
        "You have requested more instances (\(minCount)) than your current instance limit of \(instanceLimit) allows for the specified instance type. Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit."
      )
    }
    let count = min(maxCount, instanceLimit - live)

    // The primary network interface (DeviceIndex 0), where the CLI's
    // --associate-public-ip-address puts the subnet and the security group IDs as well.
    let primary = (req.array("NetworkInterfaces") ?? []).first {
      ($0["DeviceIndex"]?.intValue ?? 0) == 0
    }
    if primary != nil {
      if req.string("SubnetId") != nil {
        throw AWSError(
          "InvalidParameterCombination",
          "Network interfaces and an instance-level subnet ID may not be specified on the same request"
        )
      }
      if req.strings("SecurityGroupIds") != nil || req.strings("SecurityGroups") != nil {
        throw AWSError(
          "InvalidParameterCombination",
          "Network interfaces and an instance-level security groups may not be specified on the same request"
        )
      }
    }
    /// Whether the primary interface gets a public IP: as asked, else the subnet's setting.
    let associatePublicIp = primary?["AssociatePublicIpAddress"]?.boolValue

    // Subnet: the one asked for, else the default subnets in turn.
    var subnets: [Subnet] = []
    if let id = req.string("SubnetId") ?? primary?["SubnetId"]?.stringValue {
      guard let s = world.subnets.first(where: { $0.subnetId == id }) else {
        throw AWSError("InvalidSubnetID.NotFound", "The subnet ID '\(id)' does not exist")
      }
      subnets = [s]
    } else {
      let defaults = world.subnets.filter(\.defaultForAz).sorted {
        $0.availabilityZone < $1.availabilityZone
      }
      guard !defaults.isEmpty else {
        throw AWSError(
          "VPCIdNotSpecified",
          "No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC."
        )
      }
      let start = world.capacity.instances.count
      subnets = (0..<count).map { defaults[(start + $0) % defaults.count] }
    }
    let vpcId = subnets[0].vpcId

    var groupIds =
      req.strings("SecurityGroupIds")
      ?? (primary?["Groups"]?.arrayValue ?? []).compactMap(\.stringValue)
    for name in req.strings("SecurityGroups") ?? [] {
      guard let g = world.securityGroups.first(where: { $0.groupName == name && $0.vpcId == vpcId })
      else {
        throw AWSError(
          "InvalidGroup.NotFound", "The security group '\(name)' does not exist in VPC '\(vpcId)'")
      }
      groupIds.append(g.groupId)
    }
    for id in groupIds {
      guard let g = world.securityGroups.first(where: { $0.groupId == id }) else {
        throw AWSError("InvalidGroup.NotFound", "The security group '\(id)' does not exist")
      }
      if g.vpcId != vpcId {
        throw AWSError(
          "InvalidParameter",
          "Security group \(id) and subnet \(subnets[0].subnetId) belong to different networks.")
      }
    }
    if groupIds.isEmpty,
      let g = world.securityGroups.first(where: { $0.vpcId == vpcId && $0.groupName == "default" })
    {
      groupIds = [g.groupId]
    }

    var profileArn: String?
    if let spec = req["IamInstanceProfile"] {
      if let arn = spec["Arn"]?.stringValue {
        guard let p = world.instanceProfile(arn), arn.hasPrefix("arn:") else {
          throw AWSError(
            "InvalidParameterValue",
            "Value (\(arn)) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN"
          )
        }
        profileArn = p.arn
      } else if let name = spec["Name"]?.stringValue {
        guard let p = world.instanceProfile(name), !name.hasPrefix("arn:") else {
          throw AWSError(
            "InvalidParameterValue",
            "Value (\(name)) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name"
          )
        }
        profileArn = p.arn
      }
    }

    let userData = req.string("UserData").map(decodeUserData)
    var tags: [Tag] = []
    for spec in req.array("TagSpecifications") ?? []
    where spec["ResourceType"]?.stringValue == "instance" {
      for t in spec["Tags"]?.arrayValue ?? [] {
        if let k = t["Key"]?.stringValue {
          tags.append(Tag(key: k, value: t["Value"]?.stringValue ?? ""))
        }
      }
    }

    // Validated: from here on the launch succeeds.
    let now = world.clock.nowMillis / 1000 * 1000
    let reservationId = "r-0" + world.random.hex(16)
    var launched: [EC2Instance] = []
    for n in 0..<count {
      let subnet = subnets[min(n, subnets.count - 1)]
      let ip = world.allocatePrivateIp(in: subnet)
      var inst = EC2Instance(
        instanceId: "i-0" + world.random.hex(16), instanceType: type.name, imageId: image.imageId,
        subnetId: subnet.subnetId, availabilityZone: subnet.availabilityZone, privateIpAddress: ip,
        state: .pending, launchTime: now, iamInstanceProfileArn: profileArn, userData: userData,
        securityGroupIds: groupIds)
      inst.tags = tags
      inst.reservationId = reservationId
      inst.vpcId = subnet.vpcId
      inst.keyName = req.string("KeyName")
      inst.launchIndex = n
      inst.networkInterfaceId = "eni-0" + world.random.hex(16)
      inst.macAddress = (0..<6).map { k in k == 0 ? "0e" : world.random.hex(2) }.joined(
        separator: ":")
      if associatePublicIp ?? subnet.mapPublicIpOnLaunch {
        inst.publicIpAddress =
          "\([3, 18, 34, 44, 52, 54][world.random.int(in: 0...5)]).\(world.random.int(in: 0...255)).\(world.random.int(in: 0...255)).\(world.random.int(in: 1...254))"
      }
      world.capacity.instances.append(inst)
      launched.append(inst)
      world.record(
        .instance, "Instance \(inst.instanceId) launched (\(type.name), \(image.imageId)).",
        .instanceLaunched(inst.instanceId, type: type.name, image: image.imageId))
    }
    return world.reservationDocument(reservationId, launched)
  }

  /// The image `ImageId` names: an AMI ID, or `resolve:ssm:PARAMETER` resolved as EC2 does.
  static func resolveImage(_ world: World, _ ref: String) throws(AWSError) -> MachineImage {
    var id = ref
    if ref.hasPrefix("resolve:ssm:") {
      let param = String(ref.dropFirst("resolve:ssm:".count))
      // UNCONFIRMED: the exact EC2 wording for an SSM parameter that does not exist.
      guard let resolved = world.resolvePublicImageParameter(param) else {
        throw AWSError(
          "InvalidParameterValue",
          "Invalid value for ImageId. Unable to resolve the SSM parameter: \(param)")
      }
      id = resolved
    }
    guard id.hasPrefix("ami-"), id.count > 4, id.dropFirst(4).allSatisfy(\.isHexDigit) else {
      throw AWSError("InvalidAMIID.Malformed", "Invalid id: \"\(id)\" (expecting \"ami-...\")")
    }
    guard let image = MachineImage.find(id: id, region: world.region) else {
      throw AWSError("InvalidAMIID.NotFound", "The image id '[\(id)]' does not exist")
    }
    return image
  }

  /// User data as the instance sees it. The CLI base64-encodes `--user-data`; text that is not
  /// base64 of readable text is taken as it is.
  static func decodeUserData(_ text: String) -> String {
    guard let bytes = Base64.decode(text), let s = String(validating: bytes, as: UTF8.self),
      s.unicodeScalars.allSatisfy({ $0.value >= 0x20 || $0 == "\n" || $0 == "\r" || $0 == "\t" })
    else { return text }
    return s
  }

  // MARK: DescribeInstances, TerminateInstances

  static func describeInstances(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue
  {
    let ids = req.strings("InstanceIds")
    if let ids { try checkInstanceIds(world, ids) }
    let filters = try Filters(req.array("Filters") ?? [])
    let now = world.clock.nowMillis
    var order: [String] = []
    var groups: [String: [EC2Instance]] = [:]
    for inst in world.capacity.instances {
      // Terminated instances stay visible for about an hour.
      if inst.state == .terminated && now - inst.stateChangedAt > 3_600_000 { continue }
      if let ids, !ids.contains(inst.instanceId) { continue }
      var fields: [String: [String]] = [
        "instance-id": [inst.instanceId], "instance-state-name": [inst.state.rawValue],
        "instance-state-code": [String(inst.stateCode)], "instance-type": [inst.instanceType],
        "image-id": [inst.imageId], "subnet-id": [inst.subnetId], "vpc-id": [inst.vpcId],
        "availability-zone": [inst.availabilityZone], "private-ip-address": [inst.privateIpAddress],
        "reservation-id": [inst.reservationId], "key-name": inst.keyName.map { [$0] } ?? [],
        "instance.group-id": inst.securityGroupIds, "tag-key": inst.tags.map(\.key),
        "iam-instance-profile.arn": inst.iamInstanceProfileArn.map { [$0] } ?? [],
      ]
      for f in filters.filters where f.name.hasPrefix("tag:") {
        let key = String(f.name.dropFirst(4))
        fields[f.name] = inst.tags.filter { $0.key == key }.map(\.value)
      }
      guard try filters.accept(fields) else { continue }
      if groups[inst.reservationId] == nil { order.append(inst.reservationId) }
      groups[inst.reservationId, default: []].append(inst)
    }
    return ["Reservations": .array(order.map { world.reservationDocument($0, groups[$0] ?? []) })]
  }

  static func terminateInstances(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue
  {
    let ids = req.strings("InstanceIds") ?? []
    try checkInstanceIds(world, ids)
    var out: [JSONValue] = []
    for id in ids {
      guard let i = world.capacity.instances.firstIndex(where: { $0.instanceId == id }) else {
        continue
      }
      let before = world.capacity.instances[i]
      if before.state == .pending || before.state == .running {
        world.capacity.instances[i].state = .shuttingDown
        world.capacity.instances[i].stateChangedAt = world.clock.nowMillis
        world.record(.instance, "Instance \(id) is shutting down.", .instanceShuttingDown(id))
        if case .registered(let arn) = before.agent,
          let c = world.capacity.containerInstances.firstIndex(where: { $0.arn == arn })
        {
          // The agent stops with the instance.
          world.capacity.containerInstances[c].agentConnected = false
          world.capacity.containerInstances[c].version += 1
        }
      }
      let after = world.capacity.instances[i]
      out.append([
        "InstanceId": .string(id),
        "CurrentState": ["Code": .int(after.stateCode), "Name": .string(after.state.rawValue)],
        "PreviousState": ["Code": .int(before.stateCode), "Name": .string(before.state.rawValue)],
      ])
    }
    return ["TerminatingInstances": .array(out)]
  }

  static func checkInstanceIds(_ world: World, _ ids: [String]) throws(AWSError) {
    for id in ids
    where !(id.hasPrefix("i-") && id.count > 2 && id.dropFirst(2).allSatisfy(\.isHexDigit)) {
      throw AWSError("InvalidInstanceID.Malformed", "Invalid id: \"\(id)\"")
    }
    let missing = ids.filter { id in world.ec2Instance(id) == nil }
    if missing.count == 1 {
      throw AWSError("InvalidInstanceID.NotFound", "The instance ID '\(missing[0])' does not exist")
    } else if missing.count > 1 {
      throw AWSError(
        "InvalidInstanceID.NotFound",
        "The instance IDs '\(missing.joined(separator: ", "))' do not exist")
    }
  }

  // MARK: container instances

  static func clusterRef(_ world: World, _ req: Request) throws(AWSError) -> Cluster {
    guard let c = world.cluster(req.string("cluster") ?? "default") else { throw .clusterNotFound }
    return c
  }

  static func listContainerInstances(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let cluster = try clusterRef(world, req)
    let status = req.string("status")
    if let status,
      !["ACTIVE", "DRAINING", "REGISTERING", "DEREGISTERING", "REGISTRATION_FAILED"].contains(
        status)
    {
      throw .invalidParameter("Invalid status filter: \(status)")
    }
    if req.string("filter") != nil {
      throw AWSError(
        "UnsupportedOperation",
        "ecs-tutor does not evaluate --filter on list-container-instances yet.")
    }
    let arns = world.capacity.containerInstances.filter { ci in
      ci.clusterArn == cluster.arn && ci.status != .inactive
        && (status == nil || ci.status.rawValue == status)
    }.map { JSONValue.string($0.arn) }
    return try paginate(arns, key: "containerInstanceArns", req)
  }

  static func describeContainerInstances(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let cluster = try clusterRef(world, req)
    let refs = req.strings("containerInstances") ?? []
    let include = Set(req.strings("include") ?? [])
    var found: [JSONValue] = []
    var failures: [JSONValue] = []
    for ref in refs {
      if let ci = world.capacity.containerInstances.first(where: {
        $0.clusterArn == cluster.arn && ($0.arn == ref || $0.id == ref)
      }) {
        found.append(world.containerInstanceDocument(ci, include: include))
      } else {
        let arn =
          ref.hasPrefix("arn:")
          ? ref : world.arn(service: "ecs", resource: "container-instance/\(cluster.name)/\(ref)")
        failures.append(["arn": .string(arn), "reason": "MISSING"])
      }
    }
    return ["containerInstances": .array(found), "failures": .array(failures)]
  }

  static func deregisterContainerInstance(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let cluster = try clusterRef(world, req)
    let ref = req.string("containerInstance") ?? ""
    guard let ci = world.containerInstance(ref, in: cluster.arn),
      let i = world.capacity.containerInstances.firstIndex(where: { $0.arn == ci.arn })
    else {
      throw .invalidParameter(
        "The referenced container instance \(ref) is not registered with this cluster.")
    }
    let used = world.usage(of: ci)
    if used.running + used.pending > 0 && req.bool("force") != true {
      throw .invalidParameter("Found running tasks on the instance.")
    }
    world.capacity.containerInstances[i].status = .inactive
    world.capacity.containerInstances[i].version += 1
    if let e = world.capacity.instances.firstIndex(where: { $0.instanceId == ci.ec2InstanceId }) {
      // A deregistered instance's agent does not come back on its own.
      world.capacity.instances[e].agent = .failed(
        reason:
          "\(ci.ec2InstanceId) was deregistered from \(cluster.name); its agent will not register again."
      )
    }
    world.record(
      .instance,
      "Container instance \(ci.id) (\(ci.ec2InstanceId)) deregistered from \(cluster.name).",
      .containerInstanceDeregistered(
        containerInstance: ci.id, instance: ci.ec2InstanceId, cluster: cluster.name))
    return [
      "containerInstance": world.containerInstanceDocument(
        world.capacity.containerInstances[i], include: [])
    ]
  }

  static func updateContainerInstancesState(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let cluster = try clusterRef(world, req)
    // UNCONFIRMED: ECS's exact wording for a status other than ACTIVE or DRAINING.
    guard let status = ContainerInstanceStatus(rawValue: req.string("status") ?? ""),
      status != .inactive
    else {
      throw .invalidParameter("Container instance status must be ACTIVE or DRAINING.")
    }
    var found: [JSONValue] = []
    var failures: [JSONValue] = []
    for ref in req.strings("containerInstances") ?? [] {
      guard let ci = world.containerInstance(ref, in: cluster.arn),
        let i = world.capacity.containerInstances.firstIndex(where: { $0.arn == ci.arn })
      else {
        let arn =
          ref.hasPrefix("arn:")
          ? ref : world.arn(service: "ecs", resource: "container-instance/\(cluster.name)/\(ref)")
        failures.append(["arn": .string(arn), "reason": "MISSING"])
        continue
      }
      if ci.status != status {
        world.capacity.containerInstances[i].status = status
        world.capacity.containerInstances[i].version += 1
        world.record(
          .instance, "Container instance \(ci.id) (\(ci.ec2InstanceId)) is \(status.rawValue).",
          .containerInstanceStatus(
            containerInstance: ci.id, instance: ci.ec2InstanceId, status: status.rawValue))
      }
      found.append(
        world.containerInstanceDocument(world.capacity.containerInstances[i], include: []))
    }
    return ["containerInstances": .array(found), "failures": .array(failures)]
  }

  // MARK: capacity providers

  /// The AWS-managed capacity providers every account has.
  static let fargateProviders = ["FARGATE", "FARGATE_SPOT"]

  static func putClusterCapacityProviders(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let cluster = try clusterRef(world, req)
    let providers = req.strings("capacityProviders") ?? []
    for p in providers where !fargateProviders.contains(p) {
      // UNCONFIRMED: exact wording; ASG capacity providers are not simulated.
      throw .invalidParameter(
        "The specified capacity provider '\(p)' does not exist. Specify a valid capacity provider and try again."
      )
    }
    var strategy: [CapacityProviderStrategyItem] = []
    for item in CapacityProviderStrategyItem.list(req.array("defaultCapacityProviderStrategy")) {
      let name = item.capacityProvider
      guard providers.contains(name) else {
        throw .invalidParameter(
          "The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again."
        )
      }
      let weight = item.weight ?? 0
      let base = item.base ?? 0
      guard (0...1000).contains(weight), (0...100_000).contains(base) else {
        throw .invalidParameter(
          "The capacity provider strategy weight must be between 0 and 1000 and base between 0 and 100000."
        )
      }
      strategy.append(
        CapacityProviderStrategyItem(capacityProvider: name, weight: weight, base: base))
    }
    if strategy.filter({ ($0.base ?? 0) > 0 }).count > 1 {
      throw .invalidParameter(
        "The capacity provider strategy can have only one capacity provider with a base value greater than 0."
      )
    }
    guard let i = world.clusters.firstIndex(where: { $0.arn == cluster.arn }) else {
      throw .clusterNotFound
    }
    world.clusters[i].capacityProviders = providers
    world.clusters[i].defaultCapacityProviderStrategy = strategy
    world.record(
      .cluster,
      "Cluster \(cluster.name) capacity providers: \(providers.isEmpty ? "none" : providers.joined(separator: ", ")).",
      .clusterCapacityProviders(cluster.name, providers))
    return ["cluster": world.clusterDocument(world.clusters[i], include: ["SETTINGS"])]
  }

  static func describeCapacityProviders(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let refs = req.strings("capacityProviders") ?? fargateProviders
    var found: [JSONValue] = []
    var failures: [JSONValue] = []
    for ref in refs {
      let name = ref.hasPrefix("arn:") ? String(ref.split(separator: "/").last ?? "") : ref
      let arn = world.arn(service: "ecs", resource: "capacity-provider/" + name)
      if fargateProviders.contains(name) && (ref == name || ref == arn) {
        found.append([
          "capacityProviderArn": .string(arn), "name": .string(name), "status": "ACTIVE",
          "tags": [],
        ])
      } else {
        failures.append(["arn": .string(ref.hasPrefix("arn:") ? ref : arn), "reason": "MISSING"])
      }
    }
    return ["capacityProviders": .array(found), "failures": .array(failures)]
  }
}

extension World {
  /// A free address in the subnet's CIDR (AWS keeps the first four and the last one).
  mutating func allocatePrivateIp(in subnet: Subnet) -> String {
    let parts = subnet.cidrBlock.split(separator: "/")
    let octets = parts.first?.split(separator: ".").compactMap { UInt32($0) } ?? []
    let bits = parts.count > 1 ? UInt32(parts[1]) ?? 24 : 24
    guard octets.count == 4, (16...28).contains(bits) else { return "10.0.0.10" }
    let base = (octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]
    let size = Int(1 << (32 - bits))
    let taken = Set(
      capacity.instances.filter { $0.subnetId == subnet.subnetId && $0.state != .terminated }.map(
        \.privateIpAddress))
    var addr = ""
    for _ in 0..<64 {
      let a = base + UInt32(random.int(in: 4...(size - 2)))
      addr = "\(a >> 24).\((a >> 16) & 255).\((a >> 8) & 255).\(a & 255)"
      if !taken.contains(addr) { break }
    }
    return addr
  }

  func privateDnsName(_ ip: String) -> String {
    let host = "ip-" + ip.replacingDots()
    return region == "us-east-1" ? host + ".ec2.internal" : host + ".\(region).compute.internal"
  }

  func publicDnsName(_ ip: String) -> String {
    let host = "ec2-" + ip.replacingDots()
    return region == "us-east-1"
      ? host + ".compute-1.amazonaws.com" : host + ".\(region).compute.amazonaws.com"
  }

  /// A reservation as RunInstances returns it and DescribeInstances lists it.
  func reservationDocument(_ reservationId: String, _ instances: [EC2Instance]) -> JSONValue {
    [
      "Groups": [],
      "Instances": .array(instances.map(instanceDocument)),
      "OwnerId": .string(account),
      "ReservationId": .string(reservationId),
    ]
  }

  /// An instance as EC2 prints it (member order of AWS's own run-instances example).
  public func instanceDocument(_ inst: EC2Instance) -> JSONValue {
    let type = InstanceType.named(inst.instanceType)
    let image = MachineImage.find(id: inst.imageId, region: region)
    let live = inst.state == .pending || inst.state == .running
    let publicIp = live ? inst.publicIpAddress : nil
    let groups: [JSONValue] = inst.securityGroupIds.map { id in
      [
        "GroupId": .string(id),
        "GroupName": .string(securityGroups.first { $0.groupId == id }?.groupName ?? ""),
      ]
    }
    let profileId = inst.iamInstanceProfileArn.flatMap { instanceProfile($0)?.id }
    let terminatedAt = Timestamp.iso8601(millis: inst.stateChangedAt / 1000 * 1000)
    let userStopped = inst.state == .shuttingDown || inst.state == .terminated
    let threads = inst.instanceType.hasPrefix("t2.") || type?.architecture == "arm64" ? 1 : 2
    let vcpu = type?.vCPU ?? 1
    let al2023 = image?.os == "Amazon Linux 2023"
    let eni: JSONValue = jsonObject([
      (
        "Association",
        publicIp.map { ip in
          [
            "IpOwnerId": "amazon", "PublicDnsName": .string(publicDnsName(ip)),
            "PublicIp": .string(ip),
          ]
        }
      ),
      (
        "Attachment",
        [
          "AttachTime": .string(Timestamp.iso8601(millis: inst.launchTime)),
          "AttachmentId": .string("eni-attach-" + inst.networkInterfaceId.dropFirst(4)),
          "DeleteOnTermination": true, "DeviceIndex": 0,
          "Status": .string(
            inst.state == .pending
              ? "attaching" : inst.state == .terminated ? "detached" : "attached"),
        ]
      ),
      ("Description", ""),
      (
        "Groups",
        .array(groups.map { ["GroupName": $0["GroupName"] ?? "", "GroupId": $0["GroupId"] ?? ""] })
      ),
      ("Ipv6Addresses", []),
      ("MacAddress", .string(inst.macAddress)),
      ("NetworkInterfaceId", .string(inst.networkInterfaceId)),
      ("OwnerId", .string(account)),
      ("PrivateDnsName", .string(privateDnsName(inst.privateIpAddress))),
      ("PrivateIpAddress", .string(inst.privateIpAddress)),
      (
        "PrivateIpAddresses",
        [
          jsonObject([
            (
              "Association",
              publicIp.map { ip in
                [
                  "IpOwnerId": "amazon", "PublicDnsName": .string(publicDnsName(ip)),
                  "PublicIp": .string(ip),
                ]
              }
            ),
            ("Primary", true),
            ("PrivateDnsName", .string(privateDnsName(inst.privateIpAddress))),
            ("PrivateIpAddress", .string(inst.privateIpAddress)),
          ])
        ]
      ),
      ("SourceDestCheck", true),
      ("Status", "in-use"),
      ("SubnetId", .string(inst.subnetId)),
      ("VpcId", .string(inst.vpcId)),
      ("InterfaceType", "interface"),
    ])
    return jsonObject([
      ("AmiLaunchIndex", .int(inst.launchIndex)),
      ("ImageId", .string(inst.imageId)),
      ("InstanceId", .string(inst.instanceId)),
      ("InstanceType", .string(inst.instanceType)),
      ("KeyName", inst.keyName.map { .string($0) }),
      ("LaunchTime", .string(Timestamp.iso8601(millis: inst.launchTime))),
      ("Monitoring", ["State": "disabled"]),
      (
        "Placement",
        ["AvailabilityZone": .string(inst.availabilityZone), "GroupName": "", "Tenancy": "default"]
      ),
      (
        "PrivateDnsName",
        .string(inst.state == .terminated ? "" : privateDnsName(inst.privateIpAddress))
      ),
      ("PrivateIpAddress", inst.state == .terminated ? nil : .string(inst.privateIpAddress)),
      ("ProductCodes", []),
      ("PublicDnsName", .string(publicIp.map(publicDnsName) ?? "")),
      ("PublicIpAddress", publicIp.map { .string($0) }),
      ("State", ["Code": .int(inst.stateCode), "Name": .string(inst.state.rawValue)]),
      (
        "StateTransitionReason",
        .string(
          userStopped
            ? "User initiated (\(terminatedAt.prefix(10)) \(terminatedAt.dropFirst(11).prefix(8)) GMT)"
            : "")
      ),
      ("SubnetId", inst.state == .terminated ? nil : .string(inst.subnetId)),
      ("VpcId", inst.state == .terminated ? nil : .string(inst.vpcId)),
      ("Architecture", .string(image?.architecture ?? "x86_64")),
      ("BlockDeviceMappings", []),
      ("ClientToken", ""),
      ("EbsOptimized", false),
      ("EnaSupport", true),
      ("Hypervisor", "xen"),
      (
        "IamInstanceProfile",
        inst.iamInstanceProfileArn.map { arn in
          ["Arn": .string(arn), "Id": .string(profileId ?? "")]
        }
      ),
      ("NetworkInterfaces", inst.state == .terminated ? [] : [eni]),
      ("RootDeviceName", .string(image?.rootDeviceName ?? "/dev/xvda")),
      ("RootDeviceType", "ebs"),
      (
        "SecurityGroups",
        inst.state == .terminated
          ? []
          : .array(
            groups.map { ["GroupName": $0["GroupName"] ?? "", "GroupId": $0["GroupId"] ?? ""] })
      ),
      ("SourceDestCheck", true),
      (
        "StateReason",
        inst.state == .pending
          ? ["Code": "pending", "Message": "pending"]
          : userStopped
            ? [
              "Code": "Client.UserInitiatedShutdown",
              "Message": "Client.UserInitiatedShutdown: User initiated shutdown",
            ]
            : nil
      ),
      (
        "Tags",
        inst.tags.isEmpty
          ? nil : .array(inst.tags.map { ["Key": .string($0.key), "Value": .string($0.value)] })
      ),
      ("VirtualizationType", "hvm"),
      ("CpuOptions", ["CoreCount": .int(max(1, vcpu / threads)), "ThreadsPerCore": .int(threads)]),
      ("CapacityReservationSpecification", ["CapacityReservationPreference": "open"]),
      (
        "MetadataOptions",
        [
          "State": .string(inst.state == .pending ? "pending" : "applied"),
          "HttpTokens": .string(al2023 ? "required" : "optional"),
          "HttpPutResponseHopLimit": .int(al2023 ? 2 : 1), "HttpEndpoint": "enabled",
        ]
      ),
    ])
  }

  /// A container instance as DescribeContainerInstances prints it. Remaining resources, task counts
  /// and taken ports come from `usage(of:)`.
  public func containerInstanceDocument(_ ci: ContainerInstance, include: Set<String>) -> JSONValue
  {
    let used = usage(of: ci)
    // AWS lists the reserved ports in this order in its own examples.
    let reserved = ci.reservedPorts.sorted { a, b in portRank(a) < portRank(b) }
    func integer(_ name: String, _ v: Int) -> JSONValue {
      [
        "name": .string(name), "type": "INTEGER", "doubleValue": 0.0, "longValue": 0,
        "integerValue": .int(v),
      ]
    }
    func ports(_ name: String, _ list: [Int]) -> JSONValue {
      [
        "name": .string(name), "type": "STRINGSET", "doubleValue": 0.0, "longValue": 0,
        "integerValue": 0,
        "stringSetValue": .array(list.map { .string(String($0)) }),
      ]
    }
    let registered: [JSONValue] = [
      integer("CPU", ci.registeredCpu), integer("MEMORY", ci.registeredMemory),
      ports("PORTS", reserved), ports("PORTS_UDP", []),
    ]
    let remaining: [JSONValue] = [
      integer("CPU", ci.registeredCpu - used.cpu),
      integer("MEMORY", ci.registeredMemory - used.memory),
      ports("PORTS", reserved + used.ports.filter { !reserved.contains($0) }),
      ports("PORTS_UDP", used.udpPorts),
    ]
    return jsonObject([
      ("containerInstanceArn", .string(ci.arn)),
      ("ec2InstanceId", .string(ci.ec2InstanceId)),
      ("capacityProviderName", ci.capacityProviderName.map { .string($0) }),
      ("version", .int(ci.version)),
      (
        "versionInfo",
        [
          "agentVersion": .string(ci.agentVersion),
          "agentHash": .string(agentHash(ci.agentVersion)),
          "dockerVersion": .string(ci.dockerVersion),
        ]
      ),
      ("remainingResources", .array(remaining)),
      ("registeredResources", .array(registered)),
      ("status", .string(ci.status.rawValue)),
      ("agentConnected", .bool(ci.agentConnected)),
      ("runningTasksCount", .int(used.running)),
      ("pendingTasksCount", .int(used.pending)),
      ("attributes", .array(containerInstanceAttributes(ci))),
      ("registeredAt", .string(Timestamp.iso8601(millis: ci.registeredAt))),
      ("attachments", []),
      ("agentUpdateStatus", ci.agentUpdateStatus.map { .string($0) }),
      (
        "tags", include.contains("TAGS") ? TaskDefinitionActions.tagsJSON(ci.tags) : JSONValue?.none
      ),
    ])
  }

  func portRank(_ p: Int) -> Int { [22, 2376, 2375, 51678, 51679].firstIndex(of: p) ?? 5 + p }

  func agentHash(_ version: String) -> String {
    var h: UInt32 = 2_166_136_261
    for b in version.utf8 {
      h ^= UInt32(b)
      h = h &* 16_777_619
    }
    let digits = Array("0123456789abcdef")
    return String((0..<8).map { digits[Int((h >> UInt32(28 - 4 * $0)) & 15)] })
  }

  /// The attributes an agent on an ECS-optimized Linux AMI reports: capabilities (no value),
  /// then the built-in ones with values, then any custom ones by name.
  func containerInstanceAttributes(_ ci: ContainerInstance) -> [JSONValue] {
    let capabilities = [
      "ecs.capability.secrets.asm.environment-variables",
      "ecs.capability.branch-cni-plugin-version",
      "ecs.capability.execution-role-ecr-pull", "com.amazonaws.ecs.capability.ecr-auth",
      "com.amazonaws.ecs.capability.task-iam-role",
      "com.amazonaws.ecs.capability.task-iam-role-network-host",
      "ecs.capability.execution-role-awslogs",
      "com.amazonaws.ecs.capability.logging-driver.awslogs",
      "ecs.capability.container-health-check", "ecs.capability.secrets.ssm.environment-variables",
      "ecs.capability.task-eni", "ecs.capability.awsvpc-trunking",
      "ecs.capability.task-cpu-mem-limit",
      "com.amazonaws.ecs.capability.docker-remote-api.1.44",
    ]
    let builtIn = [
      "ecs.ami-id", "ecs.availability-zone", "ecs.capability.cni-plugin-version",
      "ecs.cpu-architecture",
      "ecs.instance-type", "ecs.os-family", "ecs.os-type", "ecs.subnet-id", "ecs.vpc-id",
    ]
    var out: [JSONValue] = capabilities.map { ["name": .string($0)] }
    for name in builtIn {
      if let v = ci.attributes[name] { out.append(["name": .string(name), "value": .string(v)]) }
    }
    for name in ci.attributes.keys.sorted() where !builtIn.contains(name) {
      out.append(["name": .string(name), "value": .string(ci.attributes[name] ?? "")])
    }
    return out
  }
}

extension String {
  func replacingDots() -> String { String(map { $0 == "." ? "-" : $0 }) }
}

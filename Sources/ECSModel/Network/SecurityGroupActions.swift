/// EC2 security groups: CreateSecurityGroup, DeleteSecurityGroup, Authorize/Revoke ingress and
/// egress, DescribeSecurityGroupRules (DescribeSecurityGroups is in `NetworkActions`).
enum SecurityGroupActions {
  static let table: [String: ActionHandler] = [
    "CreateSecurityGroup": createSecurityGroup,
    "DeleteSecurityGroup": deleteSecurityGroup,
    "AuthorizeSecurityGroupIngress": { w, r throws(AWSError) in try authorize(&w, r, egress: false)
    },
    "AuthorizeSecurityGroupEgress": { w, r throws(AWSError) in try authorize(&w, r, egress: true) },
    "RevokeSecurityGroupIngress": { w, r throws(AWSError) in try revoke(&w, r, egress: false) },
    "RevokeSecurityGroupEgress": { w, r throws(AWSError) in try revoke(&w, r, egress: true) },
    "DescribeSecurityGroupRules": describeSecurityGroupRules,
  ]

  // MARK: Create, delete

  static func createSecurityGroup(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let name = req.string("GroupName") ?? ""
    let description = req.string("Description") ?? ""
    let vpcId: String
    if let id = req.string("VpcId") {
      guard world.vpcs.contains(where: { $0.vpcId == id }) else {
        throw AWSError("InvalidVpcID.NotFound", "The vpc ID '\(id)' does not exist")
      }
      vpcId = id
    } else {
      guard let v = world.vpcs.first(where: \.isDefault) else {
        throw AWSError("VPCIdNotSpecified", "No default VPC for this user")
      }
      vpcId = v.vpcId
    }
    if name.lowercased().hasPrefix("sg-") {
      throw AWSError("InvalidParameterValue", "Group names may not be in the format sg-*")
    }
    // UNCONFIRMED: EC2's wording for an empty name or description.
    guard !name.isEmpty else {
      throw AWSError("InvalidParameterValue", "Value () for parameter groupName is invalid.")
    }
    guard !description.isEmpty else {
      throw AWSError(
        "InvalidParameterValue", "Value () for parameter groupDescription is invalid.")
    }
    if world.securityGroups.contains(where: { $0.groupName == name && $0.vpcId == vpcId }) {
      throw AWSError(
        "InvalidGroup.Duplicate", "The security group '\(name)' already exists for VPC '\(vpcId)'")
    }
    var group = SecurityGroup(
      groupId: "sg-" + world.random.hex(17), groupName: name, description: description,
      vpcId: vpcId, ownerId: world.account)
    group.egress = [
      SecurityGroupRule(
        ipProtocol: "-1", cidrs: ["0.0.0.0/0"], ruleId: "sgr-" + world.random.hex(17))
    ]
    world.securityGroups.append(group)
    world.record(.network, "Security group \(group.groupId) (\(name)) created in \(vpcId).")
    return [
      "GroupId": .string(group.groupId),
      "SecurityGroupArn": .string(
        world.arn(service: "ec2", resource: "security-group/" + group.groupId)),
    ]
  }

  static func deleteSecurityGroup(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let i = try groupIndex(world, req)
    let g = world.securityGroups[i]
    if g.groupName == "default" {
      throw AWSError(
        "CannotDelete",
        "the specified group: \"\(g.groupId)\" name: \"default\" cannot be deleted by a user")
    }
    if !world.securityGroupUsers(g.groupId).isEmpty
      || world.securityGroups.contains(where: { other in
        other.groupId != g.groupId
          && (other.ingress + other.egress).contains { $0.sourceGroupIds.contains(g.groupId) }
      })
    {
      throw AWSError("DependencyViolation", "resource \(g.groupId) has a dependent object")
    }
    world.securityGroups.remove(at: i)
    world.record(.network, "Security group \(g.groupId) (\(g.groupName)) deleted.")
    return ["Return": true, "GroupId": .string(g.groupId)]
  }

  // MARK: Rules

  static func authorize(_ world: inout World, _ req: Request, egress: Bool) throws(AWSError)
    -> JSONValue
  {
    let i = try groupIndex(world, req)
    let group = world.securityGroups[i]
    let rules = try requestedRules(world, req, group: group)
    var existing = egress ? group.egress : group.ingress
    for r in rules {
      if existing.contains(where: { $0.sameRule(r) }) {
        throw AWSError(
          "InvalidPermission.Duplicate", "the specified rule \"\(r.quoted)\" already exists")
      }
      existing.append(r)
    }
    // Validated: every rule gets its ID and is added.
    var added: [SecurityGroupRule] = []
    for var r in rules {
      r.ruleId = "sgr-" + world.random.hex(17)
      added.append(r)
      if egress {
        world.securityGroups[i].egress.append(r)
      } else {
        world.securityGroups[i].ingress.append(r)
      }
      world.record(
        .network,
        "Security group \(group.groupId): \(egress ? "outbound" : "inbound") \(r.protocolText) \(r.portText) \(egress ? "to" : "from") \(r.peer) allowed."
      )
    }
    return [
      "Return": true,
      "SecurityGroupRules": .array(
        added.map { ruleDocument(world, group, $0, egress: egress) }),
    ]
  }

  static func revoke(_ world: inout World, _ req: Request, egress: Bool) throws(AWSError)
    -> JSONValue
  {
    let i = try groupIndex(world, req)
    let group = world.securityGroups[i]
    let current = egress ? group.egress : group.ingress
    var remove: [SecurityGroupRule] = []
    var unknown: [SecurityGroupRule] = []
    if let ids = req.strings("SecurityGroupRuleIds"), !ids.isEmpty {
      for id in ids {
        guard let r = current.first(where: { $0.ruleId == id }) else {
          throw AWSError(
            "InvalidSecurityGroupRuleId.NotFound",
            "The security group rule ID '\(id)' does not exist")
        }
        remove.append(r)
      }
    } else {
      for r in try requestedRules(world, req, group: group) {
        if let found = current.first(where: { $0.sameRule(r) }) {
          remove.append(found)
        } else {
          unknown.append(r)
        }
      }
    }
    let isDefaultVpc = world.vpcs.first { $0.vpcId == group.vpcId }?.isDefault ?? false
    if !unknown.isEmpty && !isDefaultVpc {
      throw AWSError(
        "InvalidPermission.NotFound", "The specified rule does not exist in this security group.")
    }
    let gone = Set(remove.map(\.ruleId))
    if egress {
      world.securityGroups[i].egress.removeAll { gone.contains($0.ruleId) }
    } else {
      world.securityGroups[i].ingress.removeAll { gone.contains($0.ruleId) }
    }
    for r in remove {
      world.record(
        .network,
        "Security group \(group.groupId): \(egress ? "outbound" : "inbound") \(r.protocolText) \(r.portText) \(egress ? "to" : "from") \(r.peer) revoked."
      )
    }
    // For a default VPC, EC2 answers rules it did not find with UnknownIpPermissions, no error.
    return jsonObject([
      ("Return", .bool(unknown.isEmpty)),
      (
        "UnknownIpPermissions",
        unknown.isEmpty
          ? nil
          : .array(SecurityGroup.merged(unknown).map { $0.document(owner: group.ownerId) })
      ),
      (
        "RevokedSecurityGroupRules",
        remove.isEmpty
          ? nil : .array(remove.map { $0.revokedDocument(group: group, egress: egress) })
      ),
    ])
  }

  static func describeSecurityGroupRules(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let ids = req.strings("SecurityGroupRuleIds")
    let filters = try Filters(req.array("Filters") ?? [])
    let all = world.securityGroups.flatMap { g in
      g.ingress.map { (g, $0, false) } + g.egress.map { (g, $0, true) }
    }
    if let ids, let missing = ids.first(where: { id in !all.contains { $0.1.ruleId == id } }) {
      throw AWSError(
        "InvalidSecurityGroupRuleId.NotFound",
        "The security group rule ID '\(missing)' does not exist")
    }
    var out: [JSONValue] = []
    for (g, r, egress) in all {
      if let ids, !ids.contains(r.ruleId) { continue }
      let fields: [String: [String]] = [
        "group-id": [g.groupId], "security-group-rule-id": [r.ruleId],
      ]
      guard try filters.accept(fields) else { continue }
      out.append(ruleDocument(world, g, r, egress: egress))
    }
    return ["SecurityGroupRules": .array(out)]
  }

  // MARK: Reading the request

  static func ruleDocument(
    _ world: World, _ g: SecurityGroup, _ r: SecurityGroupRule, egress: Bool
  ) -> JSONValue {
    r.ruleDocument(
      group: g, egress: egress,
      arn: world.arn(service: "ec2", resource: "security-group-rule/" + r.ruleId))
  }

  /// The group named by GroupId or GroupName (default VPC).
  static func groupIndex(_ world: World, _ req: Request) throws(AWSError) -> Int {
    if let id = req.string("GroupId") {
      guard id.hasPrefix("sg-") else {
        // UNCONFIRMED: EC2's malformed-ID wording, in the form of its other `.Malformed` errors.
        throw AWSError("InvalidGroupId.Malformed", "Invalid id: \"\(id)\" (expecting \"sg-...\")")
      }
      guard let i = world.securityGroups.firstIndex(where: { $0.groupId == id }) else {
        throw AWSError("InvalidGroup.NotFound", "The security group '\(id)' does not exist")
      }
      return i
    }
    if let name = req.string("GroupName") {
      let vpc = world.vpcs.first(where: \.isDefault)?.vpcId ?? ""
      guard
        let i = world.securityGroups.firstIndex(where: { $0.groupName == name && $0.vpcId == vpc })
      else {
        throw AWSError(
          "InvalidGroup.NotFound",
          "The security group '\(name)' does not exist in default VPC '\(vpc)'")
      }
      return i
    }
    // UNCONFIRMED: the wording when neither GroupId nor GroupName is given.
    throw AWSError(
      "MissingParameter", "The request must contain the parameter groupName or groupId")
  }

  /// The atomic rules (one peer each) a request names, through IpPermissions or the flat members
  /// (IpProtocol, FromPort, ToPort, CidrIp, SourceSecurityGroupName).
  static func requestedRules(_ world: World, _ req: Request, group: SecurityGroup)
    throws(AWSError) -> [SecurityGroupRule]
  {
    var permissions = req.array("IpPermissions") ?? []
    if permissions.isEmpty,
      req.string("IpProtocol") != nil || req.string("CidrIp") != nil
        || req.string("SourceSecurityGroupName") != nil
    {
      var p: [(String, JSONValue?)] = [
        ("IpProtocol", req["IpProtocol"]), ("FromPort", req["FromPort"]),
        ("ToPort", req["ToPort"]),
      ]
      if let c = req.string("CidrIp") { p.append(("IpRanges", [["CidrIp": .string(c)]])) }
      if let n = req.string("SourceSecurityGroupName") {
        p.append(("UserIdGroupPairs", [["GroupName": .string(n)]]))
      }
      permissions = [jsonObject(p)]
    }
    guard !permissions.isEmpty else {
      // UNCONFIRMED: the wording when no rule is given.
      throw AWSError("MissingParameter", "The request must contain the parameter ipPermissions")
    }
    var out: [SecurityGroupRule] = []
    for p in permissions {
      let base = try traffic(p)
      var peers = 0
      for range in p["IpRanges"]?.arrayValue ?? [] {
        let cidr = range["CidrIp"]?.stringValue ?? ""
        guard let block = CIDR(cidr) else {
          throw AWSError(
            "InvalidParameterValue",
            "Value (\(cidr)) for parameter cidrIp is invalid. This is not a valid CIDR block.")
        }
        _ = block
        var r = base
        r.cidrs = [cidr]
        r.description = range["Description"]?.stringValue
        out.append(r)
        peers += 1
      }
      for pair in p["UserIdGroupPairs"]?.arrayValue ?? [] {
        let source: SecurityGroup?
        if let id = pair["GroupId"]?.stringValue {
          source = world.securityGroups.first { $0.groupId == id }
          if source == nil {
            throw AWSError("InvalidGroup.NotFound", "The security group '\(id)' does not exist")
          }
        } else if let name = pair["GroupName"]?.stringValue {
          source = world.securityGroups.first { $0.groupName == name && $0.vpcId == group.vpcId }
          if source == nil {
            throw AWSError(
              "InvalidGroup.NotFound",
              "The security group '\(name)' does not exist in default VPC '\(group.vpcId)'")
          }
        } else {
          source = nil
        }
        guard let source else { continue }
        var r = base
        r.sourceGroupIds = [source.groupId]
        r.description = pair["Description"]?.stringValue
        out.append(r)
        peers += 1
      }
      if peers == 0 {
        // UNCONFIRMED: EC2's wording for a rule with neither a CIDR nor a group.
        throw AWSError(
          "MissingParameter",
          "The request must contain the parameter ipPermissions.ipRanges or ipPermissions.groups")
      }
    }
    return out
  }

  /// Protocol and port range of one IpPermission, checked as EC2 checks them.
  static func traffic(_ p: JSONValue) throws(AWSError) -> SecurityGroupRule {
    let raw = (p["IpProtocol"]?.stringValue ?? p["IpProtocol"]?.intValue.map { String($0) } ?? "")
      .lowercased()
    let names = ["6": "tcp", "17": "udp", "1": "icmp", "all": "-1"]
    let proto = names[raw] ?? raw
    let from = p["FromPort"]?.intValue
    let to = p["ToPort"]?.intValue
    switch proto {
    case "tcp", "udp":
      guard let from, let to else {
        throw AWSError(
          "InvalidParameterValue",
          "Invalid value for portRange. Must specify both from and to ports with TCP/UDP.")
      }
      guard (0...65535).contains(from), (0...65535).contains(to), from <= to else {
        // UNCONFIRMED: EC2's wording for a reversed or out-of-range port range.
        throw AWSError(
          "InvalidParameterValue", "Invalid TCP/UDP port range (\(from) - \(to)).")
      }
      return SecurityGroupRule(ipProtocol: proto, fromPort: from, toPort: to)
    case "icmp":
      return SecurityGroupRule(ipProtocol: proto, fromPort: from ?? -1, toPort: to ?? -1)
    case "-1":
      return SecurityGroupRule(ipProtocol: "-1")
    default:
      guard let n = Int(proto), (0...255).contains(n) else {
        throw AWSError(
          "InvalidParameterValue", "Invalid value '\(raw)' for IP protocol. Unknown protocol.")
      }
      return SecurityGroupRule(ipProtocol: proto)
    }
  }
}

extension World {
  /// What holds a security group: live instances and task ENIs (IDs), as DeleteSecurityGroup
  /// counts them.
  public func securityGroupUsers(_ groupId: String) -> [String] {
    let instances = capacity.instances.filter {
      $0.state != .terminated && $0.securityGroupIds.contains(groupId)
    }.map(\.instanceId)
    let enis = workloads.tasks.compactMap(\.eni).filter {
      $0.status != "DELETED" && $0.securityGroups.contains(groupId)
    }.map(\.eniId)
    return instances + enis
  }
}

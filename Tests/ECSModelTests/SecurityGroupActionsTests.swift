import Testing

@testable import ECSModel

extension World {
  /// Creates a security group in the default VPC; returns its ID.
  mutating func securityGroup(_ name: String) throws -> String {
    let out = try perform(
      service: "ec2", operation: "CreateSecurityGroup",
      ["GroupName": .string(name), "Description": "test group"])
    return out["GroupId"]?.stringValue ?? ""
  }

  /// Opens `port` (tcp) from `cidr` on the group.
  mutating func open(_ group: String, port: Int, cidr: String = "0.0.0.0/0") throws {
    _ = try perform(
      service: "ec2", operation: "AuthorizeSecurityGroupIngress",
      [
        "GroupId": .string(group),
        "IpPermissions": [
          [
            "IpProtocol": "tcp", "FromPort": .int(port), "ToPort": .int(port),
            "IpRanges": [["CidrIp": .string(cidr)]],
          ]
        ],
      ])
  }

  var defaultGroupId: String { securityGroups.first { $0.groupName == "default" }!.groupId }
}

@Suite struct SecurityGroupActionsTests {
  static func tcp(_ from: Int?, _ to: Int?, cidr: String = "0.0.0.0/0", proto: String = "tcp")
    -> JSONValue
  {
    jsonObject([
      ("IpProtocol", .string(proto)), ("FromPort", from.map { .int($0) }),
      ("ToPort", to.map { .int($0) }), ("IpRanges", [["CidrIp": .string(cidr)]]),
    ])
  }

  @Test func createDescribeAndDelete() throws {
    var w = World()
    let id = try w.securityGroup("web")
    let out = try w.perform(
      service: "ec2", operation: "DescribeSecurityGroups",
      ["Filters": [["Name": "group-id", "Values": [.string(id)]]]])
    let g = try #require(out["SecurityGroups"]?[0])
    #expect(g["GroupName"] == "web")
    #expect(g["IpPermissions"] == [])
    #expect(g["IpPermissionsEgress"]?[0]?["IpProtocol"] == "-1")
    _ = try w.perform(service: "ec2", operation: "DeleteSecurityGroup", ["GroupId": .string(id)])
    #expect(!w.securityGroups.contains { $0.groupId == id })
  }

  /// The IDs a refusal case refers to.
  struct Names: Sendable {
    var web: String
    var vpc: String
    var defaultGroup: String
  }

  /// One refused call: the request, AWS's code and message.
  struct Refusal: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var operation: String
    var request: @Sendable (Names) -> JSONValue
    var code: String
    var message: @Sendable (Names) -> String
  }

  static let refusalCases: [Refusal] = [
    Refusal(
      testDescription: "duplicate group name", operation: "CreateSecurityGroup",
      request: { _ in ["GroupName": "default", "Description": "x"] },
      code: "InvalidGroup.Duplicate",
      message: { "The security group 'default' already exists for VPC '\($0.vpc)'" }),
    Refusal(
      testDescription: "sg- name", operation: "CreateSecurityGroup",
      request: { _ in ["GroupName": "sg-web", "Description": "x"] },
      code: "InvalidParameterValue", message: { _ in "Group names may not be in the format sg-*" }),
    Refusal(
      testDescription: "default group", operation: "DeleteSecurityGroup",
      request: { _ in ["GroupName": "default"] }, code: "CannotDelete",
      message: {
        "the specified group: \"\($0.defaultGroup)\" name: \"default\" cannot be deleted by a user"
      }),
    Refusal(
      testDescription: "unknown group", operation: "DeleteSecurityGroup",
      request: { _ in ["GroupId": "sg-0123456789abcdef0"] }, code: "InvalidGroup.NotFound",
      message: { _ in "The security group 'sg-0123456789abcdef0' does not exist" }),
    Refusal(
      testDescription: "duplicate rule", operation: "AuthorizeSecurityGroupIngress",
      request: { ["GroupId": .string($0.web), "IpPermissions": [tcp(80, 80)]] },
      code: "InvalidPermission.Duplicate",
      message: { _ in
        "the specified rule \"peer: 0.0.0.0/0, TCP, from port: 80, to port: 80, ALLOW\" already exists"
      }),
    Refusal(
      testDescription: "tcp without ports", operation: "AuthorizeSecurityGroupIngress",
      request: { ["GroupId": .string($0.web), "IpPermissions": [tcp(nil, nil)]] },
      code: "InvalidParameterValue",
      message: { _ in
        "Invalid value for portRange. Must specify both from and to ports with TCP/UDP."
      }),
    Refusal(
      testDescription: "bad CIDR", operation: "AuthorizeSecurityGroupIngress",
      request: {
        ["GroupId": .string($0.web), "IpPermissions": [tcp(22, 22, cidr: "10.0.0.0/33")]]
      },
      code: "InvalidParameterValue",
      message: { _ in
        "Value (10.0.0.0/33) for parameter cidrIp is invalid. This is not a valid CIDR block."
      }),
    Refusal(
      testDescription: "unknown protocol", operation: "AuthorizeSecurityGroupIngress",
      request: { ["GroupId": .string($0.web), "IpPermissions": [tcp(22, 22, proto: "tcpx")]] },
      code: "InvalidParameterValue",
      message: { _ in "Invalid value 'tcpx' for IP protocol. Unknown protocol." }),
    Refusal(
      testDescription: "unknown source group", operation: "AuthorizeSecurityGroupIngress",
      request: {
        [
          "GroupId": .string($0.web),
          "IpPermissions": [
            [
              "IpProtocol": "tcp", "FromPort": 1, "ToPort": 1,
              "UserIdGroupPairs": [["GroupId": "sg-404"]],
            ]
          ],
        ]
      },
      code: "InvalidGroup.NotFound", message: { _ in "The security group 'sg-404' does not exist" }),
    Refusal(
      testDescription: "unknown rule ID", operation: "RevokeSecurityGroupIngress",
      request: { ["GroupId": .string($0.web), "SecurityGroupRuleIds": ["sgr-nope"]] },
      code: "InvalidSecurityGroupRuleId.NotFound",
      message: { _ in "The security group rule ID 'sgr-nope' does not exist" }),
  ]

  /// Each refused call: the exact error, and the world unchanged.
  @Test(arguments: refusalCases)
  func refusals(_ c: Refusal) throws {
    var w = World()
    let web = try w.securityGroup("web")
    try w.open(web, port: 80)
    let names = Names(web: web, vpc: w.vpcs[0].vpcId, defaultGroup: w.defaultGroupId)
    let before = w
    #expect(throws: AWSError(c.code, c.message(names))) {
      try w.perform(service: "ec2", operation: c.operation, c.request(names))
    }
    #expect(w == before)
  }

  @Test func aGroupHeldByAnInstanceOrAnotherGroupsRuleCannotBeDeleted() throws {
    var w = World()
    let web = try w.securityGroup("web")
    let lb = try w.securityGroup("lb")
    _ = try w.perform(
      service: "ec2", operation: "AuthorizeSecurityGroupIngress",
      [
        "GroupId": .string(web),
        "IpPermissions": [
          ["IpProtocol": "-1", "UserIdGroupPairs": [["GroupId": .string(lb)]]]
        ],
      ])
    #expect(throws: AWSError("DependencyViolation", "resource \(lb) has a dependent object")) {
      try w.perform(service: "ec2", operation: "DeleteSecurityGroup", ["GroupId": .string(lb)])
    }
    let ami = try #require(
      w.perform(
        service: "ssm", operation: "GetParameter",
        ["Name": "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id"])[
          "Parameter"]?["Value"]?.stringValue)
    _ = try w.perform(
      service: "ec2", operation: "RunInstances",
      [
        "ImageId": .string(ami), "InstanceType": "t3.medium", "MinCount": 1, "MaxCount": 1,
        "SecurityGroupIds": [.string(web)],
      ])
    #expect(w.securityGroupUsers(web).count == 1)
    #expect(throws: AWSError("DependencyViolation", "resource \(web) has a dependent object")) {
      try w.perform(service: "ec2", operation: "DeleteSecurityGroup", ["GroupId": .string(web)])
    }
  }

  @Test func rulesAreStoredOnePeerEachAndMergedWhenDescribed() throws {
    var w = World()
    let web = try w.securityGroup("web")
    let out = try w.perform(
      service: "ec2", operation: "AuthorizeSecurityGroupIngress",
      [
        "GroupId": .string(web),
        "IpPermissions": [
          [
            "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
            "IpRanges": [["CidrIp": "10.0.0.0/8"], ["CidrIp": "0.0.0.0/0"]],
          ]
        ],
      ])
    #expect(out["SecurityGroupRules"]?.arrayValue?.count == 2)
    let g = try #require(w.securityGroups.first { $0.groupId == web })
    #expect(g.ingress.count == 2)
    #expect(SecurityGroup.merged(g.ingress).count == 1)
    let rules = try w.perform(
      service: "ec2", operation: "DescribeSecurityGroupRules",
      ["Filters": [["Name": "group-id", "Values": [.string(web)]]]])
    #expect(rules["SecurityGroupRules"]?.arrayValue?.count == 3)  // two inbound, one outbound
    // Revoking by rule ID, then a rule that is not there (default VPC: no error, Return false).
    let id = g.ingress[0].ruleId
    _ = try w.perform(
      service: "ec2", operation: "RevokeSecurityGroupIngress",
      ["GroupId": .string(web), "SecurityGroupRuleIds": [.string(id)]])
    let again = try w.perform(
      service: "ec2", operation: "RevokeSecurityGroupIngress",
      ["GroupId": .string(web), "IpPermissions": [Self.tcp(443, 443, cidr: "10.0.0.0/8")]])
    #expect(again["Return"] == false)
    #expect(again["UnknownIpPermissions"]?.arrayValue?.count == 1)
  }

  @Test(arguments: [
    ("tcp", 80, "1.2.3.4", true), ("tcp", 81, "1.2.3.4", false), ("udp", 80, "1.2.3.4", false),
    ("tcp", 8080, "10.1.2.3", true), ("tcp", 8080, "11.1.2.3", false),
  ])
  func inboundRuleMatching(proto: String, port: Int, ip: String, allowed: Bool) throws {
    var w = World()
    let web = try w.securityGroup("web")
    try w.open(web, port: 80)
    _ = try w.perform(
      service: "ec2", operation: "AuthorizeSecurityGroupIngress",
      ["GroupId": .string(web), "IpPermissions": [Self.tcp(8000, 8999, cidr: "10.0.0.0/8")]])
    let g = try #require(w.securityGroups.first { $0.groupId == web })
    #expect(
      (g.inboundRule(protocol: proto, port: port, fromIp: ip, fromGroups: []) != nil) == allowed)
  }

  @Test func taskENIsWithoutGroupsGetTheVPCsDefaultGroup() throws {
    var w = try World.workloads(instances: 1)
    try w.web(hostPort: nil, networkMode: "awsvpc")
    _ = try w.ecs(
      "RunTask",
      [
        "taskDefinition": "web",
        "networkConfiguration": [
          "awsvpcConfiguration": ["subnets": [.string(w.subnets[0].subnetId)]]
        ],
      ])
    let eni = try #require(w.workloads.tasks.first?.eni)
    #expect(eni.securityGroups == [w.defaultGroupId])
  }
}

import Foundation
import Testing

@testable import ECSModel

/// A VPC with a public subnet (route table → internet gateway) and a private one (main table:
/// local only), built through the EC2 operations.
struct VPCFixture {
  var world = World()
  var vpc = ""
  var publicSubnet = ""
  var privateSubnet = ""
  var publicTable = ""
  var mainTable = ""
  var igw = ""

  init() throws {
    vpc = try call("CreateVpc", ["CidrBlock": "10.0.0.0/16"])["Vpc"]?["VpcId"]?.stringValue ?? ""
    publicSubnet = try subnet("10.0.0.0/24", zone: "us-east-1a")
    privateSubnet = try subnet("10.0.1.0/24", zone: "us-east-1b")
    igw =
      try call("CreateInternetGateway", [:])["InternetGateway"]?["InternetGatewayId"]?.stringValue
      ?? ""
    _ = try call(
      "AttachInternetGateway", ["InternetGatewayId": .string(igw), "VpcId": .string(vpc)])
    publicTable =
      try call("CreateRouteTable", ["VpcId": .string(vpc)])["RouteTable"]?["RouteTableId"]?
      .stringValue ?? ""
    _ = try call(
      "CreateRoute",
      [
        "RouteTableId": .string(publicTable), "DestinationCidrBlock": "0.0.0.0/0",
        "GatewayId": .string(igw),
      ])
    _ = try call(
      "AssociateRouteTable",
      ["RouteTableId": .string(publicTable), "SubnetId": .string(publicSubnet)])
    mainTable = world.network.routeTables.first { $0.vpcId == vpc && $0.isMain }?.routeTableId ?? ""
  }

  mutating func call(_ op: String, _ params: JSONValue) throws -> JSONValue {
    try world.perform(service: "ec2", operation: op, params)
  }

  mutating func subnet(_ cidr: String, zone: String) throws -> String {
    try call(
      "CreateSubnet",
      ["VpcId": .string(vpc), "CidrBlock": .string(cidr), "AvailabilityZone": .string(zone)])[
        "Subnet"]?["SubnetId"]?.stringValue ?? ""
  }

  var defaultGroup: String {
    world.securityGroups.first { $0.vpcId == vpc && $0.groupName == "default" }?.groupId ?? ""
  }

  func source(_ subnet: String, publicIp: String? = nil) -> Egress.Source {
    Egress.Source(
      name: "t", subnetId: subnet, privateIp: subnet == publicSubnet ? "10.0.0.10" : "10.0.1.10",
      publicIp: publicIp, securityGroups: [defaultGroup])
  }
}

@Suite struct VPCActionsTests {
  @Test func theDefaultVPCHasAnAttachedGatewayAndARouteToItWithoutConsumingRandom() {
    let w = World()
    var fresh = SeededRandom(seed: World.defaultSeed)
    // The default VPC took 17 + 3 × 17 + 17 hex digits, as before it had a gateway.
    for _ in 0..<(17 * 5) { _ = fresh.next() }
    #expect(w.random == fresh)
    let vpc = w.vpcs[0].vpcId
    #expect(w.internetGatewayAttached(to: vpc))
    #expect(w.subnets.allSatisfy { w.isPublicSubnet($0.subnetId) })
    let main = w.network.routeTables.first { $0.isMain }
    #expect(main?.routes.map(\.destination) == ["172.31.0.0/16", "0.0.0.0/0"])
  }

  /// (operation, parameters with $VPC/$PUB/$PRIV/$IGW/$RTB/$MAIN, error code, message).
  static let errors: [(String, [String: String], String, String)] = [
    (
      "CreateVpc", ["CidrBlock": "10.0.0.0/8"], "InvalidVpc.Range",
      "The CIDR '10.0.0.0/8' is invalid."
    ),
    (
      "CreateVpc", ["CidrBlock": "10.0.0.0/33"], "InvalidParameterValue",
      "Value (10.0.0.0/33) for parameter cidrBlock is invalid. This is not a valid CIDR block."
    ),
    (
      "CreateSubnet", ["VpcId": "$VPC", "CidrBlock": "10.1.0.0/24"], "InvalidSubnet.Range",
      "The CIDR '10.1.0.0/24' is invalid."
    ),
    (
      "CreateSubnet", ["VpcId": "$VPC", "CidrBlock": "10.0.0.128/25"], "InvalidSubnet.Conflict",
      "The CIDR '10.0.0.128/25' conflicts with another subnet"
    ),
    (
      "CreateSubnet", ["VpcId": "vpc-0nope", "CidrBlock": "10.0.5.0/24"], "InvalidVpcID.NotFound",
      "The vpc ID 'vpc-0nope' does not exist"
    ),
    (
      "CreateSubnet",
      ["VpcId": "$VPC", "CidrBlock": "10.0.5.0/24", "AvailabilityZone": "us-east-1z"],
      "InvalidParameterValue",
      "Value (us-east-1z) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f."
    ),
    (
      "DeleteVpc", ["VpcId": "$VPC"], "DependencyViolation",
      "The vpc '$VPC' has dependencies and cannot be deleted."
    ),
    (
      "CreateRoute",
      ["RouteTableId": "$RTB", "DestinationCidrBlock": "0.0.0.0/0", "GatewayId": "$IGW"],
      "RouteAlreadyExists", "The route identified by 0.0.0.0/0 already exists."
    ),
    (
      "CreateRoute",
      ["RouteTableId": "$RTB", "DestinationCidrBlock": "10.9.0.0/16", "GatewayId": "igw-0nope"],
      "InvalidGatewayID.NotFound", "The gateway ID 'igw-0nope' does not exist"
    ),
    (
      "DeleteRoute", ["RouteTableId": "$MAIN", "DestinationCidrBlock": "0.0.0.0/0"],
      "InvalidRoute.NotFound", "no route with destination-cidr-block 0.0.0.0/0 in route table $MAIN"
    ),
    (
      "ReplaceRoute",
      ["RouteTableId": "$MAIN", "DestinationCidrBlock": "0.0.0.0/0", "GatewayId": "$IGW"],
      "InvalidParameterValue",
      "There is no route defined for '0.0.0.0/0' in the route table. Use CreateRoute instead."
    ),
    (
      "AssociateRouteTable", ["RouteTableId": "$MAIN", "SubnetId": "$PUB"],
      "Resource.AlreadyAssociated",
      "the specified association for route table $MAIN conflicts with an existing association"
    ),
    (
      "DeleteRouteTable", ["RouteTableId": "$MAIN"], "DependencyViolation",
      "The routeTable '$MAIN' has dependencies and cannot be deleted."
    ),
    (
      "AttachInternetGateway", ["InternetGatewayId": "$IGW", "VpcId": "$VPC"],
      "Resource.AlreadyAssociated", "resource $IGW is already attached to network $VPC"
    ),
    (
      "DeleteInternetGateway", ["InternetGatewayId": "$IGW"], "DependencyViolation",
      "The internetGateway '$IGW' has dependencies and cannot be deleted."
    ),
    (
      "CreateNatGateway", ["SubnetId": "$PUB", "AllocationId": "eipalloc-0nope"],
      "InvalidAllocationID.NotFound", "The allocation ID 'eipalloc-0nope' does not exist"
    ),
    (
      "CreateVpcEndpoint",
      [
        "VpcId": "$VPC", "VpcEndpointType": "Interface",
        "ServiceName": "com.amazonaws.us-east-1.ecr.api", "SubnetIds": "$PRIV",
      ],
      "InvalidParameter",
      "Enabling private DNS requires both enableDnsSupport and enableDnsHostnames VPC attributes set to true for $VPC"
    ),
    (
      "CreateVpcEndpoint", ["VpcId": "$VPC", "ServiceName": "com.amazonaws.us-east-1.ecr.api"],
      "InvalidParameter",
      "Endpoint type (Gateway) does not match available service types ([Interface])."
    ),
    (
      "CreateVpcEndpoint", ["VpcId": "$VPC", "ServiceName": "com.amazonaws.us-east-1.nope"],
      "InvalidServiceName", "The Vpc Endpoint Service 'com.amazonaws.us-east-1.nope' does not exist"
    ),
  ]

  @Test(arguments: errors.indices)
  func errorsAsEC2WordsThemAndTheWorldStaysUnchanged(_ i: Int) throws {
    var f = try VPCFixture()
    let (op, params, code, message) = Self.errors[i]
    let names = [
      "$VPC": f.vpc, "$PUB": f.publicSubnet, "$PRIV": f.privateSubnet, "$IGW": f.igw,
      "$RTB": f.publicTable, "$MAIN": f.mainTable,
    ]
    func fill(_ s: String) -> String {
      names.reduce(s) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    }
    var request: [(String, JSONValue)] = []
    for (k, v) in params.sorted(by: { $0.key < $1.key }) {
      request.append((k, k.hasSuffix("Ids") ? [.string(fill(v))] : .string(fill(v))))
    }
    let before = f.world
    #expect(throws: AWSError(code, fill(message))) {
      try f.world.perform(service: "ec2", operation: op, .object(request))
    }
    #expect(f.world == before)
  }

  /// (where the task sits, public IP, what to add first, destination, expected: a path or a refusal).
  enum Setup: String, Sendable, CaseIterable {
    case nothing, nat, natPending, natInPrivateSubnet, ecrEndpoints, endpointWithoutIngress,
      egressRevoked
  }

  static let egressCases: [(Setup, Bool, Bool, String, String)] = [
    // (setup, in the public subnet, public IP, destination, expected kind)
    (.nothing, true, true, "internet", "internetGateway"),
    (.nothing, true, false, "ecr.api", "noPublicIp"),
    (.nothing, false, false, "internet", "noRoute"),
    (.nothing, false, true, "internet", "noRoute"),
    (.nat, false, false, "internet", "natGateway"),
    (.nat, false, false, "s3", "natGateway"),
    (.natPending, false, false, "internet", "natNotAvailable"),
    (.natInPrivateSubnet, false, false, "internet", "natWithoutInternet"),
    (.ecrEndpoints, false, false, "ecr.api", "interfaceEndpoint"),
    (.ecrEndpoints, false, false, "s3", "gatewayEndpoint"),
    (.ecrEndpoints, false, false, "logs", "noRoute"),
    (.ecrEndpoints, false, false, "internet", "noRoute"),
    (.endpointWithoutIngress, false, false, "ecr.api", "endpointSecurityGroup"),
    (.egressRevoked, true, true, "internet", "securityGroupEgress"),
  ]

  @Test(arguments: egressCases.indices)
  func egressFindsThePathOrTheMissingHop(_ i: Int) throws {
    let (setup, inPublic, publicIp, destination, expected) = Self.egressCases[i]
    var f = try VPCFixture()
    switch setup {
    case .nothing: break
    case .nat, .natPending, .natInPrivateSubnet:
      let eip = try f.call("AllocateAddress", [:])["AllocationId"]?.stringValue ?? ""
      let subnet = setup == .natInPrivateSubnet ? f.privateSubnet : f.publicSubnet
      let nat =
        try f.call(
          "CreateNatGateway", ["SubnetId": .string(subnet), "AllocationId": .string(eip)])[
          "NatGateway"]?["NatGatewayId"]?.stringValue ?? ""
      _ = try f.call(
        "CreateRoute",
        [
          "RouteTableId": .string(f.mainTable), "DestinationCidrBlock": "0.0.0.0/0",
          "NatGatewayId": .string(nat),
        ])
      if setup != .natPending { f.world.advance(seconds: 61) }
    case .ecrEndpoints, .endpointWithoutIngress:
      _ = try f.call(
        "ModifyVpcAttribute", ["VpcId": .string(f.vpc), "EnableDnsHostnames": ["Value": true]])
      var groups: [JSONValue] = []
      if setup == .endpointWithoutIngress {
        let sg =
          try f.call(
            "CreateSecurityGroup",
            ["GroupName": "endpoints", "Description": "x", "VpcId": .string(f.vpc)])["GroupId"]?
          .stringValue ?? ""
        groups = [.string(sg)]
      }
      _ = try f.call(
        "CreateVpcEndpoint",
        [
          "VpcId": .string(f.vpc), "VpcEndpointType": "Interface",
          "ServiceName": "com.amazonaws.us-east-1.ecr.api", "SubnetIds": [.string(f.privateSubnet)],
          "SecurityGroupIds": .array(groups),
        ])
      _ = try f.call(
        "CreateVpcEndpoint",
        [
          "VpcId": .string(f.vpc), "ServiceName": "com.amazonaws.us-east-1.s3",
          "RouteTableIds": [.string(f.mainTable)],
        ])
      f.world.advance(seconds: 31)
    case .egressRevoked:
      let g = f.defaultGroup
      let rule = f.world.securityGroups.first { $0.groupId == g }?.egress.first?.ruleId ?? ""
      _ = try f.call(
        "RevokeSecurityGroupEgress",
        ["GroupId": .string(g), "SecurityGroupRuleIds": [.string(rule)]])
    }
    let source = f.source(
      inPublic ? f.publicSubnet : f.privateSubnet, publicIp: publicIp ? "54.1.2.3" : nil)
    let result = f.world.egress(from: source, to: Egress.Destination(destination))
    let kind: String
    switch result {
    case .reachable(let p): kind = String(describing: p).prefix { $0 != "(" }.description
    case .refused(let r): kind = String(describing: r).prefix { $0 != "(" }.description
    }
    #expect(kind == expected, "\(setup) \(destination): \(result)")
  }

  @Test func natGatewayIsPendingThenAvailableOnTheClock() throws {
    var f = try VPCFixture()
    let eip = try f.call("AllocateAddress", [:])["AllocationId"]?.stringValue ?? ""
    _ = try f.call(
      "CreateNatGateway", ["SubnetId": .string(f.publicSubnet), "AllocationId": .string(eip)])
    #expect(f.world.network.natGateways[0].state == .pending)
    #expect(!f.world.isSettled)
    f.world.settle()
    #expect(f.world.network.natGateways[0].state == .available)
    #expect(f.world.isSettled)
  }

  /// describe-security-groups filters on the rules (ec2/describe-security-groups page): a group
  /// matches when its rules match each filter (not necessarily the same rule).
  @Test(arguments: [
    (["ip-permission.from-port": "22", "ip-permission.cidr": "0.0.0.0/0"], true),
    (["ip-permission.from-port": "22", "ip-permission.cidr": "10.9.0.0/16"], false),
    (["ip-permission.protocol": "tcp", "ip-permission.to-port": "22"], true),
    (["egress.ip-permission.protocol": "-1"], true),
    (["ip-permission.group-id": "sg-0nope"], false),
  ])
  func securityGroupsFilterOnTheirRules(filters: [String: String], matches: Bool) throws {
    var f = try VPCFixture()
    let group =
      try f.call(
        "CreateSecurityGroup",
        ["GroupName": "ssh", "Description": "ssh", "VpcId": .string(f.vpc)])["GroupId"]?
      .stringValue ?? ""
    _ = try f.call(
      "AuthorizeSecurityGroupIngress",
      [
        "GroupId": .string(group),
        "IpPermissions": [
          [
            "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
            "IpRanges": [["CidrIp": "0.0.0.0/0"]],
          ]
        ],
      ])
    let list: [JSONValue] = filters.sorted { $0.key < $1.key }.map {
      ["Name": .string($0.key), "Values": [.string($0.value)]]
    }
    let found =
      try f.call(
        "DescribeSecurityGroups",
        ["Filters": .array(list + [["Name": "group-name", "Values": ["ssh"]]])]
      )["SecurityGroups"]?.arrayValue ?? []
    #expect(found.count == (matches ? 1 : 0), "\(filters)")
  }

  /// describe-nat-gateways prints the association of the gateway's Elastic IP address while it is
  /// associated (the ec2/describe-nat-gateways page shows it), and none once deleted.
  @Test func natGatewayAddressesShowTheAssociation() throws {
    var f = try VPCFixture()
    let eip = try f.call("AllocateAddress", [:])["AllocationId"]?.stringValue ?? ""
    let nat =
      try f.call(
        "CreateNatGateway", ["SubnetId": .string(f.publicSubnet), "AllocationId": .string(eip)])[
        "NatGateway"]?["NatGatewayId"]?.stringValue ?? ""
    let address = try f.call("DescribeAddresses", [:])["Addresses"]?[0]
    let shown = try f.call("DescribeNatGateways", [:])["NatGateways"]?[0]?["NatGatewayAddresses"]?[
      0]
    #expect(shown?["AssociationId"]?.stringValue?.hasPrefix("eipassoc-") == true)
    #expect(shown?["AssociationId"] == address?["AssociationId"])
    _ = try f.call("DeleteNatGateway", ["NatGatewayId": .string(nat)])
    f.world.settle()
    let deleted = try f.call("DescribeNatGateways", [:])["NatGateways"]?[0]?[
      "NatGatewayAddresses"]?[0]
    #expect(deleted?["AssociationId"] == nil)
  }
}

@Suite struct AgentEgressTests {
  /// (how the private subnet gets out, whether the agent then registers).
  static let cases: [(String, Bool)] = [
    ("nothing", false), ("nat", true), ("ecs endpoints", true), ("ecs endpoint only", false),
  ]

  @Test(arguments: cases)
  func anInstanceWithoutAPathToECSNeverRegisters(fix: String, registers: Bool) throws {
    var f = try VPCFixture()
    _ = try f.world.ecs("CreateCluster", ["clusterName": "demo"])
    let out = try f.call(
      "RunInstances",
      jsonObject([
        ("ImageId", .string(f.world.ami())), ("InstanceType", "t3.medium"), ("MinCount", 1),
        ("MaxCount", 1), ("SubnetId", .string(f.privateSubnet)),
        ("IamInstanceProfile", ["Name": "ecsInstanceRole"]),
        ("UserData", .string(Base64.encode(Array(userDataDemo.utf8)))),
      ]))
    let id = out["Instances"]?[0]?["InstanceId"]?.stringValue ?? ""
    f.world.advance(seconds: 60)
    #expect(f.world.capacity.containerInstances.isEmpty)
    #expect(
      f.world.events.contains { $0.message.contains("\(id): the ECS agent cannot reach ecs.") })
    switch fix {
    case "nat":
      let eip = try f.call("AllocateAddress", [:])["AllocationId"]?.stringValue ?? ""
      let nat =
        try f.call(
          "CreateNatGateway",
          ["SubnetId": .string(f.publicSubnet), "AllocationId": .string(eip)])["NatGateway"]?[
          "NatGatewayId"]?.stringValue ?? ""
      _ = try f.call(
        "CreateRoute",
        [
          "RouteTableId": .string(f.mainTable), "DestinationCidrBlock": "0.0.0.0/0",
          "NatGatewayId": .string(nat),
        ])
    case "ecs endpoints", "ecs endpoint only":
      _ = try f.call(
        "ModifyVpcAttribute", ["VpcId": .string(f.vpc), "EnableDnsHostnames": ["Value": true]])
      for s in fix == "ecs endpoints" ? ["ecs", "ecs-agent", "ecs-telemetry"] : ["ecs"] {
        _ = try f.call(
          "CreateVpcEndpoint",
          [
            "VpcId": .string(f.vpc), "VpcEndpointType": "Interface",
            "ServiceName": .string("com.amazonaws.us-east-1." + s),
            "SubnetIds": [.string(f.privateSubnet)],
          ])
      }
    default: break
    }
    f.world.advance(seconds: 120)
    #expect(
      f.world.capacity.containerInstances.contains { $0.ec2InstanceId == id } == registers,
      "\(fix)")
  }
}

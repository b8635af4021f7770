import ECSCommands
import ECSModel
import TestSupport
import Testing

@testable import ECSTutor

/// EC2's view of the VPC parts built this session: the ENIs of interface endpoints and NAT
/// gateways in describe-network-interfaces, and run-instances' own say over the public IP.
@Suite struct NetworkIntegrationTests {
  /// A VPC with a public subnet ($PUB, route to an internet gateway, map-public-ip on), a private
  /// one ($PRIV), DNS hostnames on, an ecr.api interface endpoint in $PRIV and a NAT gateway in
  /// $PUB.
  static let vpcLines = [
    "VPC=$(aws ec2 create-vpc --cidr-block 10.0.0.0/16 --query Vpc.VpcId --output text)",
    "aws ec2 modify-vpc-attribute --vpc-id $VPC --enable-dns-hostnames",
    "PUB=$(aws ec2 create-subnet --vpc-id $VPC --cidr-block 10.0.0.0/24 --query Subnet.SubnetId --output text)",
    "PRIV=$(aws ec2 create-subnet --vpc-id $VPC --cidr-block 10.0.1.0/24 --query Subnet.SubnetId --output text)",
    "IGW=$(aws ec2 create-internet-gateway --query InternetGateway.InternetGatewayId --output text)",
    "aws ec2 attach-internet-gateway --vpc-id $VPC --internet-gateway-id $IGW",
    "RT=$(aws ec2 create-route-table --vpc-id $VPC --query RouteTable.RouteTableId --output text)",
    "aws ec2 create-route --route-table-id $RT --destination-cidr-block 0.0.0.0/0 --gateway-id $IGW",
    "aws ec2 associate-route-table --subnet-id $PUB --route-table-id $RT",
    "aws ec2 modify-subnet-attribute --subnet-id $PUB --map-public-ip-on-launch",
    "SG=$(aws ec2 describe-security-groups --filters Name=vpc-id,Values=$VPC --query SecurityGroups[0].GroupId --output text)",
  ]

  static func session() -> Session {
    var s = Session(config: SessionConfig(language: .en), lessons: LessonLibrary())
    for line in vpcLines { ScenarioTests.ok(&s, line) }
    return s
  }

  static func json(_ s: inout Session, _ line: String) throws -> JSONValue {
    try JSONParser.parse(ScenarioTests.ok(&s, line).stdout)
  }

  @Test func endpointAndNatGatewayInterfacesHaveAWSsTypeAndDescription() throws {
    var s = Self.session()
    ScenarioTests.ok(
      &s,
      "E=$(aws ec2 create-vpc-endpoint --vpc-id $VPC --vpc-endpoint-type Interface --service-name com.amazonaws.us-east-1.ecr.api --subnet-ids $PRIV --security-group-ids $SG --query VpcEndpoint.VpcEndpointId --output text)"
    )
    ScenarioTests.ok(
      &s, "EIP=$(aws ec2 allocate-address --domain vpc --query AllocationId --output text)")
    ScenarioTests.ok(
      &s,
      "NAT=$(aws ec2 create-nat-gateway --subnet-id $PUB --allocation-id $EIP --query NatGateway.NatGatewayId --output text)"
    )
    let endpoint = try #require(s.world.network.endpoints.first)
    let nat = try #require(s.world.network.natGateways.first)
    let all = try Self.json(&s, "aws ec2 describe-network-interfaces")["NetworkInterfaces"]
    let list = try #require(all?.arrayValue)
    #expect(list.count == 2)
    let e = try #require(list.first { $0["InterfaceType"]?.stringValue == "vpc_endpoint" })
    #expect(e["Description"]?.stringValue == "VPC Endpoint Interface \(endpoint.vpcEndpointId)")
    #expect(
      e["NetworkInterfaceId"]?.stringValue == endpoint.networkInterfaces.first?.networkInterfaceId)
    #expect(e["PrivateIpAddress"]?.stringValue == endpoint.networkInterfaces.first?.privateIp)
    #expect(e["Groups"]?[0]?["GroupId"]?.stringValue == endpoint.groupIds.first)
    #expect(e["RequesterManaged"]?.boolValue == true)
    #expect(
      e["SubnetId"]?.stringValue
        == s.world.subnets.first { $0.cidrBlock == "10.0.1.0/24" }?.subnetId)
    let n = try #require(list.first { $0["InterfaceType"]?.stringValue == "nat_gateway" })
    #expect(n["Description"]?.stringValue == "Interface for NAT Gateway \(nat.natGatewayId)")
    #expect(n["NetworkInterfaceId"]?.stringValue == nat.networkInterfaceId)
    #expect(n["PrivateIpAddress"]?.stringValue == nat.privateIp)
    #expect(n["Association"]?["PublicIp"]?.stringValue == nat.publicIp)
    #expect(n["Association"]?["AllocationId"]?.stringValue == nat.allocationId)
    #expect(n["SourceDestCheck"]?.boolValue == false)
    #expect(n["Groups"]?.arrayValue?.isEmpty == true)
    // Filters and IDs reach them like any interface.
    let byType = try Self.json(
      &s,
      "aws ec2 describe-network-interfaces --filters Name=interface-type,Values=nat_gateway --query NetworkInterfaces[].NetworkInterfaceId"
    )
    #expect(byType == [.string(nat.networkInterfaceId)])
    ScenarioTests.ok(
      &s, "aws ec2 describe-network-interfaces --network-interface-ids \(nat.networkInterfaceId)")
    // Deleted, they are gone.
    ScenarioTests.ok(&s, "aws ec2 delete-vpc-endpoints --vpc-endpoint-ids $E")
    ScenarioTests.ok(&s, "aws ec2 delete-nat-gateway --nat-gateway-id $NAT")
    ScenarioTests.ok(&s, "wait 5m")
    let left = try Self.json(&s, "aws ec2 describe-network-interfaces")["NetworkInterfaces"]
    #expect(left?.arrayValue?.isEmpty == true, "\(String(describing: left))")
  }

  struct Launch: Sendable, CustomTestStringConvertible {
    var testDescription: String
    /// Options after `run-instances --image-id ... --instance-type t3.micro`.
    var options: String
    /// true: a public IP; false: none; nil: the command fails with `error` (exit `status`).
    var publicIp: Bool?
    var error = ""
    var status: Int32 = 0
  }

  static let launches: [Launch] = [
    Launch(
      testDescription: "the public subnet maps a public IP", options: "--subnet-id $PUB",
      publicIp: true),
    Launch(
      testDescription: "the private subnet does not", options: "--subnet-id $PRIV",
      publicIp: false),
    Launch(
      testDescription: "--associate-public-ip-address overrides the subnet",
      options: "--subnet-id $PRIV --security-group-ids $SG --associate-public-ip-address",
      publicIp: true),
    Launch(
      testDescription: "--no-associate-public-ip-address overrides the subnet",
      options: "--subnet-id $PUB --no-associate-public-ip-address", publicIp: false),
    Launch(
      testDescription: "the network-interfaces shorthand",
      options:
        "--network-interfaces DeviceIndex=0,SubnetId=$PRIV,Groups=$SG,AssociatePublicIpAddress=true",
      publicIp: true),
    Launch(
      testDescription: "the shorthand's false in a public subnet",
      options: "--network-interfaces DeviceIndex=0,SubnetId=$PUB,AssociatePublicIpAddress=false",
      publicIp: false),
    Launch(
      testDescription: "the CLI moves --subnet-id into the interface",
      options:
        "--subnet-id $PRIV --network-interfaces DeviceIndex=0,AssociatePublicIpAddress=true",
      publicIp: true),
    Launch(
      testDescription: "the CLI refuses the flag beside --network-interfaces",
      options:
        "--network-interfaces DeviceIndex=0,SubnetId=$PRIV --associate-public-ip-address",
      publicIp: nil,
      error:
        "Mixing the --network-interfaces option with the simple, scalar options is not supported.",
      status: 255),
    Launch(
      testDescription: "EC2 refuses an instance-level subnet beside network interfaces",
      options: "--subnet-id $PUB --network-interfaces DeviceIndex=0,SubnetId=$PRIV",
      publicIp: nil,
      error:
        "An error occurred (InvalidParameterCombination) when calling the RunInstances operation: Network interfaces and an instance-level subnet ID may not be specified on the same request",
      status: 254),
    Launch(
      testDescription: "security group names stay at instance level",
      options: "--subnet-id $PUB --security-groups default --associate-public-ip-address",
      publicIp: nil,
      error:
        "An error occurred (InvalidParameterCombination) when calling the RunInstances operation: Network interfaces and an instance-level security groups may not be specified on the same request",
      status: 254),
  ]

  @Test(arguments: launches)
  func runInstancesDecidesThePublicIp(_ c: Launch) throws {
    var s = Self.session()
    let out = s.handle(
      "aws ec2 run-instances --image-id resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --instance-type t3.micro \(c.options)"
    )
    guard let expected = c.publicIp else {
      #expect(s.lastStatus == c.status, "\(out.text)")
      #expect(out.text.contains(c.error), "\(out.text)")
      return
    }
    #expect(s.lastStatus == 0, "\(out.text)")
    let inst = try #require(s.world.capacity.instances.last)
    #expect((inst.publicIpAddress != nil) == expected)
    let subnet = s.world.subnets.first { $0.subnetId == inst.subnetId }
    #expect(subnet?.vpcId == s.world.vpcs.last?.vpcId)
    let groups = try Self.json(
      &s,
      "aws ec2 describe-instances --instance-ids \(inst.instanceId) --query Reservations[0].Instances[0].SecurityGroups[].GroupId"
    )
    #expect(
      groups == [.string(s.world.securityGroups.first { $0.vpcId == subnet?.vpcId }?.groupId ?? "")]
    )
  }
}

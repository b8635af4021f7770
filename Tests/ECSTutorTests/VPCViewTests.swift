import ECSModel
import TestSupport
import Testing

@testable import ECSTutor

/// `reach TASK internet|SERVICE` (egress) and `show vpc` through the session, in both languages.
@Suite struct VPCViewTests {
  /// A Fargate nginx task in the private subnet of `DiagnosesTests.privateVPC`, after `extra`.
  static func session(_ extra: [String], _ lang: Language = .en) throws -> Session {
    var s = try DiagnosesTests.session(lang)
    let lines =
      DiagnosesTests.cluster + [
        "\(DiagnosesTests.fargate) --container-definitions name=web,image=nginx"
      ] + DiagnosesTests.privateVPC + extra + [
        "TASK=$(\(DiagnosesTests.runPrivate) --query tasks[0].taskArn --output text)"
      ]
    for line in lines { _ = s.handle(line) }
    return s
  }

  static let nat = [
    "PUB=$(aws ec2 create-subnet --vpc-id $VPC --cidr-block 10.0.0.0/24 --query Subnet.SubnetId --output text)",
    "IGW=$(aws ec2 create-internet-gateway --query InternetGateway.InternetGatewayId --output text)",
    "aws ec2 attach-internet-gateway --internet-gateway-id $IGW --vpc-id $VPC",
    "PUB_RT=$(aws ec2 create-route-table --vpc-id $VPC --query RouteTable.RouteTableId --output text)",
    "aws ec2 create-route --route-table-id $PUB_RT --destination-cidr-block 0.0.0.0/0 --gateway-id $IGW",
    "aws ec2 associate-route-table --route-table-id $PUB_RT --subnet-id $PUB",
    "EIP=$(aws ec2 allocate-address --query AllocationId --output text)",
    "NAT=$(aws ec2 create-nat-gateway --subnet-id $PUB --allocation-id $EIP --query NatGateway.NatGatewayId --output text)",
    "aws ec2 create-route --route-table-id $RTB --destination-cidr-block 0.0.0.0/0 --nat-gateway-id $NAT",
  ]

  /// (setup, command, status, the start of the answer in en, in ja).
  static let cases: [([String], String, Int, String, String)] = [
    (
      [], "reach $TASK internet", 1, "not reachable: ", "到達不可: "
    ),
    ([], "reach $TASK ecr.api", 1, "not reachable: ", "到達不可: "),
    (nat, "reach $TASK internet", 0, "reachable: ", "到達可能: "),
    (nat, "reach $TASK s3", 0, "reachable: ", "到達可能: "),
    ([], "reach no-such-task internet", 1, "not reachable: no-such-task", "到達不可: no-such-task"),
  ]

  @Test(arguments: cases.indices, Language.allCases)
  func reachAnswersEgress(_ i: Int, _ lang: Language) throws {
    let (extra, command, status, en, ja) = Self.cases[i]
    var s = try Self.session(extra, lang)
    let said = s.handle(command).text
    #expect(s.lastStatus == status, "\(command): \(said)")
    #expect(said.hasPrefix(lang == .ja ? ja : en), "\(command): \(said)")
    if status == 1, extra.isEmpty, command.contains("$TASK") {
      // The missing hop and both fixes: a NAT gateway route, or the endpoint for the service.
      #expect(said.contains("nat-"), "\(said)")
      if command.hasSuffix("ecr.api") {
        #expect(said.contains("create-vpc-endpoint"), "\(said)")
      }
    }
  }

  @Test(arguments: Language.allCases)
  func showVPCMarksSubnetsByTheirRoutes(_ lang: Language) throws {
    var s = try Self.session(Self.nat, lang)
    let said = s.handle("show vpc $VPC").text
    let (pub, priv) = lang == .ja ? ("パブリック", "プライベート") : ("public", "private")
    #expect(said.contains("10.0.0.0/24  us-east-1a  \(pub)"), "\(said)")
    #expect(said.contains("10.0.1.0/24  us-east-1a  \(priv)"), "\(said)")
    #expect(said.contains("0.0.0.0/0 → nat-"), "\(said)")
    #expect(said.contains("• "), "the task sits in the private subnet: \(said)")
  }
}

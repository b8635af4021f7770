import ECSModel
import Testing

@testable import ECSCommands

@Suite struct SecurityGroupOptionsTests {
  private static func parse(_ words: String) -> AWSCLIParse {
    AWSCLI.parse(
      ["aws", "ec2"] + words.split(separator: " ").map(String.init), files: MemoryFiles([:]),
      defaults: CLIDefaults(region: "us-east-1", output: "json"))
  }

  // What awscli's secgroupsimplify customisation hands to botocore for the same words.
  @Test(arguments: [
    (
      "authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 80 --cidr 0.0.0.0/0",
      #"{"GroupId":"sg-1","IpPermissions":[{"IpProtocol":"tcp","FromPort":80,"ToPort":80,"IpRanges":[{"CidrIp":"0.0.0.0/0"}]}]}"#
    ),
    (
      "authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 8000-8080 --source-group sg-2",
      #"{"GroupId":"sg-1","IpPermissions":[{"IpProtocol":"tcp","FromPort":8000,"ToPort":8080,"UserIdGroupPairs":[{"GroupId":"sg-2"}]}]}"#
    ),
    (
      "revoke-security-group-egress --group-id sg-1 --protocol all --cidr 0.0.0.0/0",
      #"{"GroupId":"sg-1","IpPermissions":[{"IpProtocol":"-1","IpRanges":[{"CidrIp":"0.0.0.0/0"}]}]}"#
    ),
    (
      "authorize-security-group-ingress --group-id sg-1 --protocol udp --port 53 --source-group web",
      #"{"GroupId":"sg-1","IpPermissions":[{"IpProtocol":"udp","FromPort":53,"ToPort":53,"UserIdGroupPairs":[{"GroupName":"web"}]}]}"#
    ),
  ])
  func foldedIntoIpPermissions(words: String, expected: String) throws {
    guard case .invoke(let inv) = Self.parse(words) else {
      Issue.record("not invoked: \(Self.parse(words))")
      return
    }
    #expect(JSONPrinter.compact(inv.request) == expected)
  }

  @Test(arguments: [
    (
      "authorize-security-group-ingress --group-id sg-1 --protocol tcp --ip-permissions IpProtocol=tcp",
      "\nThe --protocol option is not compatible with the --ip-permissions option \n"
    ),
    (
      "authorize-security-group-ingress --group-id sg-1 --protocol sctp",
      "\nprotocol parameter should be one of: tcp|udp|icmp|all or any valid protocol number.\n"
    ),
    (
      "authorize-security-group-ingress --group-id sg-1 --protocol tcp --port http",
      "\nport parameter should be of the form <from[-to]> (e.g. 22 or 22-25)\n"
    ),
  ])
  func refusedAsTheCLIRefusesThem(words: String, stderr: String) throws {
    let out = Self.parse(words)
    #expect(out == .output(stdout: "", stderr: stderr, status: 255))
  }
}

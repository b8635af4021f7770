import Testing

@testable import ECSModel

@Suite struct NetworkActionsTests {
  @Test func defaultVPCHasSubnetsInSeveralZones() throws {
    var w = World()
    let vpcs = try w.perform(
      service: "ec2", operation: "DescribeVpcs",
      ["Filters": [["Name": "isDefault", "Values": ["true"]]]])
    let vpcId = try #require(vpcs["Vpcs"]?[0]?["VpcId"]?.stringValue)
    let subnets = try w.perform(
      service: "ec2", operation: "DescribeSubnets",
      ["Filters": [["Name": "vpc-id", "Values": [.string(vpcId)]]]])
    let zones = Set(
      subnets["Subnets"]?.arrayValue?.compactMap { $0["AvailabilityZone"]?.stringValue } ?? [])
    #expect(zones.count >= 2)
  }

  @Test(arguments: [
    ("group-name", "default", 1), ("group-name", "other", 0), ("group-name", "def*", 1),
  ])
  func securityGroupFilters(name: String, value: String, count: Int) throws {
    var w = World()
    let out = try w.perform(
      service: "ec2", operation: "DescribeSecurityGroups",
      ["Filters": [["Name": .string(name), "Values": [.string(value)]]]])
    #expect(out["SecurityGroups"]?.arrayValue?.count == count)
  }

  @Test func unknownFilterAndIdAreErrors() {
    var w = World()
    #expect(throws: AWSError("InvalidParameterValue", "The filter 'bogus' is invalid")) {
      try w.perform(
        service: "ec2", operation: "DescribeVpcs",
        ["Filters": [["Name": "bogus", "Values": ["x"]]]])
    }
    #expect(
      throws: AWSError("InvalidSubnetID.NotFound", "The subnet ID 'subnet-nope' does not exist")
    ) {
      try w.perform(service: "ec2", operation: "DescribeSubnets", ["SubnetIds": ["subnet-nope"]])
    }
  }
}

/// The VPC's resource kinds, and Elastic Load Balancing's (not simulated yet: none to offer).
enum NetworkResources {
  static let all: [ResourceDescriptor] = [
    ResourceDescriptor(name: "vpc", completions: [(.vpcs, { w in w.vpcs.map(\.vpcId) })]),
    ResourceDescriptor(
      name: "subnet", completions: [(.subnets, { w in w.subnets.map(\.subnetId) })]),
    ResourceDescriptor(
      name: "securityGroup",
      completions: [
        (.securityGroups, { w in w.securityGroups.map(\.groupId) }),
        (.securityGroupNames, { w in w.securityGroups.map(\.groupName) }),
      ]),
    ResourceDescriptor(
      name: "securityGroupRule",
      completions: [
        (
          .securityGroupRules,
          { w in w.securityGroups.flatMap { ($0.ingress + $0.egress).map(\.ruleId) } }
        )
      ]),
    ResourceDescriptor(
      name: "networkInterface",
      completions: [(.networkInterfaces, { w in w.workloads.tasks.compactMap(\.eni?.eniId) })]),
  ]
}

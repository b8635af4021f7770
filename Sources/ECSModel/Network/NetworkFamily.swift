/// The VPC: VPCs, subnets, security groups and network interfaces.
enum NetworkFamily {
  static let family = APIFamily(
    name: "Network",
    operations: [
      ("ec2", NetworkActions.table),
      ("ec2", NetworkInterfaceActions.table),
      ("ec2", SecurityGroupActions.table),
    ], resources: NetworkResources.all)
}

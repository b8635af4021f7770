/// The members of CreateService / UpdateService the simulation keeps and prints back without
/// acting on them: availabilityZoneRebalancing, EBS volumeConfigurations, serviceConnectConfiguration.
enum ServiceShape {
  static func apply(_ req: Request, to svc: inout Service, creating: Bool) throws(AWSError) {
    if let r = req.string("availabilityZoneRebalancing") {
      guard r == "ENABLED" || r == "DISABLED" else {
        throw AWSError.invalidParameter(
          "availabilityZoneRebalancing must be one of ENABLED, DISABLED.")
      }
      svc.availabilityZoneRebalancing = r
    } else if creating {
      // New REPLICA services get ENABLED where they can rebalance; DAEMON services cannot.
      svc.availabilityZoneRebalancing = svc.schedulingStrategy == "DAEMON" ? "DISABLED" : "ENABLED"
    }
    if let v = req.array("volumeConfigurations") { svc.volumeConfigurations = v }
    if creating, !svc.deployments.isEmpty {
      svc.deployments[0].volumeConfigurations = svc.volumeConfigurations
    }
    if let c = req["serviceConnectConfiguration"] { svc.serviceConnectConfiguration = c }
  }

  /// `deploymentConfiguration.alarms` as DescribeServices prints it.
  static func alarmsDocument(_ dc: DeploymentConfig) -> JSONValue {
    [
      "alarmNames": .array(dc.alarmNames.map { .string($0) }), "rollback": .bool(dc.alarmsRollback),
      "enable": .bool(dc.alarmsEnable),
    ]
  }
}

/// What an event says, as data: the tutor narrates it in the learner's language, while
/// `Event.message` keeps the English the world recorded (and diagnoses read). Events AWS writes
/// itself (service events, the agent's errors) have no detail: they stay in AWS's English.
public enum EventDetail: Sendable, Equatable, Codable {
  case clusterCreated(String)
  case clusterDeleted(String)
  case clusterCapacityProviders(String, [String])
  case taskDefinitionRegistered(String)
  case taskDefinitionDeregistered(String)
  case taskDefinitionDeleting(String)
  case repositoryCreated(String)
  case repositoryDeleted(String)
  case imagesDeleted(count: Int, repository: String)
  case imagePushed(image: String, digest: String)
  /// `docker build`: the short image ID and the names it was tagged with.
  case imageBuilt(id: String, names: [String])
  case serviceCreated(String, cluster: String)
  case serviceUpdated(String)
  case serviceDeleted(String)
  case logGroupCreated(String)
  case scalableTargetRegistered(String, min: Int, max: Int)
  case autoScaled(service: String, from: Int, to: Int)
  /// A task was created; `status` is PROVISIONING or PENDING.
  case taskCreated(id: String, taskDefinition: String, status: String)
  case taskRunning(id: String, taskDefinition: String)
  /// A task was asked to stop (by the learner, the scheduler, a crash or a lost host).
  case taskStopping(id: String, taskDefinition: String, stopCode: String, reason: String)
  /// A task reached STOPPED.
  case taskStopped(id: String, taskDefinition: String, stopCode: String?, reason: String?)
  /// Any other change of a task's lastStatus (`wait` lists them).
  case taskStatus(id: String, taskDefinition: String, from: String, to: String)
  case taskCrashed(id: String, taskDefinition: String)
  case instanceLaunched(String, type: String, image: String)
  case instanceRunning(String)
  case instanceShuttingDown(String)
  case instanceTerminated(String)
  case instanceFailed(String)
  case containerInstanceRegistered(
    instance: String, cluster: String, containerInstance: String, usedDefault: Bool)
  case containerInstanceDeregistered(containerInstance: String, instance: String, cluster: String)
  case containerInstanceTerminated(containerInstance: String, instance: String)
  case containerInstanceStatus(containerInstance: String, instance: String, status: String)
  // VPC (issue 8)
  case vpcCreated(String, cidr: String)
  case subnetCreated(String, cidr: String, zone: String)
  case internetGatewayAttached(String, vpc: String)
  case routeAdded(table: String, destination: String, target: String)
  case routeTableAssociated(table: String, subnet: String)
  case natGatewayCreated(String, subnet: String)
  case natGatewayAvailable(String)
  case vpcEndpointCreated(String, service: String)
  case vpcEndpointAvailable(String, service: String)
  // Load balancing (issue 9)
  /// A load balancer was created (`application` or `network`); it provisions for a while.
  case loadBalancerCreated(String, type: String)
  case loadBalancerDeleted(String)
  case targetGroupCreated(String, protocol: String?, port: Int?, targetType: String)
  case targetGroupDeleted(String)
  case listenerCreated(loadBalancer: String, protocol: String, port: Int)
  case listenerDeleted(loadBalancer: String, protocol: String, port: Int)
}

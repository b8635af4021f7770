extension World {
  /// What `aws ecs wait services-stable` waits for: every named service has one deployment and
  /// runningCount == desiredCount.
  public func servicesStable(cluster: String, services: [String]) -> Bool {
    guard let c = self.cluster(cluster) else { return false }
    return services.allSatisfy { ref in
      guard
        let svc = workloads.services.last(where: {
          $0.clusterArn == c.arn && ($0.name == ref || $0.arn == ref)
        })
      else { return false }
      return svc.deployments.count == 1 && serviceCounts(svc).running == svc.desiredCount
    }
  }
}

/// Application Auto Scaling's resource kind: the scalable targets of ECS services.
enum AutoScalingResources {
  static let all: [ResourceDescriptor] = [
    ResourceDescriptor(
      name: "scalableTarget",
      completions: [
        (
          .scalableResources,
          { w in
            w.workloads.services.filter(\.isActive).compactMap { svc in
              w.clusters.first { $0.arn == svc.clusterArn }.map { "service/\($0.name)/\(svc.name)" }
            }
          }
        )
      ])
  ]
}

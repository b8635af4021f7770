/// Application Auto Scaling: scalable targets and scaling policies of ECS services.
enum AutoScalingFamily {
  static let family = APIFamily(
    name: "AutoScaling",
    operations: [
      ("application-autoscaling", AutoScalingActions.table)
    ], resources: AutoScalingResources.all)
}

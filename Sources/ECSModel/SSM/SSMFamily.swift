/// SSM parameters (the recommended ECS AMI IDs).
enum SSMFamily {
  static let family = APIFamily(
    name: "SSM",
    operations: [
      ("ssm", SSMActions.table)
    ],
    resources: SSMResources.all)
}

/// Amazon ECR repositories and images; the learner's docker (local images, logins) and
/// `aws ecr get-login-password` as internal operations.
enum RegistryFamily {
  static let family = APIFamily(
    name: "Registry",
    operations: [
      ("ecr", ECRActions.table)
    ],
    internalOperations: [
      ("docker", DockerActions.table),
      ("awscli", DockerActions.cliTable),
    ], resources: RegistryResources.all)
}

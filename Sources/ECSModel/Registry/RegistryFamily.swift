/// Amazon ECR repositories and images.
enum RegistryFamily {
  static let family = APIFamily(
    name: "Registry",
    operations: [
      ("ecr", ECRActions.table)
    ])
}

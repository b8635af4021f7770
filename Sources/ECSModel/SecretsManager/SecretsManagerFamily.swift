/// AWS Secrets Manager: secrets with versions and a recovery window, read by tasks' `secrets`.
enum SecretsManagerFamily {
  static let family = APIFamily(
    name: "SecretsManager",
    operations: [("secretsmanager", SecretsManagerActions.table)],
    resources: SecretsManagerResources.all)
}

extension World {
  /// Every API family, in one list. A new family is a new folder plus one line here.
  public static let families: [APIFamily] = [
    ECSFamily.family,
    CapacityFamily.family,
    NetworkFamily.family,
    IdentityFamily.family,
    RegistryFamily.family,
    LogsFamily.family,
    AutoScalingFamily.family,
    SSMFamily.family,
    SecretsManagerFamily.family,
    LoadBalancingFamily.family,
    S3Family.family,
    DynamoDBFamily.family,
    ApplicationsFamily.family,
  ]

  /// The families' operations and waiters, merged once. A duplicate keeps its first declaration
  /// (`api.duplicates`); `APIFamilyTests` fails while there is any.
  public static let api = APIRegistry(keepingFirstOf: families)
}

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
  ]

  /// The families' operations and waiters, merged once; a duplicate stops the program at start-up.
  public static let api: APIRegistry = {
    do {
      return try APIRegistry(families)
    } catch {
      fatalError("API families: \(error)")
    }
  }()
}

/// ECR: private repositories and the images pushed to them, plus the local docker state of the
/// learner's machine (built images, tags, registry logins) that `docker` commands change.
public struct RegistryState: Sendable, Equatable {
  public init() {}
}

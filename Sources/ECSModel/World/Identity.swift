/// IAM: roles, their trust and permission policies, and instance profiles.
public struct IdentityState: Sendable, Equatable {
  public init() {}
}

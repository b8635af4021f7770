/// What runs: tasks and the services that keep them running.
public struct WorkloadState: Sendable, Equatable {
  public init() {}
}

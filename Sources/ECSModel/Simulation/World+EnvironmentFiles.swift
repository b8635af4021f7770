/// A container's `environmentFiles`: S3 objects of `KEY=VALUE` lines the agent downloads with the
/// **execution role** before the container starts (DG:taskdef-envfiles: `s3:GetObject` on the
/// object and `s3:GetBucketLocation` on the bucket). Variables set in `environment` win over the
/// files'.
extension World {
  /// The S3 object ARNs of a container's `environmentFiles` (`type: s3`), in order, as the task
  /// definition's document holds them.
  public func environmentFiles(_ def: TaskDefinition, container: String) -> [String] {
    let containers = def.document["containerDefinitions"]?.arrayValue ?? []
    let c = containers.first { $0["name"]?.stringValue == container }
    return (c?["environmentFiles"]?.arrayValue ?? []).compactMap { $0["value"]?.stringValue }
  }

  /// The object an `arn:aws:s3:::bucket/key` ARN names, if it exists.
  func s3Object(_ arn: String) -> S3Object? {
    let path = arn.dropFirst("arn:aws:s3:::".count)
    guard arn.hasPrefix("arn:aws:s3:::"), let slash = path.firstIndex(of: "/") else { return nil }
    let key = String(path[path.index(after: slash)...])
    return bucket(String(path[..<slash]))?.objects.first { $0.key == key }
  }

  /// The variables of a container's environment files, later files overriding earlier ones.
  func environmentFileVariables(_ def: TaskDefinition, container: String) -> [String: String] {
    var env: [String: String] = [:]
    for arn in environmentFiles(def, container: container) {
      for line in s3Object(arn)?.body.split(whereSeparator: \.isNewline) ?? [] {
        guard !line.hasPrefix("#"), let eq = line.firstIndex(of: "=") else { continue }
        env[String(line[..<eq])] = String(line[line.index(after: eq)...])
      }
    }
    return env
  }

  /// Why the task cannot start because an environment file cannot be downloaded, or nil: the
  /// execution role may not read it, or it does not exist.
  func environmentFileFailure(
    _ task: ECSTask, definition def: TaskDefinition, executionRole: String?
  ) -> String? {
    // The shape of the agent's message is quoted in aws/aws-cdk#12720 (AccessDenied); the
    // NoSuchKey variant follows it (UNCONFIRMED).
    let prefix =
      "ResourceInitializationError: failed to download env files: file download command: non-empty error stream: failed to download file "
    for spec in def.containers {
      for arn in environmentFiles(def, container: spec.name) {
        let name = arn.split(separator: "/").last.map(String.init) ?? arn
        let bucketArn = String(arn.prefix { $0 != "/" })
        let allowed =
          executionRole.map {
            roleAllows($0, action: "s3:GetObject", resource: arn)
              && roleAllows($0, action: "s3:GetBucketLocation", resource: bucketArn)
          } ?? false
        guard allowed else {
          return prefix
            + "\(name): failed to write to a temporary file: AccessDenied: Access Denied"
        }
        if s3Object(arn) == nil {
          return prefix
            + "\(name): failed to write to a temporary file: NoSuchKey: The specified key does not exist."
        }
      }
    }
    return nil
  }
}

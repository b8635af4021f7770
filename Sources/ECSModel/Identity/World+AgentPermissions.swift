/// The resources the container agent's calls name, so that its permission checks go through
/// `PolicyEvaluator` with the real ARN.
extension World {
  /// The ARN a `secrets` entry's `valueFrom` reads: a Secrets Manager secret's ARN without a
  /// `:json-key:version-stage:version-id` suffix, an SSM parameter ARN, or an SSM parameter name
  /// turned into its ARN.
  ///
  /// ```swift
  /// world.secretResourceArn("/app/db-pass")
  /// // "arn:aws:ssm:us-east-1:123456789012:parameter/app/db-pass"
  /// world.secretResourceArn("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:password::")
  /// // "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"
  /// ```
  public func secretResourceArn(_ valueFrom: String) -> String {
    if valueFrom.hasPrefix("arn:aws:secretsmanager:") {
      return valueFrom.split(separator: ":", omittingEmptySubsequences: false).prefix(7)
        .joined(separator: ":")
    }
    if valueFrom.hasPrefix("arn:") { return valueFrom }
    return arn(service: "ssm", resource: "parameter/" + valueFrom.trimmingPrefix("/"))
  }

  /// Whether `role` may pull layers from the repository: `ecr:BatchGetImage` and
  /// `ecr:GetDownloadUrlForLayer` on its ARN.
  func ecrPullAllowed(_ role: String, repositoryArn: String?) -> Bool {
    let resource = repositoryArn ?? "*"
    return roleAllows(role, action: "ecr:BatchGetImage", resource: resource)
      && roleAllows(role, action: "ecr:GetDownloadUrlForLayer", resource: resource)
  }

  /// The log stream ARN the awslogs driver creates for the container in the task.
  func logStreamArn(_ spec: ContainerSpec, task: ECSTask) -> String {
    let option = { (name: String) in spec.logOptions.first { $0.name == name }?.value ?? "" }
    let stream = [option("awslogs-stream-prefix"), spec.name, task.id].filter { !$0.isEmpty }
      .joined(separator: "/")
    return arn(
      service: "logs", resource: "log-group:\(option("awslogs-group")):log-stream:\(stream)")
  }

  /// The condition keys a Secrets Manager call on `resource` carries: the secret's tags as
  /// `secretsmanager:ResourceTag/KEY`.
  func secretContext(_ resource: String) -> [String: [String]] {
    var out: [String: [String]] = [:]
    for t in secret(resource)?.tags ?? [] { out["secretsmanager:ResourceTag/\(t.key)"] = [t.value] }
    return out
  }
}

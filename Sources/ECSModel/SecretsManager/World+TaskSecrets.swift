/// What the agent meets when it resolves a task's `secrets` and writes its awslogs stream, after
/// the permission checks: references that do not exist, a customer KMS key the role may not use.
extension World {
  /// Why the task cannot start because a `secrets` reference does not resolve, or nil. Runs after
  /// the execution role was found allowed to read each reference (IAM answers AccessDenied before
  /// the service says whether the resource exists).
  func secretReferenceFailure(
    _ task: ECSTask, definition def: TaskDefinition, executionRole: String?
  ) -> String? {
    let prefix =
      "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: "
    let session = "arn:aws:sts::\(account):assumed-role/\(executionRole ?? "")/\(task.id)"
    for spec in def.containers {
      for ref in spec.secrets {
        let valueFrom = ref.value
        guard valueFrom.hasPrefix("arn:aws:secretsmanager:") else {
          if parameterDocument(valueFrom, decrypt: true) == nil {
            // UNCONFIRMED: the agent lists GetParameters' InvalidParameters this way.
            return prefix
              + "unable to retrieve secrets from ssm: service call has been retried 1 time(s): invalid parameters: \(valueFrom)"
          }
          continue
        }
        let failed =
          "unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret \(valueFrom) from secrets manager: "
        // UNCONFIRMED: the Secrets Manager variants below follow the documented network one.
        guard let secret = secret(secretResourceArn(valueFrom)) else {
          return prefix + failed
            + "ResourceNotFoundException: Secrets Manager can't find the specified secret."
        }
        if secret.deletedDate != nil {
          return prefix + failed
            + "InvalidRequestException: You can't perform this operation on the secret because it was marked for deletion."
        }
        if let key = secret.kmsKeyId, !key.hasSuffix("alias/aws/secretsmanager") {
          let keyArn =
            key.hasPrefix("arn:")
            ? key
            : arn(service: "kms", resource: key.hasPrefix("alias/") ? key : "key/\(key)")
          if let role = executionRole, !roleAllows(role, action: "kms:Decrypt", resource: keyArn) {
            // ecs-pain-points 12 quotes "Access to KMS is not allowed".
            return prefix + failed
              + "AccessDeniedException: Access to KMS is not allowed. User: \(session) is not authorized to perform: kms:Decrypt on resource: \(keyArn)"
          }
        }
        let parts = valueFrom.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count > 7, !parts[7].isEmpty {
          let key = String(parts[7])
          let value = secret.current?.secretString.flatMap { try? JSONParser.parse($0) }
          if value?[key] == nil {
            // UNCONFIRMED: the agent's wording for a missing JSON key.
            return prefix + failed
              + "retrieved secret from Secrets Manager did not contain json key \(key)"
          }
        }
      }
    }
    return nil
  }

  /// Why the awslogs driver cannot create the task's log stream for lack of permission, or nil.
  /// The execution role writes when the task has one; on EC2 without one, the instance role.
  func awslogsStreamFailure(
    _ task: ECSTask, definition def: TaskDefinition, executionRole: String?
  ) -> String? {
    let fargate = task.launchType == .fargate
    guard let spec = def.containers.first(where: { $0.logDriver == "awslogs" }),
      let writer = executionRole ?? (fargate ? nil : instanceRoleName(task))
    else { return nil }
    let resource = logStreamArn(spec, task: task)
    guard !roleAllows(writer, action: "logs:CreateLogStream", resource: resource) else {
      return nil
    }
    let session = executionRole != nil ? task.id : (task.ec2InstanceId ?? task.id)
    let user = "arn:aws:sts::\(account):assumed-role/\(writer)/\(session)"
    // UNCONFIRMED: assembled from the agent's awslogs error format.
    return fargate
      ? "ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: AccessDeniedException: User: \(user) is not authorized to perform: logs:CreateLogStream on resource: \(resource) : exit status 1"
      : "CannotStartContainerError: Error response from daemon: failed to initialize logging driver: failed to create Cloudwatch log stream: AccessDeniedException: User: \(user) is not authorized to perform: logs:CreateLogStream on resource: \(resource)"
  }
}

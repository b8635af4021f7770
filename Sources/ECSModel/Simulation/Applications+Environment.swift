/// What the program in a container sees in its environment: the task definition's
/// `environment`, the run's container overrides, each `secrets` entry resolved to its value (the
/// agent fetched it with the execution role before the container started), and what ECS itself
/// sets. Never the execution role's credentials: ECS keeps them to the agent (ecs-facts §4).
extension World {
  /// The environment of `container` in `task`, as `env` inside it prints it, sorted by name.
  ///
  /// ```swift
  /// world.containerEnvironment(task, container: "app")["DB_PASSWORD"]  // "s3cr3t"
  /// ```
  public func containerEnvironment(_ task: ECSTask, container: String) -> [String: String] {
    guard let def = taskDefinitions.first(where: { $0.arn == task.taskDefinitionArn }),
      let spec = def.containers.first(where: { $0.name == container })
    else { return [:] }
    var env: [String: String] = [:]
    let fargate = task.launchType == .fargate
    env["AWS_EXECUTION_ENV"] = fargate ? "AWS_ECS_FARGATE" : "AWS_ECS_EC2"
    env["ECS_CONTAINER_METADATA_URI_V4"] =
      "http://169.254.170.2/v4/\(task.id)-\(String(SHA256.hex(container).prefix(10)))"
    if fargate {
      env["AWS_REGION"] = region
      env["AWS_DEFAULT_REGION"] = region
    }
    if task.taskRoleArn != nil {
      // The relative URI is a per-task credential ID; derived here so runs repeat.
      env["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] =
        "/v2/credentials/" + uuidShaped(SHA256.hex("creds|" + task.id))
    }
    env.merge(environmentFileVariables(def, container: container)) { $1 }
    for p in spec.environmentPairs { env[p.name] = p.value }
    for ref in spec.secrets {
      if let v = secretValue(ref.value) { env[ref.name] = v }
    }
    let overrides = task.overrides["containerOverrides"]?.arrayValue ?? []
    for o in overrides where o["name"]?.stringValue == container {
      for e in o["environment"]?.arrayValue ?? [] {
        if let n = e["name"]?.stringValue { env[n] = e["value"]?.stringValue ?? "" }
      }
    }
    return env
  }

  /// The value a `secrets` entry's `valueFrom` resolves to: the SSM parameter's value, or the
  /// secret's current string (or one JSON key of it, `ARN:key::`); nil when it does not resolve.
  public func secretValue(_ valueFrom: String) -> String? {
    guard valueFrom.hasPrefix("arn:aws:secretsmanager:") else {
      return parameterDocument(valueFrom, decrypt: true)?["Value"]?.stringValue
    }
    guard let s = secret(secretResourceArn(valueFrom)), let text = s.current?.secretString else {
      return nil
    }
    let parts = valueFrom.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count > 7, !parts[7].isEmpty else { return text }
    guard let v = (try? JSONParser.parse(text))?[String(parts[7])] else { return nil }
    return v.stringValue ?? JSONPrinter.compact(v)
  }

  private func uuidShaped(_ hex: String) -> String {
    let h = Array(hex.prefix(32))
    return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(h[$0]) }.joined(separator: "-")
  }
}

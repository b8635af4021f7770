/// Who uses which role for what in a task, and whether IAM allows it right now: the data behind
/// the tutor's `show roles`.
public struct RoleUse: Sendable, Equatable {
  /// Who makes the call.
  public enum Actor: String, Sendable, Equatable {
    /// The ECS agent (or Fargate) before the containers start: pull, logs, secrets.
    case agent
    /// The application in the containers, with the SDK's credentials.
    case application
    /// The EC2 instance's own agent: registration and polling.
    case instance
  }

  public var actor: Actor
  /// Which role answers: the execution role, the task role, the instance role.
  public var roleKind: String
  /// The role's name; nil when there is none (the call has no credentials).
  public var roleName: String?
  /// What the call is for (`pull`, `logs`, `secrets`, `kms`, `register`, `credentials`).
  public var purpose: String
  public var action: String
  public var resource: String
  /// IAM's decision now; nil when there is no role to evaluate.
  public var evaluation: PolicyEvaluation?
  /// For the rows about assuming a role: the service principals its trust policy names.
  public var trusted: [String] = []
}

extension World {
  /// The role uses of the task definition `def`, as a task of it would make them on `launchType`
  /// (`FARGATE` or `EC2`), with `instanceRole` standing in on EC2 where ECS falls back to it.
  public func roleUses(
    definition def: TaskDefinition, launchType: LaunchType, instanceRole: String?,
    taskId: String = "TASK_ID"
  ) -> [RoleUse] {
    let fargate = launchType == .fargate
    let exec = def.executionRoleArn.flatMap { role($0)?.name }
    // The agent uses the execution role; on EC2 without one, the instance role.
    let agentRole = exec ?? (fargate ? nil : instanceRole)
    let agentKind = exec != nil ? "execution role" : (fargate ? "execution role" : "instance role")
    var out: [RoleUse] = []
    func add(
      _ actor: RoleUse.Actor, _ kind: String, _ name: String?, _ purpose: String,
      _ action: String, _ resource: String, context: [String: [String]] = [:]
    ) {
      let e = name.flatMap {
        evaluate(role: $0, action: action, resource: resource, context: context)
      }
      out.append(
        RoleUse(
          actor: actor, roleKind: kind, roleName: name, purpose: purpose, action: action,
          resource: resource, evaluation: e))
    }
    // ECS assumes the execution role for the agent: its trust policy must name ecs-tasks.
    if let exec {
      add(.agent, "execution role", exec, "assume", "sts:AssumeRole", role(exec)?.arn ?? "*")
      out[out.count - 1].evaluation = trustEvaluation(exec)
      out[out.count - 1].trusted = trustedServices(exec)
    }
    var repositories: [String] = []
    for c in def.containers {
      if case .found(_, _, true, let repo) = resolveImage(c.image), let repo,
        !repositories.contains(repo)
      {
        repositories.append(repo)
      }
    }
    if !repositories.isEmpty {
      add(.agent, agentKind, agentRole, "pull", "ecr:GetAuthorizationToken", "*")
      for repo in repositories {
        add(.agent, agentKind, agentRole, "pull", "ecr:BatchGetImage", repo)
        add(.agent, agentKind, agentRole, "pull", "ecr:GetDownloadUrlForLayer", repo)
      }
    }
    for c in def.containers where c.logDriver == "awslogs" {
      let group = c.logOptions.first { $0.name == "awslogs-group" }?.value ?? ""
      let prefix = c.logOptions.first { $0.name == "awslogs-stream-prefix" }?.value ?? ""
      let stream = [prefix, c.name, taskId].filter { !$0.isEmpty }.joined(separator: "/")
      let resource = arn(service: "logs", resource: "log-group:\(group):log-stream:\(stream)")
      add(.agent, agentKind, agentRole, "logs", "logs:CreateLogStream", resource)
      add(.agent, agentKind, agentRole, "logs", "logs:PutLogEvents", resource)
    }
    for c in def.containers {
      for ref in c.secrets {
        let resource = secretResourceArn(ref.value)
        let sm = ref.value.hasPrefix("arn:aws:secretsmanager:")
        // Secrets always need the execution role; the instance role never fetches them.
        add(
          .agent, "execution role", exec, "secrets",
          sm ? "secretsmanager:GetSecretValue" : "ssm:GetParameters", resource,
          context: secretContext(resource))
        if sm, let key = secret(resource)?.kmsKeyId, !key.hasSuffix("alias/aws/secretsmanager") {
          let keyArn = key.hasPrefix("arn:") ? key : arn(service: "kms", resource: "key/\(key)")
          add(.agent, "execution role", exec, "secrets", "kms:Decrypt", keyArn)
        }
      }
    }
    // environmentFiles: the execution role downloads them from S3 (never the instance role).
    for c in def.containers {
      for file in environmentFiles(def, container: c.name) {
        add(.agent, "execution role", exec, "environment files", "s3:GetObject", file)
        let bucket = String(file.prefix { $0 != "/" })
        add(.agent, "execution role", exec, "environment files", "s3:GetBucketLocation", bucket)
      }
    }
    // The application's credentials: the task role; on EC2 without one, the instance role
    // through the instance metadata service; on Fargate without one, none.
    let taskRole = def.taskRoleArn.flatMap { role($0)?.name }
    if let taskRole {
      add(
        .application, "task role", taskRole, "credentials", "sts:AssumeRole",
        role(taskRole)?.arn ?? "*")
      out[out.count - 1].evaluation = trustEvaluation(taskRole)
      out[out.count - 1].trusted = trustedServices(taskRole)
    } else if !fargate, let instanceRole {
      add(.application, "instance role", instanceRole, "credentials", "sts:AssumeRole", "*")
      out[out.count - 1].evaluation = PolicyEvaluation(
        decision: .allowed, matched: [], missingContextKeys: [])
    } else {
      add(.application, "task role", nil, "credentials", "sts:AssumeRole", "*")
    }
    if !fargate, let instanceRole {
      add(
        .instance, "instance role", instanceRole, "register", "ecs:RegisterContainerInstance", "*")
    }
    return out
  }

  /// Whether ECS (`ecs-tasks.amazonaws.com`) may assume the role, as an evaluation.
  func trustEvaluation(_ name: String) -> PolicyEvaluation {
    PolicyEvaluation(
      decision: roleTrusts(name, service: "ecs-tasks.amazonaws.com") ? .allowed : .implicitDeny,
      matched: [], missingContextKeys: [])
  }

  /// The service principals the role's trust policy names.
  func trustedServices(_ name: String) -> [String] {
    guard let r = role(name) else { return [] }
    return PolicyStatement.parse(r.assumeRolePolicy).filter(\.allow).flatMap(\.services)
  }

  /// The role uses of a running or stopped task.
  public func roleUses(task: ECSTask) -> [RoleUse] {
    guard let def = taskDefinitions.first(where: { $0.arn == task.taskDefinitionArn }) else {
      return []
    }
    var d = def
    if let e = task.executionRoleArn { d.executionRoleArn = e }
    if let t = task.taskRoleArn { d.taskRoleArn = t }
    let instanceRole = task.ec2InstanceId.flatMap { id in
      capacity.instances.first { $0.instanceId == id }?.iamInstanceProfileArn
    }.flatMap { role(ofInstanceProfile: $0)?.name }
    var uses = roleUses(
      definition: d, launchType: task.launchType, instanceRole: instanceRole, taskId: task.id)
    // The application's own calls, with the credentials its SDK finds now.
    let creds = appCredentials(task)
    let kind: String
    switch creds {
    case .taskRole: kind = "task role"
    case .instanceRole: kind = "instance role"
    case .none: kind = "task role"
    }
    for c in task.containers {
      for call in appBehaviour(image: c.image)?.calls ?? [] {
        let (resource, _) = expand(call.resource, containerEnvironment(task, container: c.name))
        let context = call.action.hasPrefix("secretsmanager:") ? secretContext(resource) : [:]
        uses.append(
          RoleUse(
            actor: .application, roleKind: kind, roleName: creds.roleName, purpose: "app call",
            action: call.action, resource: resource,
            evaluation: creds.roleName.flatMap {
              evaluate(role: $0, action: call.action, resource: resource, context: context)
            }))
      }
    }
    return uses
  }
}

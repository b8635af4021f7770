/// What happens when a load balancer sends a request to one target: the security groups on the
/// way (the existing Reachability rules), what holds the port, and what the program in the
/// container answers (AppBehaviour). Health checks, `curl` and `trace` ask this one function.
public enum TargetAnswer: Sendable, Equatable {
  /// The container answered.
  case answered(status: Int, body: String, taskId: String, container: String, containerPort: Int)
  /// The packets never got an answer: a security group dropped them (or the target is gone).
  case timedOut(Reachability.Refusal)
  /// The connection was refused: nothing listens on that port.
  case refused(Reachability.Refusal)
}

extension World {
  /// An address for the load balancer's nodes inside its first subnet (deterministic, no
  /// randomness): the source address its security group rules see.
  func loadBalancerAddress(_ lb: LoadBalancer) -> String? {
    guard let sub = subnets.first(where: { $0.subnetId == lb.zones.first?.subnetId }) else {
      return nil
    }
    let octets = (sub.cidrBlock.split(separator: "/").first ?? "").split(separator: ".")
      .compactMap { Int($0) }
    guard octets.count == 4 else { return nil }
    return "\(octets[0]).\(octets[1]).\(octets[2]).\(octets[3] + 5)"
  }

  /// The request `path` sent by `lb` to `target` on `port`.
  public func probe(
    from lb: LoadBalancer, target: RegisteredTarget, type: String, port: Int, path: String
  ) -> TargetAnswer {
    let lbIp = loadBalancerAddress(lb)
    // Where the target is: an instance (bridge and host tasks) or a task ENI (awsvpc).
    var ip: String
    var groups: [String]
    var instanceId: String?
    var eniTask: ECSTask?
    if type == "instance" {
      guard
        let inst = capacity.instances.first(where: {
          $0.instanceId == target.id && $0.state == .running
        })
      else { return .timedOut(.unknownTarget(target.id)) }
      ip = inst.privateIpAddress
      groups = inst.securityGroupIds
      instanceId = inst.instanceId
    } else if let t = workloads.tasks.last(where: {
      $0.eni?.privateIp == target.id && $0.lastStatus == .running
    }), let eni = t.eni {
      ip = eni.privateIp
      groups = eni.securityGroups
      eniTask = t
    } else if let inst = capacity.instances.first(where: {
      $0.privateIpAddress == target.id && $0.state == .running
    }) {
      ip = inst.privateIpAddress
      groups = inst.securityGroupIds
      instanceId = inst.instanceId
    } else {
      return .timedOut(.unknownTarget(target.id))
    }
    if let r = egressRefusal(
      lb.securityGroups, proto: "tcp", port: port, toIp: ip, toGroups: groups)
    {
      return .timedOut(r)
    }
    if case .failure(let r) = admit(
      groups, proto: "tcp", port: port, srcIp: lbIp, srcCidr: nil, srcGroups: lb.securityGroups)
    {
      return .timedOut(r.refusal)
    }
    // What holds the port.
    var task: ECSTask
    var container: String
    var containerPort: Int
    if let t = eniTask {
      guard let m = portMappings(of: t).first(where: { $0.1.containerPort == port }) else {
        return .refused(.notListening(taskId: t.id, container: nil, port: port))
      }
      task = t
      container = m.0
      containerPort = port
    } else if let instanceId,
      let hit = workloads.tasks.lazy.compactMap({ t -> (ECSTask, String, Int)? in
        guard t.ec2InstanceId == instanceId, t.eni == nil, t.lastStatus == .running else {
          return nil
        }
        for c in t.containers {
          for b in c.bindings where b.hostPort == port && b.protocol == "tcp" {
            return (t, c.name, b.containerPort)
          }
        }
        return nil
      }).first
    {
      (task, container, containerPort) = hit
    } else {
      return .refused(.nothingBound(instanceId: instanceId ?? target.id, port: port))
    }
    // What the program in the container does.
    let def = taskDefinitions.first { $0.arn == task.taskDefinitionArn }
    let spec = def?.containers.first { $0.name == container }
    let image = task.containers.first { $0.name == container }?.image ?? spec?.image ?? ""
    var env: [String: String] = [:]
    for (k, v) in spec?.environment ?? [] { env[k] = v }
    guard let app = appBehaviour(image: image), app.listensOn(env).contains(containerPort) else {
      return .refused(.notListening(taskId: task.id, container: container, port: containerPort))
    }
    let answer = app.answer(path: path)
    return .answered(
      status: answer.status, body: answer.body, taskId: task.id, container: container,
      containerPort: containerPort)
  }

  /// The port a group's health check goes to for a target.
  func healthCheckPort(_ tg: TargetGroup, _ t: RegisteredTarget) -> Int {
    tg.healthCheck.port == "traffic-port" ? t.port : Int(tg.healthCheck.port) ?? t.port
  }

  /// One health check of `t`: passed, or the reason code and description AWS reports.
  func healthCheck(_ tg: TargetGroup, _ t: RegisteredTarget) -> (
    passed: Bool, reason: String?, description: String?
  ) {
    guard let lb = loadBalancerArns(using: tg.arn).first.flatMap({ loadBalancer(arn: $0) }) else {
      return (false, "Target.NotInUse", nil)
    }
    let path = tg.healthCheck.path ?? "/"
    switch probe(
      from: lb, target: t, type: tg.targetType, port: healthCheckPort(tg, t), path: path)
    {
    case .answered(let status, _, _, _, _):
      if tg.healthCheck.path == nil || tg.healthCheck.accepts(status) { return (true, nil, nil) }
      return (
        false, "Target.ResponseCodeMismatch", "Health checks failed with these codes: [\(status)]"
      )
    case .timedOut:
      return (false, "Target.Timeout", "Request timed out")
    case .refused:
      return (false, "Target.FailedHealthChecks", "Health checks failed")
    }
  }
}

extension World {
  /// Whether a container's health check command passes, by what the program in its image
  /// answers: a `curl`/`wget` of `http://localhost[:PORT]/PATH` passes when the program listens
  /// on that port and answers below 400 (`curl -f`). Commands the tutor cannot read (and images
  /// with no known program) pass, as before.
  func containerHealthPasses(_ t: ECSTask, container name: String) -> Bool {
    guard let def = taskDefinitions.first(where: { $0.arn == t.taskDefinitionArn }),
      let spec = def.containers.first(where: { $0.name == name }),
      let command = spec.healthCheck?.command.joined(separator: " ")
    else { return true }
    var rest: Substring?
    for host in ["localhost", "127.0.0.1"] {
      if let r = command.firstRange(of: host) {
        rest = command[r.upperBound...]
        break
      }
    }
    guard var after = rest else { return true }
    var port = 80
    if after.first == ":" {
      let digits = after.dropFirst().prefix { $0.isNumber }
      port = Int(digits) ?? 80
      after = after.dropFirst(1 + digits.count)
    }
    let path = String(after.prefix { !$0.isWhitespace && $0 != "'" && $0 != "\"" && $0 != "|" })
    let image = t.containers.first { $0.name == name }?.image ?? spec.image
    guard let app = appBehaviour(image: image) else { return true }
    var env: [String: String] = [:]
    for (k, v) in spec.environment { env[k] = v }
    guard app.listensOn(env).contains(port) else { return false }
    let status = app.answer(path: path.isEmpty ? "/" : path).status
    return status > 0 && status < 400
  }
}

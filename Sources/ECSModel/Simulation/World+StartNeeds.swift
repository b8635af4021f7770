/// What a task needs to reach before it can start, and the stoppedReason AWS gives when one of
/// those endpoints cannot be reached (ecs-pain-points 1 and 3). A Fargate task goes out through
/// its own ENI; on EC2 the agent and docker on the instance fetch, pull and log, so the
/// instance's interface counts.
extension World {
  /// The endpoints a task needs at start, in the order the agent meets them: secrets (ssm or
  /// secretsmanager), registry auth for private ECR images (ecr.api), then each image in
  /// container order (ECR: ecr.dkr for the manifest, s3 for the layers; any other registry: the
  /// internet), then logs for the awslogs driver.
  public func startNeeds(_ task: ECSTask, definition def: TaskDefinition) -> [Egress.Destination] {
    var needs: [Egress.Destination] = []
    func add(_ d: Egress.Destination) { if !needs.contains(d) { needs.append(d) } }
    if let secret = def.containers.flatMap(\.secrets).first {
      add(.service(secret.value.hasPrefix("arn:aws:secretsmanager:") ? "secretsmanager" : "ssm"))
    }
    let ecr = task.containers.map { c -> Bool in
      if case .found(_, _, true, _) = resolveImage(c.image) { return true }
      return false
    }
    if ecr.contains(true) { add(.service("ecr.api")) }
    for (c, isECR) in zip(task.containers, ecr) {
      if isECR {
        add(.service("ecr.dkr"))
        add(.service("s3"))
      } else if (try? ImageReference.parse(c.image)) != nil {
        add(.internet)
      }
    }
    if def.containers.contains(where: { $0.logDriver == "awslogs" }) { add(.service("logs")) }
    return needs
  }

  /// The stoppedReason of a task that cannot reach one of its start needs, or nil.
  func egressFailure(_ task: ECSTask, definition def: TaskDefinition) -> String? {
    let fargate = task.launchType == .fargate
    guard let source = fargate ? egressSource(task: task) : instance(of: task).map(egressSource)
    else { return nil }
    guard let (need, why) = firstUnreachable(from: source, startNeeds(task, definition: def))
    else { return nil }
    let timeout = "i/o timeout"
    // Documentation addresses, so nobody mistakes them for real endpoints; an endpoint's own
    // address where its security group is what refuses.
    var ip = "192.0.2.\(10 + (Int(task.id.utf8.first ?? 0) % 200))"
    if case .endpointSecurityGroup(let id, _, _) = why,
      let e = network.endpoints.first(where: { $0.vpcEndpointId == id }),
      let eip = e.networkInterfaces.first?.privateIp
    {
      ip = eip
    }
    let registry = "\(account).dkr.ecr.\(region).amazonaws.com"
    let ecrImage = task.containers.first { c in
      if case .found(_, _, true, _) = resolveImage(c.image) { return true }
      return false
    }
    let ecrRef = ecrImage.flatMap { try? ImageReference.parse($0.image) }
    switch need {
    case .service(let s) where s == "ssm" || s == "secretsmanager":
      let fromSSM = s == "ssm"
      let host = "\(s).\(region).amazonaws.com"
      let what =
        fromSSM ? "unable to retrieve secrets from ssm" : "unable to retrieve secret from asm"
      // UNCONFIRMED: the secrets variant, built like the documented ECR one.
      return
        "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: \(what): service call has been retried 1 time(s): RequestError: send request failed caused by: Post \"https://\(host)/\": dial tcp \(ip):443: \(timeout). Please check your task network configuration."
    case .service("ecr.api"):
      if !fargate {
        // ecs-pain-points 1, the EC2 form.
        return
          "CannotPullContainerError: API error (500): Get https://\(registry)/v2/: net/http: request canceled while waiting for connection"
      }
      return
        "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError: send request failed caused by: Post \"https://api.ecr.\(region).amazonaws.com/\": dial tcp \(ip):443: \(timeout). Please check your task network configuration."
    case .service("ecr.dkr"):
      let path = ecrRef?.path ?? ""
      let tag = ecrRef?.effectiveTag ?? "latest"
      if !fargate {
        return
          "CannotPullContainerError: API error (500): Get https://\(registry)/v2/: net/http: request canceled while waiting for connection"
      }
      // UNCONFIRMED: containerd's wording for a manifest request that cannot connect.
      return
        "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref \(registry)/\(path):\(tag): failed to do request: Head \"https://\(registry)/v2/\(path)/manifests/\(tag)\": dial tcp \(ip):443: \(timeout)"
    case .service("s3"):
      // The layers of ECR images are served from S3 (the bucket name is AWS's; the path and the
      // retry count are UNCONFIRMED).
      let bucket = "prod-\(region)-starport-layer-bucket.s3.\(region).amazonaws.com"
      let key = String(requestId(task).prefix(23))
      let layerIp = "52.216.\(10 + (Int(task.id.utf8.last ?? 0) % 200)).20"
      return
        "CannotPullContainerError: ref pull has been retried 1 time(s): failed to copy: httpReadSeeker: failed open: failed to do request: Get \"https://\(bucket)/\(key)-\(account)/\(ecrRef?.path ?? "layer")\": dial tcp \(layerIp):443: \(timeout)"
    case .service("logs"):
      // UNCONFIRMED: the awslogs driver's wording for an endpoint it cannot connect to, built
      // like its documented ResourceNotFoundException form.
      let post =
        "RequestError: send request failed caused by: Post \"https://logs.\(region).amazonaws.com/\": dial tcp \(ip):443: \(timeout)"
      return fargate
        ? "ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: \(post) : exit status 1"
        : "CannotStartContainerError: Error response from daemon: failed to initialize logging driver: failed to create Cloudwatch log stream: \(post)"
    default:
      // An image from another registry: the internet.
      let first = task.containers.first { c in
        if case .found(_, _, true, _) = resolveImage(c.image) { return false }
        return true
      }
      guard let first, let ref = try? ImageReference.parse(first.image) else { return nil }
      let host = ref.domain == "docker.io" ? "registry-1.docker.io" : ref.domain
      if !fargate {
        return
          "CannotPullContainerError: Error response from daemon: Get \"https://\(host)/v2/\": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)"
      }
      // UNCONFIRMED: containerd's wording for a pull that cannot connect.
      return
        "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref \(ref.pinned): failed to do request: Head \"https://\(host)/v2/\(ref.path)/manifests/\(ref.effectiveTag)\": dial tcp \(ip):443: \(timeout)"
    }
  }
}

extension World {
  /// Why the agent on an instance cannot reach ECS (the `ecs` endpoint it registers and polls
  /// with, and `ecs-agent`, its ACS websocket), or nil. Agent log texts per ecs-pain-points 10.
  public func agentEgressFailure(_ inst: EC2Instance) -> String? {
    let source = egressSource(instance: inst)
    guard
      let (need, _) = firstUnreachable(from: source, [.service("ecs"), .service("ecs-agent")])
    else { return nil }
    let ip = "192.0.2.\(10 + (Int(inst.instanceId.utf8.last ?? 0) % 200))"
    let host =
      need == .service("ecs")
      ? "ecs.\(region).amazonaws.com" : "ecs-a-1.\(region).amazonaws.com"
    return
      "\(inst.instanceId): the ECS agent cannot reach \(host) from subnet \(inst.subnetId) (dial tcp \(ip):443: i/o timeout), so it never registers; the agent keeps retrying."
  }
}

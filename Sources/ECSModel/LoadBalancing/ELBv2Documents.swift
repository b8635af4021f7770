/// The documents elbv2 prints, in botocore's member order (as the CLI examples show them).
extension World {
  public func loadBalancerDocument(_ lb: LoadBalancer) -> JSONValue {
    let state = clock.nowMillis >= lb.activeAt ? "active" : "provisioning"
    return jsonObject([
      ("LoadBalancerArn", .string(lb.arn)),
      ("DNSName", .string(lb.dnsName)),
      (
        "CanonicalHostedZoneId", .string(lb.type == "network" ? "Z26RNL4JYFTOTI" : "Z35SXDOTRQ7X7K")
      ),
      ("CreatedTime", .string(Timestamp.iso8601(millis: lb.createdAt))),
      ("LoadBalancerName", .string(lb.name)),
      ("Scheme", .string(lb.scheme)),
      ("VpcId", .string(lb.vpcId)),
      ("State", ["Code": .string(state)]),
      ("Type", .string(lb.type)),
      (
        "AvailabilityZones",
        .array(
          lb.zones.map { z in
            jsonObject([
              ("ZoneName", .string(z.zone)), ("SubnetId", .string(z.subnetId)),
              // The Elastic IP address a network load balancer has in this subnet.
              (
                "LoadBalancerAddresses",
                lb.allocations[z.subnetId].map { id in
                  let ip = network.addresses.first { $0.allocationId == id }?.publicIp ?? ""
                  return [["IpAddress": .string(ip), "AllocationId": .string(id)]]
                }
              ),
            ])
          })
      ),
      (
        "SecurityGroups",
        lb.type == "network" && lb.securityGroups.isEmpty
          ? nil : .array(lb.securityGroups.map { .string($0) })
      ),
      ("IpAddressType", .string(lb.ipAddressType)),
    ])
  }

  public func targetGroupDocument(_ tg: TargetGroup) -> JSONValue {
    let hc = tg.healthCheck
    let lambda = tg.targetType == "lambda"
    return jsonObject([
      ("TargetGroupArn", .string(tg.arn)),
      ("TargetGroupName", .string(tg.name)),
      ("Protocol", tg.protocol.map { .string($0) }),
      ("Port", tg.port.map { .int($0) }),
      ("VpcId", tg.vpcId.map { .string($0) }),
      ("HealthCheckProtocol", lambda ? nil : .string(hc.protocol)),
      ("HealthCheckPort", lambda ? nil : .string(hc.port)),
      ("HealthCheckEnabled", .bool(hc.enabled)),
      ("HealthCheckIntervalSeconds", .int(hc.intervalSeconds)),
      ("HealthCheckTimeoutSeconds", .int(hc.timeoutSeconds)),
      ("HealthyThresholdCount", .int(hc.healthyThreshold)),
      ("UnhealthyThresholdCount", .int(hc.unhealthyThreshold)),
      ("HealthCheckPath", hc.path.map { .string($0) }),
      ("Matcher", hc.matcher.map { ["HttpCode": .string($0)] }),
      ("LoadBalancerArns", .array(loadBalancerArns(using: tg.arn).map { .string($0) })),
      ("TargetType", .string(tg.targetType)),
      ("ProtocolVersion", tg.protocolVersion.map { .string($0) }),
      ("IpAddressType", lambda ? nil : .string("ipv4")),
    ])
  }

  public func listenerDocument(_ l: Listener) -> JSONValue {
    jsonObject([
      ("ListenerArn", .string(l.arn)),
      ("LoadBalancerArn", .string(l.loadBalancerArn)),
      ("Port", .int(l.port)),
      ("Protocol", .string(l.protocol)),
      (
        "Certificates",
        l.certificates.isEmpty
          ? nil : .array(l.certificates.map { ["CertificateArn": .string($0)] })
      ),
      ("SslPolicy", l.sslPolicy.map { .string($0) }),
      ("DefaultActions", .array(l.defaultActions.map(\.document))),
    ])
  }

  public func ruleDocument(_ r: ListenerRule) -> JSONValue {
    jsonObject([
      ("RuleArn", .string(r.arn)),
      ("Priority", .string(String(r.priority))),
      ("Conditions", .array(r.conditions.map(\.document))),
      ("Actions", .array(r.actions.map(\.document))),
      ("IsDefault", .bool(false)),
    ])
  }

  public func defaultRuleDocument(_ l: Listener) -> JSONValue {
    jsonObject([
      ("RuleArn", .string(l.defaultRuleArn)),
      ("Priority", "default"),
      ("Conditions", []),
      ("Actions", .array(l.defaultActions.map(\.document))),
      ("IsDefault", .bool(true)),
    ])
  }

  public func targetHealthDocument(_ tg: TargetGroup, _ t: RegisteredTarget) -> JSONValue {
    let hcPort = tg.healthCheck.port == "traffic-port" ? String(t.port) : tg.healthCheck.port
    return jsonObject([
      (
        "Target",
        jsonObject([
          ("Id", .string(t.id)), ("Port", .int(t.port)),
        ])
      ),
      ("HealthCheckPort", .string(hcPort)),
      (
        "TargetHealth",
        jsonObject([
          ("State", .string(t.state)), ("Reason", t.reason.map { .string($0) }),
          ("Description", t.description.map { .string($0) }),
        ])
      ),
    ])
  }
}

extension ListenerAction {
  /// As elbv2 prints it: a single forward also names its target group at the top.
  public var document: JSONValue {
    switch type {
    case "forward":
      let single = targetGroups.count == 1 ? targetGroups[0].arn : nil
      return jsonObject([
        ("Type", "forward"),
        ("TargetGroupArn", single.map { .string($0) }),
        ("Order", order.map { .int($0) }),
        (
          "ForwardConfig",
          [
            "TargetGroups": .array(
              targetGroups.map {
                ["TargetGroupArn": .string($0.arn), "Weight": .int($0.weight)]
              }),
            "TargetGroupStickinessConfig": ["Enabled": .bool(stickiness)],
          ]
        ),
      ])
    case "fixed-response":
      return jsonObject([
        ("Type", "fixed-response"), ("Order", order.map { .int($0) }),
        ("FixedResponseConfig", config),
      ])
    default:
      return jsonObject([
        ("Type", .string(type)), ("Order", order.map { .int($0) }),
        ("RedirectConfig", config),
      ])
    }
  }
}

extension RuleCondition {
  public var document: JSONValue {
    switch field {
    case "path-pattern":
      return [
        "Field": "path-pattern", "Values": .array(values.map { .string($0) }),
        "PathPatternConfig": ["Values": .array(values.map { .string($0) })],
      ]
    case "host-header":
      return [
        "Field": "host-header", "Values": .array(values.map { .string($0) }),
        "HostHeaderConfig": ["Values": .array(values.map { .string($0) })],
      ]
    case "http-header":
      return [
        "Field": "http-header",
        "HttpHeaderConfig": [
          "HttpHeaderName": .string(headerName ?? ""), "Values": .array(values.map { .string($0) }),
        ],
      ]
    case "http-request-method":
      return [
        "Field": "http-request-method",
        "HttpRequestMethodConfig": ["Values": .array(values.map { .string($0) })],
      ]
    case "query-string":
      return [
        "Field": "query-string",
        "QueryStringConfig": [
          "Values": .array(
            queryPairs.map { p in
              jsonObject([("Key", p.key.map { .string($0) }), ("Value", .string(p.value))])
            })
        ],
      ]
    default:
      return [
        "Field": .string(field),
        "SourceIpConfig": ["Values": .array(values.map { .string($0) })],
      ]
    }
  }
}

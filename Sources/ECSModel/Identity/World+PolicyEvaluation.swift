extension World {
  /// The customer managed policy with `arn`.
  public func customerPolicy(_ arn: String) -> CustomerPolicy? {
    identity.policies.first { $0.arn == arn }
  }

  /// The managed policy (AWS or customer) with `arn`, as a source for evaluation.
  func managedPolicySource(_ arn: String) -> PolicySource? {
    if let p = ManagedPolicy.find(arn) {
      return PolicySource(id: p.name, type: "aws-managed", document: p.document)
    }
    if let p = customerPolicy(arn) {
      return PolicySource(id: p.name, type: "user-managed", document: p.document)
    }
    return nil
  }

  /// The role's identity-based policies: attached managed policies (AWS and customer), then its
  /// inline policies.
  public func identityPolicies(of role: Role) -> [PolicySource] {
    role.attachedPolicyArns.compactMap { managedPolicySource($0) }
      + role.inlinePolicies.map { PolicySource(id: $0.name, type: "role", document: $0.document) }
  }

  /// How IAM decides `action` on `resource` for the role named by `roleRef` (name or ARN), nil
  /// when there is no such role. `aws:PrincipalArn` is the role's ARN unless `context` sets it.
  ///
  /// ```swift
  /// world.evaluate(role: "ecsInstanceRole", action: "ecr:BatchGetImage",
  ///   resource: "arn:aws:ecr:us-east-1:123456789012:repository/web")?.decision  // .allowed
  /// ```
  public func evaluate(
    role roleRef: String, action: String, resource: String, context: [String: [String]] = [:]
  ) -> PolicyEvaluation? {
    guard let r = role(roleRef) else { return nil }
    var ctx = context
    if ctx.keys.contains(where: { $0.lowercased() == "aws:principalarn" }) == false {
      ctx["aws:PrincipalArn"] = [r.arn]
    }
    return PolicyEvaluator.evaluate(
      identityPolicies(of: r), action: action, resource: resource, context: ctx)
  }

  /// The text AWS appends to an AccessDenied message to say why: "because no identity-based
  /// policy allows the ACTION action" or "with an explicit deny in an identity-based policy".
  public static func denialReason(_ e: PolicyEvaluation, action: String) -> String {
    e.decision == .explicitDeny
      ? "with an explicit deny in an identity-based policy"
      : "because no identity-based policy allows the \(action) action"
  }
}

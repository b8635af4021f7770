/// Read-only documents for the tutor's checks: each resource as its describe/get call prints it,
/// so a lesson's expectation reads like the output the learner sees.
extension World {
  /// `aws iam get-role` (the `Role` member), plus `AttachedPolicies` as
  /// `list-attached-role-policies` prints them and `InlinePolicyNames`.
  public func roleCheckDocument(_ ref: String) -> JSONValue? {
    guard let r = role(ref) else { return nil }
    let attached: [JSONValue] = r.attachedPolicyArns.map { arn in
      let name = ManagedPolicy.find(arn)?.name ?? String(arn.split(separator: "/").last ?? "")
      return ["PolicyName": .string(name), "PolicyArn": .string(arn)]
    }
    return IAMActions.roleDocument(r, detail: .full)
      .setting("AttachedPolicies", .array(attached))
      .setting("InlinePolicyNames", .array(r.inlinePolicies.map { .string($0.name) }))
  }
}

/// What IAM decides for one request: `allowed`, `implicitDeny` (no statement allows it) or
/// `explicitDeny` (a Deny statement applies), as `simulate-principal-policy` prints `EvalDecision`.
public enum EvalDecision: String, Sendable, Equatable {
  case allowed
  case implicitDeny
  case explicitDeny
}

/// One policy taking part in an evaluation, named as `simulate-*` names it in `MatchedStatements`.
public struct PolicySource: Sendable, Equatable {
  /// `SourcePolicyId`: the managed policy's or inline policy's name (`PolicyInputList.1` for a
  /// custom policy).
  public var id: String
  /// `SourcePolicyType`: `aws-managed`, `user-managed`, `role` (inline) or `IAM Policy`.
  public var type: String
  public var document: JSONValue
  /// Where each statement sits in the policy's text, when the simulation has the text (the
  /// simulator's `PolicyInputList`).
  public var spans: [TextSpan] = []

  public init(id: String, type: String, document: JSONValue) {
    self.id = id
    self.type = type
    self.document = document
  }
}

/// A statement that decided an evaluation.
public struct MatchedStatement: Sendable, Equatable {
  public var sourcePolicyId: String
  public var sourcePolicyType: String
  /// The statement's `Sid`, if it has one.
  public var sid: String?
  /// 0-based position of the statement in its policy's `Statement` list.
  public var index: Int
  public var effect: String
}

/// The result of evaluating one action on one resource.
public struct PolicyEvaluation: Sendable, Equatable {
  public var decision: EvalDecision
  /// The statements that decided it: the Deny statements for `explicitDeny`, the Allow statements
  /// for `allowed`, none for `implicitDeny`.
  public var matched: [MatchedStatement]
  /// Condition keys the evaluator does not know: a statement conditioned on one does not apply.
  public var missingContextKeys: [String]

  /// Whether the request is allowed.
  public var allowed: Bool { decision == .allowed }
}

/// IAM's evaluation of identity-based policies, the one evaluator every permission check in the
/// simulation goes through: `Action`/`NotAction` (case-insensitive, `*` and `?`),
/// `Resource`/`NotResource` (ARN wildcards, each of the six ARN parts matched separately), and
/// `Condition` with StringEquals, StringNotEquals, StringLike, StringNotLike, ArnEquals, ArnLike,
/// ArnNotEquals, ArnNotLike on the keys the simulation knows. An explicit Deny wins over an Allow,
/// which wins over the implicit deny.
///
/// ```swift
/// let doc: JSONValue = ["Statement": [["Effect": "Allow", "Action": "ssm:GetParameters",
///   "Resource": "arn:aws:ssm:us-east-1:123456789012:parameter/other/*"]]]
/// PolicyEvaluator.evaluate([PolicySource(id: "p", type: "role", document: doc)],
///   action: "ssm:GetParameters",
///   resource: "arn:aws:ssm:us-east-1:123456789012:parameter/app/db-pass").decision
/// // .implicitDeny
/// ```
public enum PolicyEvaluator {
  /// Condition keys the simulation can supply (compared case-insensitively); a key ending in `/`
  /// stands for every key that starts with it.
  public static let knownKeys = [
    "aws:sourceaccount", "aws:sourcearn", "aws:principalarn", "s3:prefix",
    "secretsmanager:resourcetag/",
  ]

  /// Evaluates `action` on `resource` against `policies`. `context` holds the request's condition
  /// keys and their values (key names compared case-insensitively).
  public static func evaluate(
    _ policies: [PolicySource], action: String, resource: String,
    context: [String: [String]] = [:]
  ) -> PolicyEvaluation {
    var context_: [String: [String]] = [:]
    for (k, v) in context { context_[k.lowercased()] = v }
    var allows: [MatchedStatement] = []
    var denies: [MatchedStatement] = []
    var missing: [String] = []
    for policy in policies {
      for (i, s) in statements(policy.document).enumerated() {
        guard actionMatches(s, action), resourceMatches(s, resource) else { continue }
        switch conditionsHold(s["Condition"], context_) {
        case .failure(let unknown):
          for key in unknown where !missing.contains(key) { missing.append(key) }
          continue
        case .success(false): continue
        case .success(true): break
        }
        let effect = s["Effect"]?.stringValue ?? ""
        let m = MatchedStatement(
          sourcePolicyId: policy.id, sourcePolicyType: policy.type, sid: s["Sid"]?.stringValue,
          index: i, effect: effect)
        if effect == "Deny" { denies.append(m) } else if effect == "Allow" { allows.append(m) }
      }
    }
    if !denies.isEmpty {
      return PolicyEvaluation(decision: .explicitDeny, matched: denies, missingContextKeys: missing)
    }
    if !allows.isEmpty {
      return PolicyEvaluation(decision: .allowed, matched: allows, missingContextKeys: missing)
    }
    return PolicyEvaluation(decision: .implicitDeny, matched: [], missingContextKeys: missing)
  }

  /// The statements of a policy document (`Statement` may be one object or a list).
  static func statements(_ document: JSONValue) -> [JSONValue] {
    switch document["Statement"] {
    case .array(let items)?: return items
    case .object(let o)?: return [.object(o)]
    default: return []
    }
  }

  static func actionMatches(_ s: JSONValue, _ action: String) -> Bool {
    let a = action.lowercased()
    let named = { (patterns: JSONValue) in
      PolicyStatement.strings(patterns).contains { wildcardMatch($0.lowercased(), a) }
    }
    if let actions = s["Action"] { return named(actions) }
    if let notActions = s["NotAction"] { return !named(notActions) }
    return false
  }

  static func resourceMatches(_ s: JSONValue, _ resource: String) -> Bool {
    if let resources = s["Resource"] {
      return PolicyStatement.strings(resources).contains { arnLike($0, resource) }
    }
    if let notResources = s["NotResource"] {
      return !PolicyStatement.strings(notResources).contains { arnLike($0, resource) }
    }
    // Trust policies have no Resource: the statement is about the role itself.
    return true
  }

  /// IAM's ARN matching: `*` alone matches everything; otherwise each of the six colon-separated
  /// parts is matched on its own (the resource part keeps its own colons), case-sensitively.
  ///
  /// ```swift
  /// PolicyEvaluator.arnLike("arn:aws:ssm:*:*:parameter/app/*",
  ///   "arn:aws:ssm:us-east-1:123456789012:parameter/app/db-pass")  // true
  /// ```
  public static func arnLike(_ pattern: String, _ arn: String) -> Bool {
    if pattern == "*" { return true }
    let p = arnParts(pattern)
    let a = arnParts(arn)
    guard p.count == 6, a.count == 6 else {
      return p.count < 6 && a.count < 6 && wildcardMatch(pattern, arn)
    }
    return zip(p, a).allSatisfy { wildcardMatch($0, $1) }
  }

  /// `*` matches any run of characters and `?` one, over the whole text (as IAM matches actions).
  public static func wildcard(_ pattern: String, _ text: String) -> Bool {
    wildcardMatch(pattern, text)
  }

  static func arnParts(_ arn: String) -> [String] {
    let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
    return parts.map(String.init)
  }

  enum ConditionOutcome {
    case success(Bool)
    /// Keys the evaluator cannot supply: the statement does not apply.
    case failure([String])
  }

  static func isKnown(_ key: String) -> Bool {
    let k = key.lowercased()
    return knownKeys.contains {
      $0.hasSuffix("/") ? k.hasPrefix($0) && k.count > $0.count : k == $0
    }
  }

  /// Every operator block and every key in it must hold (AND); any of a key's values may match
  /// (OR). A known key missing from the request fails a positive operator.
  static func conditionsHold(_ condition: JSONValue?, _ context: [String: [String]])
    -> ConditionOutcome
  {
    guard let blocks = condition?.objectValue else { return .success(true) }
    var unknown: [String] = []
    var holds = true
    for (op, keys) in blocks {
      for (key, values) in keys.objectValue ?? [] {
        guard isKnown(key) else {
          unknown.append(key)
          continue
        }
        let wanted = PolicyStatement.strings(values)
        let actual = context[key.lowercased()]
        guard let result = apply(op, wanted: wanted, actual: actual) else {
          unknown.append(key)
          continue
        }
        if !result { holds = false }
      }
    }
    if !unknown.isEmpty { return .failure(unknown) }
    return .success(holds)
  }

  /// One operator on one key; nil for an operator the evaluator does not know.
  static func apply(_ op: String, wanted: [String], actual: [String]?) -> Bool? {
    let match: (String, String) -> Bool
    var negated = false
    switch op {
    case "StringEquals": match = { $0 == $1 }
    case "StringNotEquals":
      match = { $0 == $1 }
      negated = true
    case "StringEqualsIgnoreCase": match = { $0.lowercased() == $1.lowercased() }
    case "StringLike": match = { wildcardMatch($0, $1) }
    case "StringNotLike":
      match = { wildcardMatch($0, $1) }
      negated = true
    case "ArnEquals", "ArnLike": match = { arnLike($0, $1) }
    case "ArnNotEquals", "ArnNotLike":
      match = { arnLike($0, $1) }
      negated = true
    default: return nil
    }
    guard let actual, !actual.isEmpty else { return negated }
    let any = actual.contains { a in wanted.contains { match($0, a) } }
    return negated ? !any : any
  }
}

import ECSModel
import Foundation

/// One example of the AWS CLI's own example pages (tools/gen-examples.py).
struct CLIExample: Decodable, Sendable {
  var service: String
  var operation: String
  var page: String
  /// The command as the page writes it, continuation lines joined.
  var command: String
  /// The documented JSON output, nil when the page shows none.
  var output: JSONValue?
  /// What the page shows of the files the command reads with `file://`.
  var files: [String: String]?

  /// `SERVICE OPERATION` of every example.
  static let operations = Set(all.map { "\($0.service) \($0.operation)" })

  /// Every example of the committed fixture, in page order.
  static let all: [CLIExample] = cliExamplesJSONLines.split(separator: "\n").map {
    // The fixture is generated and committed: a line that does not decode is a generator bug.
    try! JSONDecoder().decode(CLIExample.self, from: Data($0.utf8))
  }

  /// The options of the command and their values (the words up to the next `--option`); the
  /// string members of a `--cli-input-json` file the page shows count as options too
  /// (`taskDefinition` as `--task-definition`).
  var options: [(name: String, values: [String])] {
    var result: [(name: String, values: [String])] = []
    for word in Self.words(command).dropFirst(3) {
      if word.hasPrefix("--") {
        result.append((word, []))
      } else if !result.isEmpty {
        result[result.count - 1].values.append(word)
      }
    }
    let input = result.first { $0.name == "--cli-input-json" }?.values.first
    if let path = input?.replacingOccurrences(of: "file://", with: ""),
      let text = files?[path], let members = (try? JSONParser.parse(text))?.objectValue
    {
      for (key, value) in members {
        guard let string = value.stringValue else { continue }
        result.append((Self.optionName(key), [string]))
      }
    }
    return result
  }

  /// `taskDefinition` → `--task-definition`.
  static func optionName(_ member: String) -> String {
    "--" + member.map { $0.isUppercase ? "-" + $0.lowercased() : String($0) }.joined()
  }

  func values(_ option: String) -> [String] {
    options.filter { $0.name == option }.flatMap(\.values)
  }

  /// Why the example is left out before it runs, or nil: what it needs lies outside the tutor.
  var leftOutReason: String? {
    let rules: [(pattern: String, reason: String)] = [
      (#"<[A-Za-z_ -]+>"#, "placeholder in the command"),
      (#"(?i)kms|alias/"#, "needs KMS"),
      (#"arn:aws:acm:"#, "needs ACM"),
      (#"(?i)lambda"#, "needs Lambda"),
      // ELBv2 is simulated (a target group the command names is made with its load balancer);
      // Classic Load Balancers (elb, named by loadBalancerName) are not.
      (#"(?i)loadBalancerName"#, "needs a Classic Load Balancer (elb)"),
      (
        #"loadbalancer/gwy/|--type gateway|GENEVE|GatewayLoadBalancer"#,
        "needs a Gateway Load Balancer"
      ),
      (#"authenticate-(oidc|cognito)"#, "needs an identity provider (authenticate actions)"),
      // What the VPC part of the tutor does not simulate.
      (#"\bpcx-"#, "needs VPC peering"),
      (#"\b(eigw|vgw)-"#, "needs an egress-only internet gateway or a virtual private gateway"),
      (#"ipam-pool|ipv4pool-|--network-border-group"#, "needs IPAM or address pools"),
      (#"vpc-lattice|--service-network-arn|--vpc-endpoint-type Resource"#, "needs VPC Lattice"),
      (#"\bpl-[0-9a-f]"#, "needs managed prefix lists"),
      (
        #"^aws ec2 release-address --public-ip|Name=domain,Values=standard"#,
        "needs EC2-Classic (retired)"
      ),
      (#"\s\^(\s|$)"#, "Windows command line (^ continuation)"),
      (#"(?i)ipv6"#, "needs IPv6"),
      // The tutor's network interfaces and security groups carry no tags (ec2 create-tags is not
      // simulated), so what such a filter finds cannot be built.
      (
        #"^aws ec2 describe-(network-interfaces|security-groups) .*Name=tag:"#,
        "needs tags on network interfaces or security groups"
      ),
      (#"(?i)autoScalingGroup|auto-scaling-group"#, "needs an Auto Scaling group"),
      // Capacity providers other than FARGATE and FARGATE_SPOT are backed by Auto Scaling groups.
      (
        #"(--capacity-providers|capacityProvider=)\s*(?!FARGATE|\[\])[A-Za-z]"#,
        "needs an Auto Scaling group"
      ),
      (#"--registry-ids?\b"#, "needs another account's registry"),
      (#"--principal-arn \S*:(user|root)"#, "needs IAM users or another principal"),
      (#"--policy-source-arn \S*:user/"#, "needs IAM users or another principal"),
      (#"--parameter-version "?[a-z]"#, "placeholder in the command"),
      // ECR repository names are lowercase: ECR refuses to create the page's repository.
      (#"--repository-name "?[^ "]*[A-Z]"#, "repository name ECR refuses (uppercase letters)"),
      (#"^aws ecr get-login( |$)"#, "AWS CLI v1 only (removed in v2)"),
      (#"^aws ecs execute-command"#, "interactive session (Session Manager plugin)"),
      (#"--service-namespace (?!ecs)"#, "scalable target of another service than ECS"),
    ]
    let text = ([command] + (files ?? [:]).values).joined(separator: "\n")
    for rule in rules where text.range(of: rule.pattern, options: .regularExpression) != nil {
      return rule.reason
    }
    // A page of one operation showing another's command: its output is the page's operation's.
    let pageOperation = String(page.split(separator: "/").last?.dropLast(4) ?? "")
    if output != nil, pageOperation != operation,
      Self.operations.contains("\(service) \(pageOperation)")
    {
      return "the page shows \(operation) with the output of \(pageOperation)"
    }
    // What the page's account held shows in its output too: capacity providers of Auto Scaling
    // groups (and the scaling-policy attachments ECS makes for them).
    let shown = output.map(JSONPrinter.compact) ?? ""
    if shown.range(of: #"(?i)autoScalingGroup|"as_policy""#, options: .regularExpression) != nil {
      return "needs an Auto Scaling group"
    }
    return nil
  }

  /// Shell words: single and double quotes, backslash escapes (what the page's commands use).
  static func words(_ line: String) -> [String] {
    var words: [String] = []
    var current = ""
    var inWord = false
    var quote: Character? = nil
    var escaped = false
    for c in line {
      if escaped {
        current.append(c)
        escaped = false
      } else if let q = quote {
        if c == q {
          quote = nil
        } else if c == "\\" && q == "\"" {
          escaped = true
        } else {
          current.append(c)
        }
      } else if c == "'" || c == "\"" {
        quote = c
        inWord = true
      } else if c == "\\" {
        escaped = true
        inWord = true
      } else if c == " " || c == "\t" {
        if inWord { words.append(current) }
        current = ""
        inWord = false
      } else {
        current.append(c)
        inWord = true
      }
    }
    if inWord { words.append(current) }
    return words
  }
}

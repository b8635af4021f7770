/// Short help texts for `aws help`, `aws SERVICE help` and `aws SERVICE OPERATION help`, built
/// from the service models (ours, shorter than the CLI's man pages).
public enum AWSHelp {
  static let serviceTitles: [String: String] = [
    "acm": "AWS Certificate Manager (a stand-in for HTTPS listeners)",
    "application-autoscaling": "Application Auto Scaling",
    "dynamodb": "Amazon DynamoDB (tables and items)",
    "s3api": "Amazon Simple Storage Service (buckets and objects)",
    "ec2": "Amazon Elastic Compute Cloud (EC2, VPC)",
    "ecr": "Amazon Elastic Container Registry",
    "ecs": "Amazon Elastic Container Service",
    "elbv2": "Elastic Load Balancing (Application Load Balancers)",
    "iam": "AWS Identity and Access Management",
    "logs": "Amazon CloudWatch Logs",
    "secretsmanager": "AWS Secrets Manager",
    "ssm": "AWS Systems Manager (Parameter Store)",
    "sts": "AWS Security Token Service",
  ]

  /// `aws help`: the services the tutor simulates.
  public static func top() -> String {
    var lines = [
      "aws", "", "  The AWS Command Line Interface, simulated by ecs-tutor.", "",
      "SYNOPSIS", "  aws [options] <command> <subcommand> [parameters]", "",
      "AVAILABLE SERVICES",
    ]
    for s in ServiceModel.serviceNames {
      lines.append("  " + s.padding(26) + (serviceTitles[s] ?? ""))
    }
    lines += ["", "Run `aws <service> help` for its operations."]
    return lines.joined(separator: "\n") + "\n"
  }

  /// `aws ecs help`: every operation; the simulated ones are marked.
  public static func service(_ model: ServiceModel) -> String {
    var lines = [model.cliName, "", "  " + (serviceTitles[model.cliName] ?? model.cliName), ""]
    lines.append("AVAILABLE COMMANDS")
    for op in model.operations {
      let info = model.operation(op)
      let mark = info?.hasShapes == true ? "" : "  (not simulated)"
      lines.append("  " + ServiceModel.cliName(of: op) + mark)
    }
    lines += ["", "Run `aws \(model.cliName) <command> help` for a command's options."]
    return lines.joined(separator: "\n") + "\n"
  }

  /// `aws ecs create-service help`: the first doc sentence, a synopsis (required options first)
  /// and one line per option with its type.
  public static func operation(_ spec: OperationSpec) -> String {
    var lines = ["\(spec.model.cliName) \(spec.cliName)", ""]
    if !spec.doc.isEmpty { lines += ["  " + spec.doc, ""] }
    lines.append("SYNOPSIS")
    lines.append("  aws \(spec.model.cliName) \(spec.cliName)")
    let visible = spec.arguments.filter { !$0.hidden }
    let required = visible.filter(\.required)
    let optional = visible.filter { !$0.required }
    for a in required { lines.append("    \(a.cliName) \(placeholder(a))") }
    for a in optional {
      switch a.kind {
      case .flag(true): lines.append("    [\(a.cliName) | --no-\(a.name)]")
      case .flag(false): continue
      default: lines.append("    [\(a.cliName) \(placeholder(a))]")
      }
    }
    lines += ["", "OPTIONS"]
    for a in required + optional {
      if case .flag(false) = a.kind { continue }
      var head = "  \(a.cliName)"
      if case .flag(true) = a.kind { head += " | --no-\(a.name)" }
      head += " (\(typeName(a, spec))\(a.required ? ", required" : ""))"
      lines.append(head)
      if !a.doc.isEmpty { lines.append("      " + a.doc) }
      if let s = a.shape.flatMap(spec.model.shape) {
        let values =
          s.enumValues.isEmpty
          ? (s.member.flatMap(spec.model.shape)?.enumValues ?? []) : s.enumValues
        if !values.isEmpty {
          lines.append("      Possible values: " + values.joined(separator: ", "))
        }
        if let example = ShorthandDocs.example(for: s, model: spec.model) {
          lines.append("      Shorthand: \(example)")
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func placeholder(_ a: ArgumentSpec) -> String {
    a.name == "generate-cli-skeleton" ? "[input]" : "<value>"
  }

  private static func typeName(_ a: ArgumentSpec, _ spec: OperationSpec) -> String {
    guard let s = a.shape.flatMap(spec.model.shape) else {
      if case .flag = a.kind { return "boolean" }
      return ["page-size", "max-items"].contains(a.name) ? "integer" : "string"
    }
    if s.type == .list, let m = s.member.flatMap(spec.model.shape) {
      return "list of \(m.type.rawValue)"
    }
    return s.type.rawValue
  }
}

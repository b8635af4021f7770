import ECSModel

/// One `--option` of an operation, as awscli builds its argument table from the input shape.
public struct ArgumentSpec: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// Takes a value (one word; several for lists).
    case value
    /// A boolean member's `--flag` (true) or `--no-flag` (false).
    case flag(Bool)
    /// `--cli-input-json`, `--generate-cli-skeleton`, `--starting-token`, `--page-size`,
    /// `--max-items`, ec2 run-instances `--count`.
    case special
  }

  /// Without the leading `--`, e.g. `container-definitions`.
  public var name: String
  /// The botocore member this option sets (nil for specials).
  public var member: String?
  /// The member's shape name.
  public var shape: String?
  public var kind: Kind
  public var required: Bool
  /// List arguments take one or more words (argparse nargs '+').
  public var takesMany: Bool
  /// Pagination members awscli hides from help (still accepted).
  public var hidden: Bool
  public var doc: String

  public var cliName: String { "--" + name }
}

/// The grammar of one operation, built from its botocore input shape: drives parsing, help,
/// completion and suggestions.
///
/// ```swift
/// let spec = try OperationSpec(service: "ecs", operation: "CreateCluster")
/// spec.arguments.map(\.cliName).prefix(2)  // ["--cluster-name", "--tags"]
/// ```
public struct OperationSpec: Sendable {
  public let model: ServiceModel
  /// botocore name, e.g. `CreateCluster`.
  public let operation: String
  /// CLI name, e.g. `create-cluster`.
  public let cliName: String
  public let input: Shape?
  public let doc: String
  public let arguments: [ArgumentSpec]
  public let isPaginated: Bool

  public init(service: String, operation: String) throws(ServiceModelError) {
    try self.init(model: ServiceModel.named(service), operation: operation)
  }

  public init(model: ServiceModel, operation: String) throws(ServiceModelError) {
    guard let op = model.operation(operation) else {
      throw ServiceModelError("unknown operation \(model.cliName) \(operation)")
    }
    self.model = model
    self.operation = operation
    self.cliName = ServiceModel.cliName(of: operation)
    self.doc = op.doc
    let input = op.input.flatMap(model.shape)
    self.input = input
    let paging = model.paginators[operation]
    self.isPaginated = paging != nil
    var args: [ArgumentSpec] = []
    let removed: Set<String> =
      model.cliName == "ec2" && operation == "RunInstances" ? ["MinCount", "MaxCount"] : []
    for m in input?.members ?? [] where !removed.contains(m.name) {
      let shape = model.shape(m.shape)
      let name = ServiceModel.cliName(of: m.name)
      let required = input?.required.contains(m.name) == true && !m.isIdempotencyToken
      let hidden = paging?.contains(m.name) == true
      // awscli's toplevelbool customization: in ec2, a structure whose one member is the
      // boolean `Value` (AttributeBooleanValue) is a flag pair as well.
      let boolStructure =
        model.cliName == "ec2" && shape?.type == .structure && shape?.members.count == 1
        && shape?.members.first?.name == "Value"
        && model.shape(shape?.members.first?.shape ?? "")?.type == .boolean
      if shape?.type == .boolean || boolStructure {
        args.append(
          ArgumentSpec(
            name: name, member: m.name, shape: m.shape, kind: .flag(true), required: required,
            takesMany: false, hidden: hidden, doc: m.doc))
        args.append(
          ArgumentSpec(
            name: "no-" + name, member: m.name, shape: m.shape, kind: .flag(false),
            required: false, takesMany: false, hidden: hidden, doc: m.doc))
      } else {
        args.append(
          ArgumentSpec(
            name: name, member: m.name, shape: m.shape, kind: .value, required: required,
            takesMany: shape?.type == .list, hidden: hidden, doc: m.doc))
      }
    }
    if !removed.isEmpty {
      args.append(
        Self.special(
          "count",
          "Number of instances to launch: N, or MIN:MAX (sets MinCount and MaxCount; default 1)."
        ))
      // awscli/customizations/ec2/runinstances.py: a flag pair the CLI folds into
      // NetworkInterfaces[0].AssociatePublicIpAddress.
      let doc =
        "[EC2-VPC] If specified a public IP address will be assigned to the new instance in a VPC."
      for (name, value) in [
        ("associate-public-ip-address", true), ("no-associate-public-ip-address", false),
      ] {
        args.append(
          ArgumentSpec(
            name: name, member: nil, shape: nil, kind: .flag(value), required: false,
            takesMany: false, hidden: false, doc: doc))
      }
    }
    if SecurityGroupOptions.applies(model.cliName, operation) {
      args += SecurityGroupOptions.options.map { Self.special($0.0, $0.1) }
    }
    args.append(
      Self.special(
        "cli-input-json",
        "Reads arguments from the JSON string provided; options given on the command line win."))
    if isPaginated {
      args.append(Self.special("starting-token", "A token to specify where to start paginating."))
      args.append(Self.special("page-size", "The size of each page to get in the service call."))
      args.append(Self.special("max-items", "The total number of items to return in the output."))
    }
    args.append(
      Self.special(
        "generate-cli-skeleton",
        "Prints a JSON skeleton of the input (`input`, the default) without calling the service."))
    self.arguments = args
  }

  private static func special(_ name: String, _ doc: String) -> ArgumentSpec {
    ArgumentSpec(
      name: name, member: nil, shape: nil, kind: .special, required: false, takesMany: false,
      hidden: false, doc: doc)
  }

  public func argument(named name: String) -> ArgumentSpec? {
    arguments.first { $0.name == name }
  }
}

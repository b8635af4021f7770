import ECSModel
import Synchronization

/// The type of a botocore shape.
public enum ShapeType: String, Sendable {
  case string, integer, long, boolean, double, float, timestamp, blob, list, map, structure

  /// Scalars are everything that is not a container.
  public var isScalar: Bool { self != .list && self != .map && self != .structure }
}

/// One member of a structure shape: its botocore name, the shape it points to and, for the
/// top-level input members, the first sentence of its documentation.
public struct ShapeMember: Sendable, Equatable {
  public var name: String
  public var shape: String
  public var doc: String
  public var isIdempotencyToken: Bool
}

/// A botocore shape, as much of it as parsing, validation, help and completion need.
///
/// ```swift
/// let s = try ServiceModel.named("ecs").shape("CreateClusterRequest")
/// s?.members.first?.name  // "clusterName"
/// ```
public struct Shape: Sendable, Equatable {
  public var name: String
  public var type: ShapeType
  public var members: [ShapeMember] = []
  public var required: [String] = []
  public var enumValues: [String] = []
  public var min: Double?
  public var max: Double?
  /// List member shape name.
  public var member: String?
  /// Map key and value shape names.
  public var key: String?
  public var value: String?
  public var isDocument = false

  public func member(named name: String) -> ShapeMember? { members.first { $0.name == name } }
}

/// An operation: its botocore name, input shape (nil when the service model only lists its name
/// or it takes no input) and first documentation sentence.
public struct OperationModel: Sendable, Equatable {
  public var name: String
  public var input: String?
  public var doc: String
  /// False for operations whose shapes were not generated (name known for did-you-mean only).
  public var hasShapes: Bool
}

/// Why a service model could not be loaded.
public struct ServiceModelError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// One AWS service's model, parsed once from the JSON text `tools/gen-models.py` generated from
/// botocore.
///
/// ```swift
/// let ecs = try ServiceModel.named("ecs")
/// ecs.operations.contains("CreateCluster")      // true
/// ServiceModel.cliName(of: "ListTagsForResource")  // "list-tags-for-resource"
/// ```
public final class ServiceModel: Sendable {
  /// The CLI service name, e.g. `ecs`, `application-autoscaling`.
  public let cliName: String
  public let apiVersion: String
  /// Every operation of the service, botocore names, in model order.
  public let operations: [String]
  public let operationModels: [String: OperationModel]
  /// Each shape's generated JSON; a `Shape` is built from it the first time it is asked for
  /// (a command touches a few dozen of a service's hundreds of shapes).
  private let shapeDocuments: [String: JSONValue]
  private let builtShapes = Mutex<[String: Shape]>([:])
  /// Paginated operations: their input token member names and limit key.
  public let paginators: [String: [String]]
  /// CLI names of all operations, in model order.
  public let cliOperationNames: [String]
  private let operationsByCLIName: [String: String]

  init(
    cliName: String, apiVersion: String, operations: [String],
    operationModels: [String: OperationModel], shapeDocuments: [String: JSONValue],
    paginators: [String: [String]]
  ) {
    self.cliName = cliName
    self.apiVersion = apiVersion
    self.operations = operations
    self.operationModels = operationModels
    self.shapeDocuments = shapeDocuments
    self.paginators = paginators
    let cliNames = operations.map { ServiceModel.cliName(of: $0) }
    self.cliOperationNames = cliNames
    self.operationsByCLIName = Dictionary(
      zip(cliNames, operations).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
  }

  /// CLI names of the services we know, in `aws help` order.
  public static let serviceNames: [String] = [
    "acm", "application-autoscaling", "dynamodb", "ec2", "ecr", "ecs", "elbv2", "iam", "logs",
    "s3api",
    "secretsmanager", "ssm", "sts",
  ]

  // One lazily parsed model per service (Swift runs each static initializer once).
  static let ecs = ServiceModel.parse(ecsJSON)
  static let ecr = ServiceModel.parse(ecrJSON)
  static let elbv2 = ServiceModel.parse(elbv2JSON)
  static let acm = ServiceModel.parse(acmJSON)
  static let ec2 = ServiceModel.parse(ec2JSON)
  static let iam = ServiceModel.parse(iamJSON)
  static let ssm = ServiceModel.parse(ssmJSON)
  static let sts = ServiceModel.parse(stsJSON)
  static let logs = ServiceModel.parse(logsJSON)
  static let secretsManager = ServiceModel.parse(secretsManagerJSON)
  static let applicationAutoScaling = ServiceModel.parse(applicationAutoScalingJSON)
  static let s3 = ServiceModel.parse(s3JSON)
  static let dynamoDB = ServiceModel.parse(dynamoDBJSON)

  /// The model of the service with CLI name `name`.
  public static func named(_ name: String) throws(ServiceModelError) -> ServiceModel {
    let result: Result<ServiceModel, ServiceModelError>
    switch name {
    case "ecs": result = ecs
    case "ecr": result = ecr
    case "elbv2": result = elbv2
    case "acm": result = acm
    case "ec2": result = ec2
    case "iam": result = iam
    case "ssm": result = ssm
    case "sts": result = sts
    case "logs": result = logs
    case "secretsmanager": result = secretsManager
    case "application-autoscaling": result = applicationAutoScaling
    case "s3api": result = s3
    case "dynamodb": result = dynamoDB
    default: throw ServiceModelError("unknown service '\(name)'")
    }
    return try result.get()
  }

  public func shape(_ name: String) -> Shape? {
    if let built = builtShapes.withLock({ $0[name] }) { return built }
    guard let d = shapeDocuments[name] else { return nil }
    let shape = ServiceModel.shape(name, from: d)
    builtShapes.withLock { $0[name] = shape }
    return shape
  }

  /// A shape from its generated JSON (`t` type, `m` members, `r` required, `e` enum, ...).
  static func shape(_ name: String, from d: JSONValue) -> Shape {
    // Types we do not model (none in our services today) behave as strings.
    var shape = Shape(name: name, type: d["t"]?.stringValue.flatMap(ShapeType.init) ?? .string)
    shape.members = (d["m"]?.arrayValue ?? []).compactMap { m in
      guard let n = m[0]?.stringValue, let s = m[1]?.stringValue else { return nil }
      return ShapeMember(
        name: n, shape: s, doc: m[2]?.stringValue ?? "", isIdempotencyToken: m[3]?.intValue == 1)
    }
    shape.required = (d["r"]?.arrayValue ?? []).compactMap(\.stringValue)
    shape.enumValues = (d["e"]?.arrayValue ?? []).compactMap(\.stringValue)
    shape.min = d["min"]?.doubleValue
    shape.max = d["max"]?.doubleValue
    shape.member = d["mem"]?.stringValue
    shape.key = d["k"]?.stringValue
    shape.value = d["v"]?.stringValue
    shape.isDocument = d["doc"]?.intValue == 1
    return shape
  }

  public func operation(_ name: String) -> OperationModel? { operationModels[name] }

  /// The botocore operation whose CLI name is `cliName` (`create-cluster` → `CreateCluster`).
  public func operation(cliName: String) -> String? { operationsByCLIName[cliName] }

  /// Parses generated model JSON; a corrupt model becomes an error value.
  public static func parse(_ text: String) -> Result<ServiceModel, ServiceModelError> {
    let root: JSONValue
    do {
      root = try JSONParser.parse(text)
    } catch {
      return .failure(ServiceModelError("corrupt service model: \(error)"))
    }
    guard let cli = root["cli"]?.stringValue, let api = root["api"]?.stringValue,
      let ops = root["ops"]?.arrayValue, let shapeObject = root["shapes"]?.objectValue
    else { return .failure(ServiceModelError("corrupt service model: missing fields")) }
    var names: [String] = []
    var models: [String: OperationModel] = [:]
    for op in ops {
      guard let name = op[0]?.stringValue else {
        return .failure(ServiceModelError("corrupt service model \(cli): bad operation"))
      }
      names.append(name)
      let input = op[1]?.stringValue
      models[name] = OperationModel(
        name: name, input: input?.isEmpty == false ? input : nil,
        doc: op[2]?.stringValue ?? "", hasShapes: input != nil)
    }
    var shapes: [String: JSONValue] = [:]
    for (name, d) in shapeObject {
      guard d["t"]?.stringValue != nil else {
        return .failure(ServiceModelError("corrupt service model \(cli): shape \(name)"))
      }
      shapes[name] = d
    }
    var paginators: [String: [String]] = [:]
    for (name, keys) in root["pag"]?.objectValue ?? [] {
      paginators[name] = (keys.arrayValue ?? []).compactMap(\.stringValue)
    }
    return .success(
      ServiceModel(
        cliName: cli, apiVersion: api, operations: names, operationModels: models,
        shapeDocuments: shapes, paginators: paginators))
  }
}

extension ServiceModel {
  /// botocore's `xform_name(name, '-')`: the CLI spelling of an operation or member name.
  ///
  /// ```swift
  /// ServiceModel.cliName(of: "DescribeVpcs")         // "describe-vpcs"
  /// ServiceModel.cliName(of: "TargetGroupARNs")      // "target-group-arns"
  /// ```
  public static func cliName(of name: String, separator: Character = "-") -> String {
    if name.contains(separator) { return name }
    var chars = Array(name)
    // `[A-Z]{2,}s$`: a pluralised acronym (ARNs, ACLs) becomes one lower-case word.
    if chars.count >= 3, chars[chars.count - 1] == "s" {
      var start = chars.count - 1
      while start > 0, isUpper(chars[start - 1]) { start -= 1 }
      if chars.count - 1 - start >= 2 {
        let tail = String(chars[start...]).lowercased()
        chars = Array(chars[..<start]) + [separator] + Array(tail)
      }
    }
    // `(.)([A-Z][a-z]+)` → `\1-\2`
    var s1: [Character] = []
    var p = 0
    while p < chars.count {
      if p + 2 < chars.count, chars[p] != "\n", isUpper(chars[p + 1]), isLower(chars[p + 2]) {
        s1.append(chars[p])
        s1.append(separator)
        s1.append(chars[p + 1])
        var q = p + 2
        while q < chars.count, isLower(chars[q]) {
          s1.append(chars[q])
          q += 1
        }
        p = q
      } else {
        s1.append(chars[p])
        p += 1
      }
    }
    // `([a-z0-9])([A-Z])` → `\1-\2`
    var s2: [Character] = []
    p = 0
    while p < s1.count {
      if p + 1 < s1.count, isLower(s1[p]) || isDigit(s1[p]), isUpper(s1[p + 1]) {
        s2.append(s1[p])
        s2.append(separator)
        s2.append(s1[p + 1])
        p += 2
      } else {
        s2.append(s1[p])
        p += 1
      }
    }
    return String(s2).lowercased()
  }

  private static func isUpper(_ c: Character) -> Bool { c >= "A" && c <= "Z" }
  private static func isLower(_ c: Character) -> Bool { c >= "a" && c <= "z" }
  private static func isDigit(_ c: Character) -> Bool { c >= "0" && c <= "9" }
}

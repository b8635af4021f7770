/// The parameters of one API call, as botocore member names (`clusterName`, `containerDefinitions`).
///
/// The command layer has already checked them against the operation's shape (types, required
/// members, unknown keys), so the accessors only read.
public struct Request: Sendable, Equatable {
  public var json: JSONValue

  public init(_ json: JSONValue = .object([])) { self.json = json }

  public subscript(key: String) -> JSONValue? {
    let v = json[key]
    return v?.isNull == true ? nil : v
  }
  public func string(_ key: String) -> String? { self[key]?.stringValue }
  public func int(_ key: String) -> Int? { self[key]?.intValue }
  public func bool(_ key: String) -> Bool? { self[key]?.boolValue }
  public func array(_ key: String) -> [JSONValue]? { self[key]?.arrayValue }
  public func strings(_ key: String) -> [String]? { array(key)?.compactMap(\.stringValue) }
  public func has(_ key: String) -> Bool { self[key] != nil }
}

/// One simulated API operation: reads the request, changes the world or fails.
public typealias ActionHandler = @Sendable (inout World, Request) throws(AWSError) -> JSONValue

extension World {
  /// Whether `service`'s `operation` is simulated (the rest are known to the CLI surface only).
  public static func isSimulated(service: String, operation: String) -> Bool {
    api.handlers[service]?[operation] != nil
  }

  /// Runs one operation. Validate, then mutate: on error the world is exactly as before.
  public mutating func perform(service: String, operation: String, _ request: JSONValue)
    throws(AWSError) -> JSONValue
  {
    guard let handler = World.api.handlers[service]?[operation] else {
      throw AWSError(
        "UnsupportedOperation",
        "ecs-tutor does not simulate \(service) \(operation) yet.")
    }
    var copy = self
    let out = try handler(&copy, Request(request))
    self = copy
    return out
  }
}

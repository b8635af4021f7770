// TEMPORARY: stand-ins for APIs being written on other branches; deleted at merge.
import ECSModel

public struct CommandResult: Sendable, Equatable {
  public var stdout: String
  public var stderr: String
  public var status: Int32
  public init(stdout: String, stderr: String, status: Int32) {
    self.stdout = stdout
    self.stderr = stderr
    self.status = status
  }
}
public struct ShellEnvironment: Sendable {
  public init(_ env: [String: String]) {}
  public var exported: [String: String] { [:] }
}
public enum Shell {
  public static func isIncomplete(_ text: String) -> Bool { text.hasSuffix("\\") }
  public static func run(
    _ text: String, env: inout ShellEnvironment,
    exec: (_ argv: [String], _ stdin: String) -> CommandResult
  ) -> CommandResult {
    exec(text.split(separator: " ").map(String.init), "")
  }
}
public enum ShellLexer {
  public static func partialWords(_ text: String) -> ([String], String) {
    var w = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    if text.hasSuffix(" ") || w.isEmpty { return (w, "") }
    let last = w.removeLast()
    return (w, last)
  }
}
public struct CLIDefaults: Sendable {
  public var region: String
  public var output: String
  public init(region: String, output: String) {
    self.region = region
    self.output = output
  }
}
public struct GlobalOptions: Sendable {
  public var region: String?
  public var output: String?
  public var query: String?
}
public struct AWSInvocation: Sendable {
  public var service: String
  public var operation: String
  public var request: JSONValue
  public var globals: GlobalOptions
}
public enum AWSCLIParse: Sendable {
  case invoke(AWSInvocation)
  case output(stdout: String, stderr: String, status: Int32)
}
public enum AWSCLI {
  public static func parse(_ argv: [String], files: any FileAccess, defaults: CLIDefaults) -> AWSCLIParse {
    .output(stdout: "", stderr: "stub", status: 255)
  }
}
public enum ResourceKind: Sendable { case clusters, taskDefinitionFamilies, taskDefinitions, subnets, securityGroups, services }
public enum AWSCompletion {
  public static func candidates(words: [String], current: String, resources: (ResourceKind) -> [String]) -> [String] { [] }
}
public enum OutputFormat: String, Sendable { case json, text, table }
public enum OutputFormatter {
  public static func render(_ v: JSONValue, format: OutputFormat, title: String) -> String { "" }
}
public enum JMESPath {
  public static func search(_ e: String, in v: JSONValue) throws -> JSONValue { v }
}

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
public enum OutputFormat: String, Sendable { case json, text, table }
public enum OutputFormatter {
  public static func render(_ v: JSONValue, format: OutputFormat, title: String) -> String { "" }
}
public enum JMESPath {
  public static func search(_ e: String, in v: JSONValue) throws -> JSONValue { v }
}
public enum TextWidth {
  public static func columns(of s: String) -> Int { s.count }
}

/// The learner's shell variables: values, which ones are exported, and the last exit status (`$?`).
///
/// ```swift
/// var env = ShellEnvironment(["HOME": "/home/learner"])   // seeded variables are exported
/// env.set("CLUSTER", "demo")                               // a plain shell variable
/// env.export("CLUSTER")
/// env.exported["CLUSTER"]                                  // "demo"
/// ```
public struct ShellEnvironment: Sendable, Equatable {
  /// One variable. `value` is nil for a name that was exported before it was given a value
  /// (`export NAME`), which bash keeps as "exported but unset".
  public struct Variable: Sendable, Equatable {
    public var value: String?
    public var exported: Bool
    public init(value: String?, exported: Bool) {
      self.value = value
      self.exported = exported
    }
  }

  /// Every variable by name.
  public private(set) var variables: [String: Variable] = [:]
  /// The exit status of the last pipeline, read by `$?`.
  public var lastStatus: Int32 = 0

  /// Seeds the shell from a process environment; every seeded variable is exported.
  public init(_ environment: [String: String] = [:]) {
    for (name, value) in environment {
      variables[name] = Variable(value: value, exported: true)
    }
  }

  /// The value of `name`, or nil when unset. Setting keeps the exported flag; setting nil unsets.
  public subscript(name: String) -> String? {
    get { variables[name]?.value }
    set {
      if let newValue {
        set(name, newValue)
      } else {
        unset(name)
      }
    }
  }

  /// Sets `name` to `value`; `exported` changes the flag when given and keeps it otherwise.
  public mutating func set(_ name: String, _ value: String, exported: Bool? = nil) {
    let wasExported = variables[name]?.exported ?? false
    variables[name] = Variable(value: value, exported: exported ?? wasExported)
  }

  /// Marks `name` as exported (`export NAME`), creating it without a value when unset.
  public mutating func export(_ name: String) {
    if variables[name] != nil {
      variables[name]?.exported = true
    } else {
      variables[name] = Variable(value: nil, exported: true)
    }
  }

  /// Removes the export flag from `name` (`export -n NAME`), keeping its value.
  public mutating func unexport(_ name: String) {
    variables[name]?.exported = false
  }

  /// Removes `name` (`unset NAME`).
  public mutating func unset(_ name: String) {
    variables[name] = nil
  }

  /// Whether `name` is exported.
  public func isExported(_ name: String) -> Bool {
    variables[name]?.exported ?? false
  }

  /// The exported variables that have a value: what a child process would see in its environment.
  public var exported: [String: String] {
    var out: [String: String] = [:]
    for (name, v) in variables where v.exported {
      if let value = v.value { out[name] = value }
    }
    return out
  }

  /// Whether `name` is a valid shell variable name: `[A-Za-z_][A-Za-z0-9_]*`.
  public static func isValidName<S: StringProtocol>(_ name: S) -> Bool {
    guard let first = name.unicodeScalars.first, isNameStart(first) else { return false }
    return name.unicodeScalars.allSatisfy(isNameChar)
  }

  static func isNameStart(_ c: Unicode.Scalar) -> Bool {
    (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
  }

  static func isNameChar(_ c: Unicode.Scalar) -> Bool {
    isNameStart(c) || (c >= "0" && c <= "9")
  }
}

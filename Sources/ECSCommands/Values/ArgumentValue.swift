import ECSModel

/// A client-side failure while turning CLI words into a request, in the CLI's own words.
public enum ArgumentError: Error, Sendable, Equatable {
  /// awscli's `ParamError`: `Error parsing parameter '--x': MESSAGE` (CLI v2 exit 252).
  case param(cliName: String, message: String)
  /// An uncaught Python exception the CLI prints as is, e.g. `invalid literal for int() with base
  /// 10: 'abc'` (exit 255).
  case python(String)
  /// botocore's parameter validation report, one problem per line (exit 252).
  case validation([String])

  /// The text the CLI prints to stderr (without the trailing newline).
  public var message: String {
    switch self {
    case .param(let name, let message): return "Error parsing parameter '\(name)': \(message)"
    case .python(let text): return text
    case .validation(let lines):
      return "Parameter validation failed:\n" + lines.joined(separator: "\n")
    }
  }

  /// CLI v2's exit status for this error.
  public var status: Int32 {
    if case .python = self { return 255 }
    return 252
  }
}

/// awscli's value unpacking (argprocess.py, paramfile.py, shorthand.py's BackCompatVisitor): one
/// CLI argument's words become the JSON value botocore would send.
///
/// ```swift
/// let v = try ArgumentValue.unpack(["name=web,memory=256"], shape: containerDefinitions,
///   model: ecs, cliName: "--container-definitions", files: MemoryFiles())
/// // [{"name": "web", "memory": 256}]
/// ```
public enum ArgumentValue {
  /// Unpacks `words` (one word, or several for list arguments) for an argument of `shape`.
  public static func unpack(
    _ words: [String], shape: Shape, model: ServiceModel, cliName: String, files: any FileAccess
  ) throws(ArgumentError) -> JSONValue {
    // load-cli-arg: a single file:// or fileb:// word is replaced by the file's text.
    var words = words
    if words.count == 1, let text = try paramfile(words[0], cliName: cliName, files: files) {
      words = [text]
    }
    if supportsShorthand(shape, model: model), let first = words.first,
      !first.trimmingPythonWhitespace().hasPrefix("["),
      !first.trimmingPythonWhitespace().hasPrefix("{")
    {
      return try shorthand(words, shape: shape, model: model, cliName: cliName, files: files)
    }
    return try unpackPlain(words, shape: shape, model: model, cliName: cliName)
  }

  /// `file://path` and `fileb://path`: the file's text; nil when `word` names no file.
  static func paramfile(_ word: String, cliName: String, files: any FileAccess)
    throws(ArgumentError) -> String?
  {
    for prefix in ["file://", "fileb://"] where word.hasPrefix(prefix) {
      let path = String(word.dropFirst(prefix.count))
      do {
        return try files.read(path)
      } catch {
        throw .param(
          cliName: cliName, message: "Unable to load paramfile \(word): \(error.message)")
      }
    }
    return nil
  }

  /// Structures, maps and lists of complex members take shorthand.
  static func supportsShorthand(_ shape: Shape, model: ServiceModel) -> Bool {
    switch shape.type {
    case .structure: return !shape.isDocument
    case .map: return true
    case .list:
      guard let m = shape.member.flatMap(model.shape) else { return false }
      return !m.type.isScalar
    default: return false
    }
  }

  static func shorthand(
    _ words: [String], shape: Shape, model: ServiceModel, cliName: String, files: any FileAccess
  ) throws(ArgumentError) -> JSONValue {
    // A structure whose only member is a string `Value` takes the bare value.
    if shape.type == .structure, shape.members.count == 1, let m = shape.members.first,
      m.name == "Value", model.shape(m.shape)?.type == .string, let word = words.first,
      !word.contains("=")
    {
      return .object([("Value", .string(word))])
    }
    let load: (String) throws(ShorthandParseError) -> String? = {
      value throws(ShorthandParseError) in
      do {
        return try paramfile(value, cliName: cliName, files: files)
      } catch let e as ArgumentError {
        if case .param(_, let message) = e { throw ShorthandParseError(message: message) }
        throw ShorthandParseError(message: e.message)
      } catch {
        throw ShorthandParseError(message: "\(error)")
      }
    }
    do {
      if shape.type == .list {
        let parsed = try words.map { w throws(ShorthandParseError) in
          try ShorthandParser.parse(w, loadFile: load)
        }
        return try convert(.list(parsed), shape: shape, model: model)
      }
      guard let word = words.first else { return .null }
      return try convert(
        try ShorthandParser.parse(word, loadFile: load), shape: shape, model: model)
    } catch let error as ShorthandParseError {
      throw .param(cliName: cliName, message: error.message)
    } catch let error as ArgumentError {
      throw error
    } catch {
      throw .python("\(error)")
    }
  }

  /// BackCompatVisitor: strings become numbers and booleans where the model says so; a scalar
  /// given for a list becomes a one-element list (unconverted, as awscli leaves it).
  static func convert(_ value: ShorthandValue, shape: Shape, model: ServiceModel)
    throws(ArgumentError) -> JSONValue
  {
    switch shape.type {
    case .structure:
      guard case .object(let members) = value else { return value.json }
      var out: [(String, JSONValue)] = []
      for (k, v) in members {
        if let m = shape.member(named: k), let s = model.shape(m.shape) {
          out.append((k, try convert(v, shape: s, model: model)))
        } else {
          out.append((k, v.json))
        }
      }
      return .object(out)
    case .list:
      guard case .list(let items) = value else { return .array([value.json]) }
      guard let member = shape.member.flatMap(model.shape) else { return value.json }
      var out: [JSONValue] = []
      for item in items { out.append(try convert(item, shape: member, model: model)) }
      return .array(out)
    case .map:
      guard case .object(let members) = value else { return value.json }
      guard let valueShape = shape.value.flatMap(model.shape) else { return value.json }
      var out: [(String, JSONValue)] = []
      for (k, v) in members { out.append((k, try convert(v, shape: valueShape, model: model))) }
      return .object(out)
    case .integer, .long:
      guard case .string(let s) = value else {
        throw .python(
          "int() argument must be a string, a bytes-like object or a real number, not "
            + "'\(PythonText.shortTypeName(value.json))'")
      }
      return .int(try PythonText.int(s))
    case .double, .float:
      guard case .string(let s) = value else {
        throw .python(
          "float() argument must be a string or a real number, not "
            + "'\(PythonText.shortTypeName(value.json))'")
      }
      return .double(try PythonText.float(s))
    case .boolean:
      guard case .string(let s) = value else {
        throw .python(
          "'\(PythonText.shortTypeName(value.json))' object has no attribute 'lower'")
      }
      if s.lowercased() == "true" { return .bool(true) }
      if s.lowercased() == "false" { return .bool(false) }
      return .string(s)
    case .string, .timestamp, .blob:
      return value.json
    }
  }

  /// `unpack_cli_arg`: JSON for complex values, Python conversions for scalars.
  static func unpackPlain(_ words: [String], shape: Shape, model: ServiceModel, cliName: String)
    throws(ArgumentError) -> JSONValue
  {
    switch shape.type {
    case .structure, .map:
      let value = words.first ?? ""
      if value.trimmingPythonWhitespace().hasPrefix("{") || shape.isDocument {
        return try json(value, cliName: cliName)
      }
      throw .param(cliName: cliName, message: "Invalid JSON:\n\(value)")
    case .list:
      if words.count == 1, words[0].trimmingPythonWhitespace().hasPrefix("[") {
        return try json(words[0], cliName: cliName)
      }
      guard let member = shape.member.flatMap(model.shape) else { return .null }
      var out: [JSONValue] = []
      for w in words {
        do {
          out.append(try unpackPlain([w], shape: member, model: model, cliName: cliName))
        } catch .python {
          // awscli turns ValueError/TypeError inside a list into a ParamError naming the first word.
          throw .param(cliName: cliName, message: words.first ?? "")
        }
      }
      return .array(out)
    case .integer, .long:
      return .int(try PythonText.int(words.first ?? ""))
    case .double, .float:
      return .double(try PythonText.float(words.first ?? ""))
    case .boolean:
      return .bool((words.first ?? "").lowercased() != "false")
    case .string, .timestamp, .blob:
      return .string(words.first ?? "")
    }
  }

  static func json(_ text: String, cliName: String) throws(ArgumentError) -> JSONValue {
    do {
      return try JSONParser.parse(text)
    } catch {
      throw .param(cliName: cliName, message: "Invalid JSON: \(error)\nJSON received: \(text)")
    }
  }
}

import ECSModel

/// A JMESPath failure, worded as jmespath.py words it (the AWS CLI prints that text).
public struct JMESPathError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    /// The expression does not parse: the CLI reports `Bad value for --query EXPR: MESSAGE`.
    case syntax
    /// The expression parsed but failed on this data (unknown function, wrong argument type).
    case runtime
  }
  public var kind: Kind
  public var message: String
  public var description: String { message }

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }
}

/// JMESPath, the language of `--query`, following jmespath.py (the AWS CLI's implementation)
/// down to its error texts and quirks.
///
/// ```swift
/// let v: JSONValue = ["services": [["serviceName": "web", "runningCount": 2]]]
/// try JMESPath.search("services[?serviceName=='web'].runningCount | [0]", in: v)  // 2
/// ```
public enum JMESPath {
  /// Evaluates `expression` against `value`.
  public static func search(_ expression: String, in value: JSONValue) throws(JMESPathError)
    -> JSONValue
  {
    try compile(expression).search(value)
  }

  /// Parses `expression` once, to check it early (the CLI rejects a bad `--query` before it calls
  /// the service) and to run it later.
  public static func compile(_ expression: String) throws(JMESPathError) -> JMESPathExpression {
    JMESPathExpression(expression: expression, root: try JMESParser.parse(expression))
  }
}

/// A parsed JMESPath expression.
public struct JMESPathExpression: Sendable {
  public let expression: String
  let root: JMESNode

  /// Evaluates the expression against `value`.
  public func search(_ value: JSONValue) throws(JMESPathError) -> JSONValue {
    try JMESInterpreter.visit(root, value)
  }
}

// MARK: - Syntax tree

indirect enum JMESNode: Sendable {
  case identity
  case current
  case field(String)
  case subexpression([JMESNode])
  case indexExpression([JMESNode])
  case index(Int)
  case slice(Int?, Int?, Int?)
  case literal(JSONValue)
  case projection(JMESNode, JMESNode)
  case valueProjection(JMESNode, JMESNode)
  case filterProjection(JMESNode, JMESNode, JMESNode)
  case flatten(JMESNode)
  case comparator(String, JMESNode, JMESNode)
  case or(JMESNode, JMESNode)
  case and(JMESNode, JMESNode)
  case not(JMESNode)
  case pipe(JMESNode, JMESNode)
  case multiSelectList([JMESNode])
  case multiSelectHash([(String, JMESNode)])
  case function(String, [JMESNode])
  case expref(JMESNode)
}

// MARK: - Lexer (jmespath/lexer.py)

private struct JMESToken {
  var type: String
  /// What error messages show for the token (`str(token['value'])`).
  var text: String
  var start: Int
  var number = 0
  var string = ""
  var literal: JSONValue = .null
}

private enum JMESLexer {
  static let simple: [Unicode.Scalar: String] = [
    ".": "dot", "*": "star", "]": "rbracket", ",": "comma", ":": "colon", "@": "current",
    "(": "lparen", ")": "rparen", "{": "lbrace", "}": "rbrace",
  ]

  static func isIdentStart(_ c: Unicode.Scalar) -> Bool {
    (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
  }
  static func isIdent(_ c: Unicode.Scalar) -> Bool { isIdentStart(c) || isDigit(c) }
  static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

  static func lexError(_ position: Int, _ message: String, _ expression: String) -> JMESPathError {
    JMESPathError(
      .syntax,
      "Bad jmespath expression: \(message):\n\(expression)\n"
        + String(repeating: " ", count: position) + "^")
  }

  static func tokenize(_ expression: String) throws(JMESPathError) -> [JMESToken] {
    if expression.isEmpty {
      throw JMESPathError(.syntax, "Invalid JMESPath expression: cannot be empty.")
    }
    let s = Array(expression.unicodeScalars)
    var tokens: [JMESToken] = []
    var i = 0
    func at(_ k: Int) -> Unicode.Scalar? { k < s.count ? s[k] : nil }
    while let c = at(i) {
      if let type = simple[c] {
        tokens.append(JMESToken(type: type, text: String(c), start: i))
        i += 1
      } else if isIdentStart(c) {
        let start = i
        var buff = ""
        while let d = at(i), isIdent(d) {
          buff.unicodeScalars.append(d)
          i += 1
        }
        var t = JMESToken(type: "unquoted_identifier", text: buff, start: start)
        t.string = buff
        tokens.append(t)
      } else if c == " " || c == "\t" || c == "\n" || c == "\r" {
        i += 1
      } else if c == "[" {
        let start = i
        i += 1
        if at(i) == "]" {
          i += 1
          tokens.append(JMESToken(type: "flatten", text: "[]", start: start))
        } else if at(i) == "?" {
          i += 1
          tokens.append(JMESToken(type: "filter", text: "[?", start: start))
        } else {
          tokens.append(JMESToken(type: "lbracket", text: "[", start: start))
        }
      } else if c == "'" {
        let start = i
        let raw = try consumeUntil("'", s, &i, expression)
        let value = raw.replacingAll("\\'", with: "'")
        var t = JMESToken(type: "literal", text: value, start: start)
        t.literal = .string(value)
        tokens.append(t)
      } else if c == "|" {
        tokens.append(matchOrElse("|", "or", "pipe", s, &i))
      } else if c == "&" {
        tokens.append(matchOrElse("&", "and", "expref", s, &i))
      } else if c == "`" {
        let start = i
        let lexeme = try consumeUntil("`", s, &i, expression).replacingAll("\\`", with: "`")
        var t = JMESToken(type: "literal", text: "", start: start)
        if let v = JMESJSON.parse(lexeme) {
          t.literal = v
        } else if let v = JMESJSON.parse("\"" + lexeme.droppingLeadingWhitespace() + "\"") {
          // jmespath.py still accepts the deprecated `foo` string literal form.
          t.literal = v
        } else {
          throw lexError(start, "Bad token \(lexeme)", expression)
        }
        t.text = OutputFormatter.pythonStr(t.literal)
        tokens.append(t)
      } else if isDigit(c) || c == "-" {
        let start = i
        var buff = String(c)
        i += 1
        while let d = at(i), isDigit(d) {
          buff.unicodeScalars.append(d)
          i += 1
        }
        if c == "-" && buff.count == 1 {
          throw lexError(start, "Unknown token '-'", expression)
        }
        var t = JMESToken(type: "number", text: "", start: start)
        t.number = Int(buff) ?? (c == "-" ? Int.min : Int.max)
        t.text = String(t.number)
        tokens.append(t)
      } else if c == "\"" {
        let start = i
        let lexeme = "\"" + (try consumeUntil("\"", s, &i, expression)) + "\""
        switch JMESJSON.parseString(lexeme) {
        case .success(let name):
          var t = JMESToken(type: "quoted_identifier", text: name, start: start)
          t.string = name
          tokens.append(t)
        case .failure(let message):
          throw lexError(start, message.text, expression)
        }
      } else if c == "<" {
        tokens.append(matchOrElse("=", "lte", "lt", s, &i))
      } else if c == ">" {
        tokens.append(matchOrElse("=", "gte", "gt", s, &i))
      } else if c == "!" {
        tokens.append(matchOrElse("=", "ne", "not", s, &i))
      } else if c == "=" {
        if at(i + 1) == "=" {
          tokens.append(JMESToken(type: "eq", text: "==", start: i))
          i += 2
        } else {
          throw lexError(i, "Unknown token '='", expression)
        }
      } else {
        throw lexError(i, "Unknown token \(String(c))", expression)
      }
    }
    tokens.append(JMESToken(type: "eof", text: "", start: s.count))
    return tokens
  }

  private static func matchOrElse(
    _ expected: Unicode.Scalar, _ matchType: String, _ elseType: String,
    _ s: [Unicode.Scalar], _ i: inout Int
  ) -> JMESToken {
    let start = i
    let current = s[i]
    i += 1
    if i < s.count && s[i] == expected {
      i += 1
      return JMESToken(type: matchType, text: String(current) + String(expected), start: start)
    }
    return JMESToken(type: elseType, text: String(current), start: start)
  }

  /// The text up to an unescaped `delimiter` (backslashes kept), past the closing delimiter.
  private static func consumeUntil(
    _ delimiter: Unicode.Scalar, _ s: [Unicode.Scalar], _ i: inout Int, _ expression: String
  ) throws(JMESPathError) -> String {
    let start = i
    var buff = ""
    i += 1
    while i >= s.count || s[i] != delimiter {
      if i < s.count && s[i] == "\\" {
        buff += "\\"
        i += 1
      }
      guard i < s.count else {
        throw lexError(start, "Unclosed \(String(delimiter)) delimiter", expression)
      }
      buff.unicodeScalars.append(s[i])
      i += 1
    }
    i += 1
    return buff
  }
}

extension String {
  fileprivate func droppingLeadingWhitespace() -> String {
    String(unicodeScalars.drop(while: { $0.properties.isWhitespace }))
  }
}

// MARK: - JSON literals (Python's json.loads)

/// JSON literals inside expressions, read as Python's json.loads reads them.
private enum JMESJSON {
  struct Failure: Error {
    var text: String
  }

  static func parse(_ text: String) -> JSONValue? { try? JSONParser.parse(text) }

  /// Decodes a quoted JSON string; the failure carries Python's message without its position.
  static func parseString(_ text: String) -> Result<String, Failure> {
    do {
      guard case .string(let s) = try JSONParser.parse(text) else {
        return .failure(Failure(text: "Expecting value"))
      }
      return .success(s)
    } catch {
      return .failure(Failure(text: error.message))
    }
  }
}

// MARK: - Parser (jmespath/parser.py, a Pratt parser)

private struct JMESParser {
  static let bindingPower: [String: Int] = [
    "eof": 0, "unquoted_identifier": 0, "quoted_identifier": 0, "literal": 0, "rbracket": 0,
    "rparen": 0, "comma": 0, "rbrace": 0, "number": 0, "current": 0, "expref": 0, "colon": 0,
    "pipe": 1, "or": 2, "and": 3, "eq": 5, "gt": 5, "lt": 5, "gte": 5, "lte": 5, "ne": 5,
    "flatten": 9, "star": 20, "filter": 21, "dot": 40, "not": 45, "lbrace": 50, "lbracket": 55,
    "lparen": 60,
  ]
  static let projectionStop = 10
  /// Deeper nesting is refused rather than exhausting the stack.
  static let maxDepth = 200

  let expression: String
  var tokens: [JMESToken]
  var index = 0
  var depth = 0

  static func parse(_ expression: String) throws(JMESPathError) -> JMESNode {
    var p = JMESParser(expression: expression, tokens: try JMESLexer.tokenize(expression))
    let node = try p.expression(0)
    if p.current != "eof" {
      let t = p.token(0)
      throw p.parseError(t, "Unexpected token: \(t.text)")
    }
    return node
  }

  private static func bp(_ type: String) -> Int { bindingPower[type] ?? 0 }

  private var current: String { token(0).type }

  private func token(_ k: Int) -> JMESToken {
    let n = index + k
    if n >= 0 && n < tokens.count { return tokens[n] }
    return tokens[tokens.count - 1]
  }

  private mutating func advance() { index += 1 }

  private func parseError(_ t: JMESToken, _ reason: String) -> JMESPathError {
    JMESPathError(
      .syntax,
      "\(reason): Parse error at column \(t.start), token \"\(t.text)\" (\(t.type.uppercased())), "
        + "for expression:\n\"\(expression)\"\n"
        + String(repeating: " ", count: t.start + 1) + "^")
  }

  private func incomplete() -> JMESPathError {
    JMESPathError(
      .syntax,
      "Invalid jmespath expression: Incomplete expression:\n\"\(expression)\"\n"
        + String(repeating: " ", count: expression.unicodeScalars.count + 1) + "^")
  }

  /// `Expecting: X, got: Y`; at the end of input jmespath.py calls it incomplete instead,
  /// except after a dot.
  private func expecting(_ expected: String, _ t: JMESToken, eofIsIncomplete: Bool = true)
    -> JMESPathError
  {
    if eofIsIncomplete && t.type == "eof" { return incomplete() }
    return parseError(t, "Expecting: \(expected), got: \(t.type)")
  }

  private mutating func match(_ type: String) throws(JMESPathError) {
    guard current == type else { throw expecting(type, token(0)) }
    advance()
  }

  mutating func expression(_ bindingPower: Int) throws(JMESPathError) -> JMESNode {
    depth += 1
    defer { depth -= 1 }
    if depth > Self.maxDepth {
      throw parseError(token(0), "Expression nested too deeply")
    }
    let left = token(0)
    advance()
    var node = try nud(left)
    // `a.b.c` and `a[0][1]` grow one flat child list, as jmespath.py appends to it; keeping the
    // list here (not inside `node`) makes each append O(1) even for absurdly long chains.
    var chain: [JMESNode] = []
    var chainIsIndex = false
    func flush() {
      if !chain.isEmpty {
        node = chainIsIndex ? .indexExpression(chain) : .subexpression(chain)
        chain = []
      }
    }
    while bindingPower < Self.bp(current) {
      let t = token(0)
      advance()
      if t.type == "dot" && current != "star" {
        let right = try dotRHS(Self.bp("dot"))
        if chain.isEmpty || chainIsIndex {
          flush()
          if case .subexpression(let children) = node { chain = children } else { chain = [node] }
          chainIsIndex = false
        }
        chain.append(right)
        continue
      }
      if t.type == "lbracket" && (current == "number" || current == "colon") {
        let right = try indexExpression()
        if chainIsIndex && !chain.isEmpty {
          chain.append(right)
          continue
        }
        flush()
        if case .indexExpression(let children) = node {
          chain = children + [right]
          chainIsIndex = true
          continue
        }
        node = try projectIfSlice(node, right)
        if case .indexExpression(let children) = node {
          chain = children
          chainIsIndex = true
        }
        continue
      }
      flush()
      node = try led(t, node)
    }
    flush()
    return node
  }

  private mutating func nud(_ t: JMESToken) throws(JMESPathError) -> JMESNode {
    switch t.type {
    case "literal":
      return .literal(t.literal)
    case "unquoted_identifier":
      return .field(t.string)
    case "quoted_identifier":
      if current == "lparen" {
        var at = token(0)
        at.start = 0
        throw parseError(at, "Quoted identifier not allowed for function names.")
      }
      return .field(t.string)
    case "star":
      let right: JMESNode =
        current == "rbracket" ? .identity : try projectionRHS(Self.bp("star"))
      return .valueProjection(.identity, right)
    case "filter":
      return try ledFilter(.identity)
    case "lbrace":
      return try multiSelectHash()
    case "lparen":
      let e = try expression(0)
      try match("rparen")
      return e
    case "flatten":
      return .projection(.flatten(.identity), try projectionRHS(Self.bp("flatten")))
    case "not":
      return .not(try expression(Self.bp("not")))
    case "lbracket":
      if current == "number" || current == "colon" {
        let right = try indexExpression()
        return try projectIfSlice(.identity, right)
      } else if current == "star" && token(1).type == "rbracket" {
        advance()
        advance()
        return .projection(.identity, try projectionRHS(Self.bp("star")))
      }
      return try multiSelectList()
    case "current":
      return .current
    case "expref":
      return .expref(try expression(Self.bp("expref")))
    default:
      if t.type == "eof" { throw incomplete() }
      throw parseError(t, "invalid token")
    }
  }

  private mutating func led(_ t: JMESToken, _ left: JMESNode) throws(JMESPathError) -> JMESNode {
    switch t.type {
    case "dot":
      if current != "star" {
        let right = try dotRHS(Self.bp("dot"))
        if case .subexpression(var children) = left {
          children.append(right)
          return .subexpression(children)
        }
        return .subexpression([left, right])
      }
      advance()
      return .valueProjection(left, try projectionRHS(Self.bp("dot")))
    case "pipe":
      return .pipe(left, try expression(Self.bp("pipe")))
    case "or":
      return .or(left, try expression(Self.bp("or")))
    case "and":
      return .and(left, try expression(Self.bp("and")))
    case "lparen":
      guard case .field(let name) = left else {
        throw parseError(token(-2), "Invalid function name '\(token(-2).text)'")
      }
      var args: [JMESNode] = []
      while current != "rparen" {
        let e = try expression(0)
        if current == "comma" { try match("comma") }
        args.append(e)
      }
      try match("rparen")
      return .function(name, args)
    case "filter":
      return try ledFilter(left)
    case "eq", "ne", "gt", "gte", "lt", "lte":
      return .comparator(t.type, left, try expression(Self.bp(t.type)))
    case "flatten":
      return .projection(.flatten(left), try projectionRHS(Self.bp("flatten")))
    case "lbracket":
      if current == "number" || current == "colon" {
        let right = try indexExpression()
        if case .indexExpression(var children) = left {
          children.append(right)
          return .indexExpression(children)
        }
        return try projectIfSlice(left, right)
      }
      try match("star")
      try match("rbracket")
      return .projection(left, try projectionRHS(Self.bp("star")))
    default:
      // Tokens that bind but cannot continue an expression (`*`, `!`, `{`).
      index -= 1
      throw parseError(t, "invalid token")
    }
  }

  private mutating func ledFilter(_ left: JMESNode) throws(JMESPathError) -> JMESNode {
    let condition = try expression(0)
    try match("rbracket")
    let right: JMESNode =
      current == "flatten" ? .identity : try projectionRHS(Self.bp("filter"))
    return .filterProjection(left, right, condition)
  }

  private mutating func indexExpression() throws(JMESPathError) -> JMESNode {
    if current == "colon" || token(1).type == "colon" {
      return try sliceExpression()
    }
    let node = JMESNode.index(token(0).number)
    advance()
    try match("rbracket")
    return node
  }

  private mutating func sliceExpression() throws(JMESPathError) -> JMESNode {
    var parts: [Int?] = [nil, nil, nil]
    var k = 0
    while current != "rbracket" && k < 3 {
      if current == "colon" {
        k += 1
        if k == 3 { throw parseError(token(0), "syntax error") }
        advance()
      } else if current == "number" {
        parts[k] = token(0).number
        advance()
      } else {
        throw parseError(token(0), "syntax error")
      }
    }
    try match("rbracket")
    return .slice(parts[0], parts[1], parts[2])
  }

  private mutating func projectIfSlice(_ left: JMESNode, _ right: JMESNode) throws(JMESPathError)
    -> JMESNode
  {
    let indexExpr = JMESNode.indexExpression([left, right])
    if case .slice = right {
      return .projection(indexExpr, try projectionRHS(Self.bp("star")))
    }
    return indexExpr
  }

  private mutating func multiSelectList() throws(JMESPathError) -> JMESNode {
    var items: [JMESNode] = []
    while true {
      items.append(try expression(0))
      if current == "rbracket" { break }
      try match("comma")
    }
    try match("rbracket")
    return .multiSelectList(items)
  }

  private mutating func multiSelectHash() throws(JMESPathError) -> JMESNode {
    var pairs: [(String, JMESNode)] = []
    while true {
      let key = token(0)
      guard key.type == "quoted_identifier" || key.type == "unquoted_identifier" else {
        throw expecting("['quoted_identifier', 'unquoted_identifier']", key)
      }
      advance()
      try match("colon")
      pairs.append((key.string, try expression(0)))
      if current == "comma" {
        try match("comma")
      } else if current == "rbrace" {
        try match("rbrace")
        break
      }
    }
    return .multiSelectHash(pairs)
  }

  private mutating func projectionRHS(_ bindingPower: Int) throws(JMESPathError) -> JMESNode {
    if Self.bp(current) < Self.projectionStop { return .identity }
    switch current {
    case "lbracket", "filter":
      return try expression(bindingPower)
    case "dot":
      try match("dot")
      return try dotRHS(bindingPower)
    default:
      throw parseError(token(0), "syntax error")
    }
  }

  private mutating func dotRHS(_ bindingPower: Int) throws(JMESPathError) -> JMESNode {
    switch current {
    case "quoted_identifier", "unquoted_identifier", "star":
      return try expression(bindingPower)
    case "lbracket":
      try match("lbracket")
      return try multiSelectList()
    case "lbrace":
      try match("lbrace")
      return try multiSelectHash()
    default:
      throw expecting(
        "['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace']", token(0),
        eofIsIncomplete: false)
    }
  }
}

// MARK: - Interpreter (jmespath/visitor.py)

private enum JMESInterpreter {
  static func visit(_ node: JMESNode, _ value: JSONValue) throws(JMESPathError) -> JSONValue {
    switch node {
    case .identity, .current:
      return value
    case .field(let name):
      return value[name] ?? .null
    case .subexpression(let children), .indexExpression(let children):
      var result = value
      for child in children { result = try visit(child, result) }
      return result
    case .index(let i):
      return value[i] ?? .null
    case .slice(let start, let stop, let step):
      guard case .array(let items) = value else { return .null }
      return .array(try slice(items, start, stop, step))
    case .literal(let v):
      return v
    case .projection(let left, let right):
      guard case .array(let items) = try visit(left, value) else { return .null }
      var out: [JSONValue] = []
      for item in items {
        let v = try visit(right, item)
        if !v.isNull { out.append(v) }
      }
      return .array(out)
    case .valueProjection(let left, let right):
      guard case .object(let members) = try visit(left, value) else { return .null }
      var out: [JSONValue] = []
      for (_, item) in members {
        let v = try visit(right, item)
        if !v.isNull { out.append(v) }
      }
      return .array(out)
    case .filterProjection(let left, let right, let condition):
      guard case .array(let items) = try visit(left, value) else { return .null }
      var out: [JSONValue] = []
      for item in items where !isFalse(try visit(condition, item)) {
        let v = try visit(right, item)
        if !v.isNull { out.append(v) }
      }
      return .array(out)
    case .flatten(let inner):
      guard case .array(let items) = try visit(inner, value) else { return .null }
      var out: [JSONValue] = []
      for item in items {
        if case .array(let nested) = item {
          out += nested
        } else {
          out.append(item)
        }
      }
      return .array(out)
    case .comparator(let op, let l, let r):
      let left = try visit(l, value)
      let right = try visit(r, value)
      switch op {
      case "eq": return .bool(equals(left, right))
      case "ne": return .bool(!equals(left, right))
      default:
        guard let order = compare(left, right) else { return .null }
        switch op {
        case "lt": return .bool(order < 0)
        case "lte": return .bool(order <= 0)
        case "gt": return .bool(order > 0)
        default: return .bool(order >= 0)
        }
      }
    case .or(let l, let r):
      let left = try visit(l, value)
      return isFalse(left) ? try visit(r, value) : left
    case .and(let l, let r):
      let left = try visit(l, value)
      return isFalse(left) ? left : try visit(r, value)
    case .not(let inner):
      let v = try visit(inner, value)
      switch v {
      case .int(let n) where n == 0: return .bool(false)
      case .double(let d) where d == 0: return .bool(false)
      default: return .bool(!OutputFormatter.isTruthy(v))
      }
    case .pipe(let l, let r):
      return try visit(r, try visit(l, value))
    case .multiSelectList(let items):
      if value.isNull { return .null }
      var out: [JSONValue] = []
      for item in items { out.append(try visit(item, value)) }
      return .array(out)
    case .multiSelectHash(let pairs):
      if value.isNull { return .null }
      var out: [(String, JSONValue)] = []
      for (key, item) in pairs {
        let v = try visit(item, value)
        if let k = out.firstIndex(where: { $0.0 == key }) {
          out[k].1 = v
        } else {
          out.append((key, v))
        }
      }
      return .object(out)
    case .function(let name, let args):
      var resolved: [JMESArgument] = []
      for arg in args {
        if case .expref(let inner) = arg {
          resolved.append(.expref(inner))
        } else {
          resolved.append(.value(try visit(arg, value)))
        }
      }
      return try JMESFunctions.call(name, resolved)
    case .expref:
      // Only meaningful as a function argument (handled above).
      return .null
    }
  }

  /// jmespath.py's falsiness: "", [], {}, null and false; numbers (0 too) are true.
  static func isFalse(_ v: JSONValue) -> Bool {
    switch v {
    case .null: return true
    case .bool(let b): return !b
    case .int, .double: return false
    case .string(let s): return s.isEmpty
    case .array(let a): return a.isEmpty
    case .object(let o): return o.isEmpty
    }
  }

  static func equals(_ a: JSONValue, _ b: JSONValue) -> Bool {
    // jmespath.py keeps Python from calling 0 == false or 1 == true; JSONValue never does.
    a == b
  }

  /// Ordering for numbers and for strings (by code point); nil for anything else.
  static func compare(_ a: JSONValue, _ b: JSONValue) -> Int? {
    switch (a, b) {
    case (.int(let x), .int(let y)): return x < y ? -1 : (x > y ? 1 : 0)
    case (.string(let x), .string(let y)):
      if x == y { return 0 }
      return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) ? -1 : 1
    default:
      guard let x = number(a), let y = number(b) else { return nil }
      return x < y ? -1 : (x > y ? 1 : 0)
    }
  }

  static func number(_ v: JSONValue) -> Double? {
    switch v {
    case .int(let i): return Double(i)
    case .double(let d): return d
    default: return nil
    }
  }

  /// Python's `list[start:stop:step]`.
  static func slice(_ items: [JSONValue], _ start: Int?, _ stop: Int?, _ step: Int?)
    throws(JMESPathError) -> [JSONValue]
  {
    let step = step ?? 1
    if step == 0 { throw JMESPathError(.runtime, "slice step cannot be zero") }
    let n = items.count
    func clamp(_ v: Int?, _ defaultValue: Int, low: Int, high: Int) -> Int {
      guard var v else { return defaultValue }
      if v < 0 { v = v < Int.min + n ? low : v + n }
      return min(max(v, low), high)
    }
    var out: [JSONValue] = []
    if step > 0 {
      let s = clamp(start, 0, low: 0, high: n)
      let e = clamp(stop, n, low: 0, high: n)
      var i = s
      while i < e {
        out.append(items[i])
        let (next, overflow) = i.addingReportingOverflow(step)
        if overflow { break }
        i = next
      }
    } else {
      let s = clamp(start, n - 1, low: -1, high: n - 1)
      let e = clamp(stop, -1, low: -1, high: n - 1)
      var i = s
      while i > e {
        out.append(items[i])
        let (next, overflow) = i.addingReportingOverflow(step)
        if overflow { break }
        i = next
      }
    }
    return out
  }
}

// MARK: - Functions (jmespath/functions.py)

private enum JMESArgument {
  case value(JSONValue)
  case expref(JMESNode)

  /// The JMESPath type name jmespath.py reports.
  var jmesType: String {
    switch self {
    case .expref: return "expref"
    case .value(let v):
      switch v {
      case .null: return "null"
      case .bool: return "boolean"
      case .int, .double: return "number"
      case .string: return "string"
      case .array: return "array"
      case .object: return "object"
      }
    }
  }

  /// The Python type name (`type(x).__name__`), which some jmespath.py messages show instead.
  var pythonType: String {
    switch self {
    case .expref: return "_Expression"
    case .value(let v):
      switch v {
      case .null: return "NoneType"
      case .bool: return "bool"
      case .int: return "int"
      case .double: return "float"
      case .string: return "str"
      case .array: return "list"
      case .object: return "dict"
      }
    }
  }

  var text: String {
    switch self {
    case .expref: return "<jmespath.visitor._Expression object>"
    case .value(let v): return OutputFormatter.pythonStr(v)
    }
  }

  var value: JSONValue {
    if case .value(let v) = self { return v }
    return .null
  }
}

private enum JMESFunctions {
  /// Each function's argument types as jmespath.py declares them; `variadic` repeats the last.
  static let signatures: [String: (types: [[String]], variadic: Bool)] = [
    "abs": ([["number"]], false), "avg": ([["array-number"]], false),
    "ceil": ([["number"]], false), "contains": ([["array", "string"], []], false),
    "ends_with": ([["string"], ["string"]], false), "floor": ([["number"]], false),
    "join": ([["string"], ["array-string"]], false),
    "keys": ([["object"]], false), "length": ([["string", "array", "object"]], false),
    "map": ([["expref"], ["array"]], false),
    "max": ([["array-number", "array-string"]], false),
    "max_by": ([["array"], ["expref"]], false), "merge": ([["object"]], true),
    "min": ([["array-number", "array-string"]], false),
    "min_by": ([["array"], ["expref"]], false), "not_null": ([[]], true),
    "reverse": ([["array", "string"]], false),
    "sort": ([["array-string", "array-number"]], false),
    "sort_by": ([["array"], ["expref"]], false),
    "starts_with": ([["string"], ["string"]], false), "sum": ([["array-number"]], false),
    "to_array": ([[]], false), "to_number": ([[]], false), "to_string": ([[]], false),
    "type": ([[]], false), "values": ([["object"]], false),
  ]

  static func typeError(_ name: String, _ value: String, _ received: String, _ expected: [String])
    -> JMESPathError
  {
    let list = "[" + expected.map { "'\($0)'" }.joined(separator: ", ") + "]"
    return JMESPathError(
      .runtime,
      "In function \(name)(), invalid type for value: \(value), expected one of: \(list), "
        + "received: \"\(received)\"")
  }

  static func check(_ name: String, _ args: [JMESArgument]) throws(JMESPathError) {
    guard let sig = signatures[name] else {
      throw JMESPathError(.runtime, "Unknown function: \(name)()")
    }
    let n = sig.types.count
    if sig.variadic {
      if args.count < n {
        throw JMESPathError(
          .runtime,
          "Expected at least \(n) argument\(n == 1 ? "" : "s") for function \(name)(), "
            + "received \(args.count)")
      }
    } else if args.count != n {
      throw JMESPathError(
        .runtime,
        "Expected \(n) argument\(n == 1 ? "" : "s") for function \(name)(), received \(args.count)")
    }
    for (k, types) in sig.types.enumerated() where !types.isEmpty {
      try checkOne(name, args[k], types)
    }
  }

  private static func checkOne(_ name: String, _ arg: JMESArgument, _ types: [String])
    throws(JMESPathError)
  {
    var allowed: [String] = []
    var subtypes: [String] = []
    for t in types {
      if let dash = t.firstIndex(of: "-") {
        allowed.append(String(t[..<dash]))
        subtypes.append(String(t[t.index(after: dash)...]))
      } else {
        allowed.append(t)
      }
    }
    guard allowed.contains(arg.jmesType) else {
      throw typeError(name, arg.text, arg.jmesType, types)
    }
    guard !subtypes.isEmpty, case .value(.array(let items)) = arg else { return }
    if subtypes.count == 1 {
      for item in items where JMESArgument.value(item).jmesType != subtypes[0] {
        let a = JMESArgument.value(item)
        throw typeError(name, a.text, a.pythonType, types)
      }
    } else if let first = items.first {
      let firstArg = JMESArgument.value(first)
      guard subtypes.contains(firstArg.jmesType) else {
        throw typeError(name, firstArg.text, firstArg.pythonType, types)
      }
      for item in items where JMESArgument.value(item).jmesType != firstArg.jmesType {
        let a = JMESArgument.value(item)
        throw typeError(name, a.text, a.pythonType, types)
      }
    }
  }

  static func call(_ name: String, _ args: [JMESArgument]) throws(JMESPathError) -> JSONValue {
    try check(name, args)
    let a0 = args.first?.value ?? .null
    let a1 = args.count > 1 ? args[1].value : .null
    switch name {
    case "abs":
      if case .int(let i) = a0 { return i == Int.min ? .double(-Double(i)) : .int(abs(i)) }
      return .double(abs(a0.doubleValue ?? 0))
    case "avg":
      let items = a0.arrayValue ?? []
      if items.isEmpty { return .null }
      return .double(
        items.reduce(0.0) { $0 + (JMESInterpreter.number($1) ?? 0) } / Double(items.count))
    case "ceil", "floor":
      if case .int = a0 { return a0 }
      let d = a0.doubleValue ?? 0
      let r = name == "ceil" ? d.rounded(.up) : d.rounded(.down)
      if r.isFinite && abs(r) < 9.0e18 { return .int(Int(r)) }
      return .double(r)
    case "contains":
      switch a0 {
      case .array(let items):
        return .bool(items.contains(where: { JMESInterpreter.equals($0, a1) }))
      case .string(let s):
        guard case .string(let t) = a1 else { return .bool(false) }
        return .bool(containsScalars(s, t))
      default: return .bool(false)
      }
    case "ends_with":
      let s = Array((a0.stringValue ?? "").unicodeScalars)
      let t = Array((a1.stringValue ?? "").unicodeScalars)
      return .bool(s.count >= t.count && Array(s.suffix(t.count)) == t)
    case "starts_with":
      let s = (a0.stringValue ?? "").unicodeScalars
      return .bool(s.starts(with: (a1.stringValue ?? "").unicodeScalars))
    case "join":
      let parts = (a1.arrayValue ?? []).compactMap(\.stringValue)
      return .string(parts.joined(separator: a0.stringValue ?? ""))
    case "keys":
      return .array((a0.objectValue ?? []).map { .string($0.0) })
    case "values":
      return .array((a0.objectValue ?? []).map(\.1))
    case "length":
      switch a0 {
      case .string(let s): return .int(s.unicodeScalars.count)
      case .array(let items): return .int(items.count)
      case .object(let members): return .int(members.count)
      default: return .int(0)
      }
    case "map":
      guard case .expref(let node) = args[0] else { return .null }
      var out: [JSONValue] = []
      for item in a1.arrayValue ?? [] { out.append(try JMESInterpreter.visit(node, item)) }
      return .array(out)
    case "max", "min":
      let items = a0.arrayValue ?? []
      guard var best = items.first else { return .null }
      for item in items.dropFirst() {
        let order = JMESInterpreter.compare(item, best) ?? 0
        if name == "max" ? order > 0 : order < 0 { best = item }
      }
      return best
    case "max_by", "min_by":
      guard case .expref(let node) = args[1] else { return .null }
      let items = a0.arrayValue ?? []
      var best: (JSONValue, JSONValue)?
      for item in items {
        let key = try JMESInterpreter.visit(node, item)
        let keyArg = JMESArgument.value(key)
        guard keyArg.jmesType == "number" || keyArg.jmesType == "string" else {
          throw typeError(name, keyArg.text, keyArg.jmesType, ["number", "string"])
        }
        guard let current = best else {
          best = (item, key)
          continue
        }
        guard let order = JMESInterpreter.compare(key, current.1) else {
          throw typeError(
            name, keyArg.text, keyArg.jmesType, [JMESArgument.value(current.1).jmesType])
        }
        if name == "max_by" ? order > 0 : order < 0 { best = (item, key) }
      }
      return best?.0 ?? .null
    case "merge":
      var merged: [(String, JSONValue)] = []
      for arg in args {
        for (k, v) in arg.value.objectValue ?? [] {
          if let i = merged.firstIndex(where: { $0.0 == k }) {
            merged[i].1 = v
          } else {
            merged.append((k, v))
          }
        }
      }
      return .object(merged)
    case "not_null":
      return args.first(where: { !$0.value.isNull })?.value ?? .null
    case "reverse":
      if case .string(let s) = a0 {
        var out = ""
        out.unicodeScalars.append(contentsOf: s.unicodeScalars.reversed())
        return .string(out)
      }
      return .array((a0.arrayValue ?? []).reversed())
    case "sort":
      return .array(stableSort(a0.arrayValue ?? [], keys: a0.arrayValue ?? []))
    case "sort_by":
      guard case .expref(let node) = args[1] else { return .null }
      let items = a0.arrayValue ?? []
      guard let first = items.first else { return a0 }
      let required = JMESArgument.value(try JMESInterpreter.visit(node, first))
      guard required.jmesType == "number" || required.jmesType == "string" else {
        throw typeError(
          "sort_by", JMESArgument.value(first).text, required.jmesType,
          ["string", "number"])
      }
      var keys: [JSONValue] = []
      for item in items {
        let key = JMESArgument.value(try JMESInterpreter.visit(node, item))
        guard key.jmesType == required.jmesType else {
          throw typeError("sort_by", key.text, key.jmesType, [required.jmesType])
        }
        keys.append(key.value)
      }
      return .array(stableSort(items, keys: keys))
    case "sum":
      let items = a0.arrayValue ?? []
      if items.allSatisfy({ if case .int = $0 { return true } else { return false } }) {
        var total = 0
        var overflow = false
        for item in items {
          let (r, o) = total.addingReportingOverflow(item.intValue ?? 0)
          total = r
          overflow = overflow || o
        }
        if !overflow { return .int(total) }
      }
      return .double(items.reduce(0.0) { $0 + (JMESInterpreter.number($1) ?? 0) })
    case "to_array":
      if case .array = a0 { return a0 }
      return .array([a0])
    case "to_string":
      if case .string = a0 { return a0 }
      return .string(asciiCompact(a0))
    case "to_number":
      switch a0 {
      case .int, .double: return a0
      case .string(let s): return toNumber(s)
      default: return .null
      }
    case "type":
      return .string(args[0].jmesType)
    default:
      throw JMESPathError(.runtime, "Unknown function: \(name)()")
    }
  }

  private static func containsScalars(_ s: String, _ t: String) -> Bool {
    let a = Array(s.unicodeScalars)
    let b = Array(t.unicodeScalars)
    if b.isEmpty { return true }
    if b.count > a.count { return false }
    for i in 0...(a.count - b.count) where a[i] == b[0] {
      if Array(a[i..<(i + b.count)]) == b { return true }
    }
    return false
  }

  /// Sorts `items` by `keys` (numbers or strings), keeping equal keys in order like Python.
  private static func stableSort(_ items: [JSONValue], keys: [JSONValue]) -> [JSONValue] {
    let order = items.indices.sorted { i, j in
      let c = JMESInterpreter.compare(keys[i], keys[j]) ?? 0
      return c != 0 ? c < 0 : i < j
    }
    return order.map { items[$0] }
  }

  /// Python's `int(s)` then `float(s)`; null when neither reads it.
  private static func toNumber(_ text: String) -> JSONValue {
    let s = String(
      String(
        text.unicodeScalars.drop(while: { $0.properties.isWhitespace }).reversed()
          .drop(while: { $0.properties.isWhitespace }).reversed().map(Character.init)))
    if let i = Int(s) { return .int(i) }
    let lower = s.lowercased()
    // Swift also reads hexadecimal floats, which Python's float() does not.
    if lower.contains("x") || lower.contains("p") { return .null }
    if let d = Double(s) { return .double(d) }
    return .null
  }

  /// `json.dumps(v, separators=(',', ':'))`: compact, non-ASCII escaped as \uXXXX.
  private static func asciiCompact(_ v: JSONValue) -> String {
    let text = JSONPrinter.compact(v)
    var out = ""
    for c in text.unicodeScalars {
      if c.value < 0x80 {
        out.unicodeScalars.append(c)
      } else if c.value < 0x10000 {
        out += "\\u" + hex4(c.value)
      } else {
        let v = c.value - 0x10000
        out += "\\u" + hex4(0xD800 + (v >> 10)) + "\\u" + hex4(0xDC00 + (v & 0x3FF))
      }
    }
    return out
  }

  private static func hex4(_ v: UInt32) -> String {
    let h = String(v, radix: 16)
    return String(repeating: "0", count: max(0, 4 - h.count)) + h
  }
}

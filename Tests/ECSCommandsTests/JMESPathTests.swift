import ECSModel
import Testing

@testable import ECSCommands

// Every expected value and message below was produced by python3's jmespath 1.1.0 (the library
// the AWS CLI uses) on the same data and frozen here; results compare as compact JSON, so key
// order and number spelling count too.
@Suite struct JMESPathTests {
  enum Expected: Sendable {
    case success(String)
    case failure(JMESPathError.Kind, String)
  }

  static let data: JSONValue = JSONValue.object([
    (
      "services",
      JSONValue.array([
        JSONValue.object([
          ("serviceName", "web"), ("desiredCount", 2), ("runningCount", 2), ("status", "ACTIVE"),
          ("launchType", "FARGATE"),
          (
            "loadBalancers",
            JSONValue.array([
              JSONValue.object([
                ("targetGroupArn", "arn:tg/web"), ("containerName", "web"), ("containerPort", 80),
              ])
            ])
          ),
          (
            "events",
            JSONValue.array([
              JSONValue.object([
                ("id", "e1"), ("message", "(service web) has reached a steady state."),
              ]),
              JSONValue.object([("id", "e2"), ("message", "(service web) has started 2 tasks.")]),
            ])
          ),
        ]),
        JSONValue.object([
          ("serviceName", "api"), ("desiredCount", 3), ("runningCount", 0), ("status", "ACTIVE"),
          ("launchType", "EC2"), ("loadBalancers", JSONValue.array([])),
          ("events", JSONValue.array([])),
        ]),
        JSONValue.object([
          ("serviceName", "old"), ("desiredCount", 0), ("runningCount", 0), ("status", "INACTIVE"),
        ]),
      ])
    ),
    (
      "taskDefinition",
      JSONValue.object([
        ("taskDefinitionArn", "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3"),
        ("family", "web"), ("revision", 3),
        (
          "containerDefinitions",
          JSONValue.array([
            JSONValue.object([
              ("name", "web"), ("image", "nginx"),
              (
                "portMappings",
                JSONValue.array([JSONValue.object([("containerPort", 80), ("hostPort", 0)])])
              ),
              (
                "environment",
                JSONValue.array([
                  JSONValue.object([("name", "A"), ("value", "1")]),
                  JSONValue.object([("name", "B"), ("value", "2")]),
                ])
              ),
            ]), JSONValue.object([("name", "log"), ("image", "fluent-bit"), ("essential", false)]),
          ])
        ),
      ])
    ),
    (
      "Vpcs",
      JSONValue.array([
        JSONValue.object([
          ("VpcId", "vpc-1"), ("IsDefault", true), ("CidrBlock", "172.31.0.0/16"),
          ("Tags", JSONValue.array([JSONValue.object([("Key", "Name"), ("Value", "default")])])),
        ]),
        JSONValue.object([
          ("VpcId", "vpc-2"), ("IsDefault", false), ("CidrBlock", "10.0.0.0/16"),
          ("Tags", JSONValue.array([JSONValue.object([("Key", "Name"), ("Value", "app")])])),
        ]),
      ])
    ), ("numbers", JSONValue.array([5, 1, .double(4.5), -2, 3])),
    ("strings", JSONValue.array(["b", "a", "é", "B"])),
    (
      "nested",
      JSONValue.array([JSONValue.array([1, 2]), JSONValue.array([3, JSONValue.array([4])]), 5])
    ), ("empty", JSONValue.array([])),
    ("obj", JSONValue.object([("a", 1), ("b", "x"), ("c", nil)])), ("zero", 0), ("f", .double(0.5)),
    ("t", true), ("s", "hello"), ("foo.bar", "quoted"), ("with space", 7),
  ])
  static let cases: [(String, Expected)] = [
    ("services[0].serviceName", .success("\"web\"")),
    ("services[-1].status", .success("\"INACTIVE\"")),
    ("services[5]", .success("null")),
    ("services[*].serviceName", .success("[\"web\",\"api\",\"old\"]")),
    ("services[].serviceName", .success("[\"web\",\"api\",\"old\"]")),
    ("services[?serviceName=='web'].runningCount", .success("[2]")),
    ("services[?serviceName=='web'].runningCount | [0]", .success("2")),
    (
      "services[?serviceName=='web'] | [0].loadBalancers[0].targetGroupArn",
      .success("\"arn:tg/web\"")
    ),
    ("services[?runningCount < desiredCount].serviceName", .success("[\"api\"]")),
    ("services[?runningCount > `0`].serviceName", .success("[\"web\"]")),
    (
      "services[?desiredCount >= `2` && status == 'ACTIVE'].serviceName",
      .success("[\"web\",\"api\"]")
    ),
    (
      "services[?status == 'INACTIVE' || runningCount == `2`].serviceName",
      .success("[\"web\",\"old\"]")
    ),
    ("services[?!loadBalancers].serviceName", .success("[\"api\",\"old\"]")),
    ("services[?loadBalancers].serviceName", .success("[\"web\"]")),
    ("services[?launchType].launchType", .success("[\"FARGATE\",\"EC2\"]")),
    ("services[?desiredCount].serviceName", .success("[\"web\",\"api\",\"old\"]")),
    ("services[].loadBalancers[].targetGroupArn", .success("[\"arn:tg/web\"]")),
    (
      "services[].loadBalancers[]",
      .success(
        "[{\"targetGroupArn\":\"arn:tg/web\",\"containerName\":\"web\",\"containerPort\":80}]")
    ),
    ("services[].events[0].message", .success("[\"(service web) has reached a steady state.\"]")),
    (
      "services[0].events[*].message",
      .success(
        "[\"(service web) has reached a steady state.\",\"(service web) has started 2 tasks.\"]")
    ),
    ("services[*].[serviceName, runningCount]", .success("[[\"web\",2],[\"api\",0],[\"old\",0]]")),
    (
      "services[*].{Name: serviceName, Running: runningCount, Desired: desiredCount}",
      .success(
        "[{\"Name\":\"web\",\"Running\":2,\"Desired\":2},{\"Name\":\"api\",\"Running\":0,\"Desired\":3},{\"Name\":\"old\",\"Running\":0,\"Desired\":0}]"
      )
    ),
    (
      "services[0].{\"Name\": serviceName, lb: loadBalancers[0].containerPort}",
      .success("{\"Name\":\"web\",\"lb\":80}")
    ),
    (
      "{names: services[].serviceName, count: length(services)}",
      .success("{\"names\":[\"web\",\"api\",\"old\"],\"count\":3}")
    ),
    ("[services[0].serviceName, taskDefinition.family]", .success("[\"web\",\"web\"]")),
    (
      "taskDefinition.taskDefinitionArn",
      .success("\"arn:aws:ecs:us-east-1:123456789012:task-definition/web:3\"")
    ),
    ("taskDefinition.containerDefinitions[?name=='web'].portMappings[].hostPort", .success("[0]")),
    (
      "taskDefinition.containerDefinitions[0].environment[?name=='B'].value | [0]",
      .success("\"2\"")
    ),
    ("taskDefinition.containerDefinitions[?essential == `false`].name", .success("[\"log\"]")),
    ("taskDefinition.containerDefinitions[?essential != `false`].name", .success("[\"web\"]")),
    (
      "taskDefinition.*",
      .success(
        "[\"arn:aws:ecs:us-east-1:123456789012:task-definition/web:3\",\"web\",3,[{\"name\":\"web\",\"image\":\"nginx\",\"portMappings\":[{\"containerPort\":80,\"hostPort\":0}],\"environment\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}]},{\"name\":\"log\",\"image\":\"fluent-bit\",\"essential\":false}]]"
      )
    ),
    (
      "taskDefinition.containerDefinitions[*].*",
      .success(
        "[[\"web\",\"nginx\",[{\"containerPort\":80,\"hostPort\":0}],[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}]],[\"log\",\"fluent-bit\",false]]"
      )
    ),
    ("Vpcs[?IsDefault].VpcId", .success("[\"vpc-1\"]")),
    ("Vpcs[?IsDefault==`true`].VpcId | [0]", .success("\"vpc-1\"")),
    ("Vpcs[?!IsDefault].CidrBlock", .success("[\"10.0.0.0/16\"]")),
    ("Vpcs[].Tags[?Key=='Name'].Value[]", .success("[\"default\",\"app\"]")),
    ("Vpcs[*].Tags[?Key=='Name'].Value | []", .success("[\"default\",\"app\"]")),
    ("Vpcs[0].Tags[?Key=='Name'] | [0].Value", .success("\"default\"")),
    ("numbers[0:2]", .success("[5,1]")),
    ("numbers[1:]", .success("[1,4.5,-2,3]")),
    ("numbers[:-1]", .success("[5,1,4.5,-2]")),
    ("numbers[::-1]", .success("[3,-2,4.5,1,5]")),
    ("numbers[::2]", .success("[5,4.5,3]")),
    ("numbers[-2:]", .success("[-2,3]")),
    ("numbers[10:]", .success("[]")),
    ("numbers[3:1:-1]", .success("[-2,4.5]")),
    ("nested[]", .success("[1,2,3,[4],5]")),
    ("nested[][]", .success("[1,2,3,4,5]")),
    ("nested[*]", .success("[[1,2],[3,[4]],5]")),
    ("empty[0]", .success("null")),
    ("empty[*]", .success("[]")),
    ("obj.*", .success("[1,\"x\"]")),
    ("obj.c", .success("null")),
    ("\"foo.bar\"", .success("\"quoted\"")),
    ("\"with space\"", .success("7")),
    ("zero || `5`", .success("0")),
    ("f && s", .success("\"hello\"")),
    ("!zero", .success("false")),
    ("!t", .success("false")),
    ("!empty", .success("true")),
    ("!s", .success("false")),
    ("t && !zero", .success("false")),
    ("`{\"a\": [1, 2]}`.a[1]", .success("2")),
    ("'raw'", .success("\"raw\"")),
    ("'it\\'s'", .success("\"it's\"")),
    ("`\"json string\"`", .success("\"json string\"")),
    ("`[1, 2.5, true, null]`", .success("[1,2.5,true,null]")),
    ("`foo`", .success("\"foo\"")),
    (
      "@",
      .success(
        "{\"services\":[{\"serviceName\":\"web\",\"desiredCount\":2,\"runningCount\":2,\"status\":\"ACTIVE\",\"launchType\":\"FARGATE\",\"loadBalancers\":[{\"targetGroupArn\":\"arn:tg/web\",\"containerName\":\"web\",\"containerPort\":80}],\"events\":[{\"id\":\"e1\",\"message\":\"(service web) has reached a steady state.\"},{\"id\":\"e2\",\"message\":\"(service web) has started 2 tasks.\"}]},{\"serviceName\":\"api\",\"desiredCount\":3,\"runningCount\":0,\"status\":\"ACTIVE\",\"launchType\":\"EC2\",\"loadBalancers\":[],\"events\":[]},{\"serviceName\":\"old\",\"desiredCount\":0,\"runningCount\":0,\"status\":\"INACTIVE\"}],\"taskDefinition\":{\"taskDefinitionArn\":\"arn:aws:ecs:us-east-1:123456789012:task-definition/web:3\",\"family\":\"web\",\"revision\":3,\"containerDefinitions\":[{\"name\":\"web\",\"image\":\"nginx\",\"portMappings\":[{\"containerPort\":80,\"hostPort\":0}],\"environment\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}]},{\"name\":\"log\",\"image\":\"fluent-bit\",\"essential\":false}]},\"Vpcs\":[{\"VpcId\":\"vpc-1\",\"IsDefault\":true,\"CidrBlock\":\"172.31.0.0/16\",\"Tags\":[{\"Key\":\"Name\",\"Value\":\"default\"}]},{\"VpcId\":\"vpc-2\",\"IsDefault\":false,\"CidrBlock\":\"10.0.0.0/16\",\"Tags\":[{\"Key\":\"Name\",\"Value\":\"app\"}]}],\"numbers\":[5,1,4.5,-2,3],\"strings\":[\"b\",\"a\",\"é\",\"B\"],\"nested\":[[1,2],[3,[4]],5],\"empty\":[],\"obj\":{\"a\":1,\"b\":\"x\",\"c\":null},\"zero\":0,\"f\":0.5,\"t\":true,\"s\":\"hello\",\"foo.bar\":\"quoted\",\"with space\":7}"
      )
    ),
    ("@.s", .success("\"hello\"")),
    ("s | @", .success("\"hello\"")),
    ("length(services)", .success("3")),
    ("length(s)", .success("5")),
    ("length(obj)", .success("3")),
    ("length('é日本')", .success("3")),
    ("contains(services[].serviceName, 'api')", .success("true")),
    ("contains(s, 'ell')", .success("true")),
    // jmespath.py raises a bare TypeError ('in <string>' requires string as left operand, not int); we do not crash.
    ("contains(s, `1`)", .success("false")),
    ("contains(numbers, `4.5`)", .success("true")),
    ("starts_with(taskDefinition.taskDefinitionArn, 'arn:aws:ecs')", .success("true")),
    ("ends_with(s, 'lo')", .success("true")),
    ("sort(numbers)", .success("[-2,1,3,4.5,5]")),
    ("sort(strings)", .success("[\"B\",\"a\",\"b\",\"é\"]")),
    ("sort(empty)", .success("[]")),
    ("sort_by(services, &desiredCount)[].serviceName", .success("[\"old\",\"web\",\"api\"]")),
    ("sort_by(services, &serviceName)[].serviceName", .success("[\"api\",\"old\",\"web\"]")),
    ("reverse(sort_by(services, &desiredCount))[0].serviceName", .success("\"api\"")),
    ("join(', ', services[].serviceName)", .success("\"web, api, old\"")),
    ("join('', strings)", .success("\"baéB\"")),
    ("keys(obj)", .success("[\"a\",\"b\",\"c\"]")),
    ("values(obj)", .success("[1,\"x\",null]")),
    ("max(numbers)", .success("5")),
    ("min(numbers)", .success("-2")),
    ("max(strings)", .success("\"é\"")),
    ("min(empty)", .success("null")),
    ("max_by(services, &desiredCount).serviceName", .success("\"api\"")),
    ("min_by(services, &runningCount).serviceName", .success("\"api\"")),
    ("to_string(numbers)", .success("\"[5,1,4.5,-2,3]\"")),
    ("to_string(s)", .success("\"hello\"")),
    ("to_string(obj)", .success("\"{\\\"a\\\":1,\\\"b\\\":\\\"x\\\",\\\"c\\\":null}\"")),
    ("to_string(strings)", .success("\"[\\\"b\\\",\\\"a\\\",\\\"\\\\u00e9\\\",\\\"B\\\"]\"")),
    ("to_number('42')", .success("42")),
    ("to_number(' 4.5 ')", .success("4.5")),
    ("to_number('abc')", .success("null")),
    ("to_number(`true`)", .success("null")),
    ("to_number(f)", .success("0.5")),
    ("type(s)", .success("\"string\"")),
    ("type(numbers)", .success("\"array\"")),
    ("type(obj)", .success("\"object\"")),
    ("type(t)", .success("\"boolean\"")),
    ("type(zero)", .success("\"number\"")),
    ("type(obj.c)", .success("\"null\"")),
    ("not_null(obj.c, obj.missing, obj.b)", .success("\"x\"")),
    ("not_null(obj.c)", .success("null")),
    ("abs(`-3`)", .success("3")),
    ("abs(`-2.5`)", .success("2.5")),
    ("ceil(`1.2`)", .success("2")),
    ("floor(`-1.2`)", .success("-2")),
    ("sum(numbers)", .success("11.5")),
    ("sum(`[1, 2]`)", .success("3")),
    ("avg(numbers)", .success("2.3")),
    ("avg(empty)", .success("null")),
    ("map(&serviceName, services)", .success("[\"web\",\"api\",\"old\"]")),
    ("merge(obj, `{\"a\": 2, \"d\": 4}`)", .success("{\"a\":2,\"b\":\"x\",\"c\":null,\"d\":4}")),
    ("reverse(s)", .success("\"olleh\"")),
    ("to_array(s)", .success("[\"hello\"]")),
    ("to_array(numbers)", .success("[5,1,4.5,-2,3]")),
    ("services[?contains(serviceName, 'e')].serviceName", .success("[\"web\"]")),
    (
      "services[?starts_with(serviceName, 'a') || ends_with(serviceName, 'd')].serviceName",
      .success("[\"api\",\"old\"]")
    ),
    ("length(services[?status=='ACTIVE'])", .success("2")),
    ("services[0].desiredCount == `2`", .success("true")),
    ("services[0].desiredCount == `2.0`", .success("true")),
    ("zero == `false`", .success("false")),
    ("t == `1`", .success("false")),
    // jmespath.py raises a bare TypeError ('<' not supported between instances of 'str' and 'int'); we do not crash.
    ("s < `5`", .success("null")),
    ("s < 'z'", .success("true")),
    ("numbers[0] > numbers[1]", .success("true")),
    ("services | length(@)", .success("3")),
    ("services[].serviceName | sort(@) | [0]", .success("\"api\"")),
    ("(services[0]).serviceName", .success("\"web\"")),
    ("services[?(runningCount == `0`)].serviceName", .success("[\"api\",\"old\"]")),
    ("services[0].missing.deep", .success("null")),
    ("missing[0]", .success("null")),
    ("missing[*].x", .success("null")),
    (
      "missing | length(@)",
      .failure(
        .runtime,
        "In function length(), invalid type for value: None, expected one of: ['string', 'array', 'object'], received: \"null\""
      )
    ),
    (
      "length(missing)",
      .failure(
        .runtime,
        "In function length(), invalid type for value: None, expected one of: ['string', 'array', 'object'], received: \"null\""
      )
    ),
    (
      "length(zero)",
      .failure(
        .runtime,
        "In function length(), invalid type for value: 0, expected one of: ['string', 'array', 'object'], received: \"number\""
      )
    ),
    ("unknown_fn(s)", .failure(.runtime, "Unknown function: unknown_fn()")),
    (
      "sort(`[1, \"a\"]`)",
      .failure(
        .runtime,
        "In function sort(), invalid type for value: a, expected one of: ['array-string', 'array-number'], received: \"str\""
      )
    ),
    (
      "sort(`[true]`)",
      .failure(
        .runtime,
        "In function sort(), invalid type for value: True, expected one of: ['array-string', 'array-number'], received: \"bool\""
      )
    ),
    (
      "join(', ', numbers)",
      .failure(
        .runtime,
        "In function join(), invalid type for value: 5, expected one of: ['array-string'], received: \"int\""
      )
    ),
    (
      "sum(strings)",
      .failure(
        .runtime,
        "In function sum(), invalid type for value: b, expected one of: ['array-number'], received: \"str\""
      )
    ),
    ("max_by(services, &serviceName).serviceName", .success("\"web\"")),
    (
      "sort_by(services, &loadBalancers)",
      .failure(
        .runtime,
        "In function sort_by(), invalid type for value: {'serviceName': 'web', 'desiredCount': 2, 'runningCount': 2, 'status': 'ACTIVE', 'launchType': 'FARGATE', 'loadBalancers': [{'targetGroupArn': 'arn:tg/web', 'containerName': 'web', 'containerPort': 80}], 'events': [{'id': 'e1', 'message': '(service web) has reached a steady state.'}, {'id': 'e2', 'message': '(service web) has started 2 tasks.'}]}, expected one of: ['string', 'number'], received: \"array\""
      )
    ),
    ("length(s, s)", .failure(.runtime, "Expected 1 argument for function length(), received 2")),
    (
      "not_null()",
      .failure(.runtime, "Expected at least 1 argument for function not_null(), received 0")
    ),
    (
      "merge(s)",
      .failure(
        .runtime,
        "In function merge(), invalid type for value: hello, expected one of: ['object'], received: \"string\""
      )
    ),
    ("numbers[::0]", .failure(.runtime, "slice step cannot be zero")),
    (
      "foo[",
      .failure(.syntax, "Invalid jmespath expression: Incomplete expression:\n\"foo[\"\n     ^")
    ),
    ("foo$", .failure(.syntax, "Bad jmespath expression: Unknown token $:\nfoo$\n   ^")),
    (
      "a.]",
      .failure(
        .syntax,
        "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: rbracket: Parse error at column 2, token \"]\" (RBRACKET), for expression:\n\"a.]\"\n   ^"
      )
    ),
    (
      "a b",
      .failure(
        .syntax,
        "Unexpected token: b: Parse error at column 2, token \"b\" (UNQUOTED_IDENTIFIER), for expression:\n\"a b\"\n   ^"
      )
    ),
    (
      "\"a\"(b)",
      .failure(
        .syntax,
        "Quoted identifier not allowed for function names.: Parse error at column 0, token \"(\" (LPAREN), for expression:\n\"\"a\"(b)\"\n ^"
      )
    ),
    (
      "[1,2",
      .failure(
        .syntax,
        "Expecting: rbracket, got: comma: Parse error at column 2, token \",\" (COMMA), for expression:\n\"[1,2\"\n   ^"
      )
    ),
    (
      "{a b}",
      .failure(
        .syntax,
        "Expecting: colon, got: unquoted_identifier: Parse error at column 3, token \"b\" (UNQUOTED_IDENTIFIER), for expression:\n\"{a b}\"\n    ^"
      )
    ),
    (
      "a[1:2:3:4]",
      .failure(
        .syntax,
        "syntax error: Parse error at column 7, token \":\" (COLON), for expression:\n\"a[1:2:3:4]\"\n        ^"
      )
    ),
    (
      "length(a",
      .failure(
        .syntax, "Invalid jmespath expression: Incomplete expression:\n\"length(a\"\n         ^")
    ),
    (
      "*.a[",
      .failure(.syntax, "Invalid jmespath expression: Incomplete expression:\n\"*.a[\"\n     ^")
    ),
    (
      "a.(b)",
      .failure(
        .syntax,
        "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: lparen: Parse error at column 2, token \"(\" (LPAREN), for expression:\n\"a.(b)\"\n   ^"
      )
    ),
    ("\"\\q\"", .failure(.syntax, "Bad jmespath expression: Invalid \\escape:\n\"\\q\"\n^")),
    (
      "@ab",
      .failure(
        .syntax,
        "Unexpected token: ab: Parse error at column 1, token \"ab\" (UNQUOTED_IDENTIFIER), for expression:\n\"@ab\"\n  ^"
      )
    ),
    ("'abc", .failure(.syntax, "Bad jmespath expression: Unclosed ' delimiter:\n'abc\n^")),
    (
      "a[?b==`c",
      .failure(.syntax, "Bad jmespath expression: Unclosed ` delimiter:\na[?b==`c\n      ^")
    ),
    (
      "a.{1:b}",
      .failure(
        .syntax,
        "Expecting: ['quoted_identifier', 'unquoted_identifier'], got: number: Parse error at column 3, token \"1\" (NUMBER), for expression:\n\"a.{1:b}\"\n    ^"
      )
    ),
    (
      "sort(@)(x)",
      .failure(
        .syntax,
        "Invalid function name ')': Parse error at column 6, token \")\" (RPAREN), for expression:\n\"sort(@)(x)\"\n       ^"
      )
    ),
    (
      "a[&b]",
      .failure(
        .syntax,
        "Expecting: star, got: expref: Parse error at column 2, token \"&\" (EXPREF), for expression:\n\"a[&b]\"\n   ^"
      )
    ),
    ("-", .failure(.syntax, "Bad jmespath expression: Unknown token '-':\n-\n^")),
    ("a = b", .failure(.syntax, "Bad jmespath expression: Unknown token '=':\na = b\n  ^")),
    ("!", .failure(.syntax, "Invalid jmespath expression: Incomplete expression:\n\"!\"\n  ^")),
    ("a[-]", .failure(.syntax, "Bad jmespath expression: Unknown token '-':\na[-]\n  ^")),
    ("[*", .failure(.syntax, "Invalid jmespath expression: Incomplete expression:\n\"[*\"\n   ^")),
    (
      "a || b &&",
      .failure(
        .syntax, "Invalid jmespath expression: Incomplete expression:\n\"a || b &&\"\n          ^")
    ),
    (
      "[0]*",
      .failure(
        .syntax,
        "invalid token: Parse error at column 3, token \"*\" (STAR), for expression:\n\"[0]*\"\n    ^"
      )
    ),
    (
      "a.",
      .failure(
        .syntax,
        "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: eof: Parse error at column 2, token \"\" (EOF), for expression:\n\"a.\"\n   ^"
      )
    ),
    (
      "a[1:",
      .failure(
        .syntax,
        "syntax error: Parse error at column 4, token \"\" (EOF), for expression:\n\"a[1:\"\n     ^"
      )
    ),
    ("`{bad json}`", .success("\"{bad json}\"")),
    ("services[?serviceName==\"web\"]", .success("[]")),
  ]

  @Test(arguments: cases)
  func matchesJMESPathPy(_ expression: String, _ expected: Expected) {
    let result = Result { () throws(JMESPathError) -> JSONValue in
      try JMESPath.search(expression, in: Self.data)
    }
    switch (result, expected) {
    case (.success(let v), .success(let json)):
      #expect(JSONPrinter.compact(v) == json)
    case (.failure(let e), .failure(let kind, let message)):
      #expect(e.kind == kind)
      #expect(e.message == message)
    case (.success(let v), .failure(_, let message)):
      Issue.record("expected error \(message), got \(JSONPrinter.compact(v))")
    case (.failure(let e), .success(let json)):
      Issue.record("expected \(json), got error \(e.message)")
    }
  }

  // Extreme slice bounds (values from jmespath.py): no overflow trap, Python's clamping.
  @Test(arguments: [
    ("n[::9223372036854775807]", "[1]"), ("n[::-9223372036854775807]", "[5]"),
    ("n[::-9223372036854775808]", "[5]"), ("n[-9223372036854775808:]", "[1,2,3,4,5]"),
    ("n[:9223372036854775807:2]", "[1,3,5]"), ("n[99999999999999999999:]", "[]"),
  ])
  func extremeSlices(_ expression: String, _ expected: String) throws {
    let v = try JMESPath.search(expression, in: ["n": [1, 2, 3, 4, 5]])
    #expect(JSONPrinter.compact(v) == expected)
  }

  @Test func emptyExpression() {
    #expect(throws: JMESPathError(.syntax, "Invalid JMESPath expression: cannot be empty.")) {
      try JMESPath.search("", in: .null)
    }
  }

  @Test func compileOnceSearchMany() throws {
    let e = try JMESPath.compile("clusters[?status=='ACTIVE'].clusterName")
    let a: JSONValue = ["clusters": [["clusterName": "a", "status": "ACTIVE"]]]
    let b: JSONValue = ["clusters": [["clusterName": "b", "status": "INACTIVE"]]]
    #expect(try e.search(a) == ["a"])
    #expect(try e.search(b) == [])
  }

  @Test(arguments: [
    String(repeating: "(", count: 100_000), String(repeating: "[", count: 100_000),
    String(repeating: "!", count: 100_000), String(repeating: "a.", count: 50_000) + "a",
    "`" + String(repeating: "[", count: 100_000) + "`", String(repeating: "a|", count: 50_000),
  ])
  func hugeExpressionsDoNotCrash(_ expression: String) {
    // Either a result or an error; never a stack overflow.
    _ = try? JMESPath.search(expression, in: ["a": ["a": 1]])
  }
}

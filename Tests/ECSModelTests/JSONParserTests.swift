import Testing

@testable import ECSModel

@Suite struct JSONParserTests {
  @Test(
    arguments: [
      (
        #"{"family":"web","cpu":256,"ratio":0.5}"#,
        JSONValue.object([("family", "web"), ("cpu", 256), ("ratio", 0.5)])
      ),
      (
        #" [1, -2, 3.0, 1e3, true, false, null] "#,
        [1, -2, .double(3), .double(1000), true, false, nil]
      ),
      (#""a\"b\\c\/\n\t\u00e9\ud83d\ude00""#, .string("a\"b\\c/\n\té😀")),
      ("9223372036854775807", .int(Int.max)),
      ("9223372036854775808", .double(9_223_372_036_854_775_808)),
      (#"{"a":1,"a":2}"#, .object([("a", 2)])),
      ("[]", .array([])),
      ("{}", .object([])),
    ] as [(String, JSONValue)])
  func parsesValues(text: String, expected: JSONValue) throws {
    #expect(try JSONParser.parse(text) == expected)
  }

  @Test func keepsMemberOrder() throws {
    let v = try JSONParser.parse(#"{"z":1,"a":2,"m":3}"#)
    #expect(v.objectValue?.map(\.0) == ["z", "a", "m"])
  }

  @Test func integersAndDoublesAreDistinct() throws {
    #expect(try JSONParser.parse("256") == .int(256))
    guard case .double = try JSONParser.parse("256.0") else {
      Issue.record("256.0 must stay a double")
      return
    }
  }

  // Expected texts come from Python 3.11's json.loads.
  @Test(arguments: [
    (
      #"[{"name":"web",}]"#,
      "Expecting property name enclosed in double quotes: line 1 column 16 (char 15)"
    ),
    ("", "Expecting value: line 1 column 1 (char 0)"),
    ("{", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
    ("[1 2]", "Expecting ',' delimiter: line 1 column 4 (char 3)"),
    (#"{"a" 1}"#, "Expecting ':' delimiter: line 1 column 6 (char 5)"),
    ("[1,]", "Expecting value: line 1 column 4 (char 3)"),
    (#""abc"#, "Unterminated string starting at: line 1 column 1 (char 0)"),
    ("\"a\nb\"", "Invalid control character at: line 1 column 3 (char 2)"),
    (#""\x""#, "Invalid \\escape: line 1 column 2 (char 1)"),
    ("01", "Extra data: line 1 column 2 (char 1)"),
    ("{} x", "Extra data: line 1 column 4 (char 3)"),
    (#""\u12""#, "Invalid \\uXXXX escape: line 1 column 3 (char 2)"),
    ("[1,\n 2,\n x]", "Expecting value: line 3 column 2 (char 9)"),
    ("[", "Expecting value: line 1 column 2 (char 1)"),
    (#"{"a":1,"b"}"#, "Expecting ':' delimiter: line 1 column 11 (char 10)"),
    ("tru", "Expecting value: line 1 column 1 (char 0)"),
    ("-", "Expecting value: line 1 column 1 (char 0)"),
    ("1.5e", "Extra data: line 1 column 4 (char 3)"),
    ("[\"é\", x]", "Expecting value: line 1 column 7 (char 6)"),
    ("   ", "Expecting value: line 1 column 4 (char 3)"),
  ])
  func reportsPythonErrors(text: String, message: String) {
    #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    do {
      _ = try JSONParser.parse(text)
    } catch {
      #expect(error.description == message)
    }
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let deep = String(repeating: "[", count: 100_000)
    #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
    let ok = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    #expect((try? JSONParser.parse(ok)) != nil)
  }
}

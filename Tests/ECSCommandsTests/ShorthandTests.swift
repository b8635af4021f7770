import ECSModel
import Testing

@testable import ECSCommands

@Suite struct ShorthandTests {
  // Expected values from awscli 1.45.11's ShorthandParser (python3, json.dumps of the result).
  @Test(arguments: [
    ("a=b", #"{"a":"b"}"#),
    ("a=b,c", #"{"a":["b","c"]}"#),
    ("a=b,c=d", #"{"a":"b","c":"d"}"#),
    ("a=[b,c],d={e=f,g=[h]}", #"{"a":["b","c"],"d":{"e":"f","g":["h"]}}"#),
    ("a=", #"{"a":""}"#),
    (#"a="x,y",b='q\'r'"#, #"{"a":"x,y","b":"q'r"}"#),
    (#"a=b\,c"#, #"{"a":"b,c"}"#),
    ("a = b , c = d", #"{"a":"b","c":"d"}"#),
    ("foo=bar baz", #"{"foo":"bar baz"}"#),
    ("a=b,c,d=e", #"{"a":["b","c"],"d":"e"}"#),
    ("a=[]", #"{"a":[]}"#),
    ("a={}", #"{"a":{}}"#),
    ("Field=path-pattern,Values=/img/*", #"{"Field":"path-pattern","Values":"/img/*"}"#),
    ("k=v=w", #"{"k":"v=w"}"#),
    ("a=1,b=[{c=2},{d=3}]", #"{"a":"1","b":[{"c":"2"},{"d":"3"}]}"#),
    ("a=b\nc=d", #"{"a":"b\nc=d"}"#),
    ("x=é,y=ü", #"{"x":"é","y":"ü"}"#),
    ("a=b,,c=d", #"{"a":"b","c":"d"}"#),
    ("a=[b, c],d=e", #"{"a":["b","c"],"d":"e"}"#),
    ("=b", #"{"":"b"}"#),
    ("name=web,image=nginx memory=256", #"{"name":"web","image":"nginx memory=256"}"#),
  ])
  func parses(input: String, expected: String) throws {
    #expect(try ShorthandParser.parse(input).json == JSONParser.parse(expected))
  }

  @Test(arguments: [
    ("a=b,", "Expected: '<second>', received: '<none>' for input:\na=b,\n    ^"),
    ("a", "Expected: '=', received: 'EOF' for input:\na\n ^"),
    ("a=[b,c", "Expected: ',', received: 'EOF' for input:\na=[b,c\n      ^"),
    ("a={b=c", "Expected: ',', received: 'EOF' for input:\na={b=c\n      ^"),
    (
      "a=\"unterminated",
      "Expected: '<double quoted>', received: '<none>' for input:\na=\"unterminated\n  ^"
    ),
    ("a,b", "Expected: '=', received: ',' for input:\na,b\n ^"),
    ("a=b,c=[d\ne]=f", "Expected: ',', received: '=' for input:\na=b,c=[d\ne]=f\n  ^"),
    (
      "a=b,a=c",
      "Second instance of key \"a\" encountered for input:\na=b,a=c\n    ^\n"
        + "This is often because there is a preceding \",\" instead of a space."
    ),
  ])
  func reportsErrors(input: String, message: String) {
    do {
      let v = try ShorthandParser.parse(input)
      Issue.record("expected an error, got \(v)")
    } catch {
      #expect(error.message == message)
    }
  }

  @Test func atSignLoadsFiles() throws {
    let files = MemoryFiles(["p.txt": "secret"])
    let v = try ShorthandParser.parse("a@=file://p.txt,b=file://p.txt") { value in
      value.hasPrefix("file://") ? try? files.read(String(value.dropFirst(7))) : nil
    }
    #expect(v.json == ["a": "secret", "b": "file://p.txt"])
  }
}

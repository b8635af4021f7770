import Testing

@testable import ECSModel

// Expected strings were produced with python3 `repr(float)` / `json.dumps(..., indent=4,
// ensure_ascii=False)` and frozen here.
@Suite struct JSONPrinterTests {
  @Test(arguments: [
    (1.0, "1.0"), (0.5, "0.5"), (1e-05, "1e-05"), (0.0001, "0.0001"), (1e16, "1e+16"),
    (1234567890123456.0, "1234567890123456.0"),
    (12345678901234567.0, "1.2345678901234568e+16"), (1.5e300, "1.5e+300"), (-0.0, "-0.0"),
    (0.1 + 0.2, "0.30000000000000004"), (100.0, "100.0"), (3.14, "3.14"), (2.5e-7, "2.5e-07"),
    (123456.789, "123456.789"), (1e22, "1e+22"), (5e-324, "5e-324"), (-2.5, "-2.5"),
  ])
  func pythonFloatRepr(_ value: Double, _ expected: String) {
    #expect(JSONPrinter.pythonRepr(value) == expected)
    #expect(JSONPrinter.print(.double(value)) == expected)
  }

  @Test func nonFiniteDoublesAsPythonJSON() {
    #expect(JSONPrinter.print(.double(.infinity)) == "Infinity")
    #expect(JSONPrinter.print(.double(-.infinity)) == "-Infinity")
    #expect(JSONPrinter.print(.double(.nan)) == "NaN")
    #expect(JSONPrinter.pythonRepr(.infinity) == "inf")
  }

  static let nested: JSONValue = [
    "a": [1, ["b": nil, "c": true]],
    "d": .object([]),
    "e": [],
    "s": "q\"\\\n\t\u{01}\u{7f}é日本\u{08}\u{0c}\r",
  ]

  @Test func indentedLikePython() {
    let expected =
      "{\n    \"a\": [\n        1,\n        {\n            \"b\": null,\n            \"c\": true\n"
      + "        }\n    ],\n    \"d\": {},\n    \"e\": [],\n"
      + "    \"s\": \"q\\\"\\\\\\n\\t\\u0001\u{7f}é日本\\b\\f\\r\"\n}"
    #expect(JSONPrinter.print(Self.nested) == expected)
  }

  @Test func compactLikePythonSeparators() {
    let v: JSONValue = ["a": [1, ["b": nil, "c": true]], "d": .object([]), "e": []]
    #expect(JSONPrinter.compact(v) == #"{"a":[1,{"b":null,"c":true}],"d":{},"e":[]}"#)
  }

  @Test func keysKeepTheirOrder() {
    let v: JSONValue = .object([("z", 1), ("a", 2)])
    #expect(JSONPrinter.print(v, indent: 2) == "{\n  \"z\": 1,\n  \"a\": 2\n}")
  }

  @Test(arguments: [
    (JSONValue.array([]), "[]"), (.object([]), "{}"), (.null, "null"), (.bool(false), "false"),
    (.int(-42), "-42"), (.string(""), "\"\""),
  ])
  func scalarsAndEmpties(_ v: JSONValue, _ expected: String) {
    #expect(JSONPrinter.print(v) == expected)
    #expect(JSONPrinter.compact(v) == expected)
  }
}

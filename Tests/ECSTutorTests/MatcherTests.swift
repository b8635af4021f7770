import ECSModel
import Testing

@testable import ECSTutor

@Suite struct MatcherTests {
  static let doc: JSONValue = [
    "family": "web", "revision": 2, "cpu": "256", "networkMode": "bridge",
    "containerDefinitions": [
      ["name": "sidecar", "image": "fluent-bit", "portMappings": []],
      [
        "name": "web", "image": "nginx:1.27", "memory": 256,
        "portMappings": [["containerPort": 80, "hostPort": 0, "protocol": "tcp"]],
      ],
    ],
  ]

  @Test(arguments: [
    ("revision: 2", true),
    ("revision: 3", false),
    ("cpu: 256", true),  // "256" in the document, 256 in YAML
    ("networkMode: { oneOf: [bridge, host] }", true),
    ("networkMode: { oneOf: [awsvpc] }", false),
    ("taskRoleArn: { absent: true }", true),
    ("family: { present: true }", true),
    ("revision: { min: 1, max: 2 }", true),
    ("revision: { min: 3 }", false),
    ("containerDefinitions: [{ name: web, image: { regex: '^nginx' } }]", true),
    ("containerDefinitions: [{ name: web, image: { regex: '^httpd' } }]", false),
    ("containerDefinitions: [{ name: db }]", false),
    ("containerDefinitions: { length: 2 }", true),
    (
      "containerDefinitions: [{ name: web, portMappings: [{ containerPort: 80, hostPort: { oneOf: [0, absent] } }] }]",
      true
    ),
    ("containerDefinitions: [{ name: web, portMappings: [{ containerPort: 8080 }] }]", false),
    ("containerDefinitions: [{ image: fluent-bit }]", true),
    ("family: { not: api }", true),
  ])
  func partialDocuments(yaml: String, matches: Bool) throws {
    let expected = try YAMLNode.parse(yaml, path: "t").json
    #expect(Matcher.compare(expected, Self.doc, path: "").isEmpty == matches)
  }

  @Test func mismatchNamesThePathByKey() throws {
    let expected = try YAMLNode.parse(
      "containerDefinitions: [{ name: web, portMappings: [{ containerPort: 80, hostPort: 80 }] }]",
      path: "t"
    ).json
    let m = Matcher.compare(expected, Self.doc, path: "")
    #expect(
      m == [
        Mismatch(
          path: "containerDefinitions[name=web].portMappings[containerPort=80].hostPort",
          expected: "80", actual: "0")
      ])
  }
}

@Suite struct ExplainTests {
  @Test(arguments: [
    (Selector(kind: "cluster", params: "demo"), Language.en, "cluster demo"),
    (Selector(kind: "cluster", params: "demo"), .ja, "クラスター demo"),
    (
      Selector(kind: "tasks", params: ["cluster": "demo", "family": "web"]), .en,
      "tasks (family web) in cluster demo"
    ),
    (
      Selector(kind: "tasks", params: ["cluster": "demo", "family": "web"]), .ja,
      "クラスター demo のタスク (ファミリー web)"
    ),
    (Selector(kind: "role", params: "ecsTaskExecutionRole"), .ja, "IAM ロール ecsTaskExecutionRole"),
  ])
  func selectionsAreNamedInTheLearnersLanguage(selector: Selector, lang: Language, text: String) {
    #expect(Queries.describe(selector, lang) == text)
  }
}

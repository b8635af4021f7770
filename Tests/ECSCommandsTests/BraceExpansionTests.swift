import Testing

@testable import ECSCommands

/// Brace expansion as bash 5.2 does it. Every expected list below was printed by
/// `bash -c 'unset X; SUBNET=subnet-1; set -- WORDS; printf "%s\0" "$@"'`, not written by hand.
@Suite struct BraceExpansionTests {
  static let bashCases: [(String, [String])] = [
    ("{a,b}", ["a", "b"]),
    ("x{a,b}y", ["xay", "xby"]),
    ("{1..3}", ["1", "2", "3"]),
    ("{3..1}", ["3", "2", "1"]),
    ("{01..03}", ["01", "02", "03"]),
    ("{1..10..3}", ["1", "4", "7", "10"]),
    ("{a..c}", ["a", "b", "c"]),
    ("{}", ["{}"]),
    ("{a}", ["{a}"]),
    ("x{}y", ["x{}y"]),
    ("\"{a,b}\"", ["{a,b}"]),
    ("'{a,b}'", ["{a,b}"]),
    ("\\{a,b}", ["{a,b}"]),
    ("{a\\,b}", ["{a,b}"]),
    ("{a,b", ["{a,b"]),
    ("a,b}", ["a,b}"]),
    ("{a{b,c}}", ["{ab}", "{ac}"]),
    ("{a,{b,c}}", ["a", "b", "c"]),
    ("x{a,}", ["xa", "x"]),
    ("{,.bak}", [".bak"]),
    ("{a}{b,c}", ["{a}b", "{a}c"]),
    ("{a,b}{1,2}", ["a1", "a2", "b1", "b2"]),
    (
      "--container-definitions name=web,portMappings={containerPort=80,hostPort=0}",
      [
        "--container-definitions", "name=web,portMappings=containerPort=80",
        "name=web,portMappings=hostPort=0",
      ]
    ),
    (
      "name=web,portMappings=[{containerPort=80,hostPort=0}]",
      ["name=web,portMappings=[containerPort=80]", "name=web,portMappings=[hostPort=0]"]
    ),
    ("name=web,portMappings=[{containerPort=80}]", ["name=web,portMappings=[{containerPort=80}]"]),
    ("{\"a\":1,\"b\":2}", ["a:1", "b:2"]),
    ("{\"a\":1}", ["{a:1}"]),
    ("{a,\"b,c\"}", ["a", "b,c"]),
    ("${X:-{a,b}}", ["{a,b}"]),
    ("${X}{a,b}", ["a", "b"]),
    ("{$X,b}", ["b"]),
    ("{a..c..2}", ["a", "c"]),
    ("{1..a}", ["{1..a}"]),
    ("{a..}", ["{a..}"]),
    ("{-1..1}", ["-1", "0", "1"]),
    ("{ a,b }", ["{", "a,b", "}"]),
    ("{a, b}", ["{a,", "b}"]),
    ("{,}", []),
    ("a{,}b", ["ab", "ab"]),
    ("{1..3}x{a,b}", ["1xa", "1xb", "2xa", "2xb", "3xa", "3xb"]),
    ("{aa..cc}", ["{aa..cc}"]),
    ("{1..-2..2}", ["1", "-1"]),
    ("{05..1}", ["05", "04", "03", "02", "01"]),
    ("{-05..1..2}", ["-05", "-03", "-01", "001"]),
    ("$(echo {a,b})", ["a", "b"]),
    ("\"$(echo {a,b})\"", ["a b"]),
    ("{x,y}{}", ["x{}", "y{}"]),
    ("{a,b}}", ["a}", "b}"]),
    ("{{a,b}", ["{a", "{b"]),
    ("{a..e..2}", ["a", "c", "e"]),
    ("{E..A}", ["E", "D", "C", "B", "A"]),
    ("{a,b}=c", ["a=c", "b=c"]),
    ("'x'{a,b}", ["xa", "xb"]),
    ("pre{\"q,r\",s}post", ["preq,rpost", "prespost"]),
    ("{1...3}", ["{1...3}"]),
    ("{1..3..}", ["{1..3..}"]),
    ("{a,b}{c..e}", ["ac", "ad", "ae", "bc", "bd", "be"]),
    (
      "\"awsvpcConfiguration={subnets=[$SUBNET],assignPublicIp=ENABLED}\"",
      ["awsvpcConfiguration={subnets=[subnet-1],assignPublicIp=ENABLED}"]
    ),
    (
      "awsvpcConfiguration={subnets=[subnet-1],assignPublicIp=ENABLED}",
      ["awsvpcConfiguration=subnets=[subnet-1]", "awsvpcConfiguration=assignPublicIp=ENABLED"]
    ),
  ]

  @Test(arguments: bashCases)
  func expandsAsBashDoes(_ words: String, _ expected: [String]) {
    var env = ShellEnvironment(["HOME": "/home/me", "SUBNET": "subnet-1"])
    var argv: [String] = []
    _ = Shell.run("args " + words, env: &env) { cmd in
      if cmd.argv.first == "args" { argv = Array(cmd.argv.dropFirst()) }
      return .ok(cmd.argv.dropFirst().joined(separator: " ") + "\n")
    }
    #expect(argv == expected)
  }

  @Test(arguments: [
    ("X={a,b}; echo \"$X\"", "{a,b}\n"),  // an assignment is not brace-expanded
    ("export Y={a,b}; echo \"$Y\"", "b\n"),  // export's arguments are: Y=a Y=b
    ("echo ~{a,b} {~,b}", "~a ~b /home/me b\n"),
  ])
  func assignmentsAndTilde(_ line: String, _ stdout: String) {
    var env = ShellEnvironment(["HOME": "/home/me"])
    let r = Shell.run(line, env: &env) { _ in .ok() }
    #expect(r.stdout == stdout)
  }

  @Test func reportsTheWordsItSplit() {
    var env = ShellEnvironment()
    var seen: [ShellCommand] = []
    _ = Shell.run(
      "aws ecs register-task-definition --family web --container-definitions "
        + "name=web,image=nginx,portMappings=[{containerPort=80,hostPort=0}] '{a,b}'", env: &env
    ) { cmd in
      seen.append(cmd)
      return .ok()
    }
    #expect(
      seen.first?.braceSplits == [
        BraceSplit(
          typed: "name=web,image=nginx,portMappings=[{containerPort=80,hostPort=0}]",
          words: [
            "name=web,image=nginx,portMappings=[containerPort=80]",
            "name=web,image=nginx,portMappings=[hostPort=0]",
          ])
      ])
  }

  @Test func refusesAnExplosion() {
    var env = ShellEnvironment()
    var argv: [String] = []
    let word = String(repeating: "{a,b}", count: 20)
    let r = Shell.run("args " + word, env: &env) { cmd in
      argv = cmd.argv
      return .ok()
    }
    #expect(argv == ["args", word])
    #expect(r.stderr.contains("more than 10000 words"))
  }
}

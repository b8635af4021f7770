import Testing

@testable import ECSCommands

/// A fake `exec`: records every command and answers a few canned ones.
private struct FakeExec {
  var calls: [ShellCommand] = []

  mutating func callAsFunction(_ c: ShellCommand) -> CommandResult {
    calls.append(c)
    switch c.argv.first {
    case "cat": return .ok(c.stdin)
    case "false": return .failure("", status: 1)
    case "fail": return .failure("failed\n", status: Int32(c.argv.dropFirst().first ?? "1") ?? 1)
    case "printarn": return .ok("arn:aws:ecs:us-east-1:123456789012:task-definition/web:3\n\n")
    case "twotasks": return .ok("arn:task/a\tarn:task/b\n")
    case "printenv":
      return .ok(c.argv.dropFirst().map { c.environment[$0] ?? "-" }.joined(separator: ",") + "\n")
    default: return .ok("")
    }
  }
}

struct ShellCase: CustomTestStringConvertible, Sendable {
  var input: String
  var env: [String: String] = ["HOME": "/home/me"]
  var argv: [[String]] = []
  var stdins: [String]? = nil
  var stdout = ""
  var stderr = ""
  var status: Int32 = 0
  var vars: [String: String?] = [:]
  var testDescription: String { input.debugDescription }
}

@Suite struct ShellTests {
  static let cases: [ShellCase] = [
    // Assignments and expansion.
    ShellCase(input: "CLUSTER=demo", vars: ["CLUSTER": "demo"]),
    ShellCase(input: "CLUSTER=demo; echo $CLUSTER ${CLUSTER}x", stdout: "demo demox\n"),
    ShellCase(input: "A=1 B=$A; echo $B", stdout: "1\n", vars: ["A": "1", "B": "1"]),
    ShellCase(input: "echo ${NOPE:-us-east-1} ${HOME:-x}", stdout: "us-east-1 /home/me\n"),
    ShellCase(input: "E=; echo ${E:-d} ${E-d}.", stdout: "d .\n"),
    ShellCase(input: "echo ${X:=set}; echo $X", stdout: "set\nset\n", vars: ["X": "set"]),
    ShellCase(input: "X=abc; echo ${#X} ${X:+alt} ${Y:+alt}.", stdout: "3 alt .\n"),
    ShellCase(input: "echo ~ ~/app.json a~ '~'", stdout: "/home/me /home/me/app.json a~ ~\n"),
    ShellCase(input: "F=~/x.json; echo $F", stdout: "/home/me/x.json\n"),
    ShellCase(input: "echo $1 $0 $@ $#", stdout: "ecs-tutor 0\n"),
    ShellCase(input: "echo cost: $ 5 $", stdout: "cost: $ 5 $\n"),
    // Command substitution: trailing newlines trimmed, status kept, no variable leaks.
    ShellCase(
      input: "TD=$(printarn --query taskDefinition.taskDefinitionArn --output text)",
      argv: [["printarn", "--query", "taskDefinition.taskDefinitionArn", "--output", "text"]],
      vars: ["TD": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3"]),
    ShellCase(input: "X=$(fail 3)", argv: [["fail", "3"]], stderr: "failed\n", status: 3),
    ShellCase(input: "X=$(Y=1; echo in); echo $X $Y.", stdout: "in .\n", vars: ["Y": nil]),
    ShellCase(input: "echo \"[$(echo a; echo b)]\"", stdout: "[a\nb]\n"),
    ShellCase(input: "echo $(echo $(echo nested))", stdout: "nested\n"),
    ShellCase(input: "X=\"$(echo \"a  b\")\"; echo \"$X\" $X", stdout: "a  b a b\n"),
    ShellCase(input: "echo \"$(echo ')' # c\n)\"", stdout: ")\n"),
    ShellCase(
      input: "T=$(twotasks); aws ecs describe-tasks --tasks $T",
      argv: [
        ["twotasks"], ["aws", "ecs", "describe-tasks", "--tasks", "arn:task/a", "arn:task/b"],
      ]),
    ShellCase(
      input: "aws ecs describe-tasks --tasks \"$(twotasks)\"",
      argv: [["twotasks"], ["aws", "ecs", "describe-tasks", "--tasks", "arn:task/a\tarn:task/b"]]),
    ShellCase(input: "export TD=$(twotasks); echo \"$TD\"", stdout: "arn:task/a\tarn:task/b\n"),
    // Word splitting and quoting.
    ShellCase(input: "X='a   b'; echo $X; echo \"$X\"", stdout: "a b\na   b\n"),
    ShellCase(input: "E=; cmd $E \"$E\" ''", argv: [["cmd", "", ""]]),
    ShellCase(input: "cmd a\"b\"'c'\\ d", argv: [["cmd", "abc d"]]),
    ShellCase(input: "cmd \"a\\\"b\\\\c\\$d\\x\"", argv: [["cmd", "a\"b\\c$d\\x"]]),
    ShellCase(input: "cmd 'it''s' '$HOME' \"$HOME\"", argv: [["cmd", "its", "$HOME", "/home/me"]]),
    ShellCase(input: "cmd $'a\\tb\\n' $\"x\"", argv: [["cmd", "a\tb\n", "x"]]),
    // No globbing (no files), but brace expansion as bash does it.
    ShellCase(
      input: "cmd /img/* a?b [x] {a,b} !x", argv: [["cmd", "/img/*", "a?b", "[x]", "a", "b", "!x"]]),
    ShellCase(input: "cmd a#b # a comment", argv: [["cmd", "a#b"]]),
    ShellCase(input: "# only a comment"),
    ShellCase(input: "   "),
    // Continuations and multi-line quotes.
    ShellCase(
      input: "aws ecs create-cluster \\\n  --cluster-name demo",
      argv: [["aws", "ecs", "create-cluster", "--cluster-name", "demo"]]),
    ShellCase(
      input:
        "aws ecs register-task-definition --container-definitions '[\n  {\"name\": \"web\"}\n]'",
      argv: [
        [
          "aws", "ecs", "register-task-definition", "--container-definitions",
          "[\n  {\"name\": \"web\"}\n]",
        ]
      ]),
    ShellCase(input: "cmd \"a\\\nb\"", argv: [["cmd", "ab"]]),
    ShellCase(input: "cmd a\\", argv: [["cmd", "a\\"]]),
    // Lists and pipelines.
    ShellCase(
      input: "aws ecr get-login-password | docker login --username AWS --password-stdin 123.dkr",
      argv: [
        ["aws", "ecr", "get-login-password"],
        ["docker", "login", "--username", "AWS", "--password-stdin", "123.dkr"],
      ],
      stdins: ["", ""]),
    ShellCase(
      input: "echo secret | cat", argv: [["cat"]], stdins: ["secret\n"], stdout: "secret\n"),
    ShellCase(input: "echo a | fail 4", stderr: "failed\n", status: 4),
    ShellCase(input: "X=1 | cat; echo $X.", stdout: ".\n", vars: ["X": nil]),
    ShellCase(input: "false && echo no; echo $?", stdout: "1\n"),
    ShellCase(input: "false || echo yes", stdout: "yes\n"),
    ShellCase(input: "echo a && false || echo b", stdout: "a\nb\n"),
    ShellCase(input: "echo a;echo b\necho c;", stdout: "a\nb\nc\n"),
    ShellCase(input: "echo a &&\n echo b |\n cat", stdout: "a\nb\n"),
    ShellCase(input: "fail 7; echo $?", stdout: "7\n", stderr: "failed\n"),
    // Builtins.
    ShellCase(input: "echo -n a b", stdout: "a b"),
    ShellCase(input: "echo -e 'a\\tb' -n", stdout: "a\tb -n\n"),
    ShellCase(input: "echo -x", stdout: "-x\n"),
    ShellCase(input: "echo", stdout: "\n"),
    ShellCase(input: "export AWS_REGION=us-east-1; printenv AWS_REGION", stdout: "us-east-1\n"),
    ShellCase(input: "R=eu; printenv R; export R; printenv R", stdout: "-\neu\n"),
    ShellCase(input: "export -n HOME; printenv HOME", stdout: "-\n"),
    ShellCase(input: "X=1 Y=$X printenv Y X", stdout: "1,1\n", vars: ["X": nil, "Y": nil]),
    ShellCase(
      input: "AWS_REGION=us-west-2 printenv AWS_REGION", stdout: "us-west-2\n",
      vars: ["AWS_REGION": nil]),
    ShellCase(
      input: "export 1a=b", stderr: "ecs-tutor: export: `1a=b': not a valid identifier\n",
      status: 1),
    ShellCase(
      input: "export -z",
      stderr: "ecs-tutor: export: -z: invalid option\n"
        + "export: usage: export [-n] [-p] [name[=value] ...]\n", status: 2),
    ShellCase(
      input: "X=1; unset X HOME; echo $X$HOME.", stdout: ".\n", vars: ["X": nil, "HOME": nil]),
    ShellCase(
      input: "unset a-b", stderr: "ecs-tutor: unset: `a-b': not a valid identifier\n",
      status: 1),
    ShellCase(
      input: "export Q='say \"hi\" $x'; export", env: [:],
      stdout: "declare -x Q=\"say \\\"hi\\\" \\$x\"\n"),
    ShellCase(input: "export NEW; export", env: [:], stdout: "declare -x NEW\n"),
    // Errors.
    ShellCase(
      input: "echo 'abc", stderr: "ecs-tutor: unexpected EOF while looking for matching `''\n",
      status: 2),
    ShellCase(
      input: "echo \"abc", stderr: "ecs-tutor: unexpected EOF while looking for matching `\"'\n",
      status: 2),
    ShellCase(
      input: "echo $(abc", stderr: "ecs-tutor: unexpected EOF while looking for matching `)'\n",
      status: 2),
    ShellCase(
      input: "echo ${abc", stderr: "ecs-tutor: unexpected EOF while looking for matching `}'\n",
      status: 2),
    ShellCase(
      input: "echo a;; echo b", stderr: "ecs-tutor: syntax error near unexpected token `;;'\n",
      status: 2),
    ShellCase(
      input: "; echo", stderr: "ecs-tutor: syntax error near unexpected token `;'\n",
      status: 2),
    ShellCase(
      input: "| cat", stderr: "ecs-tutor: syntax error near unexpected token `|'\n",
      status: 2),
    ShellCase(
      input: "echo a &&", stderr: "ecs-tutor: syntax error: unexpected end of file\n",
      status: 2),
    ShellCase(
      input: "echo )", stderr: "ecs-tutor: syntax error near unexpected token `)'\n",
      status: 2),
    ShellCase(input: "echo ${x/a/b}", stderr: "ecs-tutor: ${x/a/b}: bad substitution\n", status: 1),
  ]

  @Test(arguments: cases)
  func runs(_ c: ShellCase) {
    var env = ShellEnvironment(c.env)
    var fake = FakeExec()
    let r = Shell.run(c.input, env: &env, command: { fake($0) })
    #expect(r.stdout == c.stdout)
    #expect(r.stderr == c.stderr)
    #expect(r.status == c.status)
    #expect(env.lastStatus == c.status)
    let external = fake.calls.map(\.argv).filter {
      !["cat", "printenv", "fail"].contains($0.first ?? "")
    }
    if !c.argv.isEmpty || c.stdout.isEmpty {
      #expect(external == c.argv.filter { !["cat", "printenv", "fail"].contains($0.first ?? "") })
    }
    if let stdins = c.stdins { #expect(fake.calls.map(\.stdin) == stdins) }
    for (name, value) in c.vars { #expect(env[name] == value, "\(name)") }
  }

  // Operators a real shell has and ecs-tutor refuses, each named in a status-2 message that says
  // no real shell runs; nothing before them runs either.
  @Test(arguments: [
    ("echo hi > out.txt", "`>'"), ("aws ecs list-clusters 2>&1", "`2>&1'"),
    ("cat < in.json", "`<'"), ("echo a >> log", "`>>'"), ("cmd &> all", "`&>'"),
    ("cat <<EOF", "here-documents"), ("sleep 5 &", "`&' (background jobs)"),
    ("echo `date`", "backquote"), ("aws --query a[?b==`1`]", "single quotes"),
    ("aws --query a[?b>c]", "`>'"), ("(cd x)", "`('"), ("echo $((1+2))", "arithmetic"),
    ("diff <(a) b", "process substitution"), ("for i in 1 2; do echo $i; done", "`for'"),
    ("if true; then echo; fi", "`if'"), ("echo a |& cat", "`|&'"),
  ])
  func refusesRealShellFeatures(_ input: String, _ named: String) {
    var env = ShellEnvironment()
    var fake = FakeExec()
    let r = Shell.run("echo first; " + input, env: &env, command: { fake($0) })
    #expect(r.status == 2)
    #expect(r.stdout == "")
    #expect(r.stderr.hasPrefix("ecs-tutor: "))
    #expect(r.stderr.contains(named))
    #expect(r.stderr.contains("ecs-tutor runs no real shell") || r.stderr.contains("syntax error"))
    #expect(fake.calls.isEmpty)
  }

  @Test func argvAndStdinFormOfRun() {
    var env = ShellEnvironment()
    var seen: [([String], String)] = []
    let r = Shell.run("echo pw | docker login --password-stdin", env: &env) { argv, stdin in
      seen.append((argv, stdin))
      return .ok("Login Succeeded\n")
    }
    #expect(r == .ok("Login Succeeded\n"))
    #expect(seen.count == 1)
    #expect(seen.first?.0 == ["docker", "login", "--password-stdin"])
    #expect(seen.first?.1 == "pw\n")
  }

  @Test func environmentPassesExportedVariablesOnly() {
    var env = ShellEnvironment(["AWS_REGION": "us-east-1"])
    var fake = FakeExec()
    _ = Shell.run(
      "LOCAL=1; export SHARED=2; aws ecs list-clusters", env: &env, command: { fake($0) })
    #expect(fake.calls.first?.environment == ["AWS_REGION": "us-east-1", "SHARED": "2"])
  }

  @Test func statusPersistsAcrossLines() {
    var env = ShellEnvironment()
    var fake = FakeExec()
    _ = Shell.run("fail 5", env: &env, command: { fake($0) })
    let r = Shell.run("echo $?", env: &env, command: { fake($0) })
    #expect(r.stdout == "5\n")
    #expect(env.lastStatus == 0)
  }

  @Test(arguments: [
    ("aws ecs create-cluster \\", true), ("echo 'abc", true), ("echo \"abc", true),
    ("X=$(aws ecs", true), ("echo ${X", true), ("echo a &&", true), ("echo a ||", true),
    ("echo a |", true), ("echo '[\n{\"a\": 1}", true), ("echo $(echo 'a", true),
    ("echo a\\\\", false), ("echo 'a\\'", false), ("echo done", false), ("", false),
    ("echo a > b", false), ("echo a;;", false), ("echo \\\n b", false), ("# it's", false),
  ])
  func incomplete(_ text: String, _ expected: Bool) {
    #expect(Shell.isIncomplete(text) == expected)
  }

  @Test func joinedContinuationLinesRun() {
    // What the REPL does: read on while incomplete, join with "\n".
    let lines = [
      "aws ecs register-task-definition \\", "  --family web \\",
      "  --container-definitions '[", "  {\"name\": \"web\"}", "]'",
    ]
    var text = lines[0]
    var k = 1
    while Shell.isIncomplete(text), k < lines.count {
      text += "\n" + lines[k]
      k += 1
    }
    #expect(k == lines.count)
    #expect(!Shell.isIncomplete(text))
    var env = ShellEnvironment()
    var fake = FakeExec()
    _ = Shell.run(text, env: &env, command: { fake($0) })
    #expect(
      fake.calls.map(\.argv) == [
        [
          "aws", "ecs", "register-task-definition", "--family", "web",
          "--container-definitions", "[\n  {\"name\": \"web\"}\n]",
        ]
      ])
  }
}

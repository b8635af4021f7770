import Testing

@testable import ECSCommands

/// Words written back by ShellQuote read back as the same single word through the shell, and
/// never put `!` in double quotes (history expansion in an interactive bash).
@Suite struct ShellQuoteTests {
  @Test(arguments: [
    ("demo", "demo"),
    (
      "resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id",
      "resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id"
    ),
    ("Name=ecsInstanceRole", "Name=ecsInstanceRole"),
    (
      "#!/bin/bash\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config",
      "$'#!/bin/bash\\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config'"
    ),
    (
      "name=web,portMappings=[{containerPort=80,hostPort=0}]",
      "'name=web,portMappings=[{containerPort=80,hostPort=0}]'"
    ),
    ("my cluster", "'my cluster'"),
    ("it's", "\"it's\""),
    ("it's $HOME!", "'it'\\''s $HOME!'"),
    ("", "''"),
    ("~", "'~'"),
    ("a*b", "'a*b'"),
    ("クラスター", "クラスター"),
  ])
  func quotes(_ word: String, _ expected: String) {
    let quoted = ShellQuote.word(word)
    #expect(quoted == expected)
    var env = ShellEnvironment(["HOME": "/home/me"])
    var argv: [String] = []
    _ = Shell.run("args " + quoted, env: &env) { cmd in
      argv = cmd.argv
      return .ok()
    }
    #expect(argv == ["args", word])
  }

  @Test func neverPutsBangInDoubleQuotes() {
    for word in ["#!/bin/bash", "a'!b", "!", "x'y!"] {
      let quoted = ShellQuote.word(word)
      #expect(!(quoted.hasPrefix("\"") && quoted.contains("!")), "\(quoted)")
    }
  }

  @Test func shortensLongNames() {
    let long = String(repeating: "x", count: 300)
    #expect(ShellQuote.shortened(long) == String(repeating: "x", count: 200) + "…")
    #expect(ShellQuote.shortened("short") == "short")
  }
}

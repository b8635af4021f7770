import ECSCommands
import ECSModel
import TestSupport
import Testing

@testable import ECSTutor

/// The common mistakes of issue 11, as learners typed them: the AWS CLI's text stays exactly as
/// it was, and one tutor line (en and ja) follows it.
struct PointerCase: CustomTestStringConvertible, Sendable {
  var setup: [String] = []
  var line: String
  /// Text the AWS CLI (or the shell) prints, unchanged (in English mode).
  var aws: String?
  var en: String
  var ja: String
  var testDescription: String { line }
}

@Suite struct MistakePointerTests {
  static let cases: [PointerCase] = [
    // No --cluster: the default cluster was used.
    PointerCase(
      setup: ["aws ecs create-cluster --cluster-name demo"],
      line: "aws ecs list-services",
      aws: "An error occurred (ClusterNotFoundException) when calling the ListServices operation: "
        + "Cluster not found.",
      en: "→ No --cluster was given, so the command used the cluster named default. Add "
        + "--cluster demo.",
      ja: "→ --cluster を指定しなかったため、default という名前のクラスターが使われました。"
        + "--cluster demo を付けてください。"),
    PointerCase(
      setup: [
        "aws ecs create-cluster --cluster-name default", "aws ecs create-cluster --cluster-name a",
        "aws ecs create-cluster --cluster-name b",
      ],
      line: "aws ecs list-tasks",
      aws: "\"taskArns\": []",
      en: "→ No --cluster was given, so the command used the cluster named default. Add "
        + "--cluster NAME (your clusters: a, b).",
      ja: "→ --cluster を指定しなかったため、default という名前のクラスターが使われました。"
        + "--cluster NAME を付けてください (作成済みのクラスター: a、b)。"),
    // update-service --service-name.
    PointerCase(
      setup: ["aws ecs create-cluster --cluster-name demo"],
      line: "aws ecs update-service --cluster demo --service-name web --desired-count 2",
      aws: "aws: error: the following arguments are required: --service",
      en: "→ update-service takes --service, not --service-name (--service-name belongs to "
        + "create-service).",
      ja: "→ update-service のオプションは --service-name ではなく --service です "
        + "(--service-name は create-service のオプションです)。"),
    // update-task-definition does not exist; AWS's own did-you-mean stays.
    PointerCase(
      line: "aws ecs update-task-definition --family web",
      aws:
        "Invalid choice: 'update-task-definition', maybe you meant:\n\n  * delete-task-definitions",
      en: "→ There is no update-task-definition: a task definition revision never changes. "
        + "Register a new revision with aws ecs register-task-definition (same --family), then "
        + "move a service to it with aws ecs update-service --task-definition FAMILY.",
      ja: "→ update-task-definition というコマンドはありません。タスク定義のリビジョンは変更できないためです。"
        + "同じ --family で aws ecs register-task-definition を実行して新しいリビジョンを登録し、"
        + "サービスは aws ecs update-service --task-definition FAMILY で新しいリビジョンに切り替えます。"),
    // An empty variable expanded into an option.
    PointerCase(
      setup: ["aws ecs create-cluster --cluster-name demo"],
      line: "aws ecs run-task --cluster demo --task-definition web --launch-type FARGATE "
        + "--network-configuration \"awsvpcConfiguration={subnets=[$SUBNET]}\"",
      aws: nil,
      en: "→ SUBNET is empty: $SUBNET expanded to nothing, so the command got no value there. "
        + "Set it first (SUBNET=...) and check it with echo \"$SUBNET\".",
      ja: "→ SUBNET が空です。$SUBNET が空の文字列に展開されたため、コマンドのその位置に値が入っていません。"
        + "先に SUBNET=... のように設定し、echo \"$SUBNET\" で確認してください。"),
    PointerCase(
      line: "aws ecs list-tasks --cluster $CLUSTER",
      aws: "aws: error: argument --cluster: expected one argument",
      en: "→ CLUSTER is empty: $CLUSTER expanded to nothing, so the command got no value there. "
        + "Set it first (CLUSTER=...) and check it with echo \"$CLUSTER\".",
      ja: "→ CLUSTER が空です。$CLUSTER が空の文字列に展開されたため、コマンドのその位置に値が入っていません。"
        + "先に CLUSTER=... のように設定し、echo \"$CLUSTER\" で確認してください。"),
    // A key one edit away, in shorthand and in JSON.
    PointerCase(
      line: "aws ecs register-task-definition --family web --container-definitions "
        + "'name=web,image=nginx,memory=256,portMapping=[{containerPort=80}]'",
      aws: "Unknown parameter in containerDefinitions[0]: \"portMapping\", must be one of: name, ",
      en: "→ portMapping is not a key here; did you mean portMappings?",
      ja: "→ portMapping は使えないキーです。もしかして: portMappings。"),
    PointerCase(
      line: "aws ecs register-task-definition --family web --container-definitions "
        + "'[{\"name\":\"web\",\"image\":\"nginx\",\"memroy\":256}]'",
      aws: "Unknown parameter in containerDefinitions[0]: \"memroy\", must be one of: name, ",
      en: "→ memroy is not a key here; did you mean memory?",
      ja: "→ memroy は使えないキーです。もしかして: memory。"),
    // | jq and | grep: use --query.
    PointerCase(
      setup: ["aws ecs create-cluster --cluster-name demo"],
      line: "aws ecs list-clusters | jq -r '.clusterArns[0]'",
      aws: "ecs-tutor: command not found: jq.",
      en: "→ Instead of jq, the AWS CLI's own --query (JMESPath) picks fields: aws ecs "
        + "list-clusters --query 'clusterArns[0]' --output text",
      ja: "→ jq の代わりに AWS CLI の --query (JMESPath) で項目を取り出せます: aws ecs "
        + "list-clusters --query 'clusterArns[0]' --output text"),
    PointerCase(
      setup: ["aws ecs create-cluster --cluster-name demo"],
      line: "aws ecs list-clusters | grep demo",
      aws: "ecs-tutor: command not found: grep.",
      en: "→ Instead of grep, the AWS CLI's own --query (JMESPath) picks fields: aws ecs "
        + "list-clusters --query \"clusterArns[?contains(@, 'demo')]\" --output text",
      ja: "→ grep の代わりに AWS CLI の --query (JMESPath) で項目を取り出せます: aws ecs "
        + "list-clusters --query \"clusterArns[?contains(@, 'demo')]\" --output text"),
    // Brace expansion split a shorthand value, as bash would.
    PointerCase(
      line: "aws ecs register-task-definition --family web --container-definitions "
        + "name=web,image=nginx,memory=256,portMappings=[{containerPort=80,hostPort=0}]",
      aws: "Invalid type for parameter containerDefinitions[0].portMappings[0], value: "
        + "containerPort=80, type: <class 'str'>, valid types: <class 'dict'>",
      en: "→ The shell's brace expansion split "
        + "name=web,image=nginx,memory=256,portMappings=[{containerPort=80,hostPort=0}] into 2 words "
        + "(name=web,image=nginx,memory=256,portMappings=[containerPort=80], "
        + "name=web,image=nginx,memory=256,portMappings=[hostPort=0]), as bash does in a real "
        + "terminal. Put it in quotes to keep it one word: "
        + "'name=web,image=nginx,memory=256,portMappings=[{containerPort=80,hostPort=0}]'",
      ja: "→ シェルのブレース展開で "
        + "name=web,image=nginx,memory=256,portMappings=[{containerPort=80,hostPort=0}] が 2 つの単語 "
        + "(name=web,image=nginx,memory=256,portMappings=[containerPort=80]、"
        + "name=web,image=nginx,memory=256,portMappings=[hostPort=0]) に分かれました。"
        + "実際のターミナルの bash でも同じです。1 つの値として渡すには、値全体をシングルクォート (') で囲みます: "
        + "'name=web,image=nginx,memory=256,portMappings=[{containerPort=80,hostPort=0}]'"),
    PointerCase(
      line: "aws ecs register-task-definition --family web --container-definitions "
        + "name=web,portMappings={containerPort=80,hostPort=0}",
      aws: nil,
      en: "→ The shell's brace expansion split name=web,portMappings={containerPort=80,hostPort=0} "
        + "into 2 words (name=web,portMappings=containerPort=80, "
        + "name=web,portMappings=hostPort=0), as bash does in a real terminal. Put it in quotes "
        + "to keep it one word: 'name=web,portMappings={containerPort=80,hostPort=0}'",
      ja: "→ シェルのブレース展開で name=web,portMappings={containerPort=80,hostPort=0} が 2 つの単語 "
        + "(name=web,portMappings=containerPort=80、name=web,portMappings=hostPort=0) に分かれました。"
        + "実際のターミナルの bash でも同じです。1 つの値として渡すには、値全体をシングルクォート (') で囲みます: "
        + "'name=web,portMappings={containerPort=80,hostPort=0}'"),
    PointerCase(
      setup: ["aws ecs create-cluster --cluster-name demo", "SUBNET=subnet-1"],
      line: "aws ecs run-task --cluster demo --task-definition web --network-configuration "
        + "awsvpcConfiguration={subnets=[$SUBNET],assignPublicIp=ENABLED}",
      aws: "Unknown options: awsvpcConfiguration=assignPublicIp=ENABLED",
      en: "→ The shell's brace expansion split "
        + "awsvpcConfiguration={subnets=[$SUBNET],assignPublicIp=ENABLED} into 2 words "
        + "(awsvpcConfiguration=subnets=[subnet-1], awsvpcConfiguration=assignPublicIp=ENABLED), "
        + "as bash does in a real terminal. Put it in quotes to keep it one word: "
        + "\"awsvpcConfiguration={subnets=[$SUBNET],assignPublicIp=ENABLED}\"",
      ja: "→ シェルのブレース展開で awsvpcConfiguration={subnets=[$SUBNET],assignPublicIp=ENABLED} が "
        + "2 つの単語 (awsvpcConfiguration=subnets=[subnet-1]、"
        + "awsvpcConfiguration=assignPublicIp=ENABLED) に分かれました。実際のターミナルの bash でも同じです。"
        + "1 つの値として渡すには、値全体をダブルクォート (\") で囲みます: "
        + "\"awsvpcConfiguration={subnets=[$SUBNET],assignPublicIp=ENABLED}\""),
  ]

  @Test(arguments: cases, [Language.en, .ja])
  func pointsOutTheMistake(_ c: PointerCase, _ language: Language) {
    var s = Session(config: SessionConfig(language: language, narrate: false))
    for line in c.setup { _ = s.handle(line) }
    let out = s.handle(c.line)
    if let aws = c.aws, language == .en { #expect(out.text.contains(aws)) }
    // Inline code keeps its backticks until the executable styles it.
    let hints = out.filter { $0.kind == .tutor(.pointer) }.map { $0.text.filter { $0 != "`" } }
    #expect(hints.contains(language == .ja ? c.ja : c.en), "\(hints)")
  }

  /// The same commands, right, get no pointer.
  @Test(arguments: [
    "aws ecs list-services --cluster demo",
    "aws ecs list-clusters --query 'clusterArns[0]' --output text",
    "aws ecs register-task-definition --family web --container-definitions "
      + "'name=web,image=nginx,memory=256,portMappings=[{containerPort=80,hostPort=0}]'",
    "aws ecs describe-clusters",
    "aws ecs list-services --cluster nope",
  ])
  func saysNothingWhenRight(_ line: String) {
    var s = Session(config: SessionConfig(narrate: false))
    _ = s.handle("aws ecs create-cluster --cluster-name demo")
    let out = s.handle(line)
    #expect(!out.contains { $0.kind == .tutor(.pointer) }, "\(out.text)")
  }

  /// What the AWS CLI prints is the same with and without the tutor's pointer.
  @Test func awsTextIsUnchanged() {
    var s = Session(config: SessionConfig(narrate: false))
    _ = s.handle("aws ecs create-cluster --cluster-name demo")
    let out = s.handle("aws ecs list-services")
    #expect(
      out.stderr
        == "\nAn error occurred (ClusterNotFoundException) when calling the ListServices "
        + "operation: Cluster not found.\n")
  }
}

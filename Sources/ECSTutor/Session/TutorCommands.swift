import ECSCommands
import ECSModel
import Foundation

/// The one table of the tutor's own commands (everything that is not `aws ...`, `docker`,
/// `capacity` or a shell built-in). A new command is a new row here.
enum TutorCommands {
  typealias Row = TutorCommand
  typealias Help = TutorCommand.HelpLine

  static let all: [TutorCommand] = [
    Row(
      ["lessons"], .lessons, replays: false,
      help: [
        Help(
          "lessons", en: "list the lessons and your progress in each",
          ja: "レッスンの一覧と、それぞれの進捗")
      ],
      run: { s, _, _ in s.listLessons() }),
    Row(
      ["lesson"], .lessons, replays: false,
      help: [
        Help("lesson ID", en: "start (or resume) a lesson", ja: "レッスンを開始 (または再開)"),
        Help(
          "lesson ID steps", en: "the lesson's steps and which of them you have done",
          ja: "レッスンのステップと、それぞれの状態"),
      ],
      complete: { s, args in
        switch args.count {
        case 0: return s.lessons.ids
        case 1: return ["steps"]
        default: return []
        }
      },
      run: { s, args, _ in s.lessonCommand(args) }),
    Row(
      ["goal"], .lessons, replays: false,
      help: [Help("goal", en: "show the current step again", ja: "現在のステップをもう一度表示")],
      run: { s, _, _ in s.goal() }),
    Row(
      ["check"], .lessons, replays: false,
      help: [
        Help(
          "check", en: "list what is still missing, with expected and actual values",
          ja: "足りないものを、期待値と実際の値で一覧表示")
      ],
      run: { s, _, _ in s.check() }),
    Row(
      ["hint"], .lessons, replays: false,
      help: [Help("hint", en: "the next hint for this step", ja: "このステップの次のヒント")],
      run: { s, _, _ in s.hint() }),
    Row(
      ["solution"], .lessons, replays: true,
      help: [
        Help(
          "solution", en: "show the reference commands (asks first; counts as solved with help)",
          ja: "解答例のコマンドを表示 (確認あり。「解答例を見て完了」として記録)"),
        Help("solution run", en: "run the reference commands", ja: "解答例のコマンドを実行"),
      ],
      complete: TutorCommand.fixed([["run", "show"]]),
      run: { s, args, armed in s.solutionCommand(args, armed: armed) }),
    Row(
      ["sandbox"], .lessons, replays: false,
      help: [
        Help(
          "sandbox", en: "leave the lesson and play freely (no checks)",
          ja: "レッスンを離れて自由に操作 (目標の確認なし)")
      ],
      run: { s, _, _ in s.sandboxCommand() }),
    Row(
      ["undo"], .world, replays: true,
      help: [
        Help(
          "undo", en: "undo the last command that changed the world",
          ja: "環境を変更した直前のコマンドを取り消す")
      ],
      run: { s, _, _ in s.undo() }),
    Row(
      ["reset"], .world, replays: true,
      help: [
        Help(
          "reset", en: "restart the current step; `reset lesson` restarts the lesson",
          ja: "現在のステップをやり直す。`reset lesson` でレッスン全体をやり直す")
      ],
      complete: TutorCommand.fixed([["lesson"]]),
      run: { s, args, _ in s.resetCommand(args) }),
    Row(
      ["show"], .world, replays: false,
      help: [
        Help(
          "show cluster [NAME]",
          en: "instances, their CPU and memory, tasks and ports; `show planes` the two planes",
          ja: "インスタンスの CPU とメモリ、タスク、ポートを表示。`show planes` は 2 つのプレーンの概要"),
        Help(
          "show roles [TASK|TASKDEF]",
          en:
            "who uses which role for what (agent, application, instance), and whether IAM allows it now",
          ja: "どのロールを誰が何に使うか (エージェント、アプリケーション、インスタンス) と、いま IAM が許可するか"),
        Help(
          "show ports [INSTANCE]",
          en: "each instance's host ports (static, dynamic, host), reserved ports, free ENIs",
          ja: "インスタンスごとのホストポート (静的、動的、host)、予約済みポート、空いている ENI"),
        Help(
          "show task TASK",
          en:
            "a task's network: mode, ENI and IPs or host bindings, security groups and their rules",
          ja: "タスクのネットワーク: モード、ENI と IP またはホストのバインド、セキュリティグループとそのルール"),
        Help(
          "show vpc [VPC]",
          en:
            "subnets (public or private by their routes), route tables, gateways, endpoints, and which tasks and instances sit where",
          ja: "サブネット (ルートで決まるパブリックかプライベートか)、ルートテーブル、ゲートウェイ、エンドポイント、タスクとインスタンスの配置"),
        Help(
          "show alb [NAME]",
          en: "a load balancer's listeners, rules, target groups and target health",
          ja: "ロードバランサーのリスナー、ルール、ターゲットグループ、ターゲットのヘルス"),
      ],
      complete: { s, args in
        switch args.count {
        case 0: return ["cluster", "planes", "roles", "ports", "task", "vpc", "alb"]
        case 1 where args[0] == "vpc": return s.world.names(of: .vpcs)
        case 1 where args[0] == "alb": return s.world.elb.loadBalancers.map(\.name)
        case 1 where args[0] == "ports": return s.world.names(of: .instances)
        case 1 where args[0] == "task": return s.world.names(of: .tasks)
        case 1 where args[0] == "roles":
          return s.world.workloads.tasks.map(\.id)
            + s.world.taskDefinitions.filter { $0.status == .active }.map(\.familyRevision)
        case 1 where args[0] == "cluster":
          return s.world.clusters.filter { $0.status == .active }.map(\.name)
        default: return []
        }
      },
      run: { s, args, _ in s.showCommand(args) }),
    Row(
      ["wait"], .time, replays: true,
      help: [
        Help(
          "wait [30s|2m]", en: "let time pass (no argument: until nothing changes)",
          ja: "時間を進める (引数なし: 状態の変化が収まるまで)")
      ],
      run: { s, args, _ in s.waitCommand(args) }),
    Row(
      ["time"], .time, replays: true,
      help: [
        Help(
          "time auto|manual", en: "settle after each command, or move only with `wait`",
          ja: "時間の進め方: コマンドごとに自動 (auto) か、`wait` のときだけ (manual) か")
      ],
      complete: TutorCommand.fixed([["auto", "manual"]]),
      run: { s, args, _ in s.timeCommand(args) }),
    Row(
      ["events"], .time, replays: false,
      help: [
        Help(
          "events [N]", en: "what happened in the world lately",
          ja: "シミュレーション環境で最近起きたイベント")
      ],
      run: { s, args, _ in s.eventsCommand(args) }),
    Row(
      ["simulate"], .time, replays: true,
      help: [
        Help(
          "simulate instance-failure ID | crash TASK | load SERVICE PERCENT",
          en: "make a failure or a load happen", ja: "障害や負荷を発生させる")
      ],
      complete: { s, args in
        switch args.count {
        case 0: return ["instance-failure", "crash", "load"]
        case 1:
          switch args[0] {
          case "instance-failure":
            return s.world.capacity.instances.map(\.instanceId)
          case "crash":
            return s.world.workloads.tasks.filter { $0.lastStatus == .running }.map(\.id)
          case "load": return s.world.workloads.services.map(\.name)
          default: return []
          }
        default: return []
        }
      },
      run: { s, args, _ in s.simulate(args) }),
    Row(
      ["reach"], .world, replays: false,
      help: [
        Help(
          "reach SOURCE TARGET:PORT",
          en:
            "can SOURCE (internet, a CIDR or IP, a task, TASK/container, an instance) reach that port? The path, or the first hop that refuses",
          ja:
            "SOURCE (internet、CIDR か IP、タスク、TASK/コンテナ、インスタンス) からそのポートに届くか。経路か、拒否する最初の地点を表示"),
        Help(
          "reach TASK internet|SERVICE",
          en:
            "can the task (or instance) reach the internet or an AWS service (ecr.api, ecr.dkr, s3, logs, secretsmanager, ssm, ecs ...) over HTTPS? By which path, or the missing hop and the fixes",
          ja:
            "タスク (またはインスタンス) から HTTPS でインターネットや AWS のサービス (ecr.api、ecr.dkr、s3、logs、secretsmanager、ssm、ecs など) に届くか。経路か、足りない地点と直し方を表示"
        ),
      ],
      complete: { s, args in
        switch args.count {
        case 0: return ["internet"] + s.world.names(of: .tasks) + s.world.names(of: .instances)
        case 1:
          return s.world.names(of: .tasks) + s.world.names(of: .instances) + ["internet"]
            + Egress.interfaceServices + Egress.gatewayServices
        default: return []
        }
      },
      run: { s, args, _ in s.reachCommand(args) }),
    Row(
      ["lang"], .settings, replays: false,
      help: [Help("lang ja|en", en: "switch the tutor's language", ja: "表示言語を切り替え")],
      complete: TutorCommand.fixed([["en", "ja"]]),
      run: { s, args, _ in s.langCommand(args) }),
    Row(
      ["progress"], .settings, replays: false,
      help: [
        Help(
          "progress export FILE / progress import FILE", en: "save or load your progress",
          ja: "進捗のエクスポート / インポート")
      ],
      complete: TutorCommand.fixed([["export", "import"]]),
      run: { s, args, _ in s.progressCommand(args) }),
    Row(
      ["help", "?"], .settings, replays: false,
      help: [Help("help", en: "this text", ja: "このヘルプ")],
      run: { s, args, _ in args.isEmpty ? [s.helpText()] : nil }),
    Row(
      ["exit", "quit", "logout"], .settings, replays: false,
      help: [Help("exit", en: "leave (Ctrl-D too)", ja: "終了 (Ctrl-D でも可)")],
      run: { s, _, _ in
        s.wantsExit = true
        return []
      }),
    Row(
      ["quiz"], .lessons, replays: false,
      help: [
        Help(
          "quiz [roles|ports|all]",
          en: "a quiz on IAM roles or ports (`--count N`, `--seed S`); `quit` ends it",
          ja: "IAM ロールやポートのクイズ (`--count N`、`--seed S`)。`quit` で終了")
      ],
      complete: { s, args in args.isEmpty ? s.lessons.quizTopics + ["all"] : ["--count", "--seed"]
      },
      run: { s, args, _ in s.quizCommand(args) }),
    Row(
      ["curl"], .world, replays: false,
      help: [
        Help(
          "curl [-v] [-H 'Host: ...'] [--from TASK] URL",
          en: "send an HTTP request to a load balancer's DNS name: the answer your users would get",
          ja: "ロードバランサーの DNS 名に HTTP リクエストを送り、ユーザーが受け取る応答を表示")
      ],
      complete: { s, _ in s.world.elb.loadBalancers.map { "http://" + $0.dnsName + "/" } },
      run: { s, args, _ in s.curlCommand(args) }),
    Row(
      ["trace"], .world, replays: false,
      help: [
        Help(
          "trace [-H 'Host: ...'] [--from TASK] URL",
          en:
            "follow a request hop by hop: listener, rule, target group, target, container, or where it stops and why",
          ja: "リクエストを 1 地点ずつたどる: リスナー、ルール、ターゲットグループ、ターゲット、コンテナ、または止まる地点とその理由")
      ],
      complete: { s, _ in s.world.elb.loadBalancers.map { "http://" + $0.dnsName + "/" } },
      run: { s, args, _ in s.traceCommand(args) }),
  ]

  /// Every name and alias, for dispatch, did-you-mean and the shell's expansion of tutor lines.
  static let names: [String] = all.flatMap(\.names)

  /// The names Tab offers for the first word (`?` is left to be typed).
  static let completableNames: [String] = names.filter { $0.first?.isLetter ?? false }

  /// The row for `name` (a name or an alias).
  static func row(_ name: String) -> TutorCommand? {
    all.first { $0.names.contains(name) }
  }

  /// `help`: the rows by section, usage padded to one column, then the other programs.
  static func help(_ language: Language) -> String {
    var lines: [String] = []
    for section in TutorCommand.Section.allCases {
      lines.append(Msg.helpSection(section).text(language))
      for row in all where row.section == section {
        for h in row.help {
          let pad = max(2, 21 - h.usage.count)
          lines.append("  " + h.usage + String(repeating: " ", count: pad) + h.text.text(language))
        }
      }
    }
    lines.append(Msg.helpPrograms.text(language))
    return lines.joined(separator: "\n")
  }
}

import ECSCommands
import ECSModel

// The tutor's words in Japanese: one case per key of `Msg` (Messages.swift). Terms follow
// shared/glossary-ja.md and the rules of shared/ja-review.md (half-width spaces between Japanese
// and Latin text, half-width ( ) : ?, nothing after 。, whole sentences per language).
extension Msg {
  var ja: String {
    switch self {
    case .welcomeFirst:
      return
        "**ecs-tutor** へようこそ。実際の AWS CLI コマンドを入力しながら、Amazon ECS の環境を構築していきます。コマンドはシミュレーション上の AWS アカウントで実行されるので、料金はかからず、何も壊れません。\nまずは最初のレッスンから: `lesson first-cluster` と入力してください (`lessons` でレッスン一覧、`help` でコマンド一覧)。"
    case .welcomeBack(let lesson, let step, let of):
      return
        "おかえりなさい。前回はレッスン「\(lesson)」のステップ \(step)/\(of) まで進みました。`goal` でステップをもう一度表示でき、`lessons` で別のレッスンを選べます。"
    case .welcomeBackSandbox:
      return "おかえりなさい。サンドボックスにいます。`lessons` でレッスンを選べます。"
    case .unknownCommand(let word, let suggestion):
      let s = suggestion.map { "もしかして: `\($0)`。" } ?? ""
      return "ecs-tutor: `\(word)` は不明なコマンドです。\(s)使えるコマンドは `help` で確認できます。"
    case .lessonsHeader: return "**レッスン**"
    case .noLessons: return "レッスンが読み込まれていません。"
    case .lessonBroken(let id):
      return "レッスン `\(id)` は一覧にありますが、ファイルを読み込めませんでした:"
    case .noSuchLesson(let id): return "レッスン `\(id)` はありません。`lessons` で一覧を表示できます。"
    case .lessonStarted(let title): return "**\(title)**"
    case .stepHeader(let lesson, let index, let count, let title):
      return "**ステップ \(index)/\(count) — \(title)** (\(lesson))"
    case .stepPassed: return "✓ ステップを完了しました。"
    case .stepPassedWithHelp: return "✓ ステップを完了しました (解答例を使用)。"
    case .lessonComplete(let title): return "🎉 レッスン「\(title)」を完了しました。"
    case .nextLesson(let id, let title):
      return "次のレッスン: **\(title)** (`lesson \(id)` と入力してください)"
    case .allLessonsDone:
      return "すべてのレッスンを終えました。`sandbox` で自由に試せます。"
    case .notInLesson:
      return "今はサンドボックスです (目標の確認はありません)。`lessons` でレッスンを選んでください。"
    case .sandbox:
      return "サンドボックス: 新しい AWS アカウントで自由に試せます。目標の確認はありません。`lessons` でレッスンに戻れます。"

    case .checkAllMet: return "このステップで必要なものはすべてそろっています。"
    case .checkHeader(let met, let total): return "\(total) 項目中 \(met) 項目を達成:"
    case .missingResource(let what, _):
      return "\(what)\(Self.gap(what))はまだ存在しません。"
    case .expectedActual(let path, let expected, let actual):
      return
        "\(path): 期待値 \(Msg.expectation(expected, path: path).ja) / 実際の値 \(Msg.found(actual).ja)"
    case .countMismatch(let what, let expected, let actual):
      return "\(what)の数: 期待値 \(Msg.countExpectation(expected).ja) / 実際の値 \(actual)"
    case .forbiddenHolds(let what, let plural, let count):
      if !plural { return "\(what)\(Self.gap(what))がこの条件に当てはまってはいけませんが、当てはまっています。" }
      return "\(what)\(Self.gap(what))のうち、この条件に当てはまるものがあってはいけませんが、\(count) 個あります。"
    case .expectation(let e, let path):
      return Self.jaExpectation(e, path: path)
    case .found(let f):
      switch f {
      case nil: return "未設定"
      case .value(let v)?: return v
      case .noMatchingItem?: return "該当する要素なし"
      case .emptyList?: return "空のリスト"
      }
    case .countExpectation(let e):
      switch e {
      case .value(let n): return "\(n) 個"
      case .atLeast(let n): return "\(n) 個以上"
      case .atMost(let n): return "\(n) 個以下"
      case .between(let lo, let hi): return "\(lo) 個以上 \(hi) 個以下"
      default: return Self.jaExpectation(e, path: "")
      }
    case .assertionLabel(let selection, let count, let match):
      var parts = [selection]
      if let count { parts.append(Msg.countExpectation(count).ja) }
      if let match { parts.append(match) }
      return parts.joined(separator: " — ")
    case .selection(let kind, let p): return Self.jaSelection(kind, p)
    case .foundMeaning(let m):
      switch m {
      case .essentialContainerExited:
        return
          "このタスクは、必須コンテナが終了したために停止しました (`simulate crash` と同じクラッシュです)。`stop-task` で停止したものではありません。"
      case .taskFailedToStart:
        return "このタスクは起動しませんでした。理由は `aws ecs describe-tasks` の `stoppedReason` で確認できます。"
      case .serviceSchedulerInitiated:
        return "このタスクは、サービススケジューラ自身が停止しました (デプロイまたはスケールイン)。"
      case .rolloutInProgress:
        return "デプロイはまだ進行中です。`wait` で完了まで時間を進められます。"
      case .rolloutFailed:
        return "デプロイは失敗しました。タスクが起動しませんでした。理由はサービスイベントで確認できます。"
      case .ec2Principal:
        return
          "ec2.amazonaws.com はインスタンスロールのプリンシパルです。タスク用のロールは ecs-tasks.amazonaws.com を信頼します。"
      case .fargateSpot:
        return "FARGATE_SPOT は Fargate の余剰キャパシティーです。このステップで求めているのは FARGATE です。"
      }

    case .noMoreHints: return "ヒントはこれで全部です。`solution` で解答例を表示できます。"
    case .hintHeader(let n, let total): return "ヒント \(n)/\(total):"
    case .solutionConfirm:
      return
        "解答例を表示しますか? 表示すると、このステップは「解答例を見て完了」として記録されます。表示するには、もう一度 `solution` と入力してください。"
    case .solutionHeader: return "解答例:"
    case .solutionRunHint: return "自分で入力するか、`solution run` で実行できます。"
    case .solutionCancelled: return ""
    case .solutionRunning: return "解答例を実行します:"
    case .undoNothing: return "取り消せる操作はありません。"
    case .resetStep: return "ステップを最初からやり直します。"
    case .resetLesson: return "レッスンを最初からやり直します。"
    case .languageSet: return "表示言語を日本語に切り替えました。"
    case .languageUsage: return "使い方: lang ja|en"
    case .becameTrue(let what): return "✓ \(what)"
    case .exported(let path): return "進捗を \(path) にエクスポートしました。"
    case .imported: return "進捗をインポートしました。"
    case .progressUsage: return "使い方: progress export FILE | progress import FILE"
    case .progressError(let why): return "進捗ファイルを使用できませんでした: \(why)"
    case .commandNotFound(let word):
      return
        "ecs-tutor: `\(word)`: コマンドが見つかりません。ここで使えるのは `aws`、一部のシェル組み込みコマンド (`echo`、`export`)、チューターのコマンドだけです。`help` で一覧を確認できます。"
    case .interrupted: return "中断しました。"
    case .helpSection(let section):
      switch section {
      case .lessons: return "**レッスン**"
      case .world: return "**シミュレーション環境**"
      case .time: return "**時間と障害**"
      case .settings: return "**設定とファイル**"
      }
    case .helpPrograms:
      return """
        **入力できるコマンド**
          aws SERVICE OPERATION [--options]   AWS CLI (ecs、ec2 など)。`aws ecs help` でヘルプ
          docker build|tag|login|push|images  ECR 用の模擬 docker コマンド
          capacity add --cluster NAME [--type t3.medium] [--count N]   EC2 キャパシティーを追加
          NAME=value, export, echo            AWS のチュートリアルと同じように使えるシェル変数
        """
    case .lessonUsage: return "使い方: lesson ID | lesson ID steps"
    case .lessonRestartConfirm(let id, let step, let of):
      return
        "すでにこのレッスンのステップ \(step)/\(of) にいます。新しいアカウントでステップ 1 からやり直すには、もう一度 `lesson \(id)` と入力してください。現在のステップは `goal` で表示できます。"
    case .worldRestored(let step, let of):
      return "シミュレーション環境とシェル変数は、ステップ \(step)/\(of) で中断したときのままです。"
    case .freshAccount: return "このレッスンは新しいシミュレーション上のアカウントで始まります。"
    case .setupBuilt: return "次のコマンドで構築済みです:"
    case .undone(let line): return "取り消しました: \(line)"
    case .leftoverState(let last):
      return
        "このステップで先に行った変更が原因かもしれません。`undo` を実行するたびに変更を 1 つずつ取り消せます (直前の変更は `\(last)`)。`reset` でステップを最初からやり直せます。"
    case .lessonMap(let done, let of, let helped, let now):
      var ja = "\(done)/\(of) ステップ完了"
      if helped > 0 { ja += " (うち \(helped) つは解答例を見て完了)" }
      if let now { ja += "、現在はステップ \(now)" }
      return ja
    case .stepState(let state):
      switch state {
      case .done: return "完了"
      case .doneWithHelp: return "解答例を見て完了"
      case .now: return "進行中"
      case .toDo: return "未完了"
      }

    case .progressUnreadable(let path):
      return "保存された進捗ファイルを読み込めなかったため、\(path) に退避しました。最初から始めます。"
    case .progressNotSaved(let reason): return "進捗を保存できませんでした: \(reason)"
    case .historyNotSaved(let reason): return "コマンド履歴を保存できませんでした: \(reason)"
    case .lessonsUnavailable:
      return "レッスンを読み込めませんでした。サンドボックスで続けます (AWS コマンドは使えます)。"

    case .waitUsage: return "使い方: wait [30s|2m]"
    case .waitPassed(let seconds, let now, let settled):
      return "\(seconds) 秒経過しました (現在時刻: \(now))。"
        + (settled ? "状態の変化は収まっています。" : "まだ状態が変化しています。")
    case .timeAuto: return "各コマンドの後、状態の変化が収まるまで時間を自動で進めます。"
    case .timeManual:
      return "時間は `wait` を実行したときだけ進みます (`wait 10s` で状態の移り変わりを観察できます)。"
    case .timeStatus(let now, let auto):
      return "現在時刻: \(now) (時間の進め方: \(auto ? "auto" : "manual")。切り替えは `time auto|manual`)"
    case .noEvents: return "まだイベントはありません。"
    case .moreEvents(let n): return "… ほか \(n) 件 (`events` で表示)"
    case .showUsage:
      return
        "使い方: show cluster [NAME] | show planes | show roles [TASK|TASKDEF] | show ports [INSTANCE] | show task TASK | show vpc [VPC]"
    case .simulateUsage:
      return
        "使い方: simulate instance-failure INSTANCE_ID | simulate crash TASK [CONTAINER] | simulate load SERVICE PERCENT"
    case .noInstance(let id): return "インスタンス \(id) はありません。"
    case .noRunningTask(let id): return "実行中のタスク \(id) はありません。"
    case .event(let d, _): return Self.jaEvent(d)
    case .waitTransitions(let chain): return chain
    case .pointer(let p): return p.ja
    case .docker(let note):
      switch note {
      case .runsInECS(let command):
        return
          "docker \(command): ecs-tutor では、コンテナはこのマシンでは動かず、Amazon ECS で動きます。\nそのイメージを使うコンテナのタスク定義を登録し、`aws ecs run-task` か ECS サービスで起動してください。"
      case .notSimulated(let command):
        return
          "docker \(command) は ecs-tutor ではシミュレーションしていません (使えるのは build、tag、images、push、pull、login、logout、rmi です)。"
      }

    case .capacityUsage: return "使い方: capacity add --cluster NAME [--type t3.medium] [--count 1]"
    case .capacityCount: return "`--count` には 1～20 の整数を指定してください。"
    case .capacityNoCluster(let name):
      return
        "クラスター \(name) がありません。先に `aws ecs create-cluster --cluster-name \(ShellQuote.word(name))` を実行してください。"
    case .capacityLaunched(let count, let type, let ids, let cluster, let command):
      return """
        \(type) を \(count) 台起動しました (\(ids.joined(separator: "、")))。次のコマンドと同じです:
        \(command)
        約 30 秒後に、各インスタンスの ECS エージェントがインスタンスをクラスター \(cluster) に登録します。
        """

    case .clusterNone: return "クラスターはまだありません。"
    case .clusterWhich(let names):
      return "クラスター名を指定してください: `show cluster NAME` (候補: \(names.joined(separator: "、")))"
    case .clusterTitle(let name): return "**クラスター \(name)**"
    case .clusterProviders(let list): return "  キャパシティープロバイダー: " + list.joined(separator: "、")
    case .clusterNoInstances:
      return "  コンテナインスタンス: なし (EC2 起動タイプのタスクを配置できるインスタンスがありません)"
    case .agentDisconnected: return " エージェント未接続"
    case .fargateHeading: return "  Fargate (自分で管理するインスタンスはありません)"
    case .servicesHeading: return "  サービス"
    case .memoryLabel: return "メモリ"
    case .portsLabel: return "ポート"
    case .deploymentLine(let status, let rollout, let td, let running, let desired):
      return "\(status) \(td) 実行中 \(running)/\(desired)" + (rollout.map { "、\($0)" } ?? "")
    case .reachUsage:
      return
        "使い方: reach SOURCE TARGET:PORT   (SOURCE: internet、CIDR または IP、タスク ID、TASK/コンテナ名、インスタンス ID)\n        reach TASK internet|SERVICE   (HTTPS での外向き通信。SERVICE: ecr.api、ecr.dkr、s3、logs、secretsmanager、ssm、ecs など)"
    case .reachable(let path): return "到達可能: \(path)"
    case .notReachable(let why): return "到達不可: \(why)"
    case .reachOpenIt(let command): return "開けるには: \(command)"
    case .reachHop(let h): return Self.jaHop(h)
    case .reachRefusal(let r): return Self.jaRefusal(r)
    case .reachFamily(let f): return "ファミリー \(f)"
    case .reachService(let s): return "サービス \(s)"
    case .reachAssertion(let from, let to, let port):
      return "\(from) から \(to) のポート \(port) に到達"

    case .rolesUsage: return "使い方: show roles [TASK|TASKDEF] (タスクもタスク定義も見つかりません)"
    case .rolesTaskTitle(let id, let def, let launchType):
      return "タスク \(id) (\(def), \(launchType))"
    case .rolesDefinitionTitle(let def, let launchType): return "タスク定義 \(def) (\(launchType))"
    case .rolesColumns: return "呼び出し元 | ロール | 用途 | アクション | リソース | 現在"
    case .roleNone: return "(なし)"
    case .roleWord(let w):
      let words = [
        "execution role": "タスク実行ロール", "task role": "タスクロール", "instance role": "インスタンスロール",
        "pull": "プル", "logs": "ログ", "secrets": "シークレット", "credentials": "認証情報",
        "register": "登録", "assume": "引き受け", "app call": "アプリの呼び出し", "environment files": "環境ファイル",
      ]
      return words[w] ?? w
    case .roleActor(let a):
      switch a {
      case .agent: return "エージェント"
      case .application: return "アプリ"
      case .instance: return "インスタンス"
      }
    case .roleNoCredentials: return "✗ 認証情報なし"
    case .roleTrusts(let principals): return "✓ 信頼: " + principals.joined(separator: ", ")
    case .roleAllowed: return "✓ 可"
    case .roleAllowedBy(let by): return "✓ 許可: \(by)"
    case .roleDeniedBy(let by): return "✗ 明示的な拒否: \(by) (Deny)"
    case .roleTrustMissing(let found):
      return "✗ 信頼ポリシーに ecs-tasks.amazonaws.com がありません (あるのは \(found))"
    case .roleImplicitDeny(let keys):
      return "✗ 拒否 (許可するステートメントなし)"
        + (keys.isEmpty ? "" : " 評価できないキー: " + keys.joined(separator: ", "))
    case .roleSwapped(let action, let taskRole, let roleKind, let agentRole):
      let kind = Msg.roleWord(roleKind).ja
      let agentRole = agentRole ?? Msg.roleNone.ja
      return
        "**\(action) はタスクロール \(taskRole) に許可されていますが、使うのはエージェントで、エージェントは\(kind) \(agentRole) を使います。** 権限を\(kind)に移してください。"

    case .noContainerInstances: return "コンテナインスタンスがありません。"
    case .noContainerInstance(let ref): return "インスタンス \(ref) が見つかりません。"
    case .reservedPorts(let ports): return "予約済みポート: \(ports)"
    case .portsColumns: return "ホストポート | プロトコル | タスク | コンテナ | コンテナポート | 種類"
    case .portDynamic: return "動的"
    case .portStatic: return "静的"
    case .noHostPorts: return "使用中のホストポートはありません"
    case .enisFree(let free, let of, let all, let trunked):
      return "ENI: タスク用 \(free) / \(of) が空き"
        + (trunked
          ? " (ENI トランキング: トランク ENI がタスクのブランチ ENI を束ねます)"
          : " (全 \(all)、うち 1 つはインスタンスのプライマリ)")
    case .noTask(let ref): return "タスク \(ref) が見つかりません。"
    case .taskNetworkTitle(let id, let family, let status):
      return "タスク \(id) (\(family), \(status))"
    case .networkMode(let mode): return "ネットワークモード: \(mode)"
    case .eniAddresses(let eni, let privateIp, let publicIp):
      return "ENI \(eni): プライベート IP \(privateIp)"
        + (publicIp.map { "、パブリック IP " + $0 } ?? "、パブリック IP なし")
    case .noNetwork: return "ネットワークなし (ループバックのみ)"
    case .taskOnInstance(let id): return "インスタンス \(id)"
    case .hostBinding(let hostPort, let containerPort, let proto):
      return "ホスト \(hostPort) → \(containerPort)/\(proto)"
    case .securityGroupLine(let id, let name): return "セキュリティグループ \(id) (\(name))"
    case .noInboundRules: return "インバウンドルールなし"
    case .inboundRule(let proto, let port, let peer): return "インバウンド \(proto) \(port) 送信元 \(peer)"

    // MARK: vpc (issue 8) — add this part's texts directly below this line
    case .egressReachable(let source, let destination, let path):
      return "到達可能: \(source) → \(destination)、経路: " + Self.jaEgressPath(path)
    case .egressRefused(let source, let destination, let why):
      return "到達不可: \(source) → \(destination): " + Self.jaEgressRefusal(why)
    case .egressFixes(let destination, let table, let publicSubnet, let command):
      if publicSubnet {
        return
          "直し方: タスクにパブリック IP を付ける (assignPublicIp=ENABLED。Fargate のみ)。または、ルートテーブルで 0.0.0.0/0 を NAT ゲートウェイに送るプライベートサブネットで実行する"
          + (command == nil ? "" : "か、\(destination) の VPC エンドポイントがあるサブネットで実行する")
      }
      var text =
        "直し方は 2 つ: (1) パブリックサブネットに NAT ゲートウェイを置き、\(table) に 0.0.0.0/0 → nat-... のルートを追加する (aws ec2 create-route --route-table-id \(table) --destination-cidr-block 0.0.0.0/0 --nat-gateway-id NAT_ID)"
      if let command { text += "。(2) \(destination) の VPC エンドポイントを作成する: \(command)" }
      return text
    case .vpcLabel(let l): return Self.jaVPCLabel(l)
    case .vpcNone(let id): return "VPC \(id) はありません。"
    case .egressAssertion(let from, let to): return "\(from) から HTTPS で \(to) に到達"
    case .instanceNotRegistered(let instance, let why):
      return "  ▢ \(instance) は起動していますが、登録されていません: \(why)"

    // MARK: alb (issue 9) — add this part's texts directly below this line
    case .curlUsage:
      return "使い方: curl [-v] [-i] [-X METHOD] [-H 'Header: value'] [--from TASK] URL"
    case .traceUsage: return "使い方: trace [-H 'Header: value'] [--from TASK] URL"
    case .traceColumns: return "地点 | 場所 | 起きたこと"
    case .traceHopName(let h): return Self.jaHopName(h)
    case .traceHopWhere(let h): return Self.jaHopWhere(h)
    case .traceHopWhat(let h): return Self.jaHopWhat(h)
    case .traceBreak(let b): return "✗ " + Self.jaBreak(b)
    case .traceAnswered(let status, let container):
      return "✓ コンテナ \(container) が \(status) で応答しました"
    case .curlTryTrace(let url):
      return "応答したのはコンテナではなくロードバランサーです。`trace \(url)` で、リクエストが止まる地点を確認できます。"
    case .noLoadBalancers: return "ロードバランサーはまだありません (aws elbv2 create-load-balancer)。"
    case .noLoadBalancer(let n): return "ロードバランサー \(n) はありません。"
    case .albHeader(let name, let type, let scheme, let state, let dns):
      return "◆ \(name) (\(type)、\(scheme)、\(state))  http://\(dns)"
    case .albGroups(let g): return "  セキュリティグループ: \(g)"
    case .albListener(let proto, let port): return "  リスナー \(proto):\(port)"
    case .albRule(let priority, let conditions, let action):
      return "    ルール \(priority): \(conditions) → \(action)"
    case .albTargetGroup(let name, let proto, let port, let type, let path, let hcPort):
      return
        "  ターゲットグループ \(name) (\(proto):\(port)、ターゲットタイプ \(type))、ヘルスチェック \(path) (ポート \(hcPort))"
    case .albTarget(let id, let port, let state, let reason):
      return "    ターゲット \(id):\(port)  \(state)" + (reason.map { "  (\($0))" } ?? "")
    case .albNoTargets: return "    登録済みのターゲットはありません"
    case .elbSelection(let kind, let name):
      let n = name.map { " " + $0 } ?? ""
      switch kind {
      case "loadBalancer": return "ロードバランサー\(n)"
      case "loadBalancers": return "ロードバランサー"
      case "targetGroup": return "ターゲットグループ\(n)"
      case "targetGroups": return "ターゲットグループ"
      case "listeners": return (name.map { "\($0) の" } ?? "") + "リスナー"
      case "rules": return (name.map { "\($0) の" } ?? "") + "リスナールール"
      default: return (name.map { "\($0) の" } ?? "") + "ターゲットのヘルスステータス"
      }
    case .requestAssertion(let url, let status, let container):
      return "\(url) へのリクエストが \(status) を返す" + (container.map { " (コンテナ \($0) が応答)" } ?? "")

    // MARK: roles (issue 12) — add this part's texts directly below this line
    case .taskEnvironmentTitle(let c):
      return "\(c) の環境変数 (プログラムから見えるもの。タスク実行ロールの認証情報は含まれません):"
    case .taskSecretValue(let n, let from): return "•••• (\(n) 文字、secrets から取得: \(from))"
    case .taskCredentials(let c):
      switch c {
      case .taskRole(let n): return "SDK の認証情報: タスクロール \(n) (169.254.170.2)"
      case .instanceRole(let n, let i):
        return "SDK の認証情報: IMDS 経由で \(i) のインスタンスロール \(n) (タスクロールなし。ホスト上の同様のタスクすべてが共有します)"
      case .none(let cause):
        switch cause {
        case .fargateWithoutTaskRole:
          return "SDK の認証情報: なし (Fargate でタスクロールなし): \"Unable to locate credentials\""
        case .imdsBlockedByAgent:
          return "SDK の認証情報: なし (タスクロールなし。ECS_AWSVPC_BLOCK_IMDS=true で IMDS をブロック)"
        case .imdsBlockedByIptables:
          return "SDK の認証情報: なし (タスクロールなし。iptables のルールで IMDS をブロック)"
        case .noInstanceRole:
          return "SDK の認証情報: なし (タスクロールがなく、インスタンスにインスタンスプロファイルもありません)"
        }
      }
    case .taskAppOutputTitle(let c): return "\(c) の最新の出力:"

    // MARK: quiz (issue 10) — add this part's texts directly below this line
    case .quizTopicsHeader: return "**クイズ**"
    case .quizTopicLine(let topic, let title, let count): return "  \(topic)  \(title) (\(count) 問)"
    case .quizTopicsFooter:
      return
        "  all  すべての問題\n`quiz TOPIC [--count N] [--seed S]` と入力します (例: `quiz ports --count 5`)。"
    case .quizUsage:
      return "使い方: `quiz [roles|ports|all] [--count N] [--seed S]`"
    case .quizNoSuchTopic(let t): return "クイズ「\(t)」はありません。`quiz` と入力すると一覧を表示します。"
    case .quizStart(let title, let count, let seed):
      return
        "**クイズ: \(title)** (\(count) 問、シード \(seed)。同じシードなら同じクイズになります)。`skip` で問題をスキップ、`quit` でクイズを終了します。"
    case .quizQuestionHeader(let index, let count, let kind, let limit):
      let what: String
      switch kind {
      case "single": what = "単一選択"
      case "multiple": what = "複数選択"
      case "short": what = "記述"
      case "configure": what = "設定、コマンドは \(limit) 個まで"
      default: what = "予測"
      }
      return "**問題 \(index)/\(count)** (\(what))"
    case .quizWorldBuilt: return "シミュレーション上のアカウントは次のコマンドで準備しました:"
    case .quizHowTo(let kind, let choices):
      switch kind {
      case "multiple": return "当てはまるものをすべて選択し、番号を入力してください (例: `1 3`)。"
      case "short": return "単語か数値を入力してください。"
      case "configure": return "目標を達成するまでコマンドを入力してください。`hint` でヒント、`check` で足りないものを表示します。"
      case "predict" where !choices:
        return "予測を入力してください。そのあとシミュレーターに確認します。"
      case "predict": return "予測した選択肢の番号を入力してください。そのあとシミュレーターに確認します。"
      default: return "回答の番号を入力してください。"
      }
    case .quizBadChoice(let max, let multiple):
      return multiple
        ? "1 から \(max) までの選択肢の番号で回答してください (例: `1 3`)。"
        : "1 から \(max) までの選択肢の番号を 1 つ入力してください。"
    case .quizSimulatorSays(let truth): return "シミュレーターの結果: \(truth)"
    case .quizCorrect: return "✓ 正解です。"
    case .quizIncorrect(let expected): return "✗ 不正解です。正解: \(expected)"
    case .quizSkipped(let expected): return "スキップしました。正解: \(expected)"
    case .quizScore(let score, let answered): return "スコア: \(score)/\(answered)"
    case .quizNoMoreHints: return "この問題のヒントはこれ以上ありません。"
    case .quizHint(let n, let of): return "ヒント \(n)/\(of):"
    case .quizCommandsLeft(let n): return "まだ達成していません。あと \(n) 個のコマンドを入力できます。"
    case .quizOutOfCommands(let n): return "コマンドの上限 (\(n) 個) に達しました。"
    case .quizEndedEarly(let answered, let of):
      return "\(of) 問中 \(answered) 問でクイズを終了しました。残りは未回答として扱います。"
    case .quizDone(let score, let total, let percent):
      return "**クイズ完了: \(score)/\(total) (\(percent)%)**"
    case .quizAllRight: return "すべて正解です。"
    case .quizReviewHeader: return "**間違えた問題を復習しましょう**"
    case .quizReviewItem(let index, let question, let given, let expected):
      let first = question.split(separator: "\n").first.map(String.init) ?? question
      let expected = expected.split(separator: "\n").joined(separator: "\n      ")
      return "\(index). \(first)\n    回答: \(given.isEmpty ? "なし" : given) / 正解: \(expected)"
    case .quizTaughtIn(let lesson, let step, let title):
      return "レッスン `\(lesson)` のステップ \(step)「\(title)」で学べます (`lesson \(lesson)`)"
    case .quizNoQuestions: return "クイズの問題が読み込まれていません (lessons/quizzes/)。"

    // MARK: examples (issue 13) — add this part's texts directly below this line

    // MARK: classroom (issue 10) — add this part's texts directly below this line
    case .walkthroughWhere(let lesson, let index, let count):
      return "ステップ \(index)/\(count) · \(lesson)"
    case .walkthroughNotes: return "講師用メモ"
    case .walkthroughKeys:
      return "Enter: 解答例を入力して実行 · n: 次のステップ · p: 前へ · q: 終了"
    case .walkthroughKeysAfter: return "Enter または n: 次のステップ · p: 前へ · q: 終了"
    case .walkthroughMoreLines(let n): return "… ほか \(n) 行"
    case .walkthroughSummary(let passed, let failed, let count):
      let base = "ウォークスルー: \(count) ステップ中 \(passed) ステップを完了"
      return failed.isEmpty
        ? base + "しました。"
        : base + "。完了しなかったステップ: " + failed.map(String.init).joined(separator: "、")
    case .walkthroughBadStep(let n, let count):
      return "ecs-tutor: --from-step \(n): このレッスンのステップは 1 から \(count) までです"
    case .walkthroughEnd: return "レッスンの最後です。p: 前へ · q: 終了"
    case .walkthroughStepFailed(let n): return "ステップ \(n) は解答例では完了しませんでした。"
    case .replaySummary(let lines, let diverged):
      return diverged.isEmpty
        ? "\(lines) 行を再生しました。出力は記録と同じです。"
        : "\(lines) 行を再生しました。記録と出力が異なる行: "
          + diverged.map(String.init).joined(separator: "、")
    case .replayBadFile(let file, let line, let noStart):
      return noStart
        ? "ecs-tutor: \(file) は ecs-tutor の記録ファイルではありません (開始エントリで始まっていません)"
        : "ecs-tutor: \(file):\(line): 記録のエントリではありません (1 行に 1 つの JSON オブジェクト)"
    case .recordFailed(let file, let reason):
      return "ecs-tutor: 記録ファイル \(file) に書き込めません: \(reason)"
    case .reportTitle(let name, let generated):
      return "進捗レポート: \(name)" + (generated.map { " (\($0.prefix(10)))" } ?? "")
    case .reportLessonColumns: return " |レッスン|ステップ|解答例で完了|ヒント|解答例|開始|完了"
    case .reportNoQuiz: return "まだクイズを受けていません。"
    case .reportQuizHeader: return "クイズ:"
    case .reportQuizColumns: return "日付|トピック|得点|不正解"
    case .mergeTitle(let n): return "クラスのレポート: 受講者 \(n) 人"
    case .mergeLearnerColumn: return "受講者"
    case .mergeHintsHeader: return "受講者が助けを必要としたステップ (ヒントまたは解答例):"
    case .mergeHintsColumns: return "レッスン / ステップ|受講者|ヒント|解答例"
    case .mergeMissedHeader: return "不正解の多かったクイズの問題:"
    case .mergeMissedColumns: return "問題|不正解|受講者"
    case .mergeNone: return "なし"
    case .mergeNotJSON: return "JSON ではありません"
    case .mergeForeign: return "ecs-tutor のレポートではありません (`ecs-tutor report --format json` で作成します)"
    case .mergeNewer(let v): return "レポートのバージョン \(v) はこの ecs-tutor より新しいものです"
    case .mergeBroken: return "項目が欠けているか形式が正しくない ecs-tutor のレポートです"
    case .mergeSkipped(let file, let reason): return "ecs-tutor: \(file) をスキップしました: \(reason)"
    case .mergeNothing: return "ecs-tutor: まとめるレポートがありません"
    case .reportProgressUnreadable(let path):
      return "ecs-tutor: 進捗ファイル \(path) を読み込めません (次回の起動時に別名で退避されます)"

    case .planes:
      return """
        **コントロールプレーン — Amazon ECS そのもの (AWS が運用し、ユーザーは API を呼び出す)**
          • クラスター、タスク定義、サービス、タスクを配置するスケジューラ、デプロイ、サービスイベント
          • 自分で管理するもの: 設定 (何を、いくつ、どこで動かすか)
        **データプレーン — コンテナが実際に動く場所**
          • EC2 起動タイプ: 自分で起動し、料金を払うコンテナインスタンス。各インスタンスの ECS エージェントが
            インスタンスをクラスターに登録します。自分で管理するもの: インスタンス、AMI とロール、スケーリング、パッチ適用。
          • Fargate: ホストは AWS が運用し、タスクごとに専用の ENI が付きます。自分で管理するもの: タスクのサイズ、
            サブネット、セキュリティグループのみ。
        | | EC2 | Fargate |
        |---|---|---|
        | ホストの運用 | 自分 | AWS |
        | クラスター内のキャパシティー | コンテナインスタンス | キャパシティープロバイダー FARGATE / FARGATE_SPOT |
        | ネットワークモード | bridge、host、awsvpc、none | awsvpc のみ |
        | タスクサイズ | 任意 | cpu と memory が必須 |
        """
    }
  }

  /// One hop of a `reach` path in Japanese.
  static func jaHop(_ h: Reachability.Hop) -> String {
    switch h {
    case .source(let s): return shownSource(s)
    case .address(let ip, let pub): return "\(ip) (\(pub ? "パブリック" : "プライベート") IP)"
    case .allowedBy(let g, let rule): return "\(g) のルール \(rule) が許可"
    case .hostPort(let i, let hp, let cp): return "\(i) のホストポート \(hp) → コンテナポート \(cp)"
    case .localhost: return "localhost"
    case .container(let t, let name, let port):
      return "コンテナ \(short(t))/\(name) がポート \(port) で待ち受け"
    case .instancePort(let i, let port): return "\(i) のポート \(port) (host モード)"
    }
  }

  /// Why `reach` is refused, in Japanese.
  static func jaRefusal(_ r: Reachability.Refusal) -> String {
    switch r {
    case .unknownSource(let s): return "送信元 \(s) が見つかりません"
    case .unknownTarget(let t):
      return "宛先 \(t) が見つかりません (実行中のタスク、コンテナ、インスタンス、IP を指定)"
    case .taskNotRunning(let t, let status): return "タスク \(short(t)) は RUNNING ではありません (\(status))"
    case .networkModeNone(let t):
      return "タスク \(short(t)) のネットワークモードは none: ループバック以外のネットワークがありません"
    case .noPublicAddress(let t):
      return "\(short(t)) にパブリック IP アドレスがないため、VPC の外からは届きません"
    case .securityGroup(let groups, let proto, let port, let from):
      return
        "セキュリティグループ \(groups.joined(separator: ", ")) に \(from) からの \(proto) \(port) を許可するインバウンドルールがありません"
    case .egress(let groups, let proto, let port, let to):
      return
        "送信元のセキュリティグループ \(groups.joined(separator: ", ")) のアウトバウンドルールが \(to) への \(proto) \(port) を許可していません"
    case .nothingBound(let i, let port): return "\(i) のホストポート \(port) を使っているタスクがありません"
    case .notListening(let t, let c, let port):
      let who = c.map { "\(short(t))/\($0)" } ?? short(t)
      return "\(who) はポート \(port) で待ち受けていません (portMappings にありません)"
    case .bridgeNoLocalhost(let t):
      return
        "タスク \(short(t)) は bridge モード: コンテナ同士は localhost を共有しません (links かサービス検出を使います)"
    }
  }

  /// AWS's Japanese style: a half-width space only between Latin letters or digits and Japanese.
  static func gap(_ text: String) -> String {
    text.last.map { $0.isASCII } ?? false ? " " : ""
  }

  static func jaExpectation(_ e: Expectation, path: String) -> String {
    switch e {
    case .value(let v): return v
    case .present: return "設定あり"
    case .absent: return "未設定"
    case .oneOf(let options):
      let words = options.map { jaExpectation($0, path: "") }
      if words.count <= 2 { return words.joined(separator: " または ") }
      return words.joined(separator: "、") + " のいずれか"
    case .atLeast(let n): return "\(n) 以上"
    case .atMost(let n): return "\(n) 以下"
    case .between(let lo, let hi): return "\(lo) 以上 \(hi) 以下"
    case .pattern(let p):
      let image = path.hasSuffix("image")
      switch p {
      case .withOrWithout(let base, let suffix):
        return (image ? "イメージ " : "") + "\(base) (\(suffix) の有無は問わない)"
      case .startsWith(let s): return "\(s) で始まる" + (image ? "イメージ" : "値")
      case .endsWith(let s): return "\(s) で終わる" + (image ? "イメージ" : "値")
      case .exactly(let s): return s
      case .contains(let s): return "\(s) を含む値"
      case .regex(let r): return "正規表現 /\(r)/ に一致する文字列"
      }
    case .containing(let v): return "\(v) を含む値"
    case .not(let inner): return "\(jaExpectation(inner, path: path)) 以外"
    case .itemLike(let v): return "\(v) に一致する要素"
    case .keyedItem(let key): return "\(key) の要素"
    case .object: return "オブジェクト"
    case .list: return "リスト"
    }
  }

  static func jaSelection(_ kind: String, _ p: SelectionParams) -> String {
    let name = p.name ?? "?"
    let ofCluster = p.cluster.map { "クラスター \($0) の" } ?? ""
    switch kind {
    case "cluster": return "クラスター \(name)"
    case "clusters": return "クラスター"
    case "taskDefinition":
      let family = p.family ?? p.name ?? "?"
      return p.revision.map { "タスク定義 \(family):\($0)" }
        ?? "タスク定義 \(family) (最新の ACTIVE なリビジョン)"
    case "taskDefinitions":
      return p.family.map { "タスク定義ファミリー \($0) のリビジョン" } ?? "タスク定義"
    case "service": return ofCluster + "サービス \(name)"
    case "services": return ofCluster + "サービス"
    case "tasks":
      var parts: [String] = []
      if let f = p.family { parts.append("ファミリー \(f)") }
      if let v = p.serviceName { parts.append("サービス \(v)") }
      if let d = p.desiredStatus { parts.append("desiredStatus \(d)") }
      if let d = p.lastStatus { parts.append("lastStatus \(d)") }
      if let l = p.launchType { parts.append(l) }
      return ofCluster + "タスク" + (parts.isEmpty ? "" : " (" + parts.joined(separator: "、") + ")")
    case "containerInstances": return ofCluster + "コンテナインスタンス"
    case "instances": return "EC2 インスタンス"
    case "repository": return "ECR リポジトリ \(name)"
    case "repositories": return "ECR リポジトリ"
    case "images": return "リポジトリ \(p.repository ?? "?") のイメージ"
    case "role": return "IAM ロール \(name)"
    case "vpcs": return "VPC"
    case "subnets": return "サブネット"
    case "routeTables": return "ルートテーブル"
    case "natGateways": return "NAT ゲートウェイ"
    case "vpcEndpoints": return "VPC エンドポイント"
    case "bucket": return "S3 バケット \(name)"
    case "buckets": return "S3 バケット"
    case "table": return "DynamoDB テーブル \(name)"
    case "tables": return "DynamoDB テーブル"
    case "secret": return "シークレット \(name)"
    case "parameter": return "SSM パラメータ \(name)"
    case "execSessions": return (p.family.map { "ファミリー \($0) のタスクへの" } ?? "") + "ECS Exec セッション"
    case "appOutput": return (p.family.map { "ファミリー \($0) の" } ?? "") + "タスク内のプログラムの出力"
    default: return kind
    }
  }

  static func jaEvent(_ d: EventDetail) -> String {
    switch d {
    case .clusterCreated(let n): return "クラスター \(n) を作成しました。"
    case .clusterDeleted(let n): return "クラスター \(n) を削除しました。"
    case .clusterCapacityProviders(let n, let list):
      return "クラスター \(n) のキャパシティープロバイダー: "
        + (list.isEmpty ? "なし" : list.joined(separator: "、"))
    case .taskDefinitionRegistered(let td): return "タスク定義 \(td) を登録しました。"
    case .taskDefinitionDeregistered(let td): return "タスク定義 \(td) を登録解除しました。"
    case .taskDefinitionDeleting(let td): return "タスク定義 \(td) を削除しています。"
    case .repositoryCreated(let n): return "リポジトリ \(n) を作成しました。"
    case .repositoryDeleted(let n): return "リポジトリ \(n) を削除しました。"
    case .imagesDeleted(let count, let repo): return "リポジトリ \(repo) からイメージを \(count) 個削除しました。"
    case .imagePushed(let image, let digest): return "イメージ \(image) をプッシュしました (\(digest))。"
    case .imageBuilt(let id, let names):
      return names.isEmpty
        ? "イメージ \(id) をビルドしました。"
        : "イメージ \(id) をビルドし、\(names.joined(separator: "、")) という名前を付けました。"
    case .serviceCreated(let n, let cluster): return "クラスター \(cluster) にサービス \(n) を作成しました。"
    case .serviceUpdated(let n): return "サービス \(n) を更新しました。"
    case .serviceDeleted(let n): return "サービス \(n) を削除しました。"
    case .logGroupCreated(let n): return "ロググループ \(n) を作成しました。"
    case .scalableTargetRegistered(let r, let lo, let hi):
      return "スケーラブルターゲット \(r) を登録しました (\(lo)～\(hi))。"
    case .autoScaled(let s, let from, let to):
      return "オートスケーリングがサービス \(s) の必要なタスク数を \(from) から \(to) に変更しました。"
    case .taskCreated(let id, let td, let status): return "タスク \(id) (\(td)) を作成しました: \(status)"
    case .taskRunning(let id, let td): return "タスク \(id) (\(td)) が RUNNING になりました。"
    case .taskStopping(let id, let td, let code, let reason):
      return "タスク \(id) (\(td)) を停止しています (\(code)): \(reason)"
    case .taskStopped(let id, let td, let code, let reason):
      return "タスク \(id) (\(td)) が STOPPED になりました" + (code.map { " (\($0))" } ?? "")
        + (reason.map { ": \($0)" } ?? "。")
    case .taskStatus(let id, let td, let from, let to): return "タスク \(id) (\(td)): \(from) → \(to)"
    case .taskCrashed(let id, let td):
      return "タスク \(id) (\(td)) のコンテナが終了コード 1 で終了しました (クラッシュのシミュレーション)。"
    case .instanceLaunched(let id, let type, let image):
      return "インスタンス \(id) を起動しました (\(type)、\(image))。"
    case .instanceRunning(let id): return "インスタンス \(id) が running になりました。"
    case .instanceShuttingDown(let id): return "インスタンス \(id) をシャットダウンしています。"
    case .instanceTerminated(let id): return "インスタンス \(id) が終了しました。"
    case .instanceFailed(let id): return "インスタンス \(id) が停止しました (障害のシミュレーション)。"
    case .containerInstanceRegistered(let inst, let cluster, let ci, let usedDefault):
      return "\(inst) がクラスター \(cluster) にコンテナインスタンス \(ci) として登録されました。"
        + (usedDefault
          ? "(ユーザーデータに ECS_CLUSTER がないため、エージェントは default クラスターを使いました。)" : "")
    case .containerInstanceDeregistered(let ci, let inst, let cluster):
      return "コンテナインスタンス \(ci) (\(inst)) をクラスター \(cluster) から登録解除しました。"
    case .containerInstanceTerminated(let ci, let inst):
      return "コンテナインスタンス \(ci) (\(inst)) は、EC2 インスタンスが終了したため登録解除されました。"
    case .containerInstanceStatus(let ci, let inst, let status):
      return "コンテナインスタンス \(ci) (\(inst)) のステータス: \(status)"
    case .vpcCreated(let id, let cidr): return "VPC \(id) (\(cidr)) を作成しました。"
    case .subnetCreated(let id, let cidr, let zone):
      return "サブネット \(id) (\(cidr)、\(zone)) を作成しました。"
    case .internetGatewayAttached(let id, let vpc):
      return "インターネットゲートウェイ \(id) を \(vpc) にアタッチしました。"
    case .routeAdded(let table, let destination, let target):
      return "ルートテーブル \(table) にルート \(destination) → \(target) を追加しました。"
    case .routeTableAssociated(let table, let subnet):
      return "ルートテーブル \(table) をサブネット \(subnet) に関連付けました。"
    case .natGatewayCreated(let id, let subnet):
      return "NAT ゲートウェイ \(id) を \(subnet) に作成しました (pending)。"
    case .natGatewayAvailable(let id): return "NAT ゲートウェイ \(id) が available になりました。"
    case .vpcEndpointCreated(let id, let service):
      return "VPC エンドポイント \(id) (\(service)) を作成しました。"
    case .vpcEndpointAvailable(let id, let service):
      return "VPC エンドポイント \(id) (\(service)) が available になりました。"
    case .loadBalancerCreated(let name, let type):
      let kind = type == "network" ? "Network Load Balancer" : "Application Load Balancer"
      return "\(kind) \(name) を作成しました (provisioning)。"
    case .loadBalancerDeleted(let name):
      return "ロードバランサー \(name) をリスナーとともに削除しました。"
    case .targetGroupCreated(let name, let proto, let port, let type):
      let what = [proto, port.map(String.init)].compactMap { $0 }.joined(separator: ":")
      return "ターゲットグループ \(name) を作成しました (\(what.isEmpty ? "" : what + "、")ターゲットタイプ \(type))。"
    case .targetGroupDeleted(let name): return "ターゲットグループ \(name) を削除しました。"
    case .listenerCreated(let lb, let proto, let port):
      return "ロードバランサー \(lb) に \(proto):\(port) リスナーを作成しました。"
    case .listenerDeleted(let lb, let proto, let port):
      return "ロードバランサー \(lb) から \(proto):\(port) リスナーを削除しました。"
    }
  }
}

extension MistakePointer {
  /// The pointer in Japanese (`Msg.pointer`).
  var ja: String {
    switch self {
    case .defaultClusterUsed(let clusters):
      let add =
        clusters.count == 1
        ? "`--cluster \(clusters[0])` を付けてください。"
        : "`--cluster NAME` を付けてください (作成済みのクラスター: \(Self.list(clusters, separator: "、")))。"
      return "`--cluster` を指定しなかったため、`default` という名前のクラスターが使われました。" + add
    case .optionOfAnotherOperation(let given, let correct, let operation, let owner):
      let tail = owner.map { " (`\(given)` は `\($0)` のオプションです)" } ?? ""
      return "`\(operation)` のオプションは `\(given)` ではなく `\(correct)` です\(tail)。"
    case .noUpdateTaskDefinition:
      return "`update-task-definition` というコマンドはありません。タスク定義のリビジョンは変更できないためです。"
        + "同じ `--family` で `aws ecs register-task-definition` を実行して新しいリビジョンを登録し、"
        + "サービスは `aws ecs update-service --task-definition FAMILY` で新しいリビジョンに切り替えます。"
    case .emptyVariables(let names):
      let first = names[0]
      let vars = names.map { "`$\($0)`" }
      return
        "\(Self.list(names, separator: "、")) が空です。\(vars.joined(separator: "、")) が空の文字列に展開されたため、"
        + "コマンドのその位置に値が入っていません。先に `\(first)=...` のように設定し、"
        + "`echo \"$\(first)\"` で確認してください。"
    case .closeKey(let given, let key):
      return "`\(given)` は使えないキーです。もしかして: `\(key)`。"
    case .useQuery(let program, let command):
      if let command {
        return "`\(program)` の代わりに AWS CLI の `--query` (JMESPath) で項目を取り出せます: `\(command)`"
      }
      return "`\(program)` の代わりに AWS CLI の `--query` (JMESPath) で項目を取り出し、"
        + "`--output text` で値だけを表示できます。例: `--query 'services[].serviceName' --output text`"
    case .braceSplit(let typed, let words, let quoted):
      let shown = ShellQuote.shortened(typed)
      let parts = words.map { "`\(ShellQuote.shortened($0))`" }
      let how =
        quoted.map { q in
          let mark = q.hasPrefix("'") ? "シングルクォート (`'`)" : "ダブルクォート (`\"`)"
          return "1 つの値として渡すには、値全体を\(mark) で囲みます: `\(ShellQuote.shortened(q))`"
        } ?? "1 つの値として渡すには、値全体をシングルクォート (`'`) で囲みます。"
      return "シェルのブレース展開で `\(shown)` が \(words.count) つの単語 (\(parts.joined(separator: "、"))) "
        + "に分かれました。実際のターミナルの bash でも同じです。" + how
    }
  }
}

extension Msg {
  static func jaEgressPath(_ p: Egress.Path) -> String {
    switch p {
    case .internetGateway(let table, let igw, let ip):
      return "パブリック IP \(ip) → ルートテーブル \(table): 0.0.0.0/0 → インターネットゲートウェイ \(igw)"
    case .natGateway(let table, let nat, let igw):
      return "ルートテーブル \(table): 0.0.0.0/0 → NAT ゲートウェイ \(nat) → インターネットゲートウェイ \(igw)"
    case .interfaceEndpoint(let id, let ip):
      return "プライベート DNS → インターフェイスエンドポイント \(id) (\(ip):443)"
    case .gatewayEndpoint(let table, let id):
      return "ルートテーブル \(table): プレフィックスリスト → ゲートウェイエンドポイント \(id)"
    }
  }

  static func jaEgressRefusal(_ r: Egress.Refusal) -> String {
    switch r {
    case .unknownSource(let s): return "\(s) という名前のタスクやインスタンスはありません (またはサブネットがありません)"
    case .noNetwork(let s): return "\(s) には自身のネットワークインターフェイスがありません"
    case .noRoute(let subnet, let table, let ip):
      return
        "サブネット \(subnet) はプライベートです。ルートテーブル \(table) にインターネットへのルートがなく、VPC エンドポイントもありません"
        + (ip.map { " (インターネットゲートウェイへのルートがないため、パブリック IP \($0) はどこにもつながりません)" } ?? "")
    case .noPublicIp(let subnet, let table, let igw):
      return
        "サブネット \(subnet) は 0.0.0.0/0 をインターネットゲートウェイ \(igw) に送ります (\(table)) が、ネットワークインターフェイスにパブリック IP がありません。インターネットゲートウェイはパブリックアドレスからの通信しか通しません"
    case .gatewayDetached(let table, let igw):
      return "ルートテーブル \(table) は 0.0.0.0/0 を \(igw) に送りますが、このゲートウェイは VPC にアタッチされていません (blackhole)"
    case .natNotAvailable(let nat, let state):
      return "ルートの送り先の NAT ゲートウェイ \(nat) は \(state) で、available ではありません"
    case .natWithoutInternet(let nat, let subnet):
      return
        "NAT ゲートウェイ \(nat) があるサブネット \(subnet) には、インターネットゲートウェイへのルートがありません。NAT ゲートウェイはパブリックサブネットに置きます"
    case .securityGroupEgress(let groups, let to):
      return "セキュリティグループ \(groups.joined(separator: "、")) に \(to) への TCP 443 のアウトバウンドルールがありません"
    case .endpointSecurityGroup(let id, let groups, let from):
      return
        "インターフェイスエンドポイント \(id) のセキュリティグループ \(groups.joined(separator: "、")) が \(from) からの TCP 443 を許可していません (タスクのセキュリティグループからの 443 のインバウンドルールを追加します)"
    case .endpointNotAvailable(let id): return "インターフェイスエンドポイント \(id) はまだ available ではありません"
    case .gatewayEndpointNotOnRouteTable(let id, let table):
      return
        "ゲートウェイエンドポイント \(id) はありますが、このサブネットが使うルートテーブル \(table) には付いていません: aws ec2 modify-vpc-endpoint --vpc-endpoint-id \(id) --add-route-table-ids \(table)"
    }
  }

  static func jaVPCLabel(_ l: VPCLabel) -> String {
    switch l {
    case .isDefault: return "デフォルト VPC"
    case .dns(let support, let hostnames):
      return "DNS 解決 \(support ? "有効" : "無効")、DNS ホスト名 \(hostnames ? "有効" : "無効")"
    case .internetGateway(let id):
      return "インターネットゲートウェイ: " + (id ?? "なし (この VPC からインターネットに直接は出られません)")
    case .subnets: return "サブネット:"
    case .publicSubnet: return "パブリック"
    case .privateSubnet: return "プライベート"
    case .routeTables: return "ルートテーブル:"
    case .main: return "メイン"
    case .natGateways: return "NAT ゲートウェイ:"
    case .endpoints: return "VPC エンドポイント:"
    case .privateDns(let on): return on ? "プライベート DNS 有効" : "プライベート DNS 無効"
    case .nothing: return "なし"
    case .taskLine(let id, let td, let status, let ip): return "タスク \(id) (\(td)) \(status) \(ip)"
    case .instanceLine(let id, let ip, let registered):
      return "インスタンス \(id) \(ip)" + (registered ? "" : " (ECS に未登録)")
    }
  }
}

/// The words of `trace` (alb).
extension Msg {
  static func jaHopName(_ h: RequestTrace.Hop) -> String {
    switch h {
    case .client: return "クライアント"
    case .listener: return "リスナー"
    case .rule: return "ルール"
    case .targetGroup: return "ターゲットグループ"
    case .target: return "ターゲット"
    case .container: return "コンテナ"
    }
  }

  static func jaHopWhere(_ h: RequestTrace.Hop) -> String {
    switch h {
    case .client(let source, let lb, let scheme): return "\(source) → \(lb) (\(scheme))"
    case .listener(let proto, let port, _, _): return "\(proto) :\(port)"
    case .rule(let priority, _): return priority.map { "優先度 \($0)" } ?? "デフォルト"
    case .targetGroup(let name, let proto, let port, let type, _):
      return "\(name) (\(proto) :\(port)、\(type))"
    case .target(let id, let port, _, _): return "\(id):\(port)"
    case .container(let task, let name, let port): return "\(name):\(port) (タスク \(short(task)))"
    }
  }

  static func jaHopWhat(_ h: RequestTrace.Hop) -> String {
    switch h {
    case .client: return "DNS 名を解決"
    case .listener(_, _, let group, let rule):
      return group.map { "\($0)" + (rule.map { " (\($0))" } ?? "") + " が受信を許可" } ?? "受信を許可"
    case .rule(let priority, let matched):
      return priority == nil ? "一致するルールなし: デフォルトアクション" : "一致: \(matched)"
    case .targetGroup(_, _, _, _, let weight): return weight.map { "重み \($0)" } ?? "転送"
    case .target(_, _, let state, let failOpen):
      return failOpen ? "\(state): すべてのターゲットが異常なので、ALB はすべてに送ります (フェイルオープン)" : state
    case .container: return "応答"
    }
  }

  static func jaBreak(_ b: RequestTrace.Break) -> String {
    switch b {
    case .unresolvable(let host) where host.isEmpty:
      return "URL にホスト名がありません。URL 内の変数が空なのでしょう (`echo $DNS` のように `echo` で確かめ、"
        + "describe-load-balancers の DNSName から設定してください)"
    case .unresolvable(let host):
      return "DNS 名 \(host) のロードバランサーはありません (入力ミスか、削除済みのロードバランサーです)"
    case .provisioning(let lb):
      return "\(lb) はまだプロビジョニング中です (aws elbv2 wait load-balancer-available)"
    case .internalScheme(let lb):
      return "\(lb) は internal です。DNS 名はプライベートアドレスに解決され、インターネットからは到達できません (--from TASK を使います)"
    case .clientRefused(let r):
      return "ロードバランサーの" + jaRefusal(r)
    case .noListener(let port, let ports):
      return "ポート \(port) のリスナーがありません"
        + (ports.isEmpty
          ? " (リスナーがひとつもありません)" : " (リスナー: \(ports.map(String.init).joined(separator: "、")))")
    case .fixedResponse(let status): return "ルールが固定レスポンス \(status) を返します"
    case .redirect(let status, let location): return "ルールが \(location) へリダイレクトします (\(status))"
    case .noTargets(let tg, let initial, let draining):
      var parts: [String] = []
      if initial > 0 { parts.append("初回のヘルスチェック中 \(initial) 件") }
      if draining > 0 { parts.append("ドレイン中 \(draining) 件") }
      return "ターゲットグループ \(tg) に、トラフィックを受けられる登録済みのターゲットがありません: 503"
        + (parts.isEmpty
          ? ""
          : " (" + parts.joined(separator: "、")
            + "。理由は `aws elbv2 describe-target-health` とサービスイベントで確認できます)")
    case .otherVpc(let tg, let vpc):
      return "ターゲットグループ \(tg) はロードバランサーとは別の VPC (\(vpc)) にあります"
    case .timedOut(let r):
      return "リクエストがタイムアウトしました (504): " + jaRefusal(r)
        + "。ロードバランサーのセキュリティグループから、ターゲットのポートへの受信を許可する必要があります"
    case .refused(let r):
      switch r {
      case .notListening(let t, let c, let port):
        return
          "接続が拒否されました (502): \(c.map { "コンテナ " + $0 } ?? "タスク " + short(t)) はポート \(port) で待ち受けていません"
      case .nothingBound(let i, let port):
        return "接続が拒否されました (502): \(i) のポート \(port) には何もバインドされていません (ターゲットグループやヘルスチェックのポートの誤り?)"
      default: return "接続が拒否されました (502): " + jaRefusal(r)
      }
    case .none: return ""
    }
  }
}

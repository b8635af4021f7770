/// Every sentence the tutor itself says, in English and Japanese (terms from
/// shared/glossary-ja.md). AWS output is never translated.
enum Msg {
  case welcomeFirst
  case welcomeBack(lesson: String, step: Int, of: Int)
  case welcomeBackSandbox
  case helpText
  case unknownCommand(String, suggestion: String?)
  case lessonsHeader
  case noLessons
  case noSuchLesson(String)
  case lessonStarted(String)
  case stepHeader(lesson: String, index: Int, count: Int, title: String)
  case stepPassed
  case stepPassedWithHelp
  case lessonComplete(String)
  case nextLesson(String)
  case allLessonsDone
  case notInLesson
  case sandbox
  case checkAllMet
  case checkHeader(met: Int, total: Int)
  case missingResource(String)
  case expectedActual(path: String, expected: String, actual: String?)
  case forbiddenHolds(String)
  case countIs(Int)
  case noMoreHints
  case hintHeader(Int, Int)
  case solutionConfirm
  case solutionHeader
  case solutionRunHint
  case solutionCancelled
  case solutionRunning
  case undoDone
  case undoNothing
  case resetStep
  case resetLesson
  case languageSet
  case languageUsage
  case becameTrue(String)
  case exported(String)
  case imported
  case progressUsage
  case progressError(String)
  case commandNotFound(String)
  case interrupted

  func text(_ lang: Language) -> String {
    let (en, ja) = pair
    return lang == .ja ? ja : en
  }

  private var pair: (String, String) {
    switch self {
    case .welcomeFirst:
      return (
        "Welcome to **ecs-tutor**. You will build Amazon ECS by typing real AWS CLI commands; they run against a simulated AWS account, so nothing costs money and nothing can break.\nStart with the first lesson: type `lesson first-cluster` (or `lessons` to see them all, `help` for commands).",
        "**ecs-tutor** へようこそ。実際の AWS CLI コマンドを入力して Amazon ECS を組み立てていきます。コマンドはシミュレーションされた AWS アカウントで動くので、料金はかからず、何も壊れません。\nまずは最初のレッスンから: `lesson first-cluster` と入力してください（`lessons` で一覧、`help` でコマンド一覧）。"
      )
    case .welcomeBack(let lesson, let step, let of):
      return (
        "Welcome back. You were on **\(lesson)**, step \(step)/\(of). Type `goal` to see the step again, or `lessons` to choose another lesson.",
        "おかえりなさい。前回は **\(lesson)** のステップ \(step)/\(of) でした。`goal` でステップを再表示、`lessons` で別のレッスンを選べます。"
      )
    case .welcomeBackSandbox:
      return (
        "Welcome back. You are in the sandbox. Type `lessons` to pick a lesson.",
        "おかえりなさい。サンドボックスにいます。`lessons` でレッスンを選べます。"
      )
    case .helpText:
      return (
        """
        **Lessons**
          lessons              list the lessons and your progress
          lesson ID            start (or resume) a lesson
          goal                 show the current step again
          check                list what is still missing, with expected and actual values
          hint                 the next hint for this step
          solution             show the reference commands (asks first; counts as solved with help)
          solution run         run the reference commands
          sandbox              leave the lesson and play freely (no checks)
        **Your world**
          undo                 undo the last command that changed the world
          reset                restart the current step; `reset lesson` restarts the lesson
          show cluster [NAME]  instances, their CPU and memory, tasks and ports; `show planes`
          show ports [INSTANCE] | show task TASK   host ports per instance; a task's network
          reach SOURCE TARGET:PORT   can it get there? the path, or the hop that refuses
          capacity add --cluster NAME [--type t3.medium] [--count N]   launch EC2 capacity
        **Time and failures**
          wait [30s|2m]        let time pass (no argument: until nothing changes)
          time auto|manual     settle after each command, or move only with `wait`
          events [N]           what happened in the world lately
          simulate instance-failure ID | crash TASK | load SERVICE PERCENT
        **Settings and files**
          lang ja|en           switch the tutor's language
          progress export FILE / progress import FILE
        **Commands you can type**
          aws SERVICE OPERATION [--options]   the AWS CLI (ecs, ec2, ...); `aws ecs help`
          docker build|tag|login|push|images  a simulated docker for ECR
          NAME=value, export, echo            shell variables as in AWS tutorials
          help, exit                          this text; leave (Ctrl-D too)
        """,
        """
        **レッスン**
          lessons              レッスンの一覧と進み具合
          lesson ID            レッスンを開始（または再開）
          goal                 現在のステップをもう一度表示
          check                まだ足りないものを、期待値と実際の値で一覧
          hint                 このステップの次のヒント
          solution             模範解答のコマンドを表示（確認あり。「ヘルプあり」で解決扱い）
          solution run         模範解答のコマンドを実行
          sandbox              レッスンを離れて自由に操作（チェックなし）
        **ワールド**
          undo                 ワールドを変えた直前のコマンドを取り消す
          reset                現在のステップをやり直す。`reset lesson` でレッスン全体
          show cluster [NAME]  インスタンスの CPU とメモリ、タスクとポート。`show planes` も
          show ports [INSTANCE] | show task TASK   インスタンスのホストポート、タスクのネットワーク
          reach SOURCE TARGET:PORT   届くかどうか: 経路、または拒否したホップ
          capacity add --cluster NAME [--type t3.medium] [--count N]   EC2 キャパシティを追加
        **時間と障害**
          wait [30s|2m]        時間を進める（引数なし: 変化が止まるまで）
          time auto|manual     コマンドごとに落ち着くまで進めるか、`wait` でだけ進めるか
          events [N]           ワールドで最近起きたこと
          simulate instance-failure ID | crash TASK | load SERVICE PERCENT
        **設定とファイル**
          lang ja|en           チューターの言語を切り替え
          progress export FILE / progress import FILE
        **入力できるコマンド**
          aws SERVICE OPERATION [--options]   AWS CLI（ecs, ec2 など）。`aws ecs help`
          docker build|tag|login|push|images  ECR 用のシミュレーションされた docker
          NAME=value, export, echo            AWS のチュートリアルと同じシェル変数
          help, exit                          このヘルプ / 終了（Ctrl-D でも可）
        """
      )
    case .unknownCommand(let word, let suggestion):
      let s = suggestion.map { " Did you mean `\($0)`?" } ?? ""
      let sj = suggestion.map { " `\($0)` のことですか？" } ?? ""
      return (
        "ecs-tutor: command not found: \(word).\(s) Type `help` for the commands you can use.",
        "ecs-tutor: コマンドが見つかりません: \(word)。\(sj) 使えるコマンドは `help` で確認できます。"
      )
    case .lessonsHeader: return ("**Lessons**", "**レッスン**")
    case .noLessons:
      return ("No lessons are loaded.", "レッスンが読み込まれていません。")
    case .noSuchLesson(let id):
      return (
        "There is no lesson '\(id)'. Type `lessons` to see them.",
        "レッスン '\(id)' はありません。`lessons` で一覧を表示できます。"
      )
    case .lessonStarted(let title): return ("**\(title)**", "**\(title)**")
    case .stepHeader(let lesson, let index, let count, let title):
      return (
        "**Step \(index)/\(count) — \(title)** (\(lesson))",
        "**ステップ \(index)/\(count) — \(title)**（\(lesson)）"
      )
    case .stepPassed: return ("✓ Step complete.", "✓ ステップ完了です。")
    case .stepPassedWithHelp:
      return ("✓ Step complete (with the solution's help).", "✓ ステップ完了です（模範解答を使用）。")
    case .lessonComplete(let title):
      return ("🎉 Lesson complete: **\(title)**.", "🎉 レッスン完了: **\(title)**")
    case .nextLesson(let id):
      return ("Next: `lesson \(id)`.", "次は `lesson \(id)` です。")
    case .allLessonsDone:
      return (
        "You have finished every lesson. The sandbox is yours: type `sandbox`.",
        "すべてのレッスンを終えました。`sandbox` で自由に試せます。"
      )
    case .notInLesson:
      return (
        "You are in the sandbox, where nothing is checked. Type `lessons` to pick a lesson.",
        "今はサンドボックスです（チェックはありません）。`lessons` でレッスンを選んでください。"
      )
    case .sandbox:
      return (
        "Sandbox: a fresh AWS account; nothing is checked. `lessons` brings you back.",
        "サンドボックス: 新しい AWS アカウントです。チェックはありません。`lessons` でレッスンに戻れます。"
      )
    case .checkAllMet:
      return ("Everything this step asks for is in place.", "このステップで必要なものはすべてそろっています。")
    case .checkHeader(let met, let total):
      return ("\(met) of \(total) done:", "\(total) 項目中 \(met) 項目を達成:")
    case .missingResource(let what):
      // AWS's Japanese style: a half-width space only between Latin letters or digits and Japanese.
      let gap = what.last.map { $0.isASCII } ?? false ? " " : ""
      return ("\(what) does not exist yet.", "\(what)\(gap)はまだ存在しません。")
    case .expectedActual(let path, let expected, let actual):
      let a = actual ?? "(not set)"
      let aj = actual ?? "（未設定）"
      return ("\(path): expected \(expected), found \(a)", "\(path): 期待値 \(expected)、実際は \(aj)")
    case .forbiddenHolds(let what):
      return ("This must not be so: \(what)", "次の状態になってはいけません: \(what)")
    case .countIs(let n): return ("there are \(n)", "現在 \(n) 個")
    case .noMoreHints:
      return (
        "No more hints. `solution` shows the reference commands.",
        "ヒントはこれで全部です。`solution` で模範解答を表示できます。"
      )
    case .hintHeader(let n, let total): return ("Hint \(n)/\(total):", "ヒント \(n)/\(total):")
    case .solutionConfirm:
      return (
        "Show the reference solution? The step will count as solved with help. Type `solution` again to confirm.",
        "模範解答を表示しますか？ このステップは「ヘルプあり」で解決扱いになります。確認のため、もう一度 `solution` と入力してください。"
      )
    case .solutionHeader: return ("Reference solution:", "模範解答:")
    case .solutionRunHint:
      return (
        "Type the commands yourself, or `solution run` to run them.",
        "自分で入力するか、`solution run` で実行できます。"
      )
    case .solutionCancelled: return ("", "")
    case .solutionRunning: return ("Running the reference solution:", "模範解答を実行します:")
    case .undoDone:
      return (
        "Undone: the world is as it was before that command.", "取り消しました。ワールドはそのコマンドの前の状態に戻りました。"
      )
    case .undoNothing: return ("Nothing to undo.", "取り消せる操作はありません。")
    case .resetStep: return ("The step starts again from its beginning.", "ステップを最初からやり直します。")
    case .resetLesson: return ("The lesson starts again from its beginning.", "レッスンを最初からやり直します。")
    case .languageSet: return ("The tutor now speaks English.", "チューターの言語を日本語にしました。")
    case .languageUsage: return ("Usage: lang ja|en", "使い方: lang ja|en")
    case .becameTrue(let what): return ("✓ \(what)", "✓ \(what)")
    case .exported(let path): return ("Progress written to \(path).", "進み具合を \(path) に書き出しました。")
    case .imported: return ("Progress imported.", "進み具合を読み込みました。")
    case .progressUsage:
      return (
        "Usage: progress export FILE | progress import FILE",
        "使い方: progress export FILE | progress import FILE"
      )
    case .progressError(let why):
      return ("Could not use that progress file: \(why)", "進み具合のファイルを使えませんでした: \(why)")
    case .commandNotFound(let word):
      return (
        "ecs-tutor: \(word): command not found. Only `aws`, a few shell built-ins (echo, export) and the tutor's commands run here; type `help`.",
        "ecs-tutor: \(word): コマンドが見つかりません。ここで動くのは `aws`、いくつかのシェル組み込みコマンド（echo, export）とチューターのコマンドだけです。`help` を参照してください。"
      )
    case .interrupted: return ("Interrupted.", "中断しました。")
    }
  }
}

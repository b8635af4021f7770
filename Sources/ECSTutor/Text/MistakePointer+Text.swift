import ECSCommands

// ---------------------------------------------------------------------------------------------
// NEW SENTENCES (term helper, issue 11 "common mistakes get a pointer"): one block, en and ja,
// to be folded into the per-language catalogues. Japanese follows shared/glossary-ja.md.
// ---------------------------------------------------------------------------------------------

extension MistakePointer {
  /// The pointer as one Markdown line in `language`, printed after what the AWS CLI printed.
  func text(_ language: Language) -> String {
    let ja = language == .ja
    switch self {
    case .defaultClusterUsed(let clusters):
      let add =
        clusters.count == 1
        ? (ja ? "`--cluster \(clusters[0])` を付けてください。" : "Add `--cluster \(clusters[0])`.")
        : (ja
          ? "`--cluster NAME` を付けてください (作成済みのクラスター: \(list(clusters, ja: true)))。"
          : "Add `--cluster NAME` (your clusters: \(list(clusters, ja: false))).")
      return ja
        ? "`--cluster` を指定しなかったため、`default` という名前のクラスターが使われました。" + add
        : "No `--cluster` was given, so the command used the cluster named `default`. " + add
    case .optionOfAnotherOperation(let given, let correct, let operation, let owner):
      if ja {
        let tail = owner.map { " (`\(given)` は `\($0)` のオプションです)" } ?? ""
        return "`\(operation)` のオプションは `\(given)` ではなく `\(correct)` です\(tail)。"
      }
      let tail = owner.map { " (`\(given)` belongs to `\($0)`)" } ?? ""
      return "`\(operation)` takes `\(correct)`, not `\(given)`\(tail)."
    case .noUpdateTaskDefinition:
      return ja
        ? "`update-task-definition` というコマンドはありません。タスク定義のリビジョンは変更できないためです。"
          + "同じ `--family` で `aws ecs register-task-definition` を実行して新しいリビジョンを登録し、"
          + "サービスは `aws ecs update-service --task-definition FAMILY` で新しいリビジョンに切り替えます。"
        : "There is no `update-task-definition`: a task definition revision never changes. "
          + "Register a new revision with `aws ecs register-task-definition` (same `--family`), "
          + "then move a service to it with `aws ecs update-service --task-definition FAMILY`."
    case .emptyVariables(let names):
      let first = names[0]
      let vars = names.map { "`$\($0)`" }
      if ja {
        return "\(list(names, ja: true)) が空です。\(vars.joined(separator: "、")) が空の文字列に展開されたため、"
          + "コマンドのその位置に値が入っていません。先に `\(first)=...` のように設定し、"
          + "`echo \"$\(first)\"` で確認してください。"
      }
      let verb = names.count == 1 ? "is" : "are"
      return "\(list(names, ja: false)) \(verb) empty: \(vars.joined(separator: ", ")) expanded to "
        + "nothing, so the command got no value there. Set it first (`\(first)=...`) and check "
        + "it with `echo \"$\(first)\"`."
    case .closeKey(let given, let key):
      return ja
        ? "`\(given)` は使えないキーです。もしかして: `\(key)`。"
        : "`\(given)` is not a key here; did you mean `\(key)`?"
    case .useQuery(let program, let command):
      if let command {
        return ja
          ? "`\(program)` の代わりに AWS CLI の `--query` (JMESPath) で項目を取り出せます: `\(command)`"
          : "Instead of `\(program)`, the AWS CLI's own `--query` (JMESPath) picks fields: `\(command)`"
      }
      return ja
        ? "`\(program)` の代わりに AWS CLI の `--query` (JMESPath) で項目を取り出し、"
          + "`--output text` で値だけを表示できます。例: `--query 'services[].serviceName' --output text`"
        : "Instead of `\(program)`, the AWS CLI's own `--query` (JMESPath) picks fields and "
          + "`--output text` prints bare values, e.g. `--query 'services[].serviceName' --output text`."
    case .braceSplit(let typed, let words, let quoted):
      let shown = ShellQuote.shortened(typed)
      let parts = words.map { "`\(ShellQuote.shortened($0))`" }
      if ja {
        let how =
          quoted.map { q in
            let mark = q.hasPrefix("'") ? "シングルクォート (`'`)" : "ダブルクォート (`\"`)"
            return "1 つの値として渡すには、値全体を\(mark) で囲みます: `\(ShellQuote.shortened(q))`"
          } ?? "1 つの値として渡すには、値全体をシングルクォート (`'`) で囲みます。"
        return "シェルのブレース展開で `\(shown)` が \(words.count) つの単語 (\(parts.joined(separator: "、"))) "
          + "に分かれました。実際のターミナルの bash でも同じです。" + how
      }
      let how =
        quoted.map { "Put it in quotes to keep it one word: `\(ShellQuote.shortened($0))`" }
        ?? "Put it in single quotes to keep it one word."
      return "The shell's brace expansion split `\(shown)` into \(words.count) words "
        + "(\(parts.joined(separator: ", "))), as bash does in a real terminal. " + how
    }
  }

  private func list(_ names: [String], ja: Bool) -> String {
    names.map { "`\($0)`" }.joined(separator: ja ? "、" : ", ")
  }
}

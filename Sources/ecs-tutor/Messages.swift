import ECSTutor

/// The executable's own few sentences, in both languages.
enum Messages {
  static func progressUnreadable(_ language: Language, movedTo path: String) -> String {
    switch language {
    case .en: "Your saved progress could not be read; it was moved to \(path). Starting fresh."
    case .ja: "保存された進捗を読み込めなかったため、\(path) に移動しました。最初から始めます。"
    }
  }

  static func progressNotSaved(_ language: Language, _ reason: String) -> String {
    switch language {
    case .en: "Progress could not be saved: \(reason)"
    case .ja: "進捗を保存できませんでした: \(reason)"
    }
  }

  static func historyNotSaved(_ language: Language, _ reason: String) -> String {
    switch language {
    case .en: "Command history could not be saved: \(reason)"
    case .ja: "コマンド履歴を保存できませんでした: \(reason)"
    }
  }

  static func lessonsUnavailable(_ language: Language) -> String {
    switch language {
    case .en: "The lessons could not be loaded; you are in the sandbox (AWS commands still work)."
    case .ja: "レッスンを読み込めませんでした。サンドボックスで続けます（AWS コマンドは使えます）。"
    }
  }

  static func interrupted(_ language: Language) -> String {
    switch language {
    case .en: "Interrupted."
    case .ja: "中断しました。"
    }
  }
}

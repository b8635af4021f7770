import ECSModel

/// Turns a bank file's YAML (lessons/quizzes/TOPIC.yaml) into a `QuizBank`, reporting every
/// problem with its line, as lesson files are.
extension LessonDecoder {
  mutating func decodeBank(_ root: YAMLNode, topic: String) -> QuizBank? {
    guard case .map = root.value else {
      fail(root, "a quiz bank holds a mapping with title and questions")
      return nil
    }
    checkKeys(root, allowed: ["title", "questions"], in: "quiz bank")
    let title = localized(root, "title", required: true)
    var questions: [QuizQuestion] = []
    if let list = root["questions"], case .list(let items) = list.value {
      var seen: Set<String> = []
      for item in items {
        if let q = decodeQuestion(item) {
          if !seen.insert(q.id).inserted { fail(item, "duplicate question id '\(q.id)'") }
          questions.append(q)
        }
      }
      if items.isEmpty { fail(list, "a quiz bank needs at least one question") }
    } else {
      fail(root["questions"] ?? root, "'questions' must be a list of questions")
    }
    guard let title else { return nil }
    return QuizBank(topic: topic, title: title, questions: questions, path: path)
  }

  mutating func decodeQuestion(_ node: YAMLNode) -> QuizQuestion? {
    guard case .map = node.value else {
      fail(node, "a question is a mapping with id, kind, lesson and text")
      return nil
    }
    checkKeys(
      node,
      allowed: [
        "id", "kind", "lesson", "text", "options", "answers", "explanation", "params", "setup",
        "expect", "forbid", "hints", "solution", "limit", "ask",
      ],
      in: "question")
    let id = requiredString(node, "id") ?? ""
    let kindText = requiredString(node, "kind") ?? ""
    let kind = QuizQuestion.Kind(rawValue: kindText)
    if kind == nil && !kindText.isEmpty {
      fail(
        node["kind"],
        "unknown kind '\(kindText)' (one of: "
          + QuizQuestion.Kind.allCases.map(\.rawValue).joined(separator: ", ") + ")")
    }
    var link = LessonLink(lesson: "", step: "")
    if let l = requiredString(node, "lesson") {
      let parts = l.split(separator: "/").map(String.init)
      if parts.count == 2 {
        link = LessonLink(lesson: parts[0], step: parts[1])
      } else {
        fail(node["lesson"], "'lesson' names a lesson step: LESSON/STEP")
      }
    }
    let text = localized(node, "text", required: true)
    var options: [QuizOption] = []
    if let o = node["options"] {
      if case .list(let items) = o.value {
        for item in items { if let opt = decodeOption(item) { options.append(opt) } }
      } else {
        fail(o, "'options' must be a list of {en, ja, correct, explain}")
      }
    }
    let answers = commands(node, "answers")
    let explanation = localized(node, "explanation", required: false)
    var params: [QuizParam] = []
    if let p = node["params"] {
      if case .map(let members) = p.value {
        for (name, v) in members {
          if let param = decodeParam(name, v) { params.append(param) }
        }
      } else {
        fail(p, "'params' maps NAME to a list of values or {min, max}")
      }
    }
    var hints: [Localized] = []
    if let h = node["hints"], case .list(let items) = h.value {
      for item in items { if let l = localizedValue(item, what: "hint") { hints.append(l) } }
    }
    var limit = 8
    if let l = node["limit"] {
      if let n = l.string.flatMap({ Int($0) }), n > 0 {
        limit = n
      } else {
        fail(l, "'limit' is a positive number of commands")
      }
    }
    var ask: PredictAsk?
    if let a = node["ask"] {
      checkKeys(a, allowed: ["query", "holds", "succeeds"], in: "ask")
      if let q = a["query"]?.string {
        ask = .query(q)
      } else if let s = a["succeeds"]?.string {
        ask = .succeeds(s)
      } else if a["holds"] != nil {
        ask = .holds(assertions(a, "holds"))
      } else {
        fail(a, "'ask' is one of: query: COMMAND, succeeds: COMMAND, holds: [ASSERTION]")
      }
    }
    guard let kind, let text else { return nil }
    let q = QuizQuestion(
      id: id, kind: kind, text: text, options: options, answers: answers,
      explanation: explanation, lesson: link, params: params, setup: commands(node, "setup"),
      expect: assertions(node, "expect"), forbid: assertions(node, "forbid"), hints: hints,
      solution: commands(node, "solution"), limit: limit, ask: ask, line: node.line)
    checkShape(q, node)
    return q
  }

  /// What each kind needs: the problems `lessons verify` can see without running anything.
  mutating func checkShape(_ q: QuizQuestion, _ node: YAMLNode) {
    switch q.kind {
    case .single, .multiple:
      let right = q.options.filter(\.correct).count
      if q.options.count < 2 { fail(node, "question '\(q.id)' needs at least 2 options") }
      if q.kind == .single && right != 1 {
        fail(node, "single-choice question '\(q.id)' has \(right) correct options; it needs 1")
      }
      if q.kind == .multiple && right < 1 {
        fail(node, "multiple-choice question '\(q.id)' has no correct option")
      }
    case .short:
      if q.answers.isEmpty { fail(node, "short-answer question '\(q.id)' needs 'answers'") }
      if q.explanation == nil { fail(node, "short-answer question '\(q.id)' needs 'explanation'") }
    case .configure:
      if q.expect.isEmpty { fail(node, "configure question '\(q.id)' needs 'expect'") }
      if q.solution.isEmpty { fail(node, "configure question '\(q.id)' needs 'solution'") }
      if q.solution.count > q.limit {
        fail(node, "configure question '\(q.id)': its solution needs more than 'limit' commands")
      }
    case .predict:
      if q.ask == nil { fail(node, "predict question '\(q.id)' needs 'ask'") }
      if q.options.contains(where: \.correct) {
        fail(
          node,
          "predict question '\(q.id)': the simulator decides; give options a 'value', not 'correct'"
        )
      }
      if !q.options.isEmpty && q.options.contains(where: { $0.value == nil }) {
        fail(node, "predict question '\(q.id)': every option needs the 'value' it stands for")
      }
      if q.options.isEmpty && q.explanation == nil {
        fail(node, "predict question '\(q.id)' needs 'explanation' (or options with explanations)")
      }
    }
  }

  mutating func decodeOption(_ node: YAMLNode) -> QuizOption? {
    guard case .map = node.value else {
      fail(node, "an option is a mapping {en, ja, correct, explain}")
      return nil
    }
    checkKeys(node, allowed: ["en", "ja", "correct", "explain", "value"], in: "option")
    let en = node["en"]?.string ?? ""
    let ja = node["ja"]?.string ?? ""
    if en.isEmpty { fail(node, "an option has no English text (en)") }
    if ja.isEmpty { fail(node, "an option has no Japanese text (ja)") }
    let correct = node["correct"]?.string == "true"
    if let c = node["correct"]?.string, c != "true" && c != "false" {
      fail(node["correct"], "'correct' is true or false")
    }
    guard let explain = localized(node, "explain", required: true) else { return nil }
    return QuizOption(
      text: Localized(en: en, ja: ja), correct: correct, explain: explain,
      value: node["value"]?.string)
  }

  mutating func decodeParam(_ name: String, _ node: YAMLNode) -> QuizParam? {
    if !name.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_") }) {
      fail(node, "parameter name '\(name)' is upper-case letters, digits and '_'")
    }
    switch node.value {
    case .list(let items):
      let values = items.compactMap(\.string)
      if values.isEmpty || values.count != items.count {
        fail(node, "parameter '\(name)' needs a list of values")
        return nil
      }
      return QuizParam(name: name, values: .list(values))
    case .map:
      guard let lo = node["min"]?.string.flatMap({ Int($0) }),
        let hi = node["max"]?.string.flatMap({ Int($0) }), lo <= hi
      else {
        fail(node, "parameter '\(name)' needs {min: N, max: M} with N <= M")
        return nil
      }
      return QuizParam(name: name, values: .range(lo...hi))
    default:
      fail(node, "parameter '\(name)' needs a list of values or {min, max}")
      return nil
    }
  }
}

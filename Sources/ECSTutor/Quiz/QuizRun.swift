import ECSCommands
import ECSModel
import Foundation

/// A quiz in progress: the questions chosen and shuffled by the seed, the answers so far, and
/// the world of the current configure or predict question. `answer(_:)` takes one line.
public struct QuizRun: Sendable {
  /// One question as asked: the bank it comes from, its text with the seed's values, and the
  /// order its options are shown in (`order[i]` is the original index of shown option i+1).
  struct Item: Sendable {
    var bank: String
    var question: QuizQuestion
    var order: [Int]
  }

  public let topic: String
  public let seed: UInt64
  var items: [Item]
  var index = 0
  public private(set) var answers: [QuizAnswer] = []
  /// Beside each answer: the options chosen and the right ones (original indices), for the review.
  var picks: [Pick] = []
  struct Pick: Sendable {
    var chosen: [Int]
    var right: [Int]
  }
  var current: QuizWorld?
  /// The commands typed for the current configure question.
  var typed: [String] = []
  var commandsUsed: Int { typed.count }
  var hintsUsed = 0
  /// The lessons, to name the step that teaches a question in the review.
  let lessons: LessonLibrary

  /// Chooses `count` questions of `banks` (all when nil) in an order, with option orders and
  /// parameter values, all fixed by `seed`.
  init(
    topic: String, banks: [QuizBank], seed: UInt64, count: Int?, lessons: LessonLibrary
  ) {
    self.topic = topic
    self.seed = seed
    self.lessons = lessons
    var rng = SeededRandom(seed: seed)
    var all = banks.flatMap { b in b.questions.map { (b.topic, $0) } }
    rng.shuffle(&all)
    if let count, count < all.count { all = Array(all.prefix(max(count, 1))) }
    items = all.map { bank, q in
      var optionRng = SeededRandom(seed: seed ^ QuizQuestion.stableHash("options/" + q.id))
      var order = Array(q.options.indices)
      optionRng.shuffle(&order)
      return Item(bank: bank, question: q.instantiated(seed: seed), order: order)
    }
  }

  public var count: Int { items.count }
  /// Whether the current question takes shell commands (configure) rather than an answer.
  var wantsCommands: Bool { !finished && items[index].question.kind == .configure }
  public var finished: Bool { index >= items.count }
  public var score: Int { answers.filter(\.correct).count }

  var prompt: String {
    guard !finished else { return "[quiz] > " }
    let q = items[index].question
    return q.kind == .configure
      ? "[quiz \(index + 1)/\(count)] $ " : "[quiz \(index + 1)/\(count)] > "
  }

  /// The current question, shown; builds its world first.
  mutating func present(_ lang: Language) -> [Output] {
    guard !finished else { return [] }
    let item = items[index]
    let q = item.question
    typed = []
    hintsUsed = 0
    current = q.hasWorld ? QuizWorld(q, language: lang) : nil
    var out: [Output] = [
      Output(
        .tutor(.heading),
        Msg.quizQuestionHeader(
          index: index + 1, count: count, kind: q.kind.rawValue, limit: q.limit
        ).text(lang)),
      Output(.tutor(.plain), Markdown.render(q.text.text(lang))),
    ]
    if q.hasWorld && !q.setup.isEmpty {
      out.append(Output(.tutor(.dim), Msg.quizWorldBuilt.text(lang)))
      out.append(Output(.tutor(.dim), q.setup.map { "    " + $0 }.joined(separator: "\n")))
    }
    if !q.options.isEmpty {
      let lines = item.order.enumerated().map { shown, original in
        "  \(shown + 1)) " + Markdown.render(q.options[original].text.text(lang))
      }
      out.append(Output(.tutor(.plain), lines.joined(separator: "\n")))
    }
    out.append(
      Output(
        .tutor(.dim), Msg.quizHowTo(kind: q.kind.rawValue, choices: !q.options.isEmpty).text(lang)))
    return out
  }

  /// Takes one line: an answer, a command of a configure question, or `hint`, `check`, `skip`,
  /// `quit`. Moves on to the next question when this one is decided.
  mutating func answer(_ line: String, _ lang: Language) -> [Output] {
    guard !finished else { return [] }
    let item = items[index]
    let q = item.question
    let word = QuizAnswerText.normalise(line)
    if word == "quit" || word == "exit" {
      var out = [
        Output(.tutor(.hint), Msg.quizEndedEarly(answered: answers.count, of: count).text(lang))
      ]
      while !finished {
        let rest = items[index]
        // A predict question not reached yet is still answered by the simulator, for the review.
        let world =
          rest.question.kind == .predict ? current ?? QuizWorld(rest.question, language: lang) : nil
        let truth = world.flatMap { w in rest.question.ask.flatMap { w.truth($0) } }
        record(
          item: rest, given: "", correct: false, expected: expected(rest, truth: truth, lang),
          truth: truth, lang)
        current = nil
        index += 1
      }
      return out
    }
    if word == "skip" {
      let truth = q.kind == .predict ? current.flatMap { w in q.ask.flatMap { w.truth($0) } } : nil
      let exp = expected(item, truth: truth, lang)
      record(item: item, given: "skip", correct: false, expected: exp, truth: truth, lang)
      var out = [Output(.tutor(.hint), Msg.quizSkipped(exp).text(lang))]
      out += explanation(item, chosen: [], truth: truth, lang)
      return out + next(lang)
    }
    switch q.kind {
    case .configure: return configureLine(line, word: word, lang)
    case .short:
      let ok = q.answers.map(QuizAnswerText.normalise).contains(word)
      return decide(item, given: line, correct: ok, chosen: [], truth: nil, lang)
    case .single, .multiple, .predict:
      var truth: String?
      if q.kind == .predict {
        truth = current.flatMap { w in q.ask.flatMap { w.truth($0) } }
      }
      if q.options.isEmpty {
        // A predict question answered in words: the simulator's answer is the key.
        let ok = truth.map { QuizAnswerText.normalise($0) == word } ?? false
        return decide(item, given: line, correct: ok, chosen: [], truth: truth, lang)
      }
      guard let picked = QuizAnswerText.choices(line),
        picked.allSatisfy({ (1...q.options.count).contains($0) }),
        q.kind == .multiple || picked.count == 1
      else {
        return [
          Output(
            .tutor(.hint),
            Msg.quizBadChoice(max: q.options.count, multiple: q.kind == .multiple).text(lang))
        ]
      }
      let chosen = picked.map { item.order[$0 - 1] }
      let right = Set(correctOptions(item, truth: truth))
      return decide(
        item, given: picked.map(String.init).joined(separator: " "), correct: Set(chosen) == right,
        chosen: chosen, truth: truth, lang)
    }
  }

  /// The original indices of the right options: marked `correct`, or, for a predict question,
  /// the one whose value the simulator gave.
  func correctOptions(_ item: Item, truth: String?) -> [Int] {
    let q = item.question
    if q.kind == .predict {
      guard let truth = truth.map(QuizAnswerText.normalise) else { return [] }
      return q.options.indices.filter { q.options[$0].value.map(QuizAnswerText.normalise) == truth }
    }
    return q.options.indices.filter { q.options[$0].correct }
  }

  /// The right answer in words: the shown numbers and texts of the right options, the first
  /// accepted short answer, the simulator's answer, or a configure question's solution.
  func expected(_ item: Item, truth: String?, _ lang: Language) -> String {
    let q = item.question
    if !q.options.isEmpty {
      let right = correctOptions(item, truth: truth)
      return item.order.enumerated().filter { right.contains($0.element) }.map { shown, original in
        "\(shown + 1)) " + Markdown.strip(q.options[original].text.text(lang))
      }.joined(separator: "; ")
    }
    switch q.kind {
    case .short: return q.answers.first ?? ""
    case .predict: return truth ?? "?"
    case .configure: return q.solution.joined(separator: "\n")
    default: return ""
    }
  }

  mutating func decide(
    _ item: Item, given: String, correct: Bool, chosen: [Int], truth: String?, _ lang: Language
  ) -> [Output] {
    let exp = expected(item, truth: truth, lang)
    record(
      item: item, given: given, correct: correct, expected: exp, chosen: chosen, truth: truth, lang)
    var out: [Output] = []
    if item.question.kind == .predict, let truth {
      out.append(Output(.tutor(.dim), Msg.quizSimulatorSays(truth).text(lang)))
    }
    out.append(
      correct
        ? Output(.tutor(.success), Msg.quizCorrect.text(lang))
        : Output(.tutor(.hint), Msg.quizIncorrect(exp).text(lang)))
    out += explanation(item, chosen: chosen, truth: truth, lang)
    return out + next(lang)
  }

  /// Why: for choices, the explanation of every option chosen and every right one; else the
  /// question's explanation.
  func explanation(_ item: Item, chosen: [Int], truth: String?, _ lang: Language) -> [Output] {
    let q = item.question
    var out: [Output] = []
    if !q.options.isEmpty {
      let right = correctOptions(item, truth: truth)
      for (shown, original) in item.order.enumerated()
      where chosen.contains(original) || right.contains(original) {
        let mark = right.contains(original) ? "✓" : "✗"
        out.append(
          Output(
            .tutor(.plain),
            "\(mark) \(shown + 1)) " + Markdown.render(q.options[original].explain.text(lang))))
      }
    }
    if let e = q.explanation { out.append(Output(.tutor(.plain), Markdown.render(e.text(lang)))) }
    return out
  }

  mutating func configureLine(_ line: String, word: String, _ lang: Language) -> [Output] {
    let item = items[index]
    let q = item.question
    guard var w = current else { return [] }
    if word == "hint" {
      guard hintsUsed < q.hints.count else {
        return [Output(.tutor(.hint), Msg.quizNoMoreHints.text(lang))]
      }
      hintsUsed += 1
      return [
        Output(
          .tutor(.hint),
          Msg.quizHint(hintsUsed, of: q.hints.count).text(lang) + " "
            + Markdown.render(q.hints[hintsUsed - 1].text(lang)))
      ]
    }
    if word == "check" {
      return Explain.check(Checker.evaluate(QuizWorld.goalStep(q), on: w.world), lang)
    }
    let r = w.engine.run(line, world: &w.world)
    current = w
    typed.append(line)
    var out: [Output] = []
    if !r.stdout.isEmpty { out.append(Output(.stdout, r.stdout)) }
    if !r.stderr.isEmpty { out.append(Output(.stderr, r.stderr)) }
    if w.goalHolds(q) {
      return out
        + decide(
          item, given: typed.joined(separator: "\n"), correct: true, chosen: [], truth: nil, lang)
    }
    if commandsUsed >= q.limit {
      out.append(Output(.tutor(.hint), Msg.quizOutOfCommands(q.limit).text(lang)))
      return out
        + decide(
          item, given: typed.joined(separator: "\n"), correct: false, chosen: [], truth: nil, lang)
    }
    out.append(Output(.tutor(.dim), Msg.quizCommandsLeft(q.limit - commandsUsed).text(lang)))
    return out
  }

  mutating func record(
    item: Item, given: String, correct: Bool, expected: String, chosen: [Int] = [],
    truth: String?, _ lang: Language
  ) {
    let q = item.question
    picks.append(Pick(chosen: chosen, right: correctOptions(item, truth: truth)))
    answers.append(
      QuizAnswer(
        id: q.id, bank: item.bank, kind: q.kind.rawValue,
        question: Markdown.strip(q.text.text(lang)).trimmingCharacters(in: .whitespacesAndNewlines),
        given: given, correct: correct, expected: expected, lesson: q.lesson.description))
  }

  mutating func next(_ lang: Language) -> [Output] {
    index += 1
    var out = [Output(.tutor(.dim), Msg.quizScore(score, answered: answers.count).text(lang))]
    if !finished { out += present(lang) }
    return out
  }

  /// The end: the score, then each wrong answer with its explanation and the step that
  /// teaches it.
  func summary(_ lang: Language) -> [Output] {
    let percent = count == 0 ? 0 : score * 100 / count
    var out = [
      Output(
        .tutor(.heading), Msg.quizDone(score: score, total: count, percent: percent).text(lang))
    ]
    let wrong = answers.enumerated().filter { !$0.element.correct }
    if wrong.isEmpty {
      out.append(Output(.tutor(.success), Msg.quizAllRight.text(lang)))
      return out
    }
    out.append(Output(.tutor(.heading), Msg.quizReviewHeader.text(lang)))
    for (n, a) in wrong {
      let item = items[n]
      let q = item.question
      out.append(
        Output(
          .tutor(.plain),
          Msg.quizReviewItem(
            index: n + 1, question: a.question, given: a.given, expected: a.expected
          ).text(lang)))
      let pick = picks[n]
      if !q.options.isEmpty {
        for (shown, original) in item.order.enumerated()
        where pick.chosen.contains(original) || pick.right.contains(original) {
          out.append(
            Output(
              .tutor(.plain),
              "   \(shown + 1)) " + Markdown.render(q.options[original].explain.text(lang))))
        }
      }
      if let e = q.explanation {
        out.append(Output(.tutor(.plain), "   " + Markdown.render(e.text(lang))))
      }
      let title = lessons.lesson(q.lesson.lesson).flatMap { l in
        l.steps.firstIndex { $0.id == q.lesson.step }.map { (l, $0) }
      }
      out.append(
        Output(
          .tutor(.hint),
          // Rendered (backticks become spans) and indented less than four spaces, which the
          // Markdown subset would show verbatim as a command.
          "  → "
            + Markdown.render(
              Msg.quizTaughtIn(
                lesson: q.lesson.lesson, step: (title?.1 ?? 0) + 1,
                title: title.map { $0.0.steps[$0.1].title.text(lang) } ?? q.lesson.step
              ).text(lang))))
    }
    return out
  }

  /// The finished quiz as a value for the report and the progress file.
  func result(date: String, language: Language) -> QuizResult {
    QuizResult(
      topic: topic, seed: seed, date: date, language: language.rawValue, score: score,
      total: count, answers: answers)
  }
}

/// One answer given in a quiz.
public struct QuizAnswer: Sendable, Equatable, Codable {
  public var id: String
  /// The bank (topic) the question comes from.
  public var bank: String
  public var kind: String
  /// The question's text, as shown.
  public var question: String
  /// What was typed (option numbers as shown; a configure question: the commands used), empty
  /// when the quiz ended before it.
  public var given: String
  public var correct: Bool
  /// The right answer in words (for predict: what the simulator said).
  public var expected: String
  /// The lesson step that teaches it: `LESSON/STEP`.
  public var lesson: String
}

/// A finished quiz: what the reports are made of.
public struct QuizResult: Sendable, Equatable, Codable {
  public var topic: String
  public var seed: UInt64
  public var date: String
  public var language: String
  public var score: Int
  public var total: Int
  public var answers: [QuizAnswer]

  /// The attempt as progress.json keeps it.
  public var attempt: QuizAttempt {
    QuizAttempt(
      topic: topic, seed: seed, date: date, score: score, total: total,
      missed: answers.filter { !$0.correct }.map(\.id))
  }
}

extension SeededRandom {
  /// Fisher–Yates with this generator's draws: the same order for the same seed on every
  /// machine and Swift version (unlike `shuffle(using:)`, whose algorithm may change).
  mutating func shuffle<T>(_ items: inout [T]) {
    guard items.count > 1 else { return }
    for i in stride(from: items.count - 1, to: 0, by: -1) {
      items.swapAt(i, int(in: 0...i))
    }
  }
}

import ECSModel

/// The `quiz` row of `TutorCommands.all`, and the lines typed while a quiz runs.
extension Session {
  /// Whether a quiz is running: lines are its answers until it ends.
  public var inQuiz: Bool { quiz != nil }

  /// `quiz` (the topics), `quiz TOPIC|all [--count N] [--seed S]` (starts one).
  mutating func quizCommand(_ args: [String]) -> [Output] {
    let topics = lessons.quizTopics
    guard let topic = args.first else {
      let banks = lessons.quizBanks
      guard !banks.isEmpty else { return [say(.quizNoQuestions, .failure)] }
      return [say(.quizTopicsHeader, .heading)]
        + banks.map {
          say(
            .quizTopicLine(
              topic: $0.topic, title: $0.title.text(language), count: $0.questions.count))
        }
        + [say(.quizTopicsFooter)]
    }
    var count: Int? = 10
    var seed: UInt64?
    var rest = Array(args.dropFirst())
    while !rest.isEmpty {
      let option = rest.removeFirst()
      guard let value = rest.first else {
        lastStatus = 2
        return [say(.quizUsage, .failure)]
      }
      rest.removeFirst()
      switch option {
      case "--count" where Int(value).map { $0 > 0 } == true: count = Int(value)
      case "--seed" where UInt64(value) != nil: seed = UInt64(value)
      default:
        lastStatus = 2
        return [say(.quizUsage, .failure)]
      }
    }
    var banks: [QuizBank] = []
    if topic == "all" {
      banks = lessons.quizBanks
    } else if topics.contains(topic) {
      switch lessons.quizBank(topic) {
      case .success(let b): banks = [b]
      case .failure(let e):
        lastStatus = 1
        return [say(.lessonBroken(topic), .failure)]
          + e.errors.map { Output(.tutor(.dim), "  " + $0.description) }
      }
    } else {
      lastStatus = 1
      return [say(.quizNoSuchTopic(topic), .failure)]
    }
    guard !banks.isEmpty else {
      lastStatus = 1
      return [say(.quizNoQuestions, .failure)]
    }
    // Without --seed each attempt differs (the date and the attempt's number choose it), so
    // learners side by side do not share answers; the header shows it to repeat the quiz.
    let chosen =
      seed
      ?? (QuizQuestion.stableHash("\(config.now() ?? "")/\(progress.quizAttempts.count)")
        ^ config.seed)
      % 1_000_000
    var run = QuizRun(topic: topic, banks: banks, seed: chosen, count: count, lessons: lessons)
    let title =
      topic == "all"
      ? banks.map { $0.title.text(language) }.joined(separator: language == .ja ? "、" : ", ")
      : banks[0].title.text(language)
    var out = [say(.quizStart(title: title, count: run.count, seed: chosen), .heading)]
    out += run.present(language)
    quiz = run
    return out
  }

  /// A line typed during a quiz; the summary and review when it ends the quiz.
  mutating func quizLine(_ line: String) -> [Output] {
    guard var run = quiz else { return [] }
    var out = run.answer(line, language)
    if run.finished {
      out += finishQuiz(run)
    } else {
      quiz = run
    }
    return out
  }

  /// Ends a running quiz as `quit` would (the rest not answered), e.g. at the end of input.
  public mutating func endQuiz() -> [Output] {
    guard inQuiz else { return [] }
    return quizLine("quit")
  }

  mutating func finishQuiz(_ run: QuizRun) -> [Output] {
    let result = run.result(date: config.now() ?? "", language: language)
    progress.quizAttempts.append(result.attempt)
    lastQuizResult = result
    quiz = nil
    return run.summary(language)
  }
}

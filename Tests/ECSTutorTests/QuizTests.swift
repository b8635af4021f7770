import ECSCommands
import ECSModel
import Foundation
import TestSupport
import Testing

@testable import ECSTutor

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The quiz banks of the repository and the quiz engine: counts, seeds, grading, reports.
@Suite struct QuizTests {
  static let library = try! repositoryLessons()

  static func session(_ lang: Language = .en) -> Session {
    Session(config: SessionConfig(language: lang, narrate: false), lessons: library)
  }

  // MARK: the banks

  @Test(arguments: ["roles", "ports"])
  func bankHasFortyQuestionsInBothLanguagesEachLinkedToAStep(topic: String) throws {
    let bank = try Self.library.quizBank(topic).get()
    #expect(bank.questions.count >= 40)
    for q in bank.questions {
      #expect(!q.text.en.isEmpty && !q.text.ja.isEmpty, "\(q.id)")
      #expect(q.text.en != q.text.ja, "\(q.id): the Japanese text is a copy of the English")
      for o in q.options {
        #expect(!o.explain.en.isEmpty && !o.explain.ja.isEmpty, "\(q.id)")
      }
      let lesson = try #require(Self.library.lesson(q.lesson.lesson), "\(q.id)")
      #expect(lesson.steps.contains { $0.id == q.lesson.step }, "\(q.id)")
    }
  }

  @Test func banksHoldFifteenPredictOrConfigureQuestionsAndEveryKind() {
    let all = Self.library.quizBanks.flatMap(\.questions)
    #expect(all.filter(\.hasWorld).count >= 15)
    for kind in QuizQuestion.Kind.allCases {
      #expect(all.contains { $0.kind == kind }, "no \(kind.rawValue) question")
    }
  }

  @Test func everyQuestionVerifies() {
    let report = QuizVerifier.verify(Self.library)
    #expect(report.failed == 0, "\(report.lines.filter { $0.hasPrefix("FAIL") })")
    #expect(report.passed == Self.library.quizBanks.flatMap(\.questions).count)
  }

  /// Predict questions have no answer key: the simulator's answer depends on the drawn values.
  @Test(arguments: [
    ("secretsmanager:GetSecretValue", "RUNNING"), ("ssm:GetParameters", "STOPPED"),
    ("s3:GetObject", "STOPPED"),
  ])
  func predictAsksTheSimulator(action: String, expected: String) throws {
    let bank = try Self.library.quizBank("roles").get()
    let q = try #require(bank.questions.first { $0.id == "secret-permission-at-start" })
    let seed = try #require(
      (UInt64(0)..<200).first { q.values(seed: $0)["ACTION"] == action })
    let iq = q.instantiated(seed: seed)
    #expect(QuizWorld(iq).truth(try #require(iq.ask)) == expected)
  }

  // MARK: the verifier catches broken questions

  static let brokenBanks: [(String, String)] = [
    (
      """
        - id: q
          kind: single
          lesson: first-cluster/create-cluster
          text: { en: "?", ja: "?" }
          options:
            - { en: a, ja: a, correct: true, explain: { en: x, ja: x } }
            - { en: b, ja: b, correct: true, explain: { en: x, ja: x } }
      """, "has 2 correct options"
    ),
    (
      """
        - id: q
          kind: short
          lesson: first-cluster/no-such-step
          text: { en: "?", ja: "?" }
          answers: ["1"]
          explanation: { en: x, ja: x }
      """, "has no step 'no-such-step'"
    ),
    (
      """
        - id: q
          kind: configure
          lesson: first-cluster/create-cluster
          text: { en: "?", ja: "?" }
          setup: [aws ecs create-cluster --cluster-name demo]
          expect: [{ cluster: demo }]
          solution: [aws ecs list-clusters]
      """, "holds before the solution"
    ),
    (
      """
        - id: q
          kind: configure
          lesson: first-cluster/create-cluster
          text: { en: "?", ja: "?" }
          expect: [{ cluster: demo }]
          solution: [aws ecs create-cluster --cluster-name other]
      """, "does not hold after the solution"
    ),
    (
      """
        - id: q
          kind: predict
          lesson: first-cluster/create-cluster
          text: { en: "?", ja: "?" }
          ask: { succeeds: aws ecs create-cluster --cluster-name demo }
          options:
            - { en: a, ja: a, value: "yes", explain: { en: x, ja: x } }
            - { en: b, ja: b, value: "yes", explain: { en: x, ja: x } }
      """, "2 options match"
    ),
    (
      """
        - id: q
          kind: predict
          lesson: first-cluster/create-cluster
          text: { en: "?", ja: "?" }
          ask:
            query: aws ecs describe-clusters --clusters nothing --query "clusters[0].status" --output text
          explanation: { en: x, ja: x }
      """, "not one value"
    ),
  ]

  @Test(arguments: brokenBanks)
  func verifierFailsABrokenQuestion(question: String, reason: String) throws {
    let lessons = Self.library.ids.compactMap { id -> LessonFile? in
      guard let l = Self.library.lesson(id), let text = try? Self.library.file(l.path) else {
        return nil
      }
      return LessonFile(path: l.path, text: text)
    }
    let files =
      lessons + [
        LessonFile(
          path: "index.yaml",
          text: "lessons: [\(Self.library.ids.joined(separator: ", "))]\nquizzes: [t]"),
        LessonFile(
          path: "quizzes/t.yaml", text: "title: { en: T, ja: T }\nquestions:\n" + question),
      ]
    let lib = try LessonLibrary.load(files: files)
    let report = QuizVerifier.verify(lib)
    #expect(report.failed == 1)
    #expect(report.lines.contains { $0.contains(reason) }, "\(report.lines)")
  }

  // MARK: taking a quiz

  static let answers = ["1", "2", "1 2", "skip", "32768", "quit"]

  static func take(_ seed: UInt64, _ lang: Language = .en) -> (String, QuizResult?) {
    var s = session(lang)
    var out = s.handle("quiz all --count 6 --seed \(seed)").text
    for a in answers where s.inQuiz { out += s.handle(a).text }
    return (out, s.lastQuizResult)
  }

  @Test func aFixedSeedReproducesTheQuiz() throws {
    let (a, ra) = Self.take(42)
    let (b, rb) = Self.take(42)
    #expect(a == b)
    #expect(ra == rb)
    let (c, _) = Self.take(43)
    #expect(a != c)
    #expect(try #require(ra).answers.count == 6)
  }

  @Test(arguments: [Language.en, .ja])
  func aQuizEndsWithItsScoreAndAReviewLinkingTheLessonStep(lang: Language) throws {
    var s = Self.session(lang)
    _ = s.handle("quiz ports --count 3 --seed 5")
    var out = ""
    while s.inQuiz { out += s.handle("skip").text }
    #expect(out.contains(lang == .ja ? "クイズ完了: 0/3 (0%)" : "Quiz complete: 0/3 (0%)"))
    #expect(out.contains("`lesson "))
    #expect(s.progress.quizAttempts.count == 1)
    #expect(s.progress.quizAttempts[0].missed.count == 3)
    #expect(s.progress.quizAttempts[0].topic == "ports")
  }

  @Test func aConfigureQuestionPassesOnItsGoalAndFailsAtTheLimit() throws {
    let bank = try Self.library.quizBank("ports").get()
    let one = QuizBank(
      topic: "ports", title: bank.title,
      questions: bank.questions.filter { $0.id == "register-dynamic-port" }, path: bank.path)
    var run = QuizRun(topic: "ports", banks: [one], seed: 3, count: nil, lessons: Self.library)
    _ = run.present(.en)
    let q = run.items[0].question
    for cmd in q.solution { _ = run.answer(cmd, .en) }
    #expect(run.answers.map(\.correct) == [true])
    #expect(run.answers[0].given == q.solution.joined(separator: "\n"))

    var failing = QuizRun(topic: "ports", banks: [one], seed: 3, count: nil, lessons: Self.library)
    _ = failing.present(.en)
    var said = ""
    for _ in 0..<q.limit { said += failing.answer("aws ecs list-clusters", .en).text }
    #expect(failing.answers.map(\.correct) == [false])
    #expect(said.contains("limit of \(q.limit) commands"))
  }

  @Test func anAnswerIsOneLineButAConfigureCommandMayContinue() throws {
    var s = Self.session()
    _ = s.handle("quiz ports --count 44 --seed 1")
    #expect(s.prompt.hasPrefix("[quiz 1/44]"))
    var seen: Set<Bool> = []
    while s.inQuiz {
      let configure = s.quiz!.wantsCommands
      #expect(s.needsContinuation("'exec") == configure)
      seen.insert(configure)
      _ = s.handle("skip")
    }
    #expect(seen == [true, false])
    #expect(s.prompt == "[sandbox] $ ")
  }

  @Test func aBadChoiceAsksAgainWithoutCounting() throws {
    var s = Self.session()
    _ = s.handle("quiz ports --count 40 --seed 1")
    // Find a choice question: answers that are no option number are refused.
    var guard_ = 0
    while s.inQuiz, guard_ < 40 {
      guard_ += 1
      let q = s.quiz!.items[s.quiz!.index].question
      if q.kind == .single {
        let said = s.handle("99").text
        #expect(said.contains("one option number from 1 to \(q.options.count)"))
        #expect(s.quiz?.answers.count == guard_ - 1)
        return
      }
      _ = s.handle("skip")
    }
    Issue.record("no single-choice question")
  }

  @Test(arguments: [
    ("  32768 ", "32768"), ("`executionRoleArn`", "executionrolearn"), ("３２７６８", "32768"),
    ("ECS-Tasks.amazonaws.com", "ecs-tasks.amazonaws.com"),
    ("aws  sts   get-caller-identity", "aws sts get-caller-identity"),
  ])
  func shortAnswersAreNormalised(typed: String, normal: String) {
    #expect(QuizAnswerText.normalise(typed) == normal)
  }

  @Test(
    arguments: [
      ("2", [2]), ("1 3", [1, 3]), ("1,3", [1, 3]), ("3、1", [3, 1]), ("a", nil), ("", nil),
    ] as [(String, [Int]?)])
  func choicesAreRead(typed: String, numbers: [Int]?) {
    #expect(QuizAnswerText.choices(typed) == numbers)
  }

  // MARK: reports

  @Test func theJUnitReportIsValidXMLWithOneTestcasePerQuestion() throws {
    let result = try #require(Self.take(7, .ja).1)
    let xml = QuizReport.junit(result)
    let counter = TestcaseCounter()
    let parser = XMLParser(data: Data(xml.utf8))
    parser.delegate = counter
    #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    #expect(counter.testcases == result.total)
    #expect(counter.failures == result.answers.filter { !$0.correct }.count)
  }

  @Test func theJSONReportCarriesEveryAnswer() throws {
    let result = try #require(Self.take(7).1)
    let json = QuizReport.json(result)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let answers = try #require(object["answers"] as? [[String: Any]])
    #expect(answers.count == result.total)
    #expect(answers.map { $0["id"] as? String } == result.answers.map(\.id))
    #expect(answers.map { $0["given"] as? String } == result.answers.map(\.given))
    #expect(object["seed"] as? Int == 7)
  }
}

/// Counts `<testcase>` and `<failure>` elements.
final class TestcaseCounter: NSObject, XMLParserDelegate {
  var testcases = 0
  var failures = 0
  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    if name == "testcase" { testcases += 1 }
    if name == "failure" { failures += 1 }
  }
}

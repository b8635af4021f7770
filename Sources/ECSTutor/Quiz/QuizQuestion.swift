import ECSModel

/// A bank of quiz questions on one topic (lessons/quizzes/TOPIC.yaml).
public struct QuizBank: Sendable {
  /// The file name without `.yaml`: `roles`, `ports`.
  public var topic: String
  public var title: Localized
  public var questions: [QuizQuestion]
  public var path: String
}

/// One question of a bank. What a learner is asked and how the answer is graded depend on `kind`:
///
/// - `single` / `multiple`: options, each with `correct` and an explanation;
/// - `short`: a word or number typed in, compared with `answers` after normalising;
/// - `configure`: a world built by `setup`; the learner types commands until `expect` holds
///   (the lesson checker), with `hints` and at most `limit` commands;
/// - `predict`: a world built by `setup`; the learner predicts what the simulator will say,
///   and the simulator is asked afterwards (`ask`), so there is no answer key.
public struct QuizQuestion: Sendable {
  public enum Kind: String, Sendable, CaseIterable {
    case single, multiple, short, configure, predict
  }

  public var id: String
  public var kind: Kind
  public var text: Localized
  /// Choice options (single, multiple; predict when it offers choices).
  public var options: [QuizOption]
  /// Accepted answers of a short-answer question, before normalising.
  public var answers: [String]
  /// Why the answer is what it is (short, configure, predict).
  public var explanation: Localized?
  /// The lesson step that teaches it.
  public var lesson: LessonLink
  /// Values drawn from the seed, written `${NAME}` in every text, command and assertion.
  public var params: [QuizParam]
  public var setup: [String]
  /// A configure question's goal, in the lesson assertion language.
  public var expect: [Assertion]
  public var forbid: [Assertion]
  public var hints: [Localized]
  /// A configure question's reference commands.
  public var solution: [String]
  /// A configure question's limit on commands typed.
  public var limit: Int
  /// What a predict question asks the simulator.
  public var ask: PredictAsk?
  public var line: Int

  /// Whether the question builds a world (configure, predict).
  public var hasWorld: Bool { kind == .configure || kind == .predict }
}

/// One option of a choice question.
public struct QuizOption: Sendable {
  public var text: Localized
  /// Choice questions: whether the option is right. Predict questions leave it to the
  /// simulator: the option whose `value` equals the simulator's answer is right.
  public var correct: Bool
  /// Why the option is right or wrong.
  public var explain: Localized
  /// Predict questions: the simulator's answer this option stands for.
  public var value: String?
}

/// `lesson: network-modes/dynamic-ports`: the step that teaches a question.
public struct LessonLink: Sendable, Equatable {
  public var lesson: String
  public var step: String
  public var description: String { lesson + "/" + step }
}

/// What a predict question asks the simulator after the learner answered.
public enum PredictAsk: Sendable {
  /// A command's output, trimmed (`aws ecs describe-tasks ... --query ... --output text`).
  case query(String)
  /// `yes` when every assertion holds, else `no`.
  case holds([Assertion])
  /// `yes` when the command succeeds (exit status 0), else `no`.
  case succeeds(String)
}

/// A value drawn from the quiz seed: `PORT: [8080, 8081, 9000]` or `PORT: {min: 8000, max: 8999}`.
public struct QuizParam: Sendable {
  public enum Values: Sendable {
    case list([String])
    case range(ClosedRange<Int>)
  }
  public var name: String
  public var values: Values

  /// The value for `rng`'s next draw.
  func draw(_ rng: inout SeededRandom) -> String {
    switch values {
    case .list(let items): return items[rng.int(in: 0...(items.count - 1))]
    case .range(let r): return String(rng.int(in: r))
    }
  }
}

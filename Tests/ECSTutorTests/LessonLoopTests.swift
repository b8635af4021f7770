import ECSCommands
import ECSModel
import TestSupport
import Testing

@testable import ECSTutor

/// The lesson loop as learners met it (issue 11): steps that advance whenever they hold, working
/// ahead, corrected mistakes, undo and reset pointers, resume with the learner's own world.
@Suite struct LessonLoopTests {
  static let registerWeb =
    "aws ecs register-task-definition --family web --container-definitions name=web,image=nginx,memory=256,portMappings=[{containerPort=80}]"
  static let listTask =
    "TASK=$(aws ecs list-tasks --cluster demo --family web --query 'taskArns[0]' --output text)"

  static func session(in lesson: String, _ lang: Language = .en) throws -> Session {
    var s = try SessionTests.session(lang)
    _ = s.handle("lesson \(lesson)")
    return s
  }

  /// Runs the reference solutions of the first `steps` steps.
  static func solve(_ s: inout Session, steps: Int) throws {
    guard case .lesson(let id, _) = s.mode else { return }
    let lesson = try #require(s.lessons.lesson(id))
    for step in lesson.steps.prefix(steps) {
      for cmd in step.solution { _ = s.handle(cmd) }
    }
  }

  // Seen: tasks-and-services step 2 in manual time stayed at 2/6 after `wait`, although `check`
  // said everything was in place.
  @Test func aStepPassesWhenWaitMakesItHold() throws {
    var s = try Self.session(in: "tasks-and-services")
    _ = s.handle("time manual")
    _ = s.handle("aws ecs run-task --cluster demo --task-definition web")
    #expect(s.prompt == "[tasks-and-services 1/6] $ ")
    #expect(s.handle("wait").text.contains("✓ Step complete."))
    #expect(s.prompt == "[tasks-and-services 2/6] $ ")
    _ = s.handle(Self.listTask)
    _ = s.handle("aws ecs stop-task --cluster demo --task $TASK")
    #expect(s.prompt == "[tasks-and-services 2/6] $ ")
    let out = s.handle("wait")
    #expect(out.text.contains("✓ Step complete."))
    #expect(out.text.contains("Step 3/6"))
    #expect(s.prompt == "[tasks-and-services 3/6] $ ")
  }

  // Seen: step 6 the same after the rollout finished during `wait`.
  @Test func aRolloutFinishedDuringWaitPassesTheStep() throws {
    var s = try Self.session(in: "tasks-and-services")
    try Self.solve(&s, steps: 5)
    #expect(s.prompt == "[tasks-and-services 6/6] $ ")
    _ = s.handle("time manual")
    _ = s.handle(
      "aws ecs register-task-definition --family web --container-definitions 'name=web,image=nginx:1.27,memory=256,portMappings=[{containerPort=80,hostPort=0}]'"
    )
    _ = s.handle("aws ecs update-service --cluster demo --service web --task-definition web:2")
    #expect(s.prompt == "[tasks-and-services 6/6] $ ")
    #expect(s.handle("wait").text.contains("Lesson complete"))
    #expect(s.prompt == "[tasks-and-services ✓] $ ")
  }

  /// Lines other than `aws` re-check the step too: `check` (a step that holds passes there),
  /// `undo` back to a world where it holds, `simulate`.
  @Test func checkPassesAStepThatHolds() throws {
    var s = try Self.session(in: "tasks-and-services")
    _ = s.handle("time manual")
    _ = s.handle("aws ecs run-task --cluster demo --task-definition web")
    _ = s.handle("wait 1s")
    // The world moves on only with `wait`; a step already true passes on any line.
    s.world.settle(maxSeconds: 60)
    let out = s.handle("check")
    #expect(out.text.contains("✓ Step complete."))
    #expect(s.prompt == "[tasks-and-services 2/6] $ ")
  }

  // Seen: `create-cluster && register-task-definition` in first-cluster left step 2 "to do".
  @Test func workingAheadPassesEveryStepThatHolds() throws {
    var s = try Self.session(in: "first-cluster")
    let out = s.handle("aws ecs create-cluster --cluster-name demo && " + Self.registerWeb)
    #expect(s.prompt == "[first-cluster 3/5] $ ")
    #expect(out.text.components(separatedBy: "✓ Step complete.").count == 3)
    #expect(out.text.contains("called `demo`"))
    #expect(out.text.contains("A revision of `web` exists"))
    #expect(out.text.contains("Step 3/5"))
    #expect(s.progress.lessons["first-cluster"]?.solved.count == 2)
  }

  // Seen: a typo (`image=ngnix`) then the right command gave web:2, and the check answered
  // "revision: expected 1, found 2". Following the lesson's text from there completes it.
  @Test func aCorrectedMistakePassesAndTheLessonGoesOn() throws {
    var s = try Self.session(in: "first-cluster")
    _ = s.handle("aws ecs create-cluster --cluster-name demo")
    _ = s.handle(Self.registerWeb.replacingOccurrences(of: "image=nginx", with: "image=ngnix"))
    #expect(s.prompt == "[first-cluster 2/5] $ ")
    _ = s.handle(Self.registerWeb)
    #expect(s.prompt == "[first-cluster 3/5] $ ")
    for line in [
      Self.registerWeb.replacingOccurrences(of: "image=nginx", with: "image=nginx:1.27"),
      "aws ecs deregister-task-definition --task-definition web:1",
      """
      aws ecs register-task-definition --family web --container-definitions '[{"name":"web","image":"nginx:1.27","memory":256,"portMappings":[{"containerPort":80}],"environment":[{"name":"NGINX_PORT","value":"80"}]}]'
      """,
    ] {
      _ = s.handle(line)
    }
    #expect(s.prompt == "[first-cluster ✓] $ ")
  }

  @Test func undoSaysWhichCommandItUndid() throws {
    var s = try Self.session(in: "first-cluster")
    _ = s.handle("aws ecs create-cluster --cluster-name demo")
    _ = s.handle(Self.registerWeb.replacingOccurrences(of: "image=nginx", with: "image=httpd"))
    #expect(
      s.handle("undo").text == "Undone: aws ecs register-task-definition --family web ...")
    #expect(s.handle("undo").text == "Nothing to undo.")
    var ja = try Self.session(in: "first-cluster", .ja)
    _ = ja.handle("aws ecs create-cluster --cluster-name other")
    #expect(ja.handle("undo").text == "取り消しました: aws ecs create-cluster --cluster-name other")
  }

  /// A rollout to a corrected revision passes: the step asserts what runs (nginx:1.27), not
  /// the revision number the text expects.
  @Test func aRolloutOfACorrectedRevisionPasses() throws {
    var s = try Self.session(in: "tasks-and-services")
    try Self.solve(&s, steps: 5)
    let register =
      "aws ecs register-task-definition --family web --container-definitions 'name=web,image=nginx:1.27,memory=256,portMappings=[{containerPort=80,hostPort=0}]'"
    _ = s.handle(register.replacingOccurrences(of: "1.27", with: "1.72"))
    _ = s.handle(register)
    _ = s.handle("aws ecs update-service --cluster demo --service web --task-definition web:3")
    #expect(s.prompt == "[tasks-and-services ✓] $ ")
  }

  /// `simulate` is a line like any other: the step is re-checked after it.
  @Test func simulateReChecksTheStep() throws {
    var s = try Self.session(in: "tasks-and-services")
    try Self.solve(&s, steps: 3)
    #expect(s.prompt == "[tasks-and-services 4/6] $ ")
    let task = try #require(
      s.world.workloads.tasks.first { $0.group == "service:web" && $0.lastStatus == .running })
    // A crash is not a stop by the user: the step (stop a service's task) still waits.
    _ = s.handle("simulate crash \(task.id)")
    #expect(s.prompt == "[tasks-and-services 4/6] $ ")
    #expect(s.handle("undo").text.hasPrefix("Undone: simulate crash "))
  }

  @Test func aCheckFailingOnLeftoverStatePointsToUndoAndReset() throws {
    var s = try Self.session(in: "first-cluster")
    try Self.solve(&s, steps: 3)
    #expect(s.prompt == "[first-cluster 4/5] $ ")
    _ = s.handle("aws ecs deregister-task-definition --task-definition web:2")
    let out = s.handle("check")
    #expect(
      out.text.contains(
        "`undo` takes back your changes one at a time (the last was `aws ecs deregister-task-definition --task-definition web:2`)"
      ))
    #expect(out.text.contains("`reset` starts the step again"))
    // Nothing of the learner's in the way: no pointer.
    var fresh = try Self.session(in: "first-cluster")
    #expect(!fresh.handle("check").text.contains("undo"))
  }

  @Test func lessonIDInThatLessonAsksBeforeStartingOver() throws {
    var s = try Self.session(in: "first-cluster")
    _ = s.handle("aws ecs create-cluster --cluster-name demo")
    let ask = s.handle("lesson first-cluster")
    #expect(ask.text.contains("You are already in this lesson, at step 2/5"))
    #expect(s.prompt == "[first-cluster 2/5] $ ")
    #expect(s.world.clusters.count == 1)
    // Anything else in between cancels the question.
    _ = s.handle("goal")
    _ = s.handle("lesson first-cluster")
    #expect(s.prompt == "[first-cluster 2/5] $ ")
    let again = s.handle("lesson first-cluster")
    #expect(again.text.contains("starts again from its beginning"))
    #expect(s.prompt == "[first-cluster 1/5] $ ")
    #expect(s.world.clusters.isEmpty)
  }

  @Test func theIntroSaysTheLessonStartsInAFreshAccountAndWhatIsBuilt() throws {
    var s = try SessionTests.session()
    let out = s.handle("lesson tasks-and-services")
    #expect(
      out.text.contains(
        "This lesson starts in a fresh simulated account. Already built for you by these commands:")
    )
    #expect(out.text.contains("    capacity add --cluster demo --type t3.medium --count 2"))
    var ja = try SessionTests.session(.ja)
    #expect(
      ja.handle("lesson first-cluster").text.contains(
        "このレッスンは新しいシミュレーション上のアカウントで始まります。"))
  }

  // Seen: after a restart a stopped task was RUNNING again and $TASK was empty.
  @Test func resumeKeepsTheWorldAndTheVariables() throws {
    var s = try Self.session(in: "tasks-and-services")
    try Self.solve(&s, steps: 1)
    _ = s.handle("time manual")
    _ = s.handle(Self.listTask)
    _ = s.handle("aws ecs stop-task --cluster demo --task $TASK")
    #expect(s.prompt == "[tasks-and-services 2/6] $ ")
    let task = s.handle("echo $TASK").stdout
    #expect(task.hasPrefix("arn:aws:ecs:"))

    var again = Session(
      config: SessionConfig(), lessons: try repositoryLessons(), progress: s.progress)
    #expect(again.prompt == "[tasks-and-services 2/6] $ ")
    #expect(again.world == s.world)
    #expect(again.handle("echo $TASK").stdout == task)
    #expect(
      again.welcome().text.contains(
        "Your world and variables are as you left them at step 2/6."))
    // Still manual time: the stop completes with `wait`, and the step passes.
    _ = again.handle("wait")
    #expect(again.prompt == "[tasks-and-services 3/6] $ ")
  }

  @Test func resumeSaysSoInJapanese() throws {
    var s = try Self.session(in: "first-cluster", .ja)
    _ = s.handle("aws ecs create-cluster --cluster-name demo")
    let again = Session(
      config: SessionConfig(language: .ja), lessons: try repositoryLessons(),
      progress: s.progress)
    #expect(
      again.welcome().text.contains("シミュレーション環境とシェル変数は、ステップ 2/5 で中断したときのままです。"))
  }

  /// A record that no longer leads to the saved step (the lesson changed) falls back to the
  /// reference solutions up to that step.
  @Test func resumeFallsBackWhenTheRecordEndsElsewhere() throws {
    var s = try Self.session(in: "first-cluster")
    _ = s.handle("aws ecs create-cluster --cluster-name demo")
    var progress = s.progress
    progress.lessons["first-cluster"]?.typed = ["echo nothing"]
    let again = Session(
      config: SessionConfig(), lessons: try repositoryLessons(), progress: progress)
    #expect(again.prompt == "[first-cluster 2/5] $ ")
    #expect(again.world.clusters.map(\.name) == ["demo"])
    #expect(!again.resumedWorld)
    #expect(again.progress.lessons["first-cluster"]?.typedFrom == 1)
  }

  /// Only lines that can change the world, the shell or the step are recorded.
  @Test func theRecordHoldsWhatChangesTheWorld() throws {
    var s = try Self.session(in: "first-cluster")
    for line in ["check", "hint", "X=1", "aws ecs list-clusters", "wait 5s", "lessons", "undo"] {
      _ = s.handle(line)
    }
    #expect(
      s.progress.lessons["first-cluster"]?.typed == [
        "X=1", "aws ecs list-clusters", "wait 5s", "undo",
      ])
    _ = s.handle("reset lesson")
    #expect(s.progress.lessons["first-cluster"]?.typed == [])
  }

  @Test func lessonsShowAProgressMapAndLessonStepsTheSteps() throws {
    var s = try Self.session(in: "first-cluster")
    _ = s.handle("aws ecs create-cluster --cluster-name demo")
    _ = s.handle("solution")
    _ = s.handle("solution")
    _ = s.handle(Self.registerWeb)
    let map = s.handle("lessons").text
    #expect(map.contains("first-cluster"))
    #expect(map.contains("2/5 steps, 1 with help · now step 3"))
    let steps = s.handle("lesson first-cluster steps").text
    #expect(steps.contains("✓  1  Create a cluster"))
    #expect(steps.contains("done with the solution's help"))
    #expect(steps.contains("▸  3  Change it: a new revision   in progress"))
    #expect(steps.contains("·  4  Retire the old revision     to do"))
    _ = s.handle("lang ja")
    #expect(s.handle("lessons").text.contains("2/5 ステップ完了 (うち 1 つは解答例を見て完了)、現在はステップ 3"))
    var ja = try SessionTests.session(.ja)
    #expect(ja.handle("lesson first-cluster steps").text.contains("未完了"))
  }
}

/// `lessons verify` replays each step with a mistake first.
@Suite struct MistakeReplayTests {
  static func library(expect: String, mistakes: String) throws -> LessonLibrary {
    let lesson = """
      id: tiny
      title: { en: Tiny, ja: 小さい }
      intro: { en: Intro, ja: はじめに }
      steps:
        - id: register
          text: { en: Register web, ja: web を登録する }
          mistakes:
      \(mistakes)
          expect:
            - taskDefinition: { family: web }
              match:
      \(expect)
                containerDefinitions:
                  - name: web
                    image: nginx
          solution:
            - \(LessonLoopTests.registerWeb)
      """
    return try LessonLibrary.load(files: [
      LessonFile(path: "index.yaml", text: "lessons: [tiny]"),
      LessonFile(path: "tiny.yaml", text: lesson),
    ])
  }

  static let typo =
    "      - " + LessonLoopTests.registerWeb.replacingOccurrences(of: "=nginx", with: "=ngnix")

  @Test func anExactRevisionFailsAfterACorrectedMistake() throws {
    let report = LessonVerifier.verify(
      try Self.library(expect: "          revision: 1", mistakes: Self.typo))
    #expect(report.failed == 1)
    #expect(report.lines[0].contains("after the mistake `aws ecs register-task-definition"))
    #expect(report.lines[0].contains("revision: expected 1, found 2"))
  }

  @Test func whatTheStepTeachesPassesAfterACorrectedMistake() throws {
    let report = LessonVerifier.verify(
      try Self.library(expect: "          status: ACTIVE", mistakes: Self.typo))
    #expect(report.failed == 0, "\(report.lines)")
  }

  @Test func aMistakeThatPassesTheStepIsReported() throws {
    let report = LessonVerifier.verify(
      try Self.library(
        expect: "          status: ACTIVE", mistakes: "      - " + LessonLoopTests.registerWeb))
    #expect(report.lines[0].contains("passes after the mistake"))
  }

  @Test func withoutMistakesTheFirstSolutionCommandCutShortIsReplayed() {
    let step = Step(
      id: "s", title: Localized(en: "", ja: ""), text: Localized(en: "", ja: ""), setup: [],
      expect: [], forbid: [], hints: [],
      solution: ["aws ecs create-cluster --cluster-name demo"], mistakes: [], success: nil,
      line: 1)
    #expect(LessonVerifier.mistakes(of: step) == ["aws ecs create-cluster --cluster-name"])
  }
}

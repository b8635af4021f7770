import ECSCommands
import ECSModel
import Foundation
import TestSupport
import Testing

@testable import ECSTutor

/// Progress files of every version load with what they held; the fields version 3 grew later
/// (dates, solutions per step) are optional and filled as the learner works.
@Suite struct ProgressHistoryTests {
  static let v1 = """
    {"currentLesson": "first-cluster", "version": 1, "language": "ja", "lessons": {"first-cluster":
      {"step": 2, "solved": ["create-cluster", "register-task-definition"],
       "solvedWithHelp": ["register-task-definition"], "hintsUsed": {"create-cluster": 1},
       "completed": false}}}
    """
  static let v2 = """
    {"currentLesson": "first-cluster", "version": 2, "lessons": {"first-cluster":
      {"step": 2, "solved": ["create-cluster", "register-task-definition"],
       "solvedWithHelp": ["register-task-definition"], "hintsUsed": {"create-cluster": 1},
       "completed": false, "typed": ["aws ecs list-clusters"], "typedFrom": 2}}}
    """
  static let v3 = """
    {"currentLesson": "first-cluster", "version": 3, "quizAttempts": [{"topic": "roles",
      "seed": 7, "date": "2026-12-01T10:00:00Z", "score": 3, "total": 4, "missed": ["r1"]}],
     "lessons": {"first-cluster": {"step": 2, "solved": ["create-cluster",
       "register-task-definition"], "solvedWithHelp": ["register-task-definition"],
       "hintsUsed": {"create-cluster": 1}, "completed": false, "typed": [], "typedFrom": 2,
       "startedAt": "2026-12-01T09:00:00Z", "passedAt": {"create-cluster": "2026-12-01T09:01:00Z"},
       "solutionsUsed": {"register-task-definition": 2}}}}
    """

  @Test(arguments: [(v1, 1, 2), (v2, 2, 2), (v3, 3, 2)])
  func everyVersionLoadsWithWhatItHeld(json: String, version: Int, typedFrom: Int) throws {
    let progress = try JSONDecoder().decode(Progress.self, from: Data(json.utf8))
    #expect(progress.version == version)
    let lesson = try #require(progress.lessons["first-cluster"])
    #expect(lesson.step == 2)
    #expect(lesson.solved == ["create-cluster", "register-task-definition"])
    #expect(lesson.solvedWithHelp == ["register-task-definition"])
    #expect(lesson.hintsUsed == ["create-cluster": 1])
    #expect(lesson.typedFrom == typedFrom)
    if version < 3 {
      #expect(lesson.startedAt == nil && lesson.passedAt.isEmpty && lesson.solutionsUsed.isEmpty)
    } else {
      #expect(lesson.solutionsUsed == ["register-task-definition": 2])
      #expect(progress.quizAttempts.first?.missed == ["r1"])
    }
    // Through a session (the tutor's start) it becomes the current version and keeps it all.
    let session = Session(
      config: SessionConfig(), lessons: try repositoryLessons(), progress: progress)
    #expect(session.progress.version == Progress.currentVersion)
    #expect(session.progress.lessons["first-cluster"]?.solved == lesson.solved)
    #expect(session.progress.lessons["first-cluster"]?.hintsUsed == lesson.hintsUsed)
    // Saved and read again: nothing lost.
    let again = try JSONDecoder().decode(
      Progress.self, from: try JSONEncoder().encode(session.progress))
    #expect(again == session.progress)
  }

  @Test func datesHintsAndSolutionsAreKeptPerStep() throws {
    var config = SessionConfig()
    config.now = { "2026-12-03T10:00:00.000Z" }
    var s = Session(config: config, lessons: try repositoryLessons())
    _ = s.handle("lesson first-cluster")
    _ = s.handle("aws ecs create-cluster --cluster-name demo")
    _ = s.handle("hint")
    _ = s.handle("hint")
    _ = s.handle("solution run")
    let lesson = try #require(s.lessons.lesson("first-cluster"))
    for step in lesson.steps.dropFirst(2) {
      _ = s.handle("solution run")
      _ = step
    }
    let lp = try #require(s.progress.lessons["first-cluster"])
    #expect(lp.startedAt == "2026-12-03T10:00:00.000Z")
    #expect(lp.completedAt == "2026-12-03T10:00:00.000Z")
    #expect(lp.passedAt.count == lesson.steps.count)
    #expect(lp.hintsUsed == ["register-task-definition": 2])
    #expect(lp.solutionsUsed["register-task-definition"] == 1)
    #expect(lp.solutionsUsed.values.reduce(0, +) == lesson.steps.count - 1)
    // Without a clock (tests, `lessons verify`) no dates are kept.
    var plain = Session(config: SessionConfig(), lessons: try repositoryLessons())
    _ = plain.handle("lesson first-cluster")
    _ = plain.handle("aws ecs create-cluster --cluster-name demo")
    #expect(plain.progress.lessons["first-cluster"]?.startedAt == nil)
    #expect(plain.progress.lessons["first-cluster"]?.passedAt == [:])
  }
}

/// A recorded session, written as JSON lines and read back, replays to the same final world
/// with the same output.
@Suite struct TranscriptTests {
  static let sessions: [(String, [String])] = [
    (
      "sandbox",
      [
        "aws ecs create-cluster --cluster-name demo",
        "capacity add --cluster demo --type t3.medium --count 2",
        "aws ecs register-task-definition --family web --container-definitions name=web,image=nginx,memory=256",
        "aws ecs run-task --cluster demo --task-definition web --count 2",
        "TASK=$(aws ecs list-tasks --cluster demo --query 'taskArns[0]' --output text)",
        "aws ecs stop-task --cluster demo --task $TASK",
        "wait 2m",
        "aws ecs nope",
      ]
    ),
    (
      "lesson with help",
      [
        "lesson first-cluster", "aws ecs create-cluster --cluster-name demo", "hint",
        "solution run", "check", "undo", "time manual", "solution run", "wait",
      ]
    ),
    (
      "a lesson resumed from progress",
      ["lesson tasks-and-services", "time manual", "solution run", "wait", "sandbox"]
    ),
  ]

  @Test(arguments: sessions)
  func aRecordedSessionReplaysToTheSameWorld(name: String, lines: [String]) throws {
    let lessons = try repositoryLessons()
    var progress = Progress()
    if name.contains("resumed") {
      progress.currentLesson = "first-cluster"
      var lp = LessonProgress()
      lp.step = 1
      lp.typedFrom = 1
      lp.typed = ["aws ecs list-clusters"]
      progress.lessons["first-cluster"] = lp
    }
    var recorded = Session(config: SessionConfig(seed: 42), lessons: lessons, progress: progress)
    var file = [recorded.transcriptStart(kind: "repl", startedFrom: progress).jsonLine]
    for line in lines {
      let (_, entry) = recorded.handleRecorded(line)
      file.append(entry.jsonLine)
    }
    file.append(recorded.transcriptEnd().jsonLine)

    let entries = try TranscriptEntry.parse(file.joined(separator: "\n") + "\n")
    #expect(entries.count == lines.count + 2)
    #expect(entries.allSatisfy { !$0.sim.isEmpty })
    // Replayed in a session built with other defaults: the start entry decides.
    var replayed = Session.replaying(entries[0], config: SessionConfig(), lessons: lessons)
    for entry in entries.dropFirst() {
      let out = replayed.replay(entry)
      if entry.kind == .line { #expect(entry.output?.map(\.output) == out, "\(entry.line ?? "")") }
    }
    #expect(replayed.world == recorded.world)
    #expect(replayed.world.clock == recorded.world.clock)
    #expect(replayed.prompt == recorded.prompt)
  }

  @Test func theCheckSaysWhetherTheStepPassedAndWhatIsMissing() throws {
    var s = Session(config: SessionConfig(), lessons: try repositoryLessons())
    _ = s.handle("lesson first-cluster")
    let (_, miss) = s.handleRecorded("aws ecs list-clusters")
    #expect(miss.check?.passed == false)
    #expect(miss.check?.step == 1)
    #expect(miss.check?.unmet == ["cluster demo exists and is ACTIVE"])
    let (_, hit) = s.handleRecorded("aws ecs create-cluster --cluster-name demo")
    #expect(
      hit.check
        == TranscriptEntry.Check(
          lesson: "first-cluster", step: 1, stepID: "create-cluster", passed: true, unmet: []))
  }

  @Test(arguments: [
    ("", 1, TranscriptError.Reason.noStart),
    ("{\"kind\":\"line\",\"sim\":\"x\"}\n", 1, .noStart),
    ("{\"kind\":\"start\",\"seed\":1,\"sim\":\"x\"}\nnot json\n", 2, .notAnEntry),
  ])
  func aFileThatIsNoTranscriptIsRefused(text: String, line: Int, reason: TranscriptError.Reason) {
    #expect(throws: TranscriptError(line: line, reason: reason)) {
      try TranscriptEntry.parse(text)
    }
  }
}

/// Presenter mode: every lesson's walkthrough passes every step with its solutions; moving
/// between steps rebuilds their worlds; notes show only here.
@Suite struct WalkthroughTests {
  static func walkthrough(_ id: String, from: Int = 0, language: Language = .en) throws
    -> Walkthrough
  {
    let session = Session(
      config: SessionConfig(language: language), lessons: try repositoryLessons())
    return try #require(Walkthrough(session: session, lesson: id, from: from))
  }

  @Test(arguments: [
    "first-cluster", "control-plane-data-plane", "tasks-and-services", "ecr-images",
    "network-modes",
  ])
  func everyStepPassesWithItsSolution(lesson: String) throws {
    var w = try Self.walkthrough(lesson)
    while true {
      for command in w.solution { _ = w.run(command) }
      _ = w.verdict()
      guard w.next().moved else { break }
    }
    #expect(w.failed.isEmpty)
    #expect(w.passed.count == w.lesson.steps.count)
    #expect(w.summary().kind == .tutor(.success))
  }

  @Test(arguments: [(0, 1), (2, 3), (4, 5)])
  func fromStepStartsThereWithItsWorld(from: Int, shown: Int) throws {
    var w = try Self.walkthrough("first-cluster", from: from)
    #expect(w.slide()[0].text == "Step \(shown) of 5 · Your first cluster and task definition")
    for command in w.solution { _ = w.run(command) }
    #expect(w.verdict().first?.text == "✓ Step complete.")
  }

  @Test func nextWithoutRunningAndPreviousRebuildTheWorld() throws {
    var w = try Self.walkthrough("first-cluster")
    #expect(w.previous().moved == false)
    let skipped = w.next()
    #expect(skipped.moved && skipped.entry?.step == 1)
    #expect(w.session.world.clusters.count == 1)  // step 1's solution built it
    for command in w.solution { _ = w.run(command) }
    _ = w.verdict()
    let ranOn = w.next()
    #expect(ranOn.moved && ranOn.entry == nil)  // the world goes on from the solution
    let back = w.previous()
    #expect(back.moved && back.entry?.step == 1)
    #expect(!w.ran)
  }

  @Test func aStepThatDoesNotHoldFails() throws {
    var w = try Self.walkthrough("first-cluster")
    _ = w.run("aws ecs create-cluster --cluster-name other")
    let verdict = w.verdict()
    #expect(verdict.text.contains("cluster demo"))
    #expect(w.failed == [0])
    #expect(w.summary().text == "Walkthrough: 0 of 5 steps passed; failed: step 1.")
  }

  @Test(arguments: [
    (Language.en, "Instructor notes", "Ask the room first"), (.ja, "講師用メモ", "空のクラスターの料金は"),
  ])
  func notesAreShownOnlyInTheWalkthrough(language: Language, heading: String, note: String) throws {
    let w = try Self.walkthrough("first-cluster", language: language)
    #expect(w.slide().text.contains(heading))
    #expect(w.slide().text.contains(note))
    var s = Session(config: SessionConfig(language: language), lessons: try repositoryLessons())
    let learner = s.handle("lesson first-cluster") + s.handle("goal") + s.handle("hint")
    #expect(!learner.text.contains(note))
  }

  @Test func aRecordedWalkthroughReplaysToTheSameWorld() throws {
    var w = try Self.walkthrough("network-modes", from: 1)
    var entries = [
      w.session.transcriptStart(kind: "walkthrough", startedFrom: Progress()), w.startEntry,
    ]
    for _ in 0..<3 {
      for command in w.solution { entries.append(w.run(command).1) }
      _ = w.verdict()
      if let entry = w.next().entry { entries.append(entry) }
    }
    if let entry = w.previous().entry { entries.append(entry) }
    let parsed = try TranscriptEntry.parse(entries.map(\.jsonLine).joined(separator: "\n"))
    var replayed = Session.replaying(
      parsed[0], config: SessionConfig(), lessons: try repositoryLessons())
    for entry in parsed.dropFirst() { _ = replayed.replay(entry) }
    #expect(replayed.world == w.session.world)
  }

  @Test(arguments: [
    ("aws ecs list-clusters", 40, ["aws ecs list-clusters"]),
    (
      "aws ecs create-service --cluster demo --service-name web --desired-count 3", 40,
      ["aws ecs create-service --cluster demo \\", "  --service-name web --desired-count 3"]
    ),
    (
      "aws ecs x --container-definitions name=web,image=nginx,memory=256,portMappings=[{containerPort=80}]",
      30,
      [
        "aws ecs x \\", "  --container-definitions \\",
        "  name=web,image=nginx,memory=256,portMappings=[{containerPort=80}]",
      ]
    ),
    (
      "aws ecs register-task-definition --family web --cpu 256 \\", 40,
      ["aws ecs register-task-definition \\", "  --family web --cpu 256 \\"]
    ),
  ])
  func longCommandsBecomeContinuationLines(command: String, width: Int, lines: [String]) {
    let wrapped = Walkthrough.wrapCommand(command, width: width)
    #expect(wrapped == lines)
    // Joined as the shell joins them, it is the same command.
    #expect(
      wrapped.joined(separator: "\n").replacingOccurrences(of: " \\\n  ", with: " ") == command)
  }
}

/// `ecs-tutor report` and `report --merge`.
@Suite struct ReportTests {
  static func report(_ name: String, lines: [String], quiz: [QuizAttempt] = []) throws
    -> LearnerReport
  {
    var s = Session(config: SessionConfig(), lessons: try repositoryLessons())
    for line in lines { _ = s.handle(line) }
    var progress = s.progress
    progress.quizAttempts = quiz
    return LearnerReport(
      progress: progress, lessons: s.lessons, name: name, generated: "2026-12-03T12:00:00Z",
      language: .en)
  }

  static func json(_ report: LearnerReport) throws -> String {
    String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
  }

  @Test func aLearnersReportHasEveryLessonAndStep() throws {
    let r = try Self.report(
      "ann",
      lines: [
        "lesson first-cluster", "aws ecs create-cluster --cluster-name demo", "hint",
        "solution run",
      ],
      quiz: [
        QuizAttempt(
          topic: "ports", seed: 1, date: "2026-12-03T11:00:00Z", score: 9, total: 10, missed: ["p7"]
        )
      ])
    #expect(r.lessons.map(\.id).prefix(2) == ["first-cluster", "control-plane-data-plane"])
    let first = try #require(r.lessons.first)
    #expect(first.done == 2 && first.withHelp == 1 && first.hints == 1 && first.solutions == 1)
    #expect(first.steps[1].withHelp && first.steps[1].hints == 1)
    let text = r.text(.en)
    #expect(text.contains("Progress report: ann (2026-12-03)"))
    // The lesson column is as wide as the longest lesson ID; the row's cells, in order:
    let row = text.split(separator: "\n").first { $0.contains("first-cluster ") }.map {
      $0.split(separator: " ").map(String.init)
    }
    #expect(row?.prefix(6) == ["·", "first-cluster", "2/5", "1", "1", "1"])
    #expect(text.contains("2026-12-03  ports  9/10   p7"))
    #expect(r.text(.ja).contains("進捗レポート: ann"))
  }

  @Test func aClassMergesIntoWhoFinishedWhatWhereHelpWasNeededAndWhatWasMissed() throws {
    let first = try repositoryLessons().lesson("first-cluster")!
    let all = ["lesson first-cluster"] + first.steps.flatMap(\.solution)
    let ann = try Self.report(
      "ann", lines: all,
      quiz: [
        QuizAttempt(topic: "roles", seed: 1, date: "d", score: 8, total: 10, missed: ["r3", "r5"]),
        QuizAttempt(topic: "roles", seed: 2, date: "d", score: 9, total: 10, missed: ["r3"]),
      ])
    let bob = try Self.report(
      "bob", lines: ["lesson first-cluster", "hint", "solution run", "hint", "hint"],
      quiz: [
        QuizAttempt(topic: "roles", seed: 3, date: "d", score: 9, total: 10, missed: ["r5"])
      ])
    let cid = try Self.report("cid", lines: ["lesson first-cluster", "hint"])
    let files = [
      (path: "ann.json", text: try Self.json(ann)), (path: "bob.json", text: try Self.json(bob)),
      (path: "cid.json", text: try Self.json(cid)), (path: "notes.txt", text: "hello"),
      (path: "progress.json", text: "{\"version\": 3, \"lessons\": {}}"),
      (path: "future.json", text: "{\"format\": \"ecs-tutor-report\", \"version\": 9}"),
      (path: "broken.json", text: "{\"format\": \"ecs-tutor-report\", \"version\": 1}"),
    ]
    let (merged, skipped) = ClassReport.merge(files, language: .en)
    #expect(merged.learners.map(\.name) == ["ann", "bob", "cid"])
    #expect(merged.learners[0].lessons[0].completed)
    #expect(merged.learners[1].lessons[0].done == 1)
    #expect(merged.hardestSteps.first?.step == "create-cluster")
    #expect(merged.hardestSteps.first?.learners == 2)
    // Missed as often, by more learners first.
    #expect(merged.missedQuestions.map(\.question) == ["r5", "r3"])
    #expect(merged.missedQuestions.map(\.missed) == [2, 2])
    #expect(merged.missedQuestions.map(\.learners) == [2, 1])
    #expect(skipped.map(\.file) == ["notes.txt", "progress.json", "future.json", "broken.json"])
    #expect(skipped[0].reason == "not JSON")
    #expect(skipped[1].reason.hasPrefix("not an ecs-tutor report"))
    #expect(skipped[2].reason == "report version 9 is newer than this ecs-tutor")
    let text = merged.text(.en)
    #expect(text.contains("Class report: 3 learners"))
    #expect(text.contains("ann      ✓"))
    #expect(text.contains("bob      1/5"))
    #expect(text.contains("cid      ·"))
    #expect(text.contains("first-cluster / create-cluster            2/3       2      1"))
    #expect(text.contains("r3        2       1"))
    let csv = merged.csv.split(separator: "\n")
    #expect(
      csv.first
        == "table,learner,lesson,step,question,done,steps,completed,hints,solutions,missed,learners"
    )
    #expect(csv.contains("missed,,,,r3,,,,,,2,1"))
    #expect(csv.contains("finished,ann,first-cluster,,,5,5,yes,0,0,,"))
    #expect(
      csv.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 12 })
    #expect(merged.text(.ja).contains("クラスのレポート: 受講者 3 人"))
  }

  @Test(arguments: [("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\"")])
  func csvCellsAreQuotedWhenTheyMustBe(cell: String, written: String) {
    #expect(ClassReport.csvRow([cell, "x"]) == written + ",x")
  }
}

/// The classroom's catalogue keys, one sample each (`CatalogueTests` checks them).
extension CatalogueTests {
  static let classroomSamples: [Msg] = [
    .walkthroughWhere(lesson: "L", index: 1, count: 5), .walkthroughNotes, .walkthroughKeys,
    .walkthroughKeysAfter, .walkthroughMoreLines(3),
    .walkthroughSummary(passed: 4, failed: [2], count: 5),
    .walkthroughSummary(passed: 5, failed: [], count: 5), .walkthroughBadStep(9, count: 5),
    .walkthroughEnd, .walkthroughStepFailed(2), .replaySummary(lines: 3, diverged: []),
    .replaySummary(lines: 3, diverged: [1, 2]), .replayBadFile(file: "f", line: 2, noStart: false),
    .replayBadFile(file: "f", line: 1, noStart: true), .recordFailed(file: "f", reason: "r"),
    .reportTitle(name: "ann", generated: "2026-12-03T10:00:00Z"), .reportLessonColumns,
    .reportNoQuiz, .reportQuizHeader, .reportQuizColumns, .mergeTitle(learners: 2),
    .mergeLearnerColumn, .mergeHintsHeader, .mergeHintsColumns, .mergeMissedHeader,
    .mergeMissedColumns, .mergeNone, .mergeNotJSON, .mergeForeign, .mergeNewer(2), .mergeBroken,
    .mergeSkipped(file: "f", reason: "r"), .mergeNothing, .reportProgressUnreadable("p"),
  ]

  @Test(arguments: classroomSamples, Language.allCases)
  func classroomKeysHaveTextInBothLanguages(_ m: Msg, _ lang: Language) {
    #expect(!m.text(lang).isEmpty, "\(m)")
    // ja-review.md R2 and R3: nothing after 。, half-width parentheses.
    #expect(!m.text(.ja).contains("。 ") && !m.text(.ja).contains("（"), "\(m)")
  }
}

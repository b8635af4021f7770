import ECSCommands
import ECSModel
import TestSupport
import Testing

@testable import ECSTutor

@Suite struct SessionTests {
  static func session(_ lang: Language = .en, files: any FileAccess = MemoryFiles()) throws
    -> Session
  {
    Session(config: SessionConfig(language: lang, files: files), lessons: try repositoryLessons())
  }

  @Test func repositoryLessonsVerify() throws {
    let report = LessonVerifier.verify(try repositoryLessons())
    #expect(report.failed == 0, "\(report.lines)")
    #expect(report.passed >= 5)
  }

  @Test func awsCommandsPrintTheirResponse() throws {
    var s = try Self.session()
    let out = s.handle("aws ecs create-cluster --cluster-name demo")
    #expect(
      out.stdout.contains("\"clusterArn\": \"arn:aws:ecs:us-east-1:123456789012:cluster/demo\""))
    #expect(s.lastStatus == 0)
  }

  @Test func walkingTheFirstLessonWithItsSolutionsCompletesIt() throws {
    var s = try Self.session()
    _ = s.handle("lesson first-cluster")
    #expect(s.prompt == "[first-cluster 1/5] $ ")
    let lesson = try #require(s.lessons.lesson("first-cluster"))
    for step in lesson.steps {
      for cmd in step.solution { _ = s.handle(cmd) }
    }
    #expect(s.prompt == "[first-cluster ✓] $ ")
    #expect(s.progress.lessons["first-cluster"]?.completed == true)
    #expect(s.progress.lessons["first-cluster"]?.solvedWithHelp == [])
  }

  @Test func newlyTrueItemsAreAnnouncedAndTheStepMovesOn() throws {
    var s = try Self.session()
    _ = s.handle("lesson first-cluster")
    let out = s.handle("aws ecs create-cluster --cluster-name demo")
    #expect(out.text.contains("✓ Step complete."))
    #expect(out.text.contains("Step 2/5"))
  }

  @Test func checkShowsExpectedAndActual() throws {
    var s = try Self.session()
    _ = s.handle("lesson first-cluster")
    _ = s.handle("aws ecs create-cluster --cluster-name demo")
    _ = s.handle(
      "aws ecs register-task-definition --family web --container-definitions name=web,image=httpd,memory=256,portMappings=[{containerPort=80}]"
    )
    let out = s.handle("check")
    #expect(
      out.text.contains(
        "containerDefinitions[name=web].image: expected an image named nginx, with or without :latest, found httpd"
      ))
  }

  @Test func undoRestoresTheWorldBeforeTheLastChange() throws {
    var s = try Self.session()
    let before = s.world
    _ = s.handle("aws ecs create-cluster --cluster-name demo")
    #expect(s.world != before)
    _ = s.handle("undo")
    #expect(s.world == before)
    #expect(s.handle("undo").text.contains("Nothing to undo"))
  }

  @Test func hintsClimbTheLadderAndSolutionAsksFirst() throws {
    var s = try Self.session()
    _ = s.handle("lesson first-cluster")
    #expect(s.handle("hint").text.contains("create-cluster"))
    #expect(s.handle("hint").text.contains("--cluster-name"))
    #expect(s.handle("hint").text.contains("No more hints"))
    #expect(s.handle("solution").text.contains("Type `solution` again"))
    #expect(s.handle("solution").text.contains("aws ecs create-cluster --cluster-name demo"))
    _ = s.handle("aws ecs create-cluster --cluster-name demo")
    #expect(s.progress.lessons["first-cluster"]?.solvedWithHelp == ["create-cluster"])
    #expect(s.progress.lessons["first-cluster"]?.hintsUsed["create-cluster"] == 2)
  }

  @Test func resetReturnsToTheStepStart() throws {
    var s = try Self.session()
    _ = s.handle("lesson first-cluster")
    _ = s.handle("aws ecs create-cluster --cluster-name other")
    _ = s.handle("reset")
    #expect(s.world.clusters.isEmpty)
  }

  @Test func japaneseTutorTextAndEnglishAWSOutput() throws {
    var s = try Self.session(.ja)
    let out = s.handle("lesson first-cluster")
    #expect(out.text.contains("クラスター"))
    let aws = s.handle("aws ecs create-cluster --cluster-name demo")
    #expect(aws.stdout.contains("\"status\": \"ACTIVE\""))
    #expect(aws.text.contains("ステップを完了しました"))
  }

  @Test func unknownCommandsSuggestTheClosestTutorCommand() throws {
    var s = try Self.session()
    let out = s.handle("lessnos")
    #expect(out.text.contains("`lessons`"))
    #expect(s.lastStatus != 0)
  }

  @Test func progressExportsAndImports() throws {
    let files = TestFiles()
    var s = try Self.session(files: files)
    _ = s.handle("lesson first-cluster")
    _ = s.handle("aws ecs create-cluster --cluster-name demo")
    _ = s.handle("progress export p.json")
    #expect(files["p.json"]?.contains("first-cluster") == true)
    var fresh = try Self.session(files: files)
    _ = fresh.handle("progress import p.json")
    #expect(fresh.prompt == "[first-cluster 2/5] $ ")
    #expect(fresh.world.cluster("demo") != nil)  // rebuilt by replaying step 1's solution
    let bad = fresh.handle("progress import nope.json")
    #expect(bad.text.contains("No such file"))
  }

  @Test func resumingAfterARestartRebuildsTheWorld() throws {
    var s = try Self.session()
    _ = s.handle("lesson first-cluster")
    _ = s.handle("aws ecs create-cluster --cluster-name demo")
    let again = Session(
      config: SessionConfig(), lessons: try repositoryLessons(), progress: s.progress)
    #expect(again.prompt == "[first-cluster 2/5] $ ")
    #expect(again.welcome().text.contains("Welcome back"))
    #expect(again.world.cluster("demo") != nil)
  }
}

@Suite struct DiagnosisTests {
  @Test func anEmptyClusterIsNamedInBothLanguages() throws {
    for (lang, word) in [
      (Language.en, "A cluster is not compute"), (.ja, "クラスター自体はコンピューティングリソースではありません"),
    ] {
      var s = Session(config: SessionConfig(language: lang), lessons: try repositoryLessons())
      _ = s.handle("aws ecs create-cluster --cluster-name demo")
      _ = s.handle(
        "aws ecs register-task-definition --family web --container-definitions name=web,image=nginx,memory=128"
      )
      let out = s.handle("aws ecs run-task --cluster demo --task-definition web")
      #expect(out.stderr.contains("No Container Instances were found in your cluster."))
      #expect(out.text.contains(word))
    }
  }

  @Test func nothingIsSaidWhenNothingIsWrong() throws {
    var s = Session(config: SessionConfig(), lessons: try repositoryLessons())
    let out = s.handle("aws ecs create-cluster --cluster-name demo")
    #expect(!out.contains { $0.kind == .tutor(.pointer) })
  }

  @Test func everyDiagnosisIsLoaded() throws {
    let lib = try repositoryLessons()
    #expect(lib.diagnoses.count >= 3)
    #expect(Set(lib.diagnoses.map(\.id)).count == lib.diagnoses.count)
  }
}

@Suite struct LanguageChoiceTests {
  @Test func savedChoiceWinsOverTheLocaleButNotOverAnExplicitFlag() {
    var p = Progress()
    p.language = .ja
    #expect(Session(config: SessionConfig(language: .en), progress: p).language == .ja)
    var explicit = SessionConfig(language: .en)
    explicit.languageIsExplicit = true
    #expect(Session(config: explicit, progress: p).language == .en)
  }
}

@Suite struct LogsTailTests {
  @Test func logsTailPrintsTheContainersLinesWithTheirStream() throws {
    var s = Session(config: SessionConfig(narrate: false), lessons: try repositoryLessons())
    for line in [
      "aws ecs create-cluster --cluster-name demo", "capacity add --cluster demo --count 1",
      "aws logs create-log-group --log-group-name /ecs/web",
      "aws ecs register-task-definition --family web --container-definitions 'name=web,image=nginx,memory=256,logConfiguration={logDriver=awslogs,options={awslogs-group=/ecs/web,awslogs-region=us-east-1,awslogs-stream-prefix=ecs}}'",
      "aws ecs run-task --cluster demo --task-definition web",
    ] {
      _ = s.handle(line)
      #expect(s.lastStatus == 0, "\(line)")
    }
    let id = try #require(s.world.workloads.tasks.first?.id)
    let out = s.handle("aws logs tail /ecs/web --follow")
    #expect(s.lastStatus == 0)
    #expect(
      out.stdout.contains(
        " ecs/web/\(id) /docker-entrypoint.sh: Configuration complete; ready for start up\n"))
    let missing = s.handle("aws logs tail /nope")
    #expect(s.lastStatus == 254)
    #expect(missing.stderr.contains("The specified log group does not exist."))
  }
}

// ecs-tutor-bench: measures the simulator and the tutor, and prints the figures.
//   swift run -c release ecs-tutor-bench        (make bench)
// 1. Time per command over a 26-command lesson scenario run through the session.
// 2. Time to settle 1,000 tasks on 100 instances and 10,000 tasks on 1,000 instances.
// 3. Peak memory (maximum resident set size).
// 4. Start-up of the release ecs-tutor binary: to the prompt at a terminal, piped, `run FILE`.
import ECSModel
import ECSTutor

#if canImport(Glibc)
  import Glibc
#endif

let scenario = [
  "aws ecs create-cluster --cluster-name bench",
  "capacity add --cluster bench --type m5.large --count 3",
  "aws ecs list-container-instances --cluster bench",
  "aws ecs register-task-definition --family web --container-definitions 'name=web,image=nginx,memory=256,portMappings=[{containerPort=80,hostPort=0}]'",
  "aws ecs describe-task-definition --task-definition web",
  "aws ecs register-task-definition --family web --container-definitions 'name=web,image=nginx:1.27,memory=256,portMappings=[{containerPort=80,hostPort=0}]'",
  "aws ecs list-task-definitions --family-prefix web",
  "aws ecs run-task --cluster bench --task-definition web:1 --count 2",
  "aws ecs list-tasks --cluster bench",
  "TASK=$(aws ecs list-tasks --cluster bench --query 'taskArns[0]' --output text)",
  "aws ecs describe-tasks --cluster bench --tasks $TASK",
  "aws ecs stop-task --cluster bench --task $TASK",
  "aws ecs create-service --cluster bench --service-name web --task-definition web:1 --desired-count 3",
  "aws ecs describe-services --cluster bench --services web",
  "aws ecs update-service --cluster bench --service web --task-definition web:2",
  "aws ecs wait services-stable --cluster bench --services web",
  "aws ecs update-service --cluster bench --service web --desired-count 6",
  "aws ecs describe-services --cluster bench --services web --query 'services[0].[runningCount,desiredCount]' --output text",
  "aws ecs describe-container-instances --cluster bench --container-instances $(aws ecs list-container-instances --cluster bench --query 'containerInstanceArns[0]' --output text)",
  "aws ecs list-services --cluster bench",
  "aws ecs update-service --cluster bench --service web --desired-count 0",
  "aws ecs delete-service --cluster bench --service web",
  "aws ecs deregister-task-definition --task-definition web:1",
  "aws ecs deregister-task-definition --task-definition web:2",
  "aws ec2 terminate-instances --instance-ids $(aws ec2 describe-instances --query 'Reservations[].Instances[].InstanceId' --output text)",
  "aws ecs delete-cluster --cluster bench",
]

func seconds(_ d: Duration) -> Double {
  Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

func format(_ v: Double, _ digits: Int = 2) -> String {
  var p = 1.0
  for _ in 0..<digits { p *= 10 }
  let r = (v * p).rounded() / p
  return String(r)
}

/// Runs the scenario `rounds` times; returns per-command milliseconds and the number of failures.
func runScenario(rounds: Int) -> (perCommand: [Double], failures: Int) {
  var times: [Double] = []
  var failures = 0
  let clock = ContinuousClock()
  for _ in 0..<rounds {
    var session = Session(config: SessionConfig())
    for line in scenario {
      let d = clock.measure { _ = session.handle(line) }
      times.append(seconds(d) * 1000)
      if session.lastStatus != 0 { failures += 1 }
    }
  }
  return (times, failures)
}

/// A cluster of `instances` m5.2xlarge instances running one service of `tasks` small tasks;
/// returns the wall time of the settle after create-service and the simulated seconds it covered.
func settleBenchmark(instances: Int, tasks: Int) throws -> (
  wall: Double, simulated: Double, running: Int
) {
  var w = World()
  w.capacity.instanceLimit = instances
  _ = try w.perform(service: "ecs", operation: "CreateCluster", ["clusterName": "big"])
  var remaining = instances
  while remaining > 0 {
    let n = min(remaining, 20)
    _ = try w.perform(
      service: "ec2", operation: "RunInstances",
      [
        "ImageId":
          "resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id",
        "InstanceType": "m5.2xlarge", "MinCount": .int(n), "MaxCount": .int(n),
        "IamInstanceProfile": ["Name": "ecsInstanceRole"],
        "UserData": "#!/bin/bash\necho ECS_CLUSTER=big >> /etc/ecs/ecs.config",
      ])
    remaining -= n
  }
  w.settle(maxSeconds: 600)
  _ = try w.perform(
    service: "ecs", operation: "RegisterTaskDefinition",
    [
      "family": "small",
      "containerDefinitions": [["name": "app", "image": "busybox", "memory": 128, "cpu": 64]],
    ])
  // ECS allows 5,000 tasks per service: spread the work over services of at most that size.
  var left = tasks
  var n = 0
  while left > 0 {
    let count = min(left, 5000)
    n += 1
    _ = try w.perform(
      service: "ecs", operation: "CreateService",
      [
        "cluster": "big", "serviceName": .string("many-\(n)"), "taskDefinition": "small",
        "desiredCount": .int(count),
      ])
    left -= count
  }
  let clock = ContinuousClock()
  var simulated = 0.0
  let d = clock.measure { simulated = w.settle(maxSeconds: 3600) }
  let running = w.workloads.tasks.filter { $0.lastStatus == .running }.count
  return (seconds(d), simulated, running)
}

func peakMemoryMiB() -> Double {
  #if canImport(Glibc)
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
  #else
    return 0
  #endif
}

print("ecs-tutor-bench")
// Start-up first, while this process is small (spawning from a large one costs more).
printStartupFigures()
_ = runScenario(rounds: 1)  // warm up lazily parsed models
let (times, failures) = runScenario(rounds: 10)
let sorted = times.sorted()
let mean = times.reduce(0, +) / Double(times.count)
print("lesson scenario: \(scenario.count) commands × 10 rounds, \(failures) failed commands")
print(
  "  per command: mean \(format(mean)) ms, median \(format(sorted[sorted.count / 2])) ms, p95 \(format(sorted[sorted.count * 95 / 100])) ms, max \(format(sorted.last ?? 0)) ms"
)
do {
  let small = try settleBenchmark(instances: 100, tasks: 1000)
  print(
    "settle 1,000 tasks on 100 instances: \(format(small.wall, 3)) s wall (\(Int(small.simulated)) s simulated, \(small.running) RUNNING)"
  )
  let large = try settleBenchmark(instances: 1000, tasks: 10000)
  print(
    "settle 10,000 tasks on 1,000 instances: \(format(large.wall, 3)) s wall (\(Int(large.simulated)) s simulated, \(large.running) RUNNING)"
  )
  print("  ratio large/small: \(format(large.wall / max(small.wall, 1e-9), 1))× for 10× the work")
} catch {
  print("settle benchmark failed: \(error)")
}
print("peak memory (max RSS): \(format(peakMemoryMiB(), 1)) MiB")

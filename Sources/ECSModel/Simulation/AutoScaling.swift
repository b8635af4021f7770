/// Target tracking as Application Auto Scaling runs it for ECS: one datapoint a minute; scale out
/// after 3 minutes above target, scale in after 15 minutes below 90 % of it (the alarms it
/// creates), each direction respecting its cooldown.
enum AutoScaling {
  static let periodMillis: Int64 = 60_000
  static let scaleOutDatapoints: Int64 = 3
  static let scaleInDatapoints: Int64 = 15
}

extension AutoScaling: SimulationProcess {
  static func tick(_ world: inout World) {
    if !world.workloads.scalingPolicies.isEmpty && world.clock.nowMillis % periodMillis == 0 {
      world.evaluateScaling()
    }
  }

  static func nextWake(_ world: World) -> Int64? {
    world.workloads.scalingPolicies.isEmpty
      ? nil : (world.clock.nowMillis / periodMillis + 1) * periodMillis
  }

  /// Policies act on load, not on time running out: they never hold settling up.
  static func isSettled(_ world: World) -> Bool { true }
}

extension World {
  /// The simulated average CPU of a service: the demand set by `setLoad`, shared by its running tasks.
  func averageCPU(_ svc: Service) -> Double? {
    guard let demand = workloads.load[svc.arn] else { return nil }
    return demand / Double(max(serviceCounts(svc).running, 1))
  }

  /// One evaluation period of every target-tracking policy.
  mutating func evaluateScaling() {
    let now = clock.nowMillis
    for k in workloads.scalingPolicies.indices {
      let p = workloads.scalingPolicies[k]
      guard let s = service(resourceId: p.resourceId),
        let target = workloads.scalableTargets.first(where: { $0.resourceId == p.resourceId }),
        let metric = averageCPU(workloads.services[s])
      else { continue }
      let current = workloads.services[s].desiredCount
      if metric > p.targetValue {
        workloads.scalingPolicies[k].lowSince = nil
        let since = p.highSince ?? now
        workloads.scalingPolicies[k].highSince = since
        let due = now - since >= (AutoScaling.scaleOutDatapoints - 1) * AutoScaling.periodMillis
        let cooled = p.lastScaleOut.map { now - $0 >= Int64(p.scaleOutCooldown) * 1000 } ?? true
        if due && cooled {
          let wanted = Int(
            min(
              Double(target.maxCapacity),
              (Double(max(current, 1)) * metric / p.targetValue).rounded(.up)))
          let next = min(target.maxCapacity, max(target.minCapacity, wanted))
          if next > current {
            setDesired(s, next)
            workloads.scalingPolicies[k].lastScaleOut = now
            workloads.scalingPolicies[k].highSince = nil
          }
        }
      } else if metric < p.targetValue * 0.9 && !p.disableScaleIn {
        workloads.scalingPolicies[k].highSince = nil
        let since = p.lowSince ?? now
        workloads.scalingPolicies[k].lowSince = since
        let due = now - since >= (AutoScaling.scaleInDatapoints - 1) * AutoScaling.periodMillis
        let cooled = p.lastScaleIn.map { now - $0 >= Int64(p.scaleInCooldown) * 1000 } ?? true
        if due && cooled {
          let wanted = Int(
            max(
              0,
              min(
                Double(target.maxCapacity), (Double(current) * metric / p.targetValue).rounded(.up))
            ))
          let next = min(target.maxCapacity, max(target.minCapacity, wanted))
          if next < current {
            setDesired(s, next)
            workloads.scalingPolicies[k].lastScaleIn = now
            workloads.scalingPolicies[k].lowSince = nil
          }
        }
      } else {
        workloads.scalingPolicies[k].highSince = nil
        workloads.scalingPolicies[k].lowSince = nil
      }
    }
  }

  private mutating func setDesired(_ s: Int, _ n: Int) {
    let old = workloads.services[s].desiredCount
    workloads.services[s].desiredCount = n
    if !workloads.services[s].deployments.isEmpty {
      workloads.services[s].deployments[0].desiredCount = n
      workloads.services[s].deployments[0].updatedAt = clock.nowMillis
    }
    record(
      .service,
      "Auto scaling set the desired count of \(workloads.services[s].name) from \(old) to \(n).",
      .autoScaled(service: workloads.services[s].name, from: old, to: n))
  }
}

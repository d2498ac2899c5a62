#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin

/// Every fleet target due is polled; each has its own backoff and a jitter of up to a
/// tenth of the interval, fixed per target, so 50 targets do not poll in lockstep.
func startDueFleetPolls(_ state: inout AppState) -> [Effect] {
    if state.fleet.targets.isEmpty, !state.config.contexts.isEmpty, !state.fleetSeeded {
        state.fleetSeeded = true
        for t in state.config.fleetTargets(now: state.now) { state.fleet.targets[t.id] = t }
    }
    var effects: [Effect] = []
    for context in state.config.contexts {
        guard let source = context.discovery, state.now >= (state.fleet.nextDiscoveryAt[context.name] ?? .distantPast) else { continue }
        state.fleet.nextDiscoveryAt[context.name] = state.now.addingTimeInterval(FleetState.discoveryInterval)
        effects.append(.discoverPods(context.name, source))
    }
    for id in state.fleet.targets.keys.sorted() {
        guard var t = state.fleet.targets[id], t.inFlight == nil, state.now >= t.nextPollAt else { continue }
        state.fleet.generation += 1
        t.inFlight = state.fleet.generation
        state.fleet.targets[id] = t
        effects.append(.pollTarget(id, url: t.url, generation: state.fleet.generation))
    }
    return effects
}

/// A stable jitter per target: a hash of its name, not a random draw (pure `update`).
func jitterSeconds(_ id: TargetID, interval: Int) -> Double {
    var h: UInt64 = 1469598103934665603
    for b in id.description.utf8 { h = (h ^ UInt64(b)) &* 1099511628211 }
    return Double(h % 1000) / 1000 * Double(interval) / 10
}

func applyTargetPoll(_ state: inout AppState, _ id: TargetID, generation: Int, snapshot: ProxySnapshot, at: Date) -> [Effect] {
    guard var t = state.fleet.targets[id], t.inFlight == generation else { return [] }  // stale, or a target gone
    t.inFlight = nil
    let allFailed = snapshot.costMap.value == nil && snapshot.betaHeaders.value == nil && snapshot.source.value == nil && snapshot.health.value == nil
    if allFailed, let error = snapshot.worstError {
        if t.error != error { logEvent(&state, at, "\(id): \(error.summary)", .error) }
        t.error = error
        t.failures += 1
    } else {
        if t.error != nil { logEvent(&state, at, "\(id): answering again", .ok) }
        t.error = nil
        t.failures = 0
        t.snapshot = snapshot  // last good values stay when a poll fails
        t.lastAnswerAt = at
    }
    let delay = Double(pollDelay(intervalSeconds: state.config.pollIntervalSeconds, failures: t.failures,
                                 maxBackoffSeconds: state.config.maxBackoffSeconds))
    t.nextPollAt = at.addingTimeInterval(delay + jitterSeconds(id, interval: state.config.pollIntervalSeconds))
    state.fleet.targets[id] = t
    followConvergence(&state, at: at)
    return []
}

/// New pods from `pods_dns` / `pods_command`: kept ones keep their state, gone ones go.
func applyPodsDiscovered(_ state: inout AppState, context: String, _ result: Result<[String], PodDiscovery.Failure>, at: Date) {
    switch result {
    case .failure(let failure):
        let why = failure.description
        if state.fleet.discoveryErrors[context] != why { logEvent(&state, at, "pod discovery for \(context) failed (last known pods kept): \(why)", .warning) }
        state.fleet.discoveryErrors[context] = why
    case .success(let pods):
        state.fleet.discoveryErrors[context] = nil
        let wanted = Set(pods.map { TargetID(context: context, pod: $0) })
        for id in state.fleet.targets.keys where id.context == context && id.pod != nil && !wanted.contains(id) {
            state.fleet.targets[id] = nil
        }
        for id in wanted where state.fleet.targets[id] == nil {
            state.fleet.targets[id] = TargetPoll(id: id, url: id.pod!, nextPollAt: at)
        }
    }
}

/// After a cost-map reload — synctop's own, or one it saw the proxy run (its schedule,
/// another client): "3/3 pods on revision 1a2b3c after 14 s", or which pod did not follow
/// within two minutes. A reload counts from `since` (the proxy's run, for one it saw).
func startConvergence(_ state: inout AppState, revision: String?, since: Date, at: Date) {
    guard !state.fleet.pods(of: state.config.currentContext).isEmpty else { return }
    state.fleet.convergence = Convergence(startedAt: since, revision: revision)
    // Ask every pod at once instead of waiting for its turn.
    for id in state.fleet.targets.keys where id.pod != nil { state.fleet.targets[id]?.nextPollAt = at }
}

func followConvergence(_ state: inout AppState, at: Date) {
    guard var c = state.fleet.convergence, !c.reported else { return }
    let pods = state.fleet.pods(of: state.config.currentContext)
    func applied(_ p: TargetPoll) -> Bool {
        guard let source = p.snapshot?.source.value else { return false }
        if let r = c.revision, let mine = source.sourceRevision { return mine == r }
        return (source.loadedAt ?? .distantPast) >= c.startedAt.addingTimeInterval(-2)
    }
    let done = pods.filter(applied)
    let seconds = max(0, Int(at.timeIntervalSince(c.startedAt)))
    // A reload seen on the proxy has no revision of its own: the one the pods agree on.
    let revisions = Set(done.compactMap { $0.snapshot?.source.value?.sourceRevision })
    let what = (c.revision ?? (revisions.count == 1 ? revisions.first : nil)).map { "revision \($0.prefix(7))" } ?? "the new cost map"
    if done.count == pods.count {
        logEvent(&state, at, "\(done.count)/\(pods.count) pods on \(what) after \(seconds) s", .ok)
        c.reported = true
    } else if at.timeIntervalSince(c.startedAt) > Convergence.patience,
              // Judged on answers from after the deadline (or a pod that is down), not on
              // a pod's old answer from before its next poll.
              pods.filter({ !applied($0) }).allSatisfy({ $0.error != nil || ($0.lastAnswerAt ?? .distantPast) > c.startedAt.addingTimeInterval(Convergence.patience) }) {
        let late = pods.filter { !applied($0) }.map { PodName.short($0.url) }.joined(separator: ", ")
        logEvent(&state, at, "\(late) did not apply the cost-map reload within 2 minutes (\(done.count)/\(pods.count) pods on \(what)): its fetch may be failing — see that pod's log", .warning)
        c.reported = true
    }
    state.fleet.convergence = c
}

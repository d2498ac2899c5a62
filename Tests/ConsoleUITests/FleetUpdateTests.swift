import Foundation
import Testing
@testable import ConsoleUI
@testable import ProxyAdmin

/// Issue 18: fleet targets in the pure core — polled each on its own, answers landing only
/// in their own target, backoff and jitter per target, pods discovered, convergence said.
@Suite struct FleetUpdateTests {
    typealias S = Scenarios
    static let pods = ["http://10.0.0.11:4000", "http://10.0.0.12:4000", "http://10.0.0.13:4000"]

    static func fleetState(size: ScreenSize = ScreenSize(width: 120, height: 30)) -> AppState {
        var s = S.state(size: size)
        s.config.contexts = [FleetContext(name: "prod", url: "https://prod", accent: "red", pods: pods),
                             FleetContext(name: "staging", url: "http://staging:4000")]
        s.config.currentContext = "prod"
        return s
    }

    static func snapshot(revision: String, loadedAt: Date, beta: Date? = S.now) -> ProxySnapshot {
        var cost = S.scheduled
        cost.sourceRevision = revision
        var source = S.source
        source.sourceRevision = revision
        source.loadedAt = loadedAt
        var betaStatus = S.betaScheduled
        betaStatus.lastRun = beta
        return S.snapshot(cost: cost, beta: betaStatus, source: source)
    }

    func polls(_ effects: [Effect]) -> [(TargetID, String, Int)] {
        effects.compactMap { if case .pollTarget(let id, let url, let g) = $0 { (id, url, g) } else { nil } }
    }

    @Test func everyTargetIsPolledAndAnswersLandOnlyInTheirOwn() {
        var s = Self.fleetState()
        let started = polls(update(&s, .tick(S.now)))
        #expect(Set(started.map(\.0)) == Set(Self.pods.map { TargetID(context: "prod", pod: $0) } + [TargetID(context: "staging")]))
        let pod2 = started.first { $0.0.pod == Self.pods[1] }!
        // An answer with another target's generation is dropped.
        let wrong = started.first { $0.0.pod == Self.pods[0] }!.2
        _ = update(&s, .targetPolled(pod2.0, generation: wrong, snapshot: Self.snapshot(revision: "aaa", loadedAt: S.now), at: S.now))
        #expect(s.fleet.targets[pod2.0]?.snapshot == nil, "a late answer from pod 1 never lands in pod 2")
        _ = update(&s, .targetPolled(pod2.0, generation: pod2.2, snapshot: Self.snapshot(revision: "aaa", loadedAt: S.now), at: S.now))
        #expect(s.fleet.targets[pod2.0]?.snapshot?.source.value?.sourceRevision == "aaa")
        #expect(s.fleet.targets[TargetID(context: "prod", pod: Self.pods[0])]?.snapshot == nil)
    }

    @Test func aDeadPodBacksOffAloneAndKeepsItsLastValues() {
        var s = Self.fleetState()
        let started = polls(update(&s, .tick(S.now)))
        let dead = started.first { $0.0.pod == Self.pods[2] }!
        _ = update(&s, .targetPolled(dead.0, generation: dead.2, snapshot: Self.snapshot(revision: "aaa", loadedAt: S.now), at: S.now))
        let down = ProxySnapshot(costMap: .failure(.unreachable("connection refused")), betaHeaders: .failure(.unreachable("connection refused")),
                                 source: .failure(.unreachable("connection refused")), health: .failure(.unreachable("connection refused")))
        var t = S.now
        for i in 1...3 {
            t = s.fleet.targets[dead.0]!.nextPollAt
            let again = polls(update(&s, .tick(t))).first { $0.0 == dead.0 }!
            _ = update(&s, .targetPolled(dead.0, generation: again.2, snapshot: down, at: t))
            #expect(s.fleet.targets[dead.0]?.failures == i)
        }
        let target = s.fleet.targets[dead.0]!
        #expect(target.snapshot?.source.value?.sourceRevision == "aaa", "last good values kept")
        #expect(target.nextPollAt.timeIntervalSince(t) >= 40, "backed off: \(target.nextPollAt.timeIntervalSince(t))")
        #expect(s.events.filter { $0.text.contains("10.0.0.13:4000: proxy unreachable") }.count == 1, "said once")
    }

    @Test func targetsDoNotPollInLockstep() {
        let ids = (0..<50).map { TargetID(context: "c\($0 / 5)", pod: "http://10.0.0.\($0):4000") }
        let jitters = Set(ids.map { jitterSeconds($0, interval: 10) })
        #expect(jitters.count > 40)
        #expect(jitters.allSatisfy { $0 >= 0 && $0 <= 1 })
    }

    @Test func discoveryReplacesPodsAndKeepsThemOnFailure() {
        var s = Self.fleetState()
        s.config.contexts[0].pods = []
        s.config.contexts[0].discovery = .dns("litellm-headless:4000")
        let effects = update(&s, .tick(S.now))
        #expect(effects.contains(.discoverPods("prod", .dns("litellm-headless:4000"))))
        _ = update(&s, .podsDiscovered(context: "prod", .success(["http://10.1.0.1:4000", "http://10.1.0.2:4000"]), at: S.now))
        #expect(s.fleet.pods(of: "prod").map(\.url) == ["http://10.1.0.1:4000", "http://10.1.0.2:4000"])
        _ = update(&s, .podsDiscovered(context: "prod", .failure(.init(description: "pods_dns: x not resolved within 5 s")), at: S.now))
        #expect(s.fleet.pods(of: "prod").count == 2, "last known pods kept")
        #expect(s.events.contains { $0.text.contains("pod discovery for prod failed (last known pods kept)") })
        _ = update(&s, .podsDiscovered(context: "prod", .success(["http://10.1.0.2:4000"]), at: S.now))
        #expect(s.fleet.pods(of: "prod").map(\.url) == ["http://10.1.0.2:4000"])
        #expect(!update(&s, .tick(S.now.addingTimeInterval(30))).contains { if case .discoverPods = $0 { true } else { false } })
        #expect(update(&s, .tick(S.now.addingTimeInterval(61))).contains { if case .discoverPods = $0 { true } else { false } }, "every minute")
    }

    @Test func convergenceAfterOurCostMapReloadIsSaid() {
        var s = Self.fleetState()
        let started = polls(update(&s, .tick(S.now)))
        for p in started where p.0.pod != nil {
            _ = update(&s, .targetPolled(p.0, generation: p.2, snapshot: Self.snapshot(revision: "old", loadedAt: S.ago(3600)), at: S.now))
        }
        startConvergence(&s, revision: "1a2b3c4", since: S.now, at: S.now)
        let t1 = S.now.addingTimeInterval(5)
        for (i, p) in polls(update(&s, .tick(t1))).enumerated() where p.0.pod != nil {
            let applied = i < 2
            _ = update(&s, .targetPolled(p.0, generation: p.2, snapshot: Self.snapshot(revision: applied ? "1a2b3c4" : "old", loadedAt: applied ? t1 : S.ago(3600)), at: t1))
        }
        #expect(!s.events.contains { $0.text.contains("pods on revision") }, "not yet: one pod is behind")
        let t2 = S.now.addingTimeInterval(14)
        for p in polls(update(&s, .tick(t2.addingTimeInterval(30)))) where p.0.pod != nil {
            _ = update(&s, .targetPolled(p.0, generation: p.2, snapshot: Self.snapshot(revision: "1a2b3c4", loadedAt: t2), at: t2))
        }
        #expect(s.events.contains { $0.text == "3/3 pods on revision 1a2b3c4 after 14 s" }, "\(s.events.map(\.text))")
    }

    /// A reload synctop did not send — the proxy's schedule — is followed the same way,
    /// counted from the proxy's run, named by the revision the pods agree on.
    @Test func convergenceAfterAScheduledReloadSeenOnTheProxyIsSaid() {
        var s = Self.fleetState()
        let effects = update(&s, .tick(S.now))
        _ = update(&s, .pollFinished(generation: s.pollInFlight!, snapshot: S.snapshot(cost: S.scheduled), at: S.now))
        for p in polls(effects) where p.0.pod != nil {
            _ = update(&s, .targetPolled(p.0, generation: p.2, snapshot: Self.snapshot(revision: "old", loadedAt: S.ago(3600)), at: S.now))
        }
        var ran = S.scheduled
        ran.lastRun = S.scheduled.nextRun!.addingTimeInterval(3)
        ran.nextRun = ran.lastRun!.addingTimeInterval(6 * 3600)
        let t1 = ran.lastRun!.addingTimeInterval(4)
        for p in polls(update(&s, .tick(t1))) where p.0.pod != nil {  // the pods' own turn, before the run is seen
            _ = update(&s, .targetPolled(p.0, generation: p.2, snapshot: Self.snapshot(revision: "old", loadedAt: S.ago(3600)), at: t1))
        }
        _ = update(&s, .pollFinished(generation: s.pollInFlight!, snapshot: S.snapshot(cost: ran), at: t1))
        #expect(s.events.map(\.text).contains("Model cost map: the proxy ran a scheduled reload"))
        #expect(s.fleet.convergence?.startedAt == ran.lastRun, "counted from the proxy's run")
        let asked = polls(update(&s, .tick(t1)))
        #expect(Set(asked.compactMap(\.0.pod)) == Set(Self.pods), "every pod asked at once")
        for (i, p) in asked.enumerated() where p.0.pod != nil {
            let applied = i > 0
            _ = update(&s, .targetPolled(p.0, generation: p.2, snapshot: Self.snapshot(revision: applied ? "9f8e7d6c5b" : "old", loadedAt: applied ? ran.lastRun! : S.ago(3600)), at: t1))
        }
        #expect(!s.events.contains { $0.text.contains("pods on") }, "not yet: one pod is behind")
        let t2 = ran.lastRun!.addingTimeInterval(31)
        for p in polls(update(&s, .tick(t2.addingTimeInterval(10)))) where p.0.pod != nil {
            _ = update(&s, .targetPolled(p.0, generation: p.2, snapshot: Self.snapshot(revision: "9f8e7d6c5b", loadedAt: t2), at: t2))
        }
        #expect(s.events.contains { $0.text == "3/3 pods on revision 9f8e7d6 after 31 s" }, "\(s.events.map(\.text))")
    }

    @Test func aPodThatNeverFollowsIsNamed() {
        var s = Self.fleetState()
        for p in polls(update(&s, .tick(S.now))) where p.0.pod != nil {  // the pods are known
            _ = update(&s, .targetPolled(p.0, generation: p.2, snapshot: Self.snapshot(revision: "old", loadedAt: S.ago(3600)), at: S.now))
        }
        startConvergence(&s, revision: "new", since: S.now, at: S.now)
        let late = S.now.addingTimeInterval(125)
        for p in polls(update(&s, .tick(late))) where p.0.pod != nil {
            _ = update(&s, .targetPolled(p.0, generation: p.2, snapshot: Self.snapshot(revision: p.0.pod == Self.pods[1] ? "old" : "new", loadedAt: late), at: late))
        }
        #expect(s.events.contains { $0.text.hasPrefix("10.0.0.12:4000 did not apply the cost-map reload within 2 minutes (2/3 pods") }, "\(s.events.map(\.text))")
    }

    @Test func theViewsShowTheFleet() {
        var s = Self.fleetState()
        for p in polls(update(&s, .tick(S.now))) {
            let revision = p.0.pod == Self.pods[2] ? "0ld0ld0" : "1a2b3c4"
            _ = update(&s, .targetPolled(p.0, generation: p.2, snapshot: Self.snapshot(revision: revision, loadedAt: S.ago(40)), at: S.now))
        }
        _ = update(&s, .key(.char("5")))
        let pods = view(s).text
        #expect(pods.contains("Pods of prod (3)"))
        #expect(pods.contains("10.0.0.11:4000") && pods.contains("1a2b3c4") && pods.contains("0ld0ld0"))
        #expect(pods.contains("has not applied the"), "\(pods)")
        #expect(view(s).role(of: "0ld0ld0") == .warning, "the differing cell is highlighted")
        _ = update(&s, .key(.char("0")))
        let contexts = view(s).text
        #expect(contexts.contains("* prod") && contexts.contains("staging"))
        #expect(contexts.contains("3 DISAGREE"), "\(contexts)")
        #expect(view(s).text.contains(" prod "), "the header names the context")
        _ = update(&s, .key(.char("j")))
        #expect(update(&s, .key(.enter)) == [.switchContext("staging")])
    }

    @Test func theAllPodsReloadAsksOnceAndReportsEachPod() {
        var s = Self.fleetState()
        _ = update(&s, .tick(S.now))
        _ = update(&s, .key(.char("5")))
        _ = update(&s, .key(.char("R")))
        #expect(s.dialog == .confirmAllPods(count: 3))
        #expect(view(s).text.contains("each of the 3"))
        let effects = update(&s, .key(.char("y")))
        #expect(effects == [.reloadBetaOnPods(Self.pods.map { TargetID(context: "prod", pod: $0) })])
        let ok = ActionReply(result: .success(ActionOutcome(message: "reloaded", count: 8, timestamp: S.now)), httpStatus: 200, durationMs: 3)
        let records = update(&s, .podActionFinished(TargetID(context: "prod", pod: Self.pods[0]), reply: ok, at: S.now))
        #expect(records.count == 1)
        #expect(s.events.last?.text.hasPrefix("prod/10.0.0.11:4000: ✓") == true)

        var ro = Self.fleetState()
        ro.config.readOnly = true
        _ = update(&ro, .key(.char("5")))
        _ = update(&ro, .key(.char("R")))
        #expect(ro.dialog == nil && ro.notice?.contains("read-only") == true)
    }
}

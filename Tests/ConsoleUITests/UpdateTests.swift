import Foundation
import Testing
@testable import ConsoleUI
@testable import ProxyAdmin

@Suite struct UpdateTests {
    typealias S = Scenarios

    @Test func firstTickPollsAtOnce() {
        var s = S.state()
        #expect(update(&s, .tick(S.now)) == [.poll(generation: 1), .loadMappings(generation: 1), .snapshotCostMap])
        #expect(s.pollInFlight == 1)
    }

    @Test func pollsAgainAfterTheInterval() {
        var s = S.polled(S.snapshot())
        #expect(s.nextPollAt == S.now.addingTimeInterval(10))
        #expect(update(&s, .tick(S.now.addingTimeInterval(9.9))) == [])
        #expect(update(&s, .tick(S.now.addingTimeInterval(10))) == [.poll(generation: 2)])
    }

    @Test func aSlowPollIsNotDoubled() {
        var s = S.state()
        _ = update(&s, .tick(S.now))
        // Long past due, but the first poll has not answered: no second one.
        #expect(update(&s, .tick(S.now.addingTimeInterval(30))) == [])
        #expect(update(&s, .key(.ctrl("r"))) == [])
        #expect(s.notice == "a poll is already running")
    }

    @Test func aStaleAnswerIsDropped() {
        var s = S.state()
        _ = update(&s, .tick(S.now))
        _ = update(&s, .pollFinished(generation: 99, snapshot: S.snapshot(), at: S.now))
        #expect(s.costMap.value == nil)
        #expect(s.pollInFlight == 1)
    }

    @Test func ctrlRAndF5PollNow() {
        for key in [Key.ctrl("r"), .function(5)] {
            var s = S.polled(S.snapshot())
            #expect(update(&s, .key(key)) == [.poll(generation: 2)])
        }
    }

    @Test func failureKeepsValuesAndMarksStale() {
        var s = S.polled(S.snapshot())
        let later = S.now.addingTimeInterval(10)
        _ = update(&s, .tick(later))
        _ = update(&s, .pollFinished(generation: 2, snapshot: S.failing(.unreachable("connection refused")), at: later))
        #expect(s.costMap.value == S.scheduled, "last known value stays")
        #expect(s.costMap.isStale)
        #expect(s.isStale)
        #expect(s.lastSuccessfulPoll == S.now)
        #expect(s.lastPollError == .unreachable("connection refused"))
        #expect(s.events.last?.text == "poll failed: proxy unreachable: connection refused")
    }

    @Test func backoffDoublesToSixtyAndRecovers() {
        var s = S.polled(S.snapshot())
        var t = S.now
        var delays: [Int] = []
        for _ in 0..<6 {
            t = s.nextPollAt
            let effects = update(&s, .tick(t))
            guard case .poll(let g)? = effects.first else { Issue.record("no poll at \(t)"); return }
            _ = update(&s, .pollFinished(generation: g, snapshot: S.failing(.timeout(seconds: 5)), at: t))
            delays.append(Int(s.nextPollAt.timeIntervalSince(t)))
        }
        #expect(delays == [10, 20, 40, 60, 60, 60])
        t = s.nextPollAt
        _ = update(&s, .tick(t))
        _ = update(&s, .pollFinished(generation: s.pollInFlight!, snapshot: S.snapshot(), at: t))
        #expect(s.consecutiveFailures == 0)
        #expect(s.lastPollError == nil)
        #expect(s.nextPollAt == t.addingTimeInterval(10))
        #expect(s.events.last?.text == "proxy answering again")
    }

    @Test func backoffNeverShorterThanALongInterval() {
        #expect(pollDelay(intervalSeconds: 120, failures: 3) == 120)
        #expect(pollDelay(intervalSeconds: 2, failures: 1) == 2)
        #expect(pollDelay(intervalSeconds: 2, failures: 4) == 16)
        #expect(pollDelay(intervalSeconds: 2, failures: 100) == 60)
    }

    @Test func intervalIsNeverBelowTwo() {
        #expect(DashboardConfig(proxyURL: "x", maskedKey: "", pollIntervalSeconds: 0).pollIntervalSeconds == 2)
    }

    @Test func ticksMoveTheClockWithoutPolling() {
        var s = S.polled(S.snapshot())
        #expect(update(&s, .tick(S.now.addingTimeInterval(1))) == [])
        #expect(s.now == S.now.addingTimeInterval(1))
    }

    @Test func selectionMovesBetweenJobs() {
        var s = S.state()
        for (key, expected) in [(Key.tab, SyncJob.betaHeaders), (.tab, .costMap), (.backTab, .betaHeaders),
                                (.down, .costMap), (.up, .betaHeaders), (.right, .costMap), (.left, .betaHeaders)] {
            _ = update(&s, .key(key))
            #expect(s.selected == expected, "\(key)")
        }
    }

    @Test func quitKeys() {
        for key in [Key.char("q"), .ctrl("c")] {
            var s = S.state()
            #expect(update(&s, .key(key)) == [.quit])
        }
        var s = S.state()
        #expect(update(&s, .terminate) == [.quit])
    }

    @Test func helpOpensAndAnyKeyClosesIt() {
        var s = S.state()
        _ = update(&s, .key(.char("?")))
        #expect(s.showHelp)
        #expect(update(&s, .key(.char("x"))) == [], "any other key closes it")
        #expect(!s.showHelp && !s.quitting)
        _ = update(&s, .key(.char("?")))
        #expect(update(&s, .key(.char("q"))) == [.quit], "q quits from the help too (issue 20)")
        s = S.state()
        _ = update(&s, .key(.char("?")))
        #expect(update(&s, .key(.ctrl("c"))) == [.quit])
    }

    @Test func observedRunsAndScheduleChangesBecomeEvents() {
        var s = S.polled(S.snapshot())
        var ran = S.scheduled
        ran.lastRun = S.now.addingTimeInterval(5)
        ran.nextRun = ran.lastRun!.addingTimeInterval(6 * 3600)
        let t = S.now.addingTimeInterval(10)
        _ = update(&s, .tick(t))
        _ = update(&s, .pollFinished(generation: 2, snapshot: S.snapshot(cost: ran, beta: S.notScheduled), at: t))
        let texts = s.events.map(\.text)
        // 41 minutes into a 6 h interval: not the schedule's run, somebody else's reload.
        #expect(texts.contains("Model cost map: reloaded by another client (not its schedule, not this synctop)"))
        #expect(texts.contains("Anthropic beta headers: schedule cancelled"))
    }

    @Test func aRunAtTheExpectedTimeIsTheSchedules() {
        var s = S.polled(S.snapshot(cost: S.scheduled))
        var ran = S.scheduled
        ran.lastRun = S.scheduled.nextRun!.addingTimeInterval(20)  // the pod's check came 20 s late
        ran.nextRun = ran.lastRun!.addingTimeInterval(6 * 3600)
        let t = ran.lastRun!.addingTimeInterval(5)
        _ = update(&s, .tick(t))
        _ = update(&s, .pollFinished(generation: 2, snapshot: S.snapshot(cost: ran), at: t))
        #expect(s.events.map(\.text).contains("Model cost map: the proxy ran a scheduled reload"))
    }

    @Test func lastRunMovingBackIsNoRun() {
        var s = S.polled(S.snapshot(cost: S.scheduled))
        var back = S.scheduled
        back.lastRun = S.scheduled.lastRun!.addingTimeInterval(-3600)
        let t = S.now.addingTimeInterval(10)
        _ = update(&s, .tick(t))
        let effects = update(&s, .pollFinished(generation: 2, snapshot: S.snapshot(cost: back), at: t))
        #expect(!effects.contains { if case .record = $0 { true } else { false } }, "no invented run")
        #expect(s.events.contains { $0.text.contains("last run moved back") && $0.text.contains("not counted as a run") })
    }

    @Test func aRunComingBackAfterCancelIsNoRun() {
        // Beta headers: cancel drops last_run to null; rescheduling brings the old one back.
        var s = S.polled(S.snapshot(beta: S.betaScheduled))
        let t1 = S.now.addingTimeInterval(10), t2 = S.now.addingTimeInterval(20)
        _ = update(&s, .tick(t1))
        _ = update(&s, .pollFinished(generation: 2, snapshot: S.snapshot(beta: S.notScheduled), at: t1))
        _ = update(&s, .tick(t2))
        let effects = update(&s, .pollFinished(generation: 3, snapshot: S.snapshot(beta: S.betaScheduled), at: t2))
        #expect(!effects.contains { if case .record = $0 { true } else { false } })
        #expect(!s.events.contains { $0.text.contains("reloaded by") || $0.text.contains("ran a scheduled") })
    }

    @Test func aLastRunInTheFutureSaysTheClockIsAhead() {
        var s = S.polled(S.snapshot(cost: S.scheduled))
        var ahead = S.scheduled
        ahead.lastRun = S.now.addingTimeInterval(3600)
        let t = S.now.addingTimeInterval(10)
        _ = update(&s, .tick(t))
        _ = update(&s, .pollFinished(generation: 2, snapshot: S.snapshot(cost: ahead), at: t))
        #expect(s.events.contains { $0.text.contains("in the future: proxy clock ahead") })
    }

    @Test func fallbackAppearingIsAnEvent() {
        var s = S.polled(S.snapshot())
        let t = S.now.addingTimeInterval(10)
        _ = update(&s, .tick(t))
        _ = update(&s, .pollFinished(generation: 2, snapshot: S.snapshot(source: S.fallbackSource), at: t))
        #expect(s.events.last?.role == .warning)
        #expect(s.events.last?.text.contains("FELL BACK") == true)
    }
}

@Suite struct JobPhaseTests {
    typealias S = Scenarios

    @Test func phases() {
        #expect(JobPhase(status: S.notScheduled, now: S.now) == .notScheduled)
        #expect(JobPhase(status: S.neverRun, now: S.now) == .neverRun)
        #expect(JobPhase(status: S.scheduled, now: S.now) == .waiting(next: S.scheduled.nextRun!))
        // LiteLLM nulls next_run once the interval elapsed: due within a minute, overdue after.
        let justDue = JobStatus(scheduled: true, intervalHours: 1, lastRun: S.ago(3600 + 20))
        #expect(JobPhase(status: justDue, now: S.now) == .due(since: S.ago(20)))
        #expect(JobPhase(status: S.overdue, now: S.now) == .overdue(since: S.ago(600)))
        // A next_run in the past (cost-map form) is late too.
        let past = JobStatus(scheduled: true, intervalHours: 6, lastRun: S.ago(6 * 3600 + 300), nextRun: S.ago(300))
        #expect(JobPhase(status: past, now: S.now) == .overdue(since: S.ago(300)))
        // Cancelled cost map keeps last_run but is not scheduled.
        let cancelled = JobStatus(scheduled: false, lastRun: S.ago(100))
        #expect(JobPhase(status: cancelled, now: S.now) == .notScheduled)
    }
}

@Suite struct TimeTextTests {
    @Test func relativeAndCountdown() {
        let now = Scenarios.now
        #expect(TimeText.relative(now.addingTimeInterval(3 * 3600 + 12 * 60 + 5), now: now) == "in 3h 12m")
        #expect(TimeText.relative(now.addingTimeInterval(-41 * 60), now: now) == "41m ago")
        #expect(TimeText.relative(now.addingTimeInterval(-9), now: now) == "just now")
        #expect(TimeText.relative(now.addingTimeInterval(-59.5), now: now) == "just now")
        #expect(TimeText.relative(now.addingTimeInterval(59.5), now: now) == "in 59s")
        #expect(TimeText.relative(now.addingTimeInterval(0.5), now: now) == "just now")
        #expect(TimeText.age(now.addingTimeInterval(-9), now: now) == "9s ago")
        #expect(TimeText.age(now.addingTimeInterval(-125), now: now) == "2m 5s ago")
        // Past a minute, whole minutes only: the text changes once a minute, not every second.
        #expect(TimeText.relative(now.addingTimeInterval(-(41 * 60 + 59)), now: now) == "41m ago")
        #expect(TimeText.relative(now.addingTimeInterval(-(41 * 60 + 1)), now: now) == "41m ago")
        #expect(TimeText.relative(now.addingTimeInterval(5 * 3600 + 59 * 60 + 57), now: now) == "in 5h 59m")
        #expect(TimeText.relative(now.addingTimeInterval(-61), now: now) == "1m ago")
        #expect(TimeText.relative(now, now: now) == "just now")
        #expect(TimeText.relative(now.addingTimeInterval(-(2 * 86_400 + 3 * 3600)), now: now) == "2d 3h ago")
        #expect(TimeText.countdown(5 * 3600 + 18 * 60 + 42) == "5:18:42")
        #expect(TimeText.countdown(9) == "0:00:09")
        #expect(TimeText.countdown(86_400 + 61) == "1d 00:01:01")
        #expect(TimeText.countdown(-5) == "0:00:00")
    }

    @Test func clockUsesTheZoneAndShowsTheDateOnOtherDays() {
        let now = Scenarios.now // 05:51:25 UTC
        #expect(TimeText.clock(now, now: now, zone: .utc) == "05:51:25")
        let plus2 = LocalZone { _ in 7200 }
        #expect(TimeText.clock(now, now: now, zone: plus2) == "07:51:25")
        #expect(TimeText.clock(now.addingTimeInterval(86_400), now: now, zone: .utc) == "Nov 22 05:51")
        let minus6 = LocalZone { _ in -6 * 3600 }
        #expect(TimeText.clock(now, now: now, zone: minus6) == "23:51:25", "local day may differ from UTC day")
    }
}

/// Issue 18: behind a load balancer without pods configured, alternating answers are
/// said once and invent no runs.
@Suite struct LoadBalancerFlappingTests {
    typealias S = Scenarios

    @Test func alternatingBetaRunsAreSaidOnceAndInventNothing() {
        var a = S.betaScheduled
        var b = S.betaScheduled
        a.lastRun = S.now.addingTimeInterval(-3 * 3600)
        b.lastRun = S.now.addingTimeInterval(-600)  // another pod reloaded 10 min ago
        var s = S.polled(S.snapshot(beta: a))
        var records = 0
        for (i, answer) in [b, a, b, a, b].enumerated() {
            let t = S.now.addingTimeInterval(Double(10 * (i + 1)))
            _ = update(&s, .tick(t))
            let effects = update(&s, .pollFinished(generation: s.pollInFlight ?? 0, snapshot: S.snapshot(beta: answer), at: t))
            records += effects.filter { if case .record = $0 { true } else { false } }.count
        }
        let texts = s.events.map(\.text)
        #expect(texts.filter { $0.contains("answers come from several proxy processes") }.count == 1, "\(texts)")
        #expect(records <= 1, "at most the first change before the evidence, not one per flip: \(records)")
        #expect(!texts.contains { $0.contains("moved back") }, "\(texts)")
    }

    /// Pods configured: the service URL is a balancer from the first poll — no beta-header
    /// run inferred from its alternating answers, no "several processes" guess, and a
    /// cost-map `last_run` stamped again by a pod that followed is not a second run.
    @Test func withPodsConfiguredTheServiceURLInventsNoRuns() {
        var s = FleetUpdateTests.fleetState()
        var a = S.betaScheduled, b = S.betaScheduled
        a.lastRun = S.now.addingTimeInterval(-3 * 3600)
        b.lastRun = S.now.addingTimeInterval(-600)
        _ = update(&s, .tick(S.now))
        _ = update(&s, .pollFinished(generation: s.pollInFlight ?? 0, snapshot: S.snapshot(beta: a), at: S.now))
        var cost = S.scheduled
        var records: [Effect] = []
        var t = S.now
        for (i, answer) in [b, a, b].enumerated() {
            t = S.now.addingTimeInterval(Double(10 * (i + 1)))
            if i == 1 { cost.lastRun = t.addingTimeInterval(-2) }  // a reload on some pod: one run
            if i == 2 { cost.lastRun = t.addingTimeInterval(-1) }  // the pod that followed, 9 s later
            _ = update(&s, .tick(t))
            records += update(&s, .pollFinished(generation: s.pollInFlight ?? 0, snapshot: S.snapshot(cost: cost, beta: answer), at: t))
                .filter { if case .record = $0 { true } else { false } }
        }
        let texts = s.events.map(\.text)
        #expect(texts.contains { $0.contains("3 pods answer behind this URL") }, "\(texts)")
        #expect(!texts.contains { $0.contains("several proxy processes") }, "\(texts)")
        #expect(!texts.contains { $0.hasPrefix("Anthropic beta headers:") }, "no beta run from a balancer: \(texts)")
        #expect(records.count == 1, "the reload once, not again when the next pod stamps last_run: \(records)")
        #expect(texts.contains { $0.contains("another pod applied it (not a new run)") }, "\(texts)")
    }
}

import AsyncHTTPClient
import ProxySimulator
import Testing

/// Several pods of one proxy (`SimulatorConfiguration.pods`): what lives in the shared
/// database row and what in each pod's memory, as "Several pods of one proxy" in
/// `litellm/README.md` describes it, plus the pod controls and the balancer.
@Suite struct FleetTests {
    static let costStatus = "/schedule/model_cost_map_reload/status"
    static let betaStatus = "/schedule/anthropic_beta_headers_reload/status"
    static let source = "/model/cost_map/source"
    static let oldRevision = ScheduleTests.revision1_100_5
    static let newRevision = ScheduleTests.revision1_109_1

    /// `pods` pods whose timers never fire during a test: only `advance` runs checks.
    static func withFleet(
        pods: Int, balancer: Bool = false, _ configure: (inout SimulatorConfiguration) -> Void = { _ in },
        _ body: (ProxySimulator) async throws -> Void
    ) async throws {
        try await Harness.withSimulator({ c in
            c.pods = pods
            c.checkInterval = .seconds(3600)
            if balancer { c.balancerPort = 0 }
            configure(&c)
        }, body)
    }

    static func advance(_ sim: ProxySimulator, seconds: Double = 31) async throws {
        #expect(try await Harness.send(url: sim.podURLs[0], "POST", "/_sim/advance?seconds=\(seconds)", key: nil).status == 200)
    }

    static func pods(_ sim: ProxySimulator) async throws -> OrderedJSON {
        try await Harness.json(url: sim.podURLs[0], "GET", "/_sim/pods", key: nil).body
    }

    static func pod(_ sim: ProxySimulator, _ index: Int) async throws -> OrderedJSON {
        guard case .array(let items)? = try await pods(sim)["pods"] else { throw FleetTestError("no pods array") }
        return items[index]
    }

    /// A connection to `url` fails (AsyncHTTPClient retries refused connections until the
    /// deadline, hence the short one).
    static func refuses(_ url: String) async -> Bool {
        do {
            _ = try await Harness.send(url: url, "GET", "/health/liveliness", key: nil, timeoutMilliseconds: 1500)
            return false
        } catch {
            return true
        }
    }

    @Test func podsListenOnTheirOwnPorts() async throws {
        try await Self.withFleet(pods: 3) { sim async throws in
            #expect(sim.podCount == 3)
            #expect(Set(sim.podPorts).count == 3)
            #expect(sim.podURLs[0] == sim.baseURL)
            #expect(sim.balancerURL == nil)
            for url in sim.podURLs {
                #expect(try await Harness.send(url: url, "GET", "/health/liveliness", key: nil).text == #""I'm alive!""#)
            }
            let listing = try await Self.pods(sim)
            #expect(listing["check_interval_seconds"]?.intValue == 3600)
            #expect(listing["store_model_in_db"]?.boolValue == true)
            #expect(listing["database"]?["cost_map"]?.isNull == true)
            let pod2 = try await Self.pod(sim, 2)
            #expect(pod2["url"]?.stringValue == sim.podURLs[2])
            #expect(pod2["running"]?.boolValue == true)
            #expect(pod2["cost_map_applied_revision"]?.intValue == 0)
            #expect(pod2["cost_map_source_revision"]?.stringValue == Self.oldRevision)
        }
    }

    @Test func manualCostMapReloadReachesTheOtherPodAtItsNextCheck() async throws {
        try await Self.withFleet(pods: 2) { sim async throws in
            let (a, b) = (sim.podURLs[0], sim.podURLs[1])
            #expect(try await Harness.send(url: a, "POST", "/schedule/model_cost_map_reload?hours=6").status == 200)
            let (status, reload) = try await Harness.json(url: a, "POST", "/reload/model_cost_map")
            #expect(status == 200)
            #expect(reload["source_revision"]?.stringValue == Self.newRevision)
            let reloadedAt = try #require(reload["timestamp"]?.stringValue)

            // Pod B: the shared row already shows the new last_run, next to its old data.
            var (_, bStatus) = try await Harness.json(url: b, "GET", Self.costStatus)
            #expect(bStatus["scheduled"]?.boolValue == true && bStatus["interval_hours"]?.intValue == 6)
            #expect(bStatus["last_run"]?.stringValue == reloadedAt)
            #expect(bStatus["source_revision"]?.stringValue == Self.oldRevision)
            var (_, bSource) = try await Harness.json(url: b, "GET", Self.source)
            #expect(bSource["source_revision"]?.stringValue == Self.oldRevision)
            #expect(bSource["model_count"]?.intValue != 4556)
            let bLoadedBefore = try #require(bSource["loaded_at"]?.stringValue)
            // Pod A answers from its own memory.
            let (_, aSource) = try await Harness.json(url: a, "GET", Self.source)
            #expect(aSource["source_revision"]?.stringValue == Self.newRevision)
            #expect(aSource["loaded_at"]?.stringValue == reloadedAt)

            // B's next check applies the new revision and stamps last_run_at once more.
            try await Self.advance(sim)
            (_, bSource) = try await Harness.json(url: b, "GET", Self.source)
            #expect(bSource["source_revision"]?.stringValue == Self.newRevision)
            #expect(bSource["model_count"]?.intValue == 4556)
            let bLoadedAfter = try #require(bSource["loaded_at"]?.stringValue)
            #expect(try #require(Timestamp.seconds(from: bLoadedBefore, to: bLoadedAfter)) >= 31)
            (_, bStatus) = try await Harness.json(url: b, "GET", Self.costStatus)
            #expect(bStatus["source_revision"]?.stringValue == Self.newRevision)
            #expect(bStatus["last_run"]?.stringValue == bLoadedAfter, "B stamped the shared last_run_at")
            let (_, aStatus) = try await Harness.json(url: a, "GET", Self.costStatus)
            #expect(aStatus["last_run"]?.stringValue == bLoadedAfter, "and A reads the same row")
            // A did not reload again: its data is still from its own manual reload.
            #expect(try await Harness.json(url: a, "GET", Self.source).body["loaded_at"]?.stringValue == reloadedAt)
            let listing = try await Self.pods(sim)
            #expect(listing["database"]?["cost_map"]?["reload_revision"]?.intValue == 1)
            #expect(try await Self.pod(sim, 0)["cost_map_applied_revision"]?.intValue == 1)
            #expect(try await Self.pod(sim, 1)["cost_map_applied_revision"]?.intValue == 1)
        }
    }

    @Test func failedFetchesWriteNothingAndAFailingPodKeepsTrying() async throws {
        try await Self.withFleet(pods: 2) { sim async throws in
            let (a, b) = (sim.podURLs[0], sim.podURLs[1])
            // A manual reload that fails on A: 502, and no revision for anybody.
            #expect(try await Harness.send(url: a, "POST", "/_sim/fail_next_reload?job=cost_map", key: nil).status == 200)
            #expect(try await Harness.send(url: a, "POST", "/reload/model_cost_map").status == 502)
            #expect(try await Self.pods(sim)["database"]?["cost_map"]?.isNull == true)

            // B's own fetch fails at its check (injected through A with pod=1): it keeps the
            // old map and tries again at the next check.
            #expect(try await Harness.send(url: a, "POST", "/_sim/fail_next_reload?job=cost_map&pod=1", key: nil).status == 200)
            #expect(try await Harness.send(url: a, "POST", "/reload/model_cost_map").status == 200)
            let lastRun = try #require(try await Harness.json(url: a, "GET", Self.costStatus).body["last_run"]?.stringValue)
            try await Self.advance(sim)
            #expect(try await Harness.json(url: b, "GET", Self.source).body["source_revision"]?.stringValue == Self.oldRevision)
            #expect(try await Harness.json(url: b, "GET", Self.costStatus).body["last_run"]?.stringValue == lastRun)
            #expect(try await Self.pod(sim, 1)["cost_map_applied_revision"]?.intValue == 0)
            try await Self.advance(sim)
            #expect(try await Harness.json(url: b, "GET", Self.source).body["source_revision"]?.stringValue == Self.newRevision)
            #expect(try await Harness.json(url: b, "GET", Self.costStatus).body["last_run"]?.stringValue != lastRun)
            #expect(try await Harness.send(url: a, "POST", "/_sim/fail_next_reload?job=cost_map&pod=2", key: nil).status == 400)
        }
    }

    /// No schedule here: with one, a pod that never reloaded would reload at its first check
    /// anyway (its own `last_run` is null). Without one the status hides `last_run`, so the
    /// pods' memories are read through `/_sim/pods`.
    @Test func betaHeaderReloadReachesAtMostOneOtherPod() async throws {
        try await Self.withFleet(pods: 3) { sim async throws in
            let urls = sim.podURLs
            let (status, reload) = try await Harness.json(url: urls[1], "POST", "/reload/anthropic_beta_headers")
            #expect(status == 200)
            let reloadedAt = try #require(reload["timestamp"]?.stringValue)
            func lastRun(_ pod: Int) async throws -> OrderedJSON? {
                try await Self.pod(sim, pod)["beta_headers_last_run"]
            }
            // last_run is each pod's memory: only the pod that reloaded has one.
            #expect(try await lastRun(1)?.stringValue == reloadedAt)
            #expect(try await lastRun(0)?.isNull == true)
            #expect(try await lastRun(2)?.isNull == true)
            #expect(try await Self.pods(sim)["database"]?["beta_headers"]?["force_reload"]?.boolValue == true)

            // The first pod to check (pod 0, in the fleet's order) takes the single flag.
            try await Self.advance(sim)
            let pod0Run = try #require(try await lastRun(0)?.stringValue)
            #expect(try await lastRun(1)?.stringValue == reloadedAt)
            #expect(try await lastRun(2)?.isNull == true, "the flag was gone when pod 2 checked")
            #expect(try await Self.pods(sim)["database"]?["beta_headers"]?["force_reload"]?.boolValue == false)
            try await Self.advance(sim)
            #expect(try await lastRun(2)?.isNull == true)
            #expect(try await lastRun(0)?.stringValue == pod0Run)

            // With pod 0 not checking, pod 1 checks first and takes the flag pod 2 set: pod 2's
            // own later reload is not repeated anywhere else.
            sim.setCheckLag(nil, pod: 0)
            let (_, again) = try await Harness.json(url: urls[2], "POST", "/reload/anthropic_beta_headers")
            let againAt = try #require(again["timestamp"]?.stringValue)
            try await Self.advance(sim)
            #expect(try await lastRun(0)?.stringValue == pod0Run)
            #expect(try await lastRun(1)?.stringValue != reloadedAt, "pod 1 checked first and took the flag")
            #expect(try await lastRun(2)?.stringValue == againAt)

            // The status of a scheduled job reads last_run from the pod that answers.
            #expect(try await Harness.send(url: urls[0], "POST", "/schedule/anthropic_beta_headers_reload?hours=24").status == 200)
            let s0 = try await Harness.json(url: urls[0], "GET", Self.betaStatus).body
            let s2 = try await Harness.json(url: urls[2], "GET", Self.betaStatus).body
            #expect(s0["scheduled"]?.boolValue == true && s2["scheduled"]?.boolValue == true)
            #expect(s0["last_run"]?.stringValue == pod0Run)
            #expect(s2["last_run"]?.stringValue == againAt)
        }
    }

    @Test func withoutStoreModelInDBNoPodActsOnForceReload() async throws {
        try await Self.withFleet(pods: 2, { $0.storeModelInDB = false }) { sim async throws in
            let (a, b) = (sim.podURLs[0], sim.podURLs[1])
            #expect(try await Harness.send(url: a, "POST", "/schedule/anthropic_beta_headers_reload?hours=1").status == 200)
            #expect(try await Harness.send(url: a, "POST", "/reload/anthropic_beta_headers").status == 200)
            try await Self.advance(sim, seconds: 7200)
            #expect(try await Harness.json(url: b, "GET", Self.betaStatus).body["last_run"]?.isNull == true)
            #expect(try await Self.pods(sim)["database"]?["beta_headers"]?["force_reload"]?.boolValue == true)
            // The cost-map check runs either way.
            #expect(try await Harness.send(url: a, "POST", "/reload/model_cost_map").status == 200)
            try await Self.advance(sim)
            #expect(try await Harness.json(url: b, "GET", Self.source).body["source_revision"]?.stringValue == Self.newRevision)
        }
    }

    @Test func aLaggingPodAppliesTheReloadLater() async throws {
        try await Self.withFleet(pods: 2) { sim async throws in
            let (a, b) = (sim.podURLs[0], sim.podURLs[1])
            let lag = try await Harness.json(url: a, "POST", "/_sim/pod?action=lag&seconds=60&pod=1", key: nil)
            #expect(lag.status == 200)
            #expect(lag.body["check_lag_seconds"]?.intValue == 60)
            #expect(try await Harness.send(url: a, "POST", "/reload/model_cost_map").status == 200)
            try await Self.advance(sim, seconds: 30)
            #expect(try await Harness.json(url: b, "GET", Self.source).body["source_revision"]?.stringValue == Self.oldRevision)
            #expect(try await Self.pod(sim, 1)["check_pending_at"]?.stringValue != nil)
            try await Self.advance(sim, seconds: 31)
            #expect(try await Harness.json(url: b, "GET", Self.source).body["source_revision"]?.stringValue == Self.oldRevision,
                    "61 s after the check came round: still waiting")
            try await Self.advance(sim, seconds: 30)
            #expect(try await Harness.json(url: b, "GET", Self.source).body["source_revision"]?.stringValue == Self.newRevision)

            // Off: the pod never checks.
            #expect(try await Harness.json(url: b, "POST", "/_sim/pod?action=lag&seconds=off", key: nil).body["check_lag_seconds"]?.isNull == true)
            #expect(try await Harness.send(url: a, "POST", "/_sim/remote?release=1.100.5", key: nil).status == 200)
            #expect(try await Harness.send(url: a, "POST", "/reload/model_cost_map").status == 200)
            try await Self.advance(sim, seconds: 3600)
            #expect(try await Harness.json(url: b, "GET", Self.source).body["source_revision"]?.stringValue == Self.newRevision)
            #expect(try await Harness.send(url: a, "POST", "/_sim/pod?action=lag&seconds=soon", key: nil).status == 400)
            #expect(try await Harness.send(url: a, "POST", "/_sim/pod?action=dance", key: nil).status == 400)
            #expect(try await Harness.send(url: a, "GET", "/_sim/pod?action=stop", key: nil).status == 405)
        }
    }

    @Test func theTimerRunsEachPodsCheck() async throws {
        try await Self.withFleet(pods: 2, { $0.checkInterval = .milliseconds(200) }) { sim async throws in
            #expect(try await Harness.send(url: sim.podURLs[0], "POST", "/reload/model_cost_map").status == 200)
            var converged = false
            for _ in 0..<50 where !converged {
                try await Task.sleep(for: .milliseconds(100))
                converged = try await Harness.json(url: sim.podURLs[1], "GET", Self.source).body["source_revision"]?.stringValue == Self.newRevision
            }
            #expect(converged, "pod 1's own periodic check applied the reload")
        }
    }

    @Test func aStoppedPodRefusesAndARestartedOneStartsFresh() async throws {
        try await Self.withFleet(pods: 2) { sim async throws in
            let (a, b) = (sim.podURLs[0], sim.podURLs[1])
            #expect(try await Harness.send(url: a, "POST", "/reload/model_cost_map").status == 200)
            try await Self.advance(sim)
            #expect(try await Harness.send(url: b, "POST", "/reload/anthropic_beta_headers").status == 200)
            #expect(try await Harness.send(url: b, "POST", "/schedule/anthropic_beta_headers_reload?hours=24").status == 200)
            #expect(try await Harness.json(url: b, "GET", Self.betaStatus).body["last_run"]?.stringValue != nil)

            // Stopped through another pod: refused.
            let stop = try await Harness.json(url: a, "POST", "/_sim/pod?action=stop&pod=1", key: nil)
            #expect(stop.status == 200 && stop.body["running"]?.boolValue == false)
            #expect(await Self.refuses(b))
            // Its checks stop too; the others go on.
            try await Self.advance(sim)

            // Started again: a fresh process, on the same port.
            let start = try await Harness.json(url: a, "POST", "/_sim/pod?action=start&pod=1", key: nil)
            #expect(start.status == 200 && start.body["running"]?.boolValue == true, "\(start.body)")
            #expect(start.body["url"]?.stringValue == b)
            #expect(start.body["cost_map_applied_revision"]?.intValue == 0)
            let (_, source) = try await Harness.json(url: b, "GET", Self.source)
            let loadedAt = try #require(source["loaded_at"]?.stringValue)
            // Loaded from the remote at start, so already the new map, but not yet "applied".
            #expect(source["source_revision"]?.stringValue == Self.newRevision)
            let lastRunBefore = try #require(try await Harness.json(url: a, "GET", Self.costStatus).body["last_run"]?.stringValue)
            #expect(try #require(Timestamp.seconds(from: lastRunBefore, to: loadedAt)) >= 0)
            // The beta-header check at start saw a schedule and no last_run of its own: reloaded.
            let betaAfterStart = try #require(try await Harness.json(url: b, "GET", Self.betaStatus).body["last_run"]?.stringValue)
            #expect(try #require(Timestamp.seconds(from: loadedAt, to: betaAfterStart)) >= 0)

            // reload_revision is 1, the pod's is 0: its first check reloads once more and moves last_run.
            try await Self.advance(sim)
            let lastRunAfter = try #require(try await Harness.json(url: a, "GET", Self.costStatus).body["last_run"]?.stringValue)
            #expect(try #require(Timestamp.seconds(from: lastRunBefore, to: lastRunAfter)) >= 31)
            #expect(try await Self.pod(sim, 1)["cost_map_applied_revision"]?.intValue == 1)
        }
    }

    @Test func aPodCanStopAndRestartItself() async throws {
        try await Self.withFleet(pods: 2) { sim async throws in
            let b = sim.podURLs[1]
            let restart = try await Harness.send(url: b, "POST", "/_sim/pod?action=restart", key: nil)
            #expect(restart.status == 200, "\(restart.text)")
            #expect(restart.header("connection") == "close")
            #expect(try await Harness.send(url: b, "GET", "/health/liveliness", key: nil).status == 200)
            let stop = try await Harness.send(url: b, "POST", "/_sim/pod?action=stop", key: nil)
            #expect(stop.status == 200)
            #expect(await Self.refuses(b))
            // The Swift API does the same.
            try await sim.startPod(1)
            #expect(try await Harness.send(url: b, "GET", "/health/liveliness", key: nil).status == 200)
            try await sim.stopPod(1)
            #expect(await Self.refuses(b))
            try await sim.restartPod(1)
            #expect(try await Harness.send(url: b, "GET", "/health/liveliness", key: nil).status == 200)
        }
    }

    @Test func theBalancerSendsEachRequestToTheNextRunningPod() async throws {
        try await Self.withFleet(pods: 3, balancer: true) { sim async throws in
            let lb = try #require(sim.balancerURL)
            #expect(!sim.podPorts.contains(Int(lb.split(separator: ":").last!)!))
            for _ in 0..<6 {
                #expect(try await Harness.send(url: lb, "GET", "/health/liveliness", key: nil).status == 200)
            }
            #expect((0..<3).map { sim.requestLog(pod: $0).count } == [2, 2, 2])

            // Answers alternate between the pods' memories.
            #expect(try await Harness.send(url: sim.podURLs[0], "POST", "/reload/model_cost_map").status == 200)
            var revisions: [String] = []
            for _ in 0..<3 {
                revisions.append(try await Harness.json(url: lb, "GET", Self.source).body["source_revision"]?.stringValue ?? "")
            }
            #expect(revisions.sorted() == [Self.oldRevision, Self.oldRevision, Self.newRevision].sorted())

            // A stopped pod gets nothing; /_sim/ calls to the balancer reach pod 0's controls.
            #expect(try await Harness.send(url: lb, "POST", "/_sim/pod?action=stop&pod=1", key: nil).status == 200)
            for _ in 0..<4 { _ = try await Harness.send(url: lb, "GET", "/health/liveliness", key: nil) }
            #expect(sim.requestLog(pod: 1).count == 3)
            #expect(sim.requestLog(pod: 0).count + sim.requestLog(pod: 2).count == 11)
            #expect(try await Self.pods(sim)["balancer"]?.stringValue == lb)

            // None left: nginx's 502.
            try await sim.stopPod(0)
            try await sim.stopPod(2)
            let down = try await Harness.send(url: lb, "GET", "/health/liveliness", key: nil)
            #expect(down.status == 502)
            #expect(down.text.contains("502 Bad Gateway"))
        }
    }

    @Test func theClockAndResetAreFleetWide() async throws {
        try await Self.withFleet(pods: 2) { sim async throws in
            let (a, b) = (sim.podURLs[0], sim.podURLs[1])
            let before = try #require(try await Harness.json(url: b, "POST", "/_sim/advance?seconds=0", key: nil).body["now"]?.stringValue)
            try await Self.advance(sim, seconds: 7200)
            let (_, reload) = try await Harness.json(url: b, "POST", "/reload/model_cost_map")
            let stamped = try #require(reload["timestamp"]?.stringValue)
            let moved = try #require(Timestamp.seconds(from: before, to: stamped))
            #expect(moved >= 7200 && moved < 7260)
            #expect(try await Harness.send(url: a, "POST", "/_sim/reset", key: nil).status == 200)
            let listing = try await Self.pods(sim)
            #expect(listing["database"]?["cost_map"]?.isNull == true)
            #expect(try await Self.pod(sim, 1)["cost_map_source_revision"]?.stringValue == Self.oldRevision)
            #expect(sim.requestLog(pod: 1).isEmpty)
        }
    }
}

struct FleetTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

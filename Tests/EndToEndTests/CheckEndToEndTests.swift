import Foundation
import Testing

/// Issue 21: `synctop check` against the simulator in each condition, exit code and status
/// line asserted as a monitoring system reads them.
@Suite(.serialized) struct CheckEndToEndTests {
    static let key = ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey]

    func check(_ args: [String], env: [String: String] = key, state: String) throws -> (status: Int32, out: String, err: String) {
        try Harness.run(Harness.binary, ["check"] + args, env: env.merging(["XDG_STATE_HOME": Harness.scratch(state), "XDG_CACHE_HOME": Harness.scratch(state + "-cache")]) { $1 })
    }

    @Test func healthyDownUnscheduledAndBadFlags() throws {
        let sim = try SimulatorProcess(args: ["--demo-schedules"])
        defer { sim.stop() }
        let ok = try check(["--url", sim.baseURL, "--expect", "cost-map=6h,beta-headers=24h"], state: "check-ok")
        #expect(ok.status == 0, "\(ok.out)\(ok.err)")
        #expect(ok.out.hasPrefix("SYNCTOP OK - 127.0.0.1:\(sim.port) OK | proxy_up=1;;;0;1 cost_map_models="), "\(ok.out)")

        let other = try check(["--url", sim.baseURL, "--expect", "beta-headers=12h"], state: "check-ok")
        #expect(other.status == 1, "\(other.out)")
        #expect(other.out.contains("beta headers every 24 h (expected 12 h)"))

        _ = try Harness.run(Harness.binary, ["cancel", "cost-map", "--yes", "--url", sim.baseURL], env: Self.key)
        let unscheduled = try check(["--url", sim.baseURL, "--expect", "cost-map=6h"], state: "check-ok")
        #expect(unscheduled.status == 2, "\(unscheduled.out)")
        #expect(unscheduled.out.hasPrefix("SYNCTOP CRITICAL - 127.0.0.1:\(sim.port): cost map not scheduled (expected every 6 h) |"), "\(unscheduled.out)")

        let wrongKey = try check(["--url", sim.baseURL], env: ["LITELLM_PROXY_API_KEY": "sk-wrong"], state: "check-ok")
        #expect(wrongKey.status == 2 && wrongKey.out.contains(": key rejected: "), "\(wrongKey.out)")

        let bad = try check(["--url", sim.baseURL, "--warn-overdue", "soon"], state: "check-ok")
        #expect(bad.status == 3, "\(bad.out)\(bad.err)")
        #expect(bad.out.hasPrefix("SYNCTOP UNKNOWN - --warn-overdue: \"soon\" is not a duration"), "\(bad.out)")
        let unknownFlag = try check(["--bogus"], state: "check-ok")
        #expect(unknownFlag.status == 3 && unknownFlag.out.hasPrefix("SYNCTOP UNKNOWN - "), "\(unknownFlag.out)")

        sim.stop()
        let down = try check(["--url", sim.baseURL], state: "check-ok")
        #expect(down.status == 2, "\(down.out)")
        #expect(down.out.hasPrefix("SYNCTOP CRITICAL - 127.0.0.1:\(sim.port): proxy unreachable"), "\(down.out)")
    }

    /// The simulator's clock two days behind: a 24 h job it has not run is a day late by
    /// the wall clock synctop reads it with.
    @Test func overdueFallbackAndNoDatabase() throws {
        let sim = try SimulatorProcess(args: ["--demo-schedules"])
        defer { sim.stop() }
        _ = try Harness.curl(["-s", "-X", "POST", "\(sim.baseURL)/_sim/advance?seconds=-172800&check=false"])
        _ = try Harness.run(Harness.binary, ["reload", "beta-headers", "--yes", "--url", sim.baseURL], env: Self.key)
        let late = try check(["--url", sim.baseURL], state: "check-late")
        #expect(late.status == 2, "\(late.out)")
        #expect(late.out.contains("beta headers overdue by 23h") || late.out.contains("beta headers overdue by 24h"), "\(late.out)")
        #expect(late.out.contains("beta_headers_overdue_s=8"), "\(late.out)")
        let lenient = try check(["--url", sim.baseURL, "--warn-overdue", "1d", "--crit-overdue", "2d"], state: "check-late")
        #expect(lenient.status == 0, "\(lenient.out)")

        // The pod restarts while its source fails: bundled prices.
        _ = try Harness.curl(["-s", "-X", "POST", "\(sim.baseURL)/_sim/fail_next_reload?job=cost_map"])
        _ = try Harness.curl(["-s", "-X", "POST", "\(sim.baseURL)/_sim/pod?action=restart"])
        let fallback = try check(["--url", sim.baseURL, "--json"], state: "check-late")
        #expect(fallback.status == 2)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(fallback.out.utf8)) as? [String: Any])
        let codes = (doc["findings"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? []
        #expect(codes.contains("cost_map_fallback"), "\(fallback.out)")
        #expect(doc["exit_code"] as? Int == 2)

        let noDB = try SimulatorProcess(args: ["--no-db"])
        defer { noDB.stop() }
        let relaxed = try check(["--url", noDB.baseURL], state: "check-nodb")
        #expect(relaxed.status == 1 && relaxed.out.contains("no database"), "\(relaxed.out)")
        let strict = try check(["--url", noDB.baseURL, "--expect", "cost-map=6h"], state: "check-nodb")
        #expect(strict.status == 2 && strict.out.contains("no database: schedules and reloads need one (schedules are expected)"), "\(strict.out)")
    }

    /// One pod hangs on every status read: the check still answers within its timeout,
    /// names the pod, and says WARNING, not OK.
    @Test func aHangingPodIsNamedWithinTheTimeout() throws {
        let fleet = try SimulatorFleetProcess(pods: 3, args: ["--port", "0"])
        defer { fleet.stop() }
        let pods = fleet.podURLs
        try #require(pods.count == 3, "\(fleet.printed)")
        _ = try Harness.curl(["-s", "-X", "POST", "\(pods[2])/_sim/fault?mode=hang&path=/schedule"])
        let path = try fleet.prodConfig("check-pods")
        let started = Date()
        let r = try check(["--config", path, "--context", "prod", "--pods", "--timeout", "2"], env: ["PROD_KEY": SimulatorFleetProcess.masterKey], state: "check-pods")
        let took = Date().timeIntervalSince(started)
        #expect(took < 6, "took \(took) s with --timeout 2")
        #expect(r.status == 1, "\(r.out)\(r.err)")
        #expect(r.out.hasPrefix("SYNCTOP WARNING - prod: pod \(PodLabel.short(pods[2])): answers only part of its reads"), "\(r.out)")
        #expect(r.out.contains("pods_answering=2;;;0;3"), "\(r.out)")
    }

    /// A pod that has not applied the cost-map reload: OK while within --pods-grace,
    /// CRITICAL past it, naming the pod.
    @Test func podsDisagreeingPastTheGracePage() throws {
        let fleet = try SimulatorFleetProcess(pods: 3, args: ["--port", "0", "--check-interval", "1"])
        defer { fleet.stop() }
        let pods = fleet.podURLs
        try #require(pods.count == 3, "\(fleet.printed)")
        _ = try Harness.curl(["-s", "-X", "POST", "\(pods[0])/_sim/pod?action=lag&seconds=off&pod=2"])
        let reload = try Harness.run(Harness.binary, ["reload", "cost-map", "--yes", "--url", pods[0]], env: Self.key)
        #expect(reload.status == 0, "\(reload.out)\(reload.err)")
        let path = try fleet.prodConfig("check-lag")
        let env = ["PROD_KEY": SimulatorFleetProcess.masterKey]
        let patient = try check(["--config", path, "--context", "prod", "--pods", "--pods-grace", "10m"], env: env, state: "check-lag")
        #expect(patient.status == 0, "within the grace: \(patient.out)")
        usleep(2_100_000)
        let strict = try check(["--config", path, "--context", "prod", "--pods", "--pods-grace", "1s"], env: env, state: "check-lag")
        #expect(strict.status == 2, "\(strict.out)")
        #expect(strict.out.contains("prod: pods disagree: \(PodLabel.short(pods[2])) has not applied"), "\(strict.out)")
    }
}

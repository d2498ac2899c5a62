import Foundation
import Testing

/// Issue 18 in a real terminal: the Contexts and Pods views, the all-pods beta-header
/// reload and switching contexts, against simulator processes standing in for pods.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct FleetDashboardEndToEndTests {
    @Test func contextsAndPodsSideBySide() throws {
        let pod1 = try SimulatorProcess(args: ["--demo-schedules"])
        let pod2 = try SimulatorProcess(args: ["--demo-schedules"])
        let staging = try SimulatorProcess(args: ["--no-db"])
        defer { pod1.stop(); pod2.stop(); staging.stop() }
        let dead = "http://127.0.0.1:\(SimulatorProcess.freePort())"
        let path = Harness.scratch("fleet-dashboard") + "/config.toml"
        try """
        current_context = "prod"
        [contexts.prod]
        url = "\(pod1.baseURL)"
        key_env = "PROD_KEY"
        accent = "red"
        pods = ["\(pod1.baseURL)", "\(pod2.baseURL)", "\(dead)"]
        [contexts.staging]
        url = "\(staging.baseURL)"
        key_env = "STAGING_KEY"
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let env = ["PROD_KEY": SimulatorProcess.masterKey, "STAGING_KEY": SimulatorProcess.masterKey, "XDG_STATE_HOME": Harness.scratch("fleet-state")]
        let tmux = try TmuxSession(command: "\(Harness.binary) --config \(path) --interval 2 --timeout 2", width: 130, height: 30, env: env)
        defer { tmux.kill() }
        #expect(tmux.waitFor(" prod ").found, "the header names the context")
        tmux.send("5")
        let pods = tmux.waitFor("Pods of prod (3)")
        #expect(pods.found, "\(pods.screen)")
        let rows = tmux.waitFor("down", timeout: 10)
        #expect(rows.found && rows.screen.contains(PodLabel.short(pod1.baseURL)) && rows.screen.contains(PodLabel.short(pod2.baseURL)), "\(rows.screen)")

        tmux.send("R")
        #expect(tmux.waitFor("each of the 3").found)
        tmux.send("y")
        tmux.send("1")
        let events = tmux.waitFor("reload beta headers failed", timeout: 15)
        #expect(events.found, "\(events.screen)")
        #expect(events.screen.components(separatedBy: ": ✓ ").count - 1 == 2, "a result per pod: \(events.screen)")

        tmux.send("0")
        let contexts = tmux.waitFor("staging")
        #expect(contexts.found && contexts.screen.contains("* prod"), "\(contexts.screen)")
        #expect(tmux.waitFor("alive, no db", timeout: 10).found, "the other context is polled too")
        tmux.send("j")
        tmux.send("Enter")
        let switched = tmux.waitFor(" staging │", timeout: 10)
        #expect(switched.found, "Enter switches the dashboard: \(switched.screen)")
        #expect(tmux.waitFor("db: not connected", timeout: 10).found)
        tmux.send("q")
        #expect(tmux.waitFor("EXITED 0").found)
    }
}

extension FleetDashboardEndToEndTests {
    /// A round-robin balancer in front of three pods, no pods configured: a beta-header
    /// reload on one pod makes the answers alternate, and the dashboard says once that
    /// several processes answer instead of logging a run (or a "moved back") per flip.
    @Test func behindABalancerWithoutPodsTheFlappingIsSaidOnce() throws {
        let fleet = try SimulatorFleetProcess(pods: 3, args: ["--port", "0", "--balancer-port", "0", "--check-interval", "2"])
        defer { fleet.stop() }
        let balancer = try #require(fleet.balancerURL, "\(fleet.printed)")
        // Only pod 0 ever loads the new mapping: the others' checks never run.
        for pod in [1, 2] {
            _ = try Harness.curl(["-s", "-X", "POST", "\(fleet.podURLs[0])/_sim/pod?action=lag&seconds=off&pod=\(pod)"])
        }
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(balancer) --interval 2", width: 130, height: 34,
                                   env: ["XDG_STATE_HOME": Harness.scratch("balancer-state"), "LITELLM_PROXY_API_KEY": SimulatorFleetProcess.masterKey])
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled").found)
        // A schedule (shared) shows each pod's own last_run; only pod 0 runs its check.
        let schedule = try Harness.curl(["-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", "-H", "Authorization: Bearer \(SimulatorFleetProcess.masterKey)",
                                         "\(balancer)/schedule/anthropic_beta_headers_reload?hours=24"])
        #expect(schedule.out == "200")
        let said = tmux.waitFor("several proxy processes", timeout: 30)
        #expect(said.found, "\(said.screen)")
        Thread.sleep(forTimeInterval: 8)  // four more polls through the balancer
        let screen = tmux.capture()
        #expect(screen.components(separatedBy: "several proxy processes").count - 1 == 1, "said once: \(screen)")
        #expect(!screen.contains("moved back"), "\(screen)")
        #expect(screen.components(separatedBy: "Anthropic beta headers: reloaded by another client").count - 1 <= 1,
                "at most the first change, before the evidence: \(screen)")
        tmux.send("q")
        #expect(tmux.waitFor("EXITED 0").found)
    }

    /// `demo --fleet`: prod (three pods behind a balancer) opens on its Pods view; the
    /// Contexts view lists staging, and Enter switches to it.
    @Test func demoFleetShowsPodsAndContexts() throws {
        let tmux = try TmuxSession(command: "\(Harness.binary) demo --fleet --interval 2", width: 130, height: 34,
                                   env: ["XDG_STATE_HOME": Harness.scratch("demo-fleet-state")])
        defer { tmux.kill() }
        let pods = tmux.waitFor("all 3 pods agree", timeout: 15)
        #expect(pods.found && pods.screen.contains("Pods of prod (3)") && pods.screen.contains(" prod "), "\(pods.screen)")
        // The first key of the session is an arrow: keypad mode must be on before any key is
        // read, or ↓ comes as Esc [ B and Esc leaves the view.
        tmux.send("Down")
        usleep(500_000)
        #expect(tmux.capture().contains("Pods of prod (3)"), "↓ as the first key left the view:\n\(tmux.capture())")
        tmux.send("1")
        let events = tmux.waitFor("3 pods answer behind this URL")
        #expect(events.found && !events.screen.contains("several proxy processes"), "\(events.screen)")
        tmux.send("0")
        let contexts = tmux.waitFor("staging")
        #expect(contexts.found && contexts.screen.contains("* prod") && contexts.screen.contains("3 agree"), "\(contexts.screen)")
        tmux.send("j")
        tmux.send("Enter")
        let switched = tmux.waitFor(" staging │", timeout: 10)
        #expect(switched.found, "\(switched.screen)")
        tmux.send("q")
        #expect(tmux.waitFor("EXITED 0").found)
    }
}

extension FleetDashboardEndToEndTests {
    /// A cost-map reload synctop did not send (another client's, through pod 1): the
    /// dashboard follows the three pods of one database until each has applied it.
    @Test func aReloadByAnotherClientIsFollowedAcrossThePods() throws {
        let fleet = try SimulatorFleetProcess(pods: 3, args: ["--port", "0", "--check-interval", "2"])
        defer { fleet.stop() }
        let pods = fleet.podURLs
        try #require(pods.count == 3, "\(fleet.printed)")
        let path = try fleet.prodConfig("fleet-follow")
        let env = ["PROD_KEY": SimulatorFleetProcess.masterKey, "XDG_STATE_HOME": Harness.scratch("fleet-follow-state")]
        let tmux = try TmuxSession(command: "\(Harness.binary) --config \(path) --context prod --interval 2", width: 130, height: 34, env: env)
        defer { tmux.kill() }
        tmux.send("5")
        #expect(tmux.waitFor("all 3 pods agree", timeout: 15).found)
        let reload = try Harness.run(Harness.binary, ["reload", "cost-map", "--yes", "--url", pods[1]], env: ["LITELLM_PROXY_API_KEY": SimulatorFleetProcess.masterKey])
        #expect(reload.status == 0, "\(reload.out)\(reload.err)")
        tmux.send("1")
        let followed = tmux.waitFor("3/3 pods on revision", timeout: 20)
        #expect(followed.found && followed.screen.contains("reloaded by another client"), "\(followed.screen)")
        tmux.send("q")
        #expect(tmux.waitFor("EXITED 0").found)
    }
}

enum PodLabel {
    static func short(_ url: String) -> String { String(url.dropFirst("http://".count)) }
}

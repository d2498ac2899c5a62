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

enum PodLabel {
    static func short(_ url: String) -> String { String(url.dropFirst("http://".count)) }
}

import Foundation
import Testing

/// Operator actions from the dashboard in a real terminal, checked by reading the
/// simulator's state and request log back.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct DashboardActionTests {
    static let key = ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey]

    func writes(_ sim: SimulatorProcess) throws -> [[String: Any]] {
        let r = try Harness.curl(["\(sim.baseURL)/_sim/requests"])
        let all = try #require(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])
        return all.filter { ($0["method"] as? String) != "GET" }
    }

    func status(_ sim: SimulatorProcess) throws -> String {
        try Harness.curl(["-H", "Authorization: Bearer \(SimulatorProcess.masterKey)",
                          "\(sim.baseURL)/schedule/model_cost_map_reload/status"]).out
    }

    @Test func editIntervalReloadAndCancelWithKeys() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL) --interval 3", env: Self.key)
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled").found)

        tmux.send("e")
        #expect(tmux.waitFor("Reload every").found)
        tmux.send("BSpace")
        tmux.sendLiteral("1.5")
        tmux.send("Enter")
        #expect(tmux.waitFor("hours must be a whole number").found, "refused inline")
        #expect(try writes(sim).isEmpty, "nothing sent for 1.5")
        tmux.send("C-u")
        tmux.sendLiteral("12")
        tmux.send("Enter")
        let scheduled = tmux.waitFor("every 12 h")
        #expect(scheduled.found, "\(scheduled.screen)")
        #expect(try status(sim).contains("\"interval_hours\":12"))

        tmux.send("r")
        #expect(tmux.waitFor("Reload the model cost map on \(sim.baseURL) now?").found)
        tmux.send("y")
        let reloaded = tmux.waitFor("models updated")
        #expect(reloaded.found, "\(reloaded.screen)")
        #expect(reloaded.screen.contains(" ms)"), "the time it took")

        tmux.send("x")
        #expect(tmux.waitFor("Cancel the model cost map reload schedule").found)
        tmux.send("Escape")
        #expect(tmux.waitFor("aborted: nothing was sent").found)
        tmux.send("x")
        #expect(tmux.waitFor("Cancel the model cost map reload schedule").found)
        tmux.send("Enter")
        #expect(tmux.waitFor("schedule cancelled").found)
        #expect(try status(sim).contains("\"scheduled\":false"))
        let sent = try writes(sim).map { "\($0["method"]!) \($0["path"]!)" }
        #expect(sent == ["POST /schedule/model_cost_map_reload?hours=12", "POST /reload/model_cost_map",
                         "DELETE /schedule/model_cost_map_reload"], "exactly one request per confirmed action")
    }

    @Test func errorsFromTheProxyInWords() throws {
        let sim = try SimulatorProcess(args: ["--no-db", "--litellm-version", "1.100.5"])
        defer { sim.stop() }
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL) --interval 3", env: Self.key)
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled").found)
        // Issue 20: known up front from its health: the header says so, r asks nothing.
        #expect(tmux.waitFor("WRITES OFF: no database").found, "\(tmux.capture())")
        tmux.send("r")
        let s = tmux.waitFor("this proxy has no database")
        #expect(s.found, "\(s.screen)")
        #expect(!s.screen.contains("now?"), "no confirmation for what will be refused")
    }

    @Test func slowProxyShowsTheActionInProgress() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL) --interval 30 --timeout 10", env: Self.key)
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled").found)
        tmux.send("r")
        #expect(tmux.waitFor("now?").found)
        // The preview's reads first (its source is out of reach here), then the slow write.
        #expect(tmux.waitFor("no preview:", timeout: 15).found)
        _ = try Harness.curl(["-X", "POST", "\(sim.baseURL)/_sim/stall?seconds=4&count=1"])
        tmux.send("y")
        let busy = tmux.waitFor("reloading…")
        #expect(busy.found, "\(busy.screen)")
        #expect(tmux.waitFor("models updated", timeout: 15).found)
    }

    @Test func readOnlySendsNothing() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL) --interval 2 --read-only", env: Self.key)
        defer { tmux.kill() }
        #expect(tmux.waitFor("READ-ONLY").found)
        for key in ["r", "e", "x"] {
            tmux.send(key)
            #expect(tmux.waitFor("read-only mode: actions are off").found, "after \(key)")
            tmux.send(key == "e" ? "Enter" : "y") // what would confirm, had a dialog opened
            usleep(200_000)
        }
        usleep(2_500_000) // at least one more poll
        #expect(try writes(sim).isEmpty, "no write request ever left synctop")
    }
}

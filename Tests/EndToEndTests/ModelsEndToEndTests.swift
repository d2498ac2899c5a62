import Foundation
import Testing

/// The cost map in a real terminal: the Models view over the simulator, and what a reload
/// changed (synctop's own, and one another client made).
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct ModelsEndToEndTests {
    /// A fresh snapshot folder per test: nothing from an earlier run to diff against.
    static func env() -> [String: String] {
        let cache = Harness.scratch("cache")
        return ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey, "XDG_CACHE_HOME": cache]
    }

    @Test func openFilterSortAndReadAModel() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL)", width: 120, height: 40, env: Self.env())
        defer { tmux.kill() }
        let dashboard = tmux.waitFor("polled")
        #expect(dashboard.found)
        // One count, LiteLLM's model_count: the dashboard's (from /model/cost_map/source) and
        // the Models view's (counted in the fetched map) are the same number.
        #expect(dashboard.screen.contains("Models 3,412"), "\(dashboard.screen)")
        tmux.send("3")
        let table = tmux.waitFor("Models · 3,412 models (sample_spec counted, not listed) · by model ▲")
        #expect(table.found, "\(table.screen)")
        #expect(table.screen.contains("/public/litellm_model_cost_map · fetched"), "where it came from and when")
        tmux.send("/")
        tmux.sendLiteral("CLAUDE-OPUS")
        let filtered = tmux.waitFor("of 3,412 models")
        #expect(filtered.found, "\(filtered.screen)")
        tmux.send("Enter")
        tmux.send("s", "s", "s")
        let sorted = tmux.waitFor("in $/1M ▼")
        #expect(sorted.found, "\(sorted.screen)")
        let rows = sorted.screen.split(separator: "\n").filter { $0.hasPrefix("│ ") && $0.contains("claude") }
        #expect(rows.count >= 10, "\(sorted.screen)")
        #expect(!sorted.screen.contains("gpt-4o"), "the filter keeps only matching models")
        tmux.send("Enter")
        let detail = tmux.waitFor("every field (Esc: back)")
        #expect(detail.found, "\(detail.screen)")
        #expect(detail.screen.contains("input_cost_per_token") && detail.screen.contains("/ 1M tokens"))
        tmux.send("Escape")
        tmux.send("/")
        tmux.sendLiteral("zzz-no-such-model")
        #expect(tmux.waitFor("no model matches the filter").found)
    }

    @Test func aReloadFromSynctopShowsWhatTheCostMapGained() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        _ = try Harness.curl(["-X", "POST", "\(sim.baseURL)/_sim/remote?release=1.109.1"])
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL)", width: 140, height: 40, env: Self.env())
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled").found)
        tmux.send("r")
        #expect(tmux.waitFor("Reload the model cost map on").found)
        tmux.send("y")
        let summary = "+1,519 new, −375 removed, 762 re-priced, 1,851 other changes"
        let result = tmux.waitFor("cost map reload: " + summary)
        #expect(result.found, "the events say what the reload changed: \(result.screen)")
        #expect(result.screen.contains("models updated.") && result.screen.contains("· +1,519 new"), "and the result line carries the summary")
        tmux.send("3")
        #expect(tmux.waitFor("4,556 models").found, "the view shows the map after the reload")
        tmux.send("d")
        let changes = tmux.waitFor("what the cost-map reload changed")
        #expect(changes.found, "\(changes.screen)")
        #expect(changes.screen.contains("New models (1,519)"))
        #expect(changes.screen.contains("3,412 → 4,556 models"), "the counts the dashboard showed before and after")
        tmux.send("1")
        let after = tmux.waitFor("Models 4,556")
        #expect(after.found, "the proxy's model_count after the reload is the view's count: \(after.screen)")
    }

    @Test func aReloadAnotherClientMadeIsDiffedToo() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        _ = try Harness.curl(["-X", "POST", "\(sim.baseURL)/_sim/remote?release=1.109.1"])
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL) --interval 2", width: 160, height: 40, env: Self.env())
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled").found)
        sleep(2)  // the baseline snapshot synctop takes at start
        let reload = try Harness.curl(["-X", "POST", "-H", "Authorization: Bearer \(SimulatorProcess.masterKey)",
                                       "\(sim.baseURL)/reload/model_cost_map"])
        #expect(reload.out.contains("\"status\":\"success\""), "\(reload.out)")
        let seen = tmux.waitFor("+1,519 new, −375 removed", timeout: 20)
        #expect(seen.found, "\(seen.screen)")
        #expect(seen.screen.contains("cost map changed on the proxy (reloaded by another client"), "\(seen.screen)")
    }
}

import Foundation
import Testing

/// Issue 18 on the command line: contexts from a config file, --context, status
/// --all-contexts and --pods, reload beta-headers --all-pods, against simulator processes.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct ContextsEndToEndTests {
    func config(_ text: String) throws -> String {
        let path = Harness.scratch("contexts") + "/config.toml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func contextsAreListedAndChosen() throws {
        let prod = try SimulatorProcess(args: ["--demo-schedules"])
        let staging = try SimulatorProcess(args: ["--no-db"])
        defer { prod.stop(); staging.stop() }
        let path = try config("""
        current_context = "prod"
        [contexts.prod]
        url = "\(prod.baseURL)"
        key_env = "PROD_KEY"
        accent = "red"
        [contexts.staging]
        url = "\(staging.baseURL)"
        key_env = "STAGING_KEY"
        """)
        let env = ["PROD_KEY": SimulatorProcess.masterKey, "STAGING_KEY": SimulatorProcess.masterKey, "LITELLM_PROXY_URL": ""]
        let list = try Harness.run(Harness.binary, ["contexts", "--config", path], env: env)
        #expect(list.status == 0)
        #expect(list.out.contains("* prod") && list.out.contains("  staging") && list.out.contains("$PROD_KEY"), "\(list.out)")
        let listJSON = try #require(try json(Harness.run(Harness.binary, ["contexts", "--json", "--config", path], env: env).out) as? [String: Any])
        #expect(listJSON["current"] as? String == "prod")
        #expect((listJSON["contexts"] as? [[String: Any]])?.map { $0["name"] as? String } == ["prod", "staging"])

        let current = try Harness.run(Harness.binary, ["status", "--config", path], env: env)
        #expect(current.status == 0 && current.out.contains("context prod") && current.out.contains("every 6 h"), "\(current.out)\(current.err)")
        let staged = try Harness.run(Harness.binary, ["status", "--context", "staging", "--config", path], env: env)
        #expect(staged.out.contains("context staging") && staged.out.contains("db: Not connected"), "\(staged.out)")

        let both = try Harness.run(Harness.binary, ["status", "--url", prod.baseURL, "--context", "prod", "--config", path], env: env)
        #expect(both.status == 64 && both.err.contains("give --url or --context, not both"))
        let unknown = try Harness.run(Harness.binary, ["status", "--context", "qa", "--config", path], env: env)
        #expect(unknown.status == 64 && unknown.err.contains("no context \"qa\"") && unknown.err.contains("prod, staging"), "\(unknown.err)")
        let noKey = try Harness.run(Harness.binary, ["status", "--context", "prod", "--config", path], env: ["LITELLM_PROXY_URL": ""])
        #expect(noKey.status == 64 && noKey.err.contains("context prod takes its key from PROD_KEY, which is not set"), "\(noKey.err)")

        let all = try Harness.run(Harness.binary, ["status", "--all-contexts", "--json", "--config", path], env: env)
        #expect(all.status == 0, "\(all.err)")
        let objects = try #require(try json(all.out) as? [[String: Any]])
        #expect(objects.map { $0["context"] as? String } == ["prod", "staging"])
        #expect(objects.allSatisfy { $0["cost_map"] is [String: Any] && $0["health"] is [String: Any] })

        staging.stop()
        let oneDown = try Harness.run(Harness.binary, ["status", "--all-contexts", "--json", "--timeout", "2", "--config", path], env: env)
        #expect(oneDown.status == 69, "a context that does not answer fails the run")
        let after = try #require(try json(oneDown.out) as? [[String: Any]])
        #expect(after[0]["cost_map"] is [String: Any])
        #expect((after[1]["error"] as? String)?.contains("unreachable") == true, "\(after[1])")
    }

    @Test func badConfigFilesSayFileLineAndKey() throws {
        for (text, words) in [("[contexts.prod]\nurl = 7\n", ":2: contexts.prod.url: expected non-empty text"),
                              ("[contexts.prod\n", ":1: Error while parsing"),
                              ("current_context = \"x\"\n", ":1: current_context \"x\" is not one of the contexts")] {
            let path = try config(text)
            let r = try Harness.run(Harness.binary, ["contexts", "--config", path])
            #expect(r.status == 64, "\(text)")
            #expect(r.err.contains(path + words), "\(r.err)")
        }
    }

    @Test func everyPodSideBySideAndABetaReloadOnEach() throws {
        let pod1 = try SimulatorProcess(args: ["--demo-schedules"])
        let pod2 = try SimulatorProcess(args: ["--demo-schedules"])
        defer { pod1.stop(); pod2.stop() }
        let dead = "http://127.0.0.1:\(SimulatorProcess.freePort())"
        let path = try config("""
        [contexts.prod]
        url = "\(pod1.baseURL)"
        key_env = "PROD_KEY"
        pods = ["\(pod1.baseURL)", "\(pod2.baseURL)"]
        [contexts.withdead]
        url = "\(pod1.baseURL)"
        key_env = "PROD_KEY"
        pods = ["\(pod1.baseURL)", "\(dead)"]
        """)
        let env = ["PROD_KEY": SimulatorProcess.masterKey]
        // Only pod 1 reloads its mapping: pods disagree on the beta-header last run.
        _ = try Harness.run(Harness.binary, ["reload", "beta-headers", "--yes", "--url", pod1.baseURL], env: ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey])
        let before = try Harness.run(Harness.binary, ["status", "--pods", "--json", "--context", "prod", "--config", path], env: env)
        #expect(before.status == 0, "every pod answered: \(before.err)")
        let doc = try #require(try json(before.out) as? [String: Any])
        #expect(doc["context"] as? String == "prod")
        #expect((doc["pods"] as? [[String: Any]])?.map { $0["pod"] as? String } == [pod1.baseURL, pod2.baseURL])
        let disagreements = try #require(doc["disagreements"] as? [[String: Any]])
        let beta = disagreements.first { $0["job"] as? String == "beta_headers" && $0["field"] as? String == "last_run" }
        #expect(beta != nil, "\(disagreements)")
        #expect((beta?["values"] as? [String: String])?.count == 2)

        let all = try Harness.run(Harness.binary, ["reload", "beta-headers", "--all-pods", "--yes", "--context", "prod", "--config", path], env: env)
        #expect(all.status == 0, "\(all.out)\(all.err)")
        #expect(all.out.split(separator: "\n").filter { $0.contains(": ✓ ") }.count == 2, "a result per pod: \(all.out)")
        let afterReload = try Harness.run(Harness.binary, ["status", "--pods", "--context", "prod", "--config", path], env: env)
        #expect(afterReload.out.contains("all 2 pods agree"), "\(afterReload.out)")

        let withDead = try Harness.run(Harness.binary, ["status", "--pods", "--json", "--timeout", "2", "--context", "withdead", "--config", path], env: env)
        #expect(withDead.status == 69, "exit 0 only when every pod answered")
        let deadDoc = try #require(try json(withDead.out) as? [String: Any])
        #expect(((deadDoc["pods"] as? [[String: Any]])?.last?["error"] as? String)?.contains("connection refused") == true)
        let reloadDead = try Harness.run(Harness.binary, ["reload", "beta-headers", "--all-pods", "--yes", "--timeout", "2", "--context", "withdead", "--config", path], env: env)
        #expect(reloadDead.status == 69)
        #expect(reloadDead.out.contains(": ✓ ") && reloadDead.out.contains(": ✗ proxy unreachable"), "\(reloadDead.out)")
        let costAll = try Harness.run(Harness.binary, ["reload", "cost-map", "--all-pods", "--yes", "--context", "prod", "--config", path], env: env)
        #expect(costAll.status == 64 && costAll.err.contains("stored in the shared database"))
    }

    /// Three pods sharing one database (`simulate --pods 3`): pod 2 never runs its check
    /// (lagging), pod 1 is down. A cost-map reload on pod 0 reaches the shared row; status
    /// --pods says which pod has not applied it and which did not answer, exits 69; the
    /// Pods view says the same in words.
    @Test func sharedDatabaseOneLaggingOneDown() throws {
        let fleet = try SimulatorFleetProcess(pods: 3, args: ["--port", "0", "--check-interval", "1"])
        defer { fleet.stop() }
        let pods = fleet.podURLs
        try #require(pods.count == 3, "\(fleet.printed)")
        let control = "\(pods[0])/_sim/pod"
        _ = try Harness.curl(["-s", "-X", "POST", "\(control)?action=lag&seconds=off&pod=2"])
        _ = try Harness.curl(["-s", "-X", "POST", "\(control)?action=stop&pod=1"])
        let reload = try Harness.run(Harness.binary, ["reload", "cost-map", "--yes", "--url", pods[0]], env: ["LITELLM_PROXY_API_KEY": SimulatorFleetProcess.masterKey])
        #expect(reload.status == 0, "\(reload.out)\(reload.err)")
        let path = try fleet.prodConfig("contexts")
        let env = ["PROD_KEY": SimulatorFleetProcess.masterKey, "XDG_STATE_HOME": Harness.scratch("shared-db-state")]
        let status = try Harness.run(Harness.binary, ["status", "--pods", "--json", "--timeout", "2", "--context", "prod", "--config", path], env: env)
        #expect(status.status == 69, "one pod did not answer: \(status.err)")
        let doc = try #require(try json(status.out) as? [String: Any])
        let rows = try #require(doc["pods"] as? [[String: Any]])
        #expect((rows[1]["error"] as? String)?.contains("connection refused") == true, "\(rows[1])")
        let disagreements = try #require(doc["disagreements"] as? [[String: Any]])
        let behind = disagreements.first { ($0["message"] as? String)?.contains("has not applied") == true }
        #expect((behind?["message"] as? String)?.hasPrefix(PodLabel.short(pods[2])) == true, "\(disagreements)")

        let tmux = try TmuxSession(command: "\(Harness.binary) --config \(path) --context prod --interval 2 --timeout 2", width: 130, height: 30, env: env)
        defer { tmux.kill() }
        tmux.send("5")
        let screen = tmux.waitFor("has not applied", timeout: 15)
        #expect(screen.found && screen.screen.contains("down"), "\(screen.screen)")
        // Pod 2 catches up once its check runs again, and the line goes.
        _ = try Harness.curl(["-s", "-X", "POST", "\(control)?action=lag&seconds=0&pod=2"])
        let caught = Harness.eventually(timeout: 20) { !tmux.capture().contains("has not applied") }
        #expect(caught, "\(tmux.capture())")
        tmux.send("q")
        #expect(tmux.waitFor("EXITED 0").found)
    }

    /// A pod whose health answers while its status reads hang is not "up" and does not
    /// "agree": the Pods view says "part" and which reads failed; `status --pods` too.
    @Test func aPodHangingOnItsStatusReadsDoesNotAgree() throws {
        let fleet = try SimulatorFleetProcess(pods: 3, args: ["--port", "0"])
        defer { fleet.stop() }
        let pods = fleet.podURLs
        try #require(pods.count == 3, "\(fleet.printed)")
        _ = try Harness.curl(["-s", "-X", "POST", "\(pods[2])/_sim/fault?mode=hang&path=/schedule"])
        let path = try fleet.prodConfig("contexts")
        let env = ["PROD_KEY": SimulatorFleetProcess.masterKey, "XDG_STATE_HOME": Harness.scratch("hanging-status-state")]
        let status = try Harness.run(Harness.binary, ["status", "--pods", "--timeout", "2", "--context", "prod", "--config", path], env: env)
        #expect(!status.out.contains("all 3 pods agree"), "\(status.out)")
        #expect(status.out.contains("the 2 of 3 pods that answered every read agree"), "\(status.out)")

        let tmux = try TmuxSession(command: "\(Harness.binary) --config \(path) --context prod --interval 2 --timeout 2", width: 130, height: 30, env: env)
        defer { tmux.kill() }
        tmux.send("5")
        let screen = tmux.waitFor("answers only part", timeout: 15)
        #expect(screen.found, "\(screen.screen)")
        #expect(screen.screen.contains("cost-map status — no answer within 2 s"), "\(screen.screen)")
        #expect(screen.screen.contains(" part "), "\(screen.screen)")
        #expect(!screen.screen.contains("all 3 pods agree"), "\(screen.screen)")
        #expect(screen.screen.contains("the 2 pods that answered every read agree"), "\(screen.screen)")
        tmux.send("q")
        #expect(tmux.waitFor("EXITED 0").found)
    }
}

import Foundation
import Testing

/// The real LiteLLM 1.110.2 (PyPI `litellm==1.110.2` plus its proxy extra, no database),
/// started once for this suite, with the deployments the simulator's 1.110.2 serves and its
/// cost map fetched from a simulator's `/_sim/remote` (1.110.2's own file, as when the
/// captures were taken). synctop reads it as it reads 1.100.5 (`ContractChecks`), and the
/// simulator answers the same requests with the same codes and bodies.
/// `.ci/test` sets SYNCTOP_LITELLM_1110; in CI a missing one is a failure.
@Suite(.serialized, .enabled(if: Harness.hasBinary && RealLiteLLM1110.wanted, "set SYNCTOP_LITELLM_1110 to the python of a LiteLLM 1.110.2 install (.ci/test does)"))
struct LiteLLM1110ContractTests {
    static let proxy = Result { try RealLiteLLM1110.shared() }

    static var facts: ContractChecks.Facts {
        // Fetched from the simulator's remote: "remote", not forced; 4,877 + 2 deployment ids.
        ContractChecks.Facts(source: "remote", envForced: false, modelCount: 4879, catalogCount: 4877, noKeyAnswers500: false)
    }

    @Test func statusJSONReadsTheRealProxy() throws {
        try ContractChecks.statusJSON(url: try Self.proxy.get().baseURL, key: RealLiteLLM1110.masterKey, facts: Self.facts)
    }

    @Test func modelsJSONListsEveryModelTheProxyCounts() throws {
        try ContractChecks.modelsJSON(url: try Self.proxy.get().baseURL, key: RealLiteLLM1110.masterKey, facts: Self.facts)
    }

    @Test func wrongKeyOnANoDatabaseProxy() throws {
        try ContractChecks.wrongKey(url: try Self.proxy.get().baseURL, facts: Self.facts)
    }

    /// `preview cost-map` against the real proxy, whose source is the file it already holds:
    /// no change, and the totals are the proxy's own model_count (4,877 + 2 deployment ids),
    /// the Router's registrations counted as they will be again after a reload.
    @Test func aPreviewOfTheSameFileIsNoChangeAndCountsAsTheProxy() throws {
        let proxy = try Self.proxy.get()
        let key = ["LITELLM_PROXY_API_KEY": RealLiteLLM1110.masterKey]
        let p = try Harness.run(Harness.binary, ["preview", "cost-map", "--url", proxy.baseURL, "--json"], env: key)
        #expect(p.status == 0, "\(p.out)\(p.err)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(p.out.utf8)) as? [String: Any])
        #expect(doc["added"] as? Int == 0 && doc["removed"] as? Int == 0, "\(doc)")
        #expect(doc["old_count"] as? Int == Self.facts.modelCount && doc["new_count"] as? Int == Self.facts.modelCount, "\(doc)")
        // A reload needs the database this proxy lacks (synctop refuses it up front); the
        // simulator's 1.110.2 checks the count after one (PreviewCommandTests).
        let status = try Harness.run(Harness.binary, ["status", "--json", "--url", proxy.baseURL], env: key)
        let source = (try JSONSerialization.jsonObject(with: Data(status.out.utf8)) as? [String: Any])?["source"] as? [String: Any]
        #expect(source?["model_count"] as? Int == doc["old_count"] as? Int, "\(status.out)")
    }

    /// Every request whose answer does not depend on the moment: same status, same bytes
    /// (`loaded_at` and the source `url` aside: the simulator names GitHub).
    @Test func theSimulatorAnswersAsTheRealProxy() throws {
        let proxy = try Self.proxy.get()
        let master = RealLiteLLM1110.masterKey
        let requests: [(String, String, String?)] = [
            ("GET", "/schedule/model_cost_map_reload/status", master),
            ("GET", "/schedule/model_cost_map_reload/status", "sk-wrong-key"),
            ("GET", "/schedule/model_cost_map_reload/status", nil),
            ("GET", "/schedule/anthropic_beta_headers_reload/status", master),
            ("GET", "/model/cost_map/source", master),
            ("POST", "/schedule/model_cost_map_reload?hours=0", master),
            ("POST", "/schedule/model_cost_map_reload?hours=-3", master),
            ("POST", "/schedule/model_cost_map_reload?hours=1.5", master),
            ("POST", "/schedule/model_cost_map_reload?hours=abc", master),
            ("POST", "/schedule/model_cost_map_reload", master),
            ("POST", "/schedule/model_cost_map_reload?hours=6", master),
            ("POST", "/reload/model_cost_map", master),
            ("DELETE", "/schedule/model_cost_map_reload", master),
            ("POST", "/schedule/anthropic_beta_headers_reload?hours=24", master),
            ("POST", "/reload/anthropic_beta_headers", master),
            ("DELETE", "/schedule/anthropic_beta_headers_reload", master),
            ("GET", "/health/liveliness", nil),
            ("GET", "/health/readiness", nil),
            ("GET", "/v1/models", master),
            ("GET", "/model/info", master),
            ("GET", "/public/litellm_model_cost_map", nil),
            ("GET", "/public/litellm_model_cost_map?catalog_only=true", nil),
        ]
        for (method, path, key) in requests {
            let real = try ContractChecks.fetch(proxy.baseURL, method, path, key: key)
            let simulated = try ContractChecks.fetch(proxy.simulator.baseURL, method, path, key: key)
            let label = "\(method) \(path) [\(key ?? "no key")]"
            #expect(simulated.status == real.status, "\(label)")
            let want = Self.comparable(real.body), got = Self.comparable(simulated.body)
            #expect(got == want, "\(label)\n  real \(want.prefix(600))\n  sim  \(got.prefix(600))")
        }
    }

    /// `loaded_at` is when each process loaded its map; the source `url` is where: the real
    /// one names the simulator's remote, the simulator GitHub's.
    static func comparable(_ body: String) -> String {
        body.replacing(#/"loaded_at":"[^"]*"/#, with: #""loaded_at":"<time>""#)
            .replacing(#/"url":"[^"]*"/#, with: #""url":"<url>""#)
    }
}

/// A real LiteLLM 1.110.2 and the simulator whose `/_sim/remote` it fetches its files from,
/// for the whole test process.
final class RealLiteLLM1110: @unchecked Sendable {
    static let masterKey = "sk-contract-master-1234"
    static var python: String? { ProcessInfo.processInfo.environment["SYNCTOP_LITELLM_1110"] }
    static var wanted: Bool {
        if let p = python, FileManager.default.isExecutableFile(atPath: p) { return true }
        return ProcessInfo.processInfo.environment["CI"] == "true"
    }

    let baseURL: String
    let simulator: SimulatorProcess
    private static let lock = NSLock()
    nonisolated(unsafe) private static var instance: RealLiteLLM1110?

    static func shared() throws -> RealLiteLLM1110 {
        lock.lock()
        defer { lock.unlock() }
        if let instance { return instance }
        let made = try RealLiteLLM1110()
        instance = made
        return made
    }

    private init() throws {
        guard let python = Self.python, FileManager.default.isExecutableFile(atPath: python) else {
            throw HarnessError("SYNCTOP_LITELLM_1110 is not set to the python of a LiteLLM 1.110.2 install (run .ci/setup --with-litellm)")
        }
        simulator = try SimulatorProcess(args: ["--litellm-version", "1.110.2", "--no-db", "--master-key", Self.masterKey])
        let port = SimulatorProcess.freePort()
        baseURL = "http://127.0.0.1:\(port)"
        let dir = URL(fileURLWithPath: Harness.scratch("litellm-1.110.2-\(port)"))
        let config = dir.appendingPathComponent("config.yaml")
        // The simulator's 1.110.2 deployments (`RuntimeRegistrations.swift`): same names and
        // parameters, so the same deployment ids.
        try """
        model_list:
          - model_name: claude-sonnet
            litellm_params:
              model: anthropic/claude-sonnet-4-5-20250929
              api_key: sk-fake
          - model_name: bedrock-claude
            litellm_params:
              model: bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0
              aws_region_name: us-east-1
        general_settings:
          master_key: \(Self.masterKey)
        """.write(to: config, atomically: true, encoding: .utf8)
        let remote = simulator.baseURL + "/_sim/remote/"
        let pid = try Harness.spawn(python, ["-m", "litellm.proxy.proxy_cli", "--config", config.path, "--host", "127.0.0.1", "--port", String(port)],
                                    env: ["LITELLM_MODEL_COST_MAP_URL": remote + "model_prices_and_context_window.json",
                                          "LITELLM_ANTHROPIC_BETA_HEADERS_URL": remote + "anthropic_beta_headers_config.json"],
                                    stdout: dir.appendingPathComponent("proxy.log").path, stderr: dir.appendingPathComponent("proxy.err").path)
        // SIGKILL at exit, as for 1.100.5: uvicorn's graceful shutdown did not always end it.
        litellm1110PID = pid
        litellm1110Simulator = simulator
        atexit {
            if litellm1110PID > 0 { kill(litellm1110PID, SIGKILL) }
            litellm1110Simulator?.stop(signal: SIGKILL)  // a static is never deinitialised
        }
        let url = baseURL
        let up = Harness.eventually(timeout: 120) {
            (try? Harness.curl(["-o", "/dev/null", "-w", "%{http_code}", "\(url)/health/liveliness"]).out) == "200"
        }
        guard up else {
            kill(pid, SIGKILL)
            let tail = (try? String(contentsOf: dir.appendingPathComponent("proxy.err"), encoding: .utf8))?.suffix(2000) ?? ""
            throw HarnessError("LiteLLM 1.110.2 did not start within 120 s:\n\(tail)")
        }
    }
}

/// For the atexit handler, which cannot capture; set once under `RealLiteLLM1110.lock`.
nonisolated(unsafe) private var litellm1110PID: pid_t = 0
nonisolated(unsafe) private var litellm1110Simulator: SimulatorProcess?

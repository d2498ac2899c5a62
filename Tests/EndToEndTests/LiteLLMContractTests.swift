import Foundation
import Testing

/// The real LiteLLM 1.100.5 (PyPI, no database), started here: synctop reads it right.
/// `.ci/test` installs it and sets SYNCTOP_LITELLM; in CI a missing LiteLLM is a failure.
@Suite(.serialized, .enabled(if: Harness.hasBinary && RealLiteLLM.wanted, "set SYNCTOP_LITELLM to a litellm binary (.ci/test does)"))
struct LiteLLMContractTests {
    static let proxy = Result { try RealLiteLLM.shared() }

    @Test func statusJSONReadsTheRealProxy() throws {
        let proxy = try Self.proxy.get()
        let r = try Harness.run(Harness.binary, ["status", "--json", "--url", proxy.baseURL],
                                env: ["LITELLM_PROXY_API_KEY": RealLiteLLM.masterKey])
        #expect(r.status == 0, "\(r.out)\n\(r.err)")
        let j = try #require(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let cost = try #require(j["cost_map"] as? [String: Any])
        let beta = try #require(j["beta_headers"] as? [String: Any])
        let source = try #require(j["source"] as? [String: Any])
        let health = try #require(j["health"] as? [String: Any])
        #expect(cost["scheduled"] as? Bool == false)
        #expect(cost["phase"] as? String == "not_scheduled")
        #expect(beta["scheduled"] as? Bool == false)
        #expect(source["source"] as? String == "local")
        #expect(source["is_env_forced"] as? Bool == true)
        #expect((source["model_count"] as? Int ?? 0) > 3000)
        #expect(health["alive"] as? Bool == true)
        #expect(health["db_connected"] as? Bool == false)
    }

    /// Both read `litellm.model_cost`: `model_count` is its length, the public endpoint the
    /// dict itself. synctop leaves out `sample_spec` (field documentation, not a model), so
    /// it lists exactly one fewer when the proxy's map holds that entry.
    @Test func modelsJSONListsEveryModelTheProxyCounts() throws {
        let proxy = try Self.proxy.get()
        let cache = Harness.scratch("contract-cache")
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let r = try Harness.run(Harness.binary, ["models", "--json", "--url", proxy.baseURL], env: ["XDG_CACHE_HOME": cache])
        #expect(r.status == 0, "\(r.err)")
        let listed = try #require(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let rows = try #require(listed["models"] as? [[String: Any]])
        let source = try Harness.curl(["-H", "Authorization: Bearer \(RealLiteLLM.masterKey)", "\(proxy.baseURL)/model/cost_map/source"])
        let count = try #require((JSONSerialization.jsonObject(with: Data(source.out.utf8)) as? [String: Any])?["model_count"] as? Int)
        let served = try Harness.curl(["\(proxy.baseURL)/public/litellm_model_cost_map"])
        let map = try #require(JSONSerialization.jsonObject(with: Data(served.out.utf8)) as? [String: Any])
        #expect(map.count == count, "the two endpoints read the same dict")
        #expect(map["sample_spec"] != nil, "LiteLLM 1.100.5 keeps the documentation entry in model_cost")
        #expect(rows.count == count - 1)
        #expect(listed["total"] as? Int == count - 1)
        #expect(Set(rows.compactMap { $0["model"] as? String }) == Set(map.keys).subtracting(["sample_spec"]))
    }

    @Test func wrongKeyOnANoDatabaseProxy() throws {
        let proxy = try Self.proxy.get()
        let r = try Harness.run(Harness.binary, ["status", "--url", proxy.baseURL], env: ["LITELLM_PROXY_API_KEY": "sk-wrong-0000"])
        #expect(r.status == 77)
        #expect(r.out.contains("only its master key works"), "\(r.out)")
        let none = try Harness.run(Harness.binary, ["status", "--url", proxy.baseURL])
        #expect(none.status == 77, "a no-db proxy answers a missing key with 500; synctop knows it sent none")
        #expect(none.out.contains("no API key was sent"), "\(none.out)")
    }

    @Test func dashboardShowsTheRealProxy() throws {
        let proxy = try Self.proxy.get()
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(proxy.baseURL) --interval 2",
                                   env: ["LITELLM_PROXY_API_KEY": RealLiteLLM.masterKey])
        defer { tmux.kill() }
        let s = tmux.waitFor("db: not connected", timeout: 15)
        #expect(s.found, "\(s.screen)")
        #expect(s.screen.contains("not scheduled"))
        #expect(s.screen.contains("yes (LITELLM_LOCAL_MODEL_COST_MAP)"))
        tmux.send("q")
        #expect(tmux.waitFor("EXITED 0").found)
    }
}

/// One real LiteLLM for the whole run, stopped when the test process exits.
final class RealLiteLLM: @unchecked Sendable {
    static let masterKey = "sk-contract-master-1234"
    static var binary: String? { ProcessInfo.processInfo.environment["SYNCTOP_LITELLM"] }
    static var wanted: Bool {
        if let b = binary, FileManager.default.isExecutableFile(atPath: b) { return true }
        // In CI the contract must run: a missing LiteLLM fails instead of skipping.
        return ProcessInfo.processInfo.environment["CI"] == "true"
    }

    let baseURL: String
    private static let lock = NSLock()
    nonisolated(unsafe) private static var instance: RealLiteLLM?

    static func shared() throws -> RealLiteLLM {
        lock.lock()
        defer { lock.unlock() }
        if let instance { return instance }
        let made = try RealLiteLLM()
        instance = made
        return made
    }

    private init() throws {
        guard let bin = RealLiteLLM.binary, FileManager.default.isExecutableFile(atPath: bin) else {
            throw HarnessError("SYNCTOP_LITELLM is not set to an installed litellm (run .ci/setup --with-litellm)")
        }
        let port = SimulatorProcess.freePort()
        baseURL = "http://127.0.0.1:\(port)"
        let dir = URL(fileURLWithPath: Harness.scratch("litellm-\(port)"))
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let config = dir.appendingPathComponent("config.yaml")
        try """
        model_list:
          - model_name: claude-sonnet
            litellm_params:
              model: anthropic/claude-sonnet-4-20250514
              api_key: sk-fake
        general_settings:
          master_key: \(RealLiteLLM.masterKey)
        """.write(to: config, atomically: true, encoding: .utf8)
        let log = dir.appendingPathComponent("proxy.log")
        litellmPID = try Harness.spawn(bin, ["--config", config.path, "--host", "127.0.0.1", "--port", String(port)],
                                       env: ["LITELLM_LOCAL_MODEL_COST_MAP": "True", "LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS": "True"],
                                       stdout: log.path, stderr: dir.appendingPathComponent("proxy.err").path)
        // SIGKILL: uvicorn's graceful SIGTERM shutdown did not end it, and leftover proxies
        // piled up across runs. Nothing of it needs to survive the tests.
        atexit { if litellmPID > 0 { kill(litellmPID, SIGKILL) } }
        let up = Harness.eventually(timeout: 90) {
            (try? Harness.curl(["-o", "/dev/null", "-w", "%{http_code}", "\(baseURL)/health/liveliness"]).out) == "200"
        }
        guard up else {
            kill(litellmPID, SIGKILL)
            let tail = (try? String(contentsOf: dir.appendingPathComponent("proxy.err"), encoding: .utf8))?.suffix(2000) ?? ""
            throw HarnessError("LiteLLM did not start within 90 s:\n\(tail)")
        }
    }
}

/// For the atexit handler, which cannot capture.
nonisolated(unsafe) private var litellmPID: pid_t = 0

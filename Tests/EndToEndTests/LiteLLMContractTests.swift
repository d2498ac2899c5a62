import Foundation
import Testing

/// The real LiteLLM 1.100.5 (PyPI, no database), started here: synctop reads it right.
/// `.ci/test` installs it and sets SYNCTOP_LITELLM; in CI a missing LiteLLM is a failure.
@Suite(.serialized, .enabled(if: Harness.hasBinary && RealLiteLLM.wanted, "set SYNCTOP_LITELLM to a litellm binary (.ci/test does)"))
struct LiteLLMContractTests {
    static let proxy = Result { try RealLiteLLM.shared() }

    /// `LITELLM_LOCAL_MODEL_COST_MAP=True`: the bundled map, forced; 1.100.5 has no catalog_only.
    static let facts = ContractChecks.Facts(source: "local", envForced: true, modelCount: nil, catalogCount: nil, noKeyAnswers500: true)

    @Test func statusJSONReadsTheRealProxy() throws {
        try ContractChecks.statusJSON(url: try Self.proxy.get().baseURL, key: RealLiteLLM.masterKey, facts: Self.facts)
    }

    /// Issue 18: the real LiteLLM as one pod of a context (beside a simulator pod), and as a
    /// context of `--all-contexts`: its parts read the same way, per pod.
    @Test func statusPodsAndAllContextsReadTheRealProxy() throws {
        let proxy = try Self.proxy.get()
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let path = Harness.scratch("contract-contexts") + "/config.toml"
        try """
        [contexts.real]
        url = "\(proxy.baseURL)"
        key_env = "REAL_KEY"
        pods = ["\(proxy.baseURL)"]
        [contexts.sim]
        url = "\(sim.baseURL)"
        key_env = "SIM_KEY"
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let env = ["REAL_KEY": RealLiteLLM.masterKey, "SIM_KEY": SimulatorProcess.masterKey]
        let pods = try Harness.run(Harness.binary, ["status", "--pods", "--json", "--context", "real", "--config", path], env: env)
        #expect(pods.status == 0, "\(pods.out)\n\(pods.err)")
        let doc = try #require(JSONSerialization.jsonObject(with: Data(pods.out.utf8)) as? [String: Any])
        let pod = try #require((doc["pods"] as? [[String: Any]])?.first)
        #expect(pod["pod"] as? String == proxy.baseURL)
        #expect((pod["source"] as? [String: Any])?["source"] as? String == "local")
        #expect((pod["health"] as? [String: Any])?["db_connected"] as? Bool == false)
        #expect((doc["disagreements"] as? [Any])?.isEmpty == true)
        let all = try Harness.run(Harness.binary, ["status", "--all-contexts", "--json", "--config", path], env: env)
        #expect(all.status == 0, "\(all.err)")
        let objects = try #require(JSONSerialization.jsonObject(with: Data(all.out.utf8)) as? [[String: Any]])
        #expect(objects.map { $0["context"] as? String } == ["real", "sim"])
        #expect(((objects[0]["cost_map"] as? [String: Any])?["phase"] as? String) == "not_scheduled")
    }

    @Test func modelsJSONListsEveryModelTheProxyCounts() throws {
        try ContractChecks.modelsJSON(url: try Self.proxy.get().baseURL, key: RealLiteLLM.masterKey, facts: Self.facts)
    }

    @Test func wrongKeyOnANoDatabaseProxy() throws {
        try ContractChecks.wrongKey(url: try Self.proxy.get().baseURL, facts: Self.facts)
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

    /// LiteLLM started with its own TLS flags: `status` and the dashboard read it over
    /// `TLSTransport`, trusting the test's certificate with `--ca-file`.
    @Test func statusAndDashboardOverHTTPS() throws {
        let proxy = try RealLiteLLM.shared(tls: true)
        let ca = Harness.loopbackCertificate.certificate
        let r = try Harness.run(Harness.binary, ["status", "--json", "--url", proxy.baseURL, "--ca-file", ca],
                                env: ["LITELLM_PROXY_API_KEY": RealLiteLLM.masterKey])
        #expect(r.status == 0, "\(r.out)\n\(r.err)")
        let j = try #require(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect((j["source"] as? [String: Any])?["is_env_forced"] as? Bool == true)
        #expect((j["health"] as? [String: Any])?["db_connected"] as? Bool == false)
        let untrusted = try Harness.run(Harness.binary, ["status", "--url", proxy.baseURL], env: ["LITELLM_PROXY_API_KEY": RealLiteLLM.masterKey])
        #expect(untrusted.status == 69)
        #expect(untrusted.out.contains("CERTIFICATE_VERIFY_FAILED"), "\(untrusted.out)")
        let plain = try Harness.run(Harness.binary, ["status", "--url", "http://127.0.0.1:\(proxy.port)"],
                                    env: ["LITELLM_PROXY_API_KEY": RealLiteLLM.masterKey])
        #expect(plain.out.contains("use an https:// URL"), "\(plain.out)")

        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(proxy.baseURL) --ca-file \(ca) --interval 2",
                                   env: ["LITELLM_PROXY_API_KEY": RealLiteLLM.masterKey])
        defer { tmux.kill() }
        let s = tmux.waitFor("db: not connected", timeout: 15)
        #expect(s.found, "\(s.screen)")
        #expect(s.screen.contains("https://127.0.0.1:\(proxy.port)"))
        usleep(4_500_000)  // two more polls, on kept or new connections
        #expect(!tmux.capture().contains("STALE"), "\(tmux.capture())")
        tmux.send("q")
        #expect(tmux.waitFor("EXITED 0").found)
    }

    /// uvicorn closes a keep-alive connection left idle 5 s after an answer (what makes
    /// `TLSTransport` shake hands again at each 10 s poll); the simulator does the same.
    @Test func anIdleConnectionIsClosedAfterFiveSecondsAsBySimulator() throws {
        let proxy = try Self.proxy.get()
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let script = """
        import socket, sys, time
        s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
        s.sendall(b"GET /health/liveliness HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\n\\r\\n")
        data = b""
        while b"\\r\\n\\r\\n" not in data:
            data += s.recv(4096)
        start = time.monotonic()
        s.settimeout(20)
        while s.recv(4096):
            pass
        print(round(time.monotonic() - start, 1))
        """
        func idleClose(_ port: Int) throws -> Double {
            let r = try Harness.run("/usr/bin/env", ["python3", "-c", script, String(port)], timeout: 30)
            return try #require(Double(r.out.trimmingCharacters(in: .whitespacesAndNewlines)), "\(r.out)\n\(r.err)")
        }
        let real = try idleClose(proxy.port)
        let simulated = try idleClose(sim.port)
        #expect((4.0...7.0).contains(real), "LiteLLM closed after \(real) s")
        #expect((4.0...7.0).contains(simulated), "the simulator closed after \(simulated) s")
    }
}

/// One real LiteLLM for the whole run (and one more serving https, when a test asks),
/// stopped when the test process exits.
final class RealLiteLLM: @unchecked Sendable {
    static let masterKey = "sk-contract-master-1234"
    static var binary: String? { ProcessInfo.processInfo.environment["SYNCTOP_LITELLM"] }
    static var wanted: Bool {
        if let b = binary, FileManager.default.isExecutableFile(atPath: b) { return true }
        // In CI the contract must run: a missing LiteLLM fails instead of skipping.
        return ProcessInfo.processInfo.environment["CI"] == "true"
    }

    let baseURL: String
    let port: Int
    private static let lock = NSLock()
    nonisolated(unsafe) private static var instances: [Bool: RealLiteLLM] = [:]

    /// `tls`: started with `--ssl_certfile_path` / `--ssl_keyfile_path` (`Harness.loopbackCertificate`).
    static func shared(tls: Bool = false) throws -> RealLiteLLM {
        lock.lock()
        defer { lock.unlock() }
        if let instance = instances[tls] { return instance }
        let made = try RealLiteLLM(tls: tls)
        instances[tls] = made
        return made
    }

    private init(tls: Bool) throws {
        guard let bin = RealLiteLLM.binary, FileManager.default.isExecutableFile(atPath: bin) else {
            throw HarnessError("SYNCTOP_LITELLM is not set to an installed litellm (run .ci/setup --with-litellm)")
        }
        port = SimulatorProcess.freePort()
        baseURL = "\(tls ? "https" : "http")://127.0.0.1:\(port)"
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
        let certificate = Harness.loopbackCertificate
        let tlsArgs = tls ? ["--ssl_certfile_path", certificate.certificate, "--ssl_keyfile_path", certificate.key] : []
        let pid = try Harness.spawn(bin, ["--config", config.path, "--host", "127.0.0.1", "--port", String(port)] + tlsArgs,
                                    env: ["LITELLM_LOCAL_MODEL_COST_MAP": "True", "LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS": "True"],
                                    stdout: log.path, stderr: dir.appendingPathComponent("proxy.err").path)
        // SIGKILL: uvicorn's graceful SIGTERM shutdown did not end it, and leftover proxies
        // piled up across runs. Nothing of it needs to survive the tests.
        if litellmPIDs.isEmpty { atexit { for pid in litellmPIDs { kill(pid, SIGKILL) } } }
        litellmPIDs.append(pid)
        let url = baseURL
        let up = Harness.eventually(timeout: 90) {
            (try? Harness.curl(["-o", "/dev/null", "-w", "%{http_code}", "\(url)/health/liveliness"]).out) == "200"
        }
        guard up else {
            kill(pid, SIGKILL)
            let tail = (try? String(contentsOf: dir.appendingPathComponent("proxy.err"), encoding: .utf8))?.suffix(2000) ?? ""
            throw HarnessError("LiteLLM did not start within 90 s:\n\(tail)")
        }
    }
}

/// For the atexit handler, which cannot capture; appended under `RealLiteLLM.lock`.
nonisolated(unsafe) private var litellmPIDs: [pid_t] = []

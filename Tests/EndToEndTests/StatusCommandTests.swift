import Foundation
import Testing

/// `synctop status` as a script uses it: output, JSON shape, exit codes.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct StatusCommandTests {
    static let key = ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey]

    func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func jsonAgainstTheSimulator() throws {
        let sim = try SimulatorProcess(args: ["--demo-schedules"])
        defer { sim.stop() }
        let r = try Harness.run(Harness.binary, ["status", "--json", "--url", sim.baseURL], env: Self.key)
        #expect(r.status == 0, "\(r.err)")
        let j = try json(r.out)
        let cost = try #require(j["cost_map"] as? [String: Any])
        let beta = try #require(j["beta_headers"] as? [String: Any])
        let health = try #require(j["health"] as? [String: Any])
        #expect(cost["scheduled"] as? Bool == true)
        #expect(cost["interval_hours"] as? Int == 6)
        #expect(beta["interval_hours"] as? Int == 24)
        // Beta-header times arrive naive from the proxy; synctop writes them with an offset.
        let last = try #require(beta["last_run"] as? String)
        #expect(last.hasSuffix("+00:00"), "\(last)")
        #expect(health["db_connected"] as? Bool == true)
        #expect(j["source"] is [String: Any])
        #expect(!r.out.contains(SimulatorProcess.masterKey))
    }

    @Test func textOutput() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let r = try Harness.run(Harness.binary, ["status", "--url", sim.baseURL], env: Self.key)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("cost map"))
        #expect(r.out.contains("beta headers"))
        #expect(r.out.contains("sk-…demo (LITELLM_PROXY_API_KEY)"))
        // The proxy's model_count, grouped as on the dashboard (the JSON keeps the number).
        #expect(r.out.contains(", 3,412 models,"), "\(r.out)")
        let j = try Harness.run(Harness.binary, ["status", "--json", "--url", sim.baseURL], env: Self.key)
        #expect(j.out.contains("\"model_count\": 3412") || j.out.contains("\"model_count\":3412"), "\(j.out)")
    }

    @Test func exitCodes() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let dead = "http://127.0.0.1:\(SimulatorProcess.freePort())"
        #expect(try Harness.run(Harness.binary, ["status", "--url", dead], env: Self.key).status == 69)
        #expect(try Harness.run(Harness.binary, ["status", "--url", sim.baseURL], env: ["LITELLM_PROXY_API_KEY": "sk-wrong-0000"]).status == 77)
        #expect(try Harness.run(Harness.binary, ["status", "--url", sim.baseURL]).status == 77, "no key at all")
        #expect(try Harness.run(Harness.binary, ["status", "--url", "localhost:4000"]).status == 64)
        #expect(try Harness.run(Harness.binary, ["status", "--key-file", "/nonexistent/key"]).status == 64)
        #expect(try Harness.run(Harness.binary, ["status", "--bogus"]).status == 64)
        let unreachable = try Harness.run(Harness.binary, ["status", "--json", "--url", dead], env: Self.key)
        #expect(unreachable.err.contains("connection refused"), "\(unreachable.err)")
        let j = try json(unreachable.out)
        #expect(((j["cost_map"] as? [String: Any])?["error"] as? [String: Any])?["kind"] as? String == "unreachable")
    }

    @Test func keyFileAndConfigFile() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let dir = URL(fileURLWithPath: Harness.scratch("home"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent(".litellm"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try #"{"base_url": "\#(sim.baseURL)"}"#.write(to: dir.appendingPathComponent(".litellm/config.json"), atomically: true, encoding: .utf8)
        let keyFile = dir.appendingPathComponent("key")
        try (SimulatorProcess.masterKey + "\n").write(to: keyFile, atomically: true, encoding: .utf8)
        // As an operator must keep it: a key file others can read is refused (`KeyFileTests`).
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile.path)
        let r = try Harness.run(Harness.binary, ["status", "--key-file", keyFile.path], env: ["HOME": dir.path])
        #expect(r.status == 0, "\(r.out) \(r.err)")
        #expect(r.out.contains(sim.baseURL), "URL from ~/.litellm/config.json")
    }
}

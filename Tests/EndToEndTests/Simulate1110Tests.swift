import Foundation
import Testing

/// `synctop simulate --litellm-version 1.110.2` as a process, its remote source broken at run
/// time (`/_sim/remote`) and by flag: `synctop reload cost-map` says each 502 reason in words.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct Simulate1110Tests {
    static let key = ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey]

    func reload(_ sim: SimulatorProcess, timeout: Int = 5) throws -> (status: Int32, out: String, err: String) {
        try Harness.run(Harness.binary, ["reload", "cost-map", "--yes", "--timeout", String(timeout), "--url", sim.baseURL], env: Self.key)
    }

    @Test func failedReloadsSayWhyInWords() throws {
        let sim = try SimulatorProcess(args: ["--litellm-version", "1.110.2"])
        defer { sim.stop() }
        var r = try reload(sim)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("(4,877 models,"), "the reload's models_count, grouped: \(r.out)")
        let cases: [(String, String)] = [
            ("small:2437", "the file failed LiteLLM's integrity validation"),
            ("invalid-json", "the file at the source is not valid JSON"),
            ("list", "the file at the source is not a JSON object"),
            ("http:404", "the source answered an HTTP error"),
        ]
        for (mode, words) in cases {
            #expect(try Harness.curl(["-X", "POST", "\(sim.baseURL)/_sim/remote?cost_map=\(mode)"]).out.contains(mode))
            r = try reload(sim)
            #expect(r.status == 70, "\(mode): \(r.out) \(r.err)")
            #expect(r.err.contains("the reload failed: " + words), "\(mode): \(r.err)")
            #expect(r.err.contains("kept its current data"), "\(r.err)")
        }
        // Unreachable: LiteLLM retries twice, waiting, before its 502 (longer than synctop's
        // default 5 s timeout, which would call it "no answer").
        _ = try Harness.curl(["-X", "POST", "\(sim.baseURL)/_sim/remote?cost_map=unreachable"])
        let started = Date()
        r = try reload(sim, timeout: 20)
        #expect(Date().timeIntervalSince(started) >= 6.5)
        #expect(r.status == 70)
        #expect(r.err.contains("could not get the file from its source after 3 attempts"), "\(r.err)")
        #expect(r.err.contains("ConnectError fetching"), "LiteLLM's own reason follows: \(r.err)")
        // Nothing changed: still the map the first reload loaded.
        let status = try Harness.run(Harness.binary, ["status", "--json", "--url", sim.baseURL], env: Self.key)
        let source = try #require((JSONSerialization.jsonObject(with: Data(status.out.utf8)) as? [String: Any])?["source"] as? [String: Any])
        #expect(source["model_count"] as? Int == 4879)
        #expect(source["fallback_reason"] is NSNull)
    }

    /// Broken from the start by flag: the proxy started on its bundled copy and says so; a
    /// retried failure answers at once with `--no-remote-retry-delays`.
    @Test func brokenByFlag() throws {
        let sim = try SimulatorProcess(args: ["--litellm-version", "1.110.2", "--remote-cost-map", "http:503", "--no-remote-retry-delays"])
        defer { sim.stop() }
        let status = try Harness.run(Harness.binary, ["status", "--json", "--url", sim.baseURL], env: Self.key)
        #expect(status.status == 0, "\(status.err)")
        let source = try #require((JSONSerialization.jsonObject(with: Data(status.out.utf8)) as? [String: Any])?["source"] as? [String: Any])
        #expect(source["source"] as? String == "local")
        #expect((source["fallback_reason"] as? String)?.hasPrefix("Remote fetch failed: HTTP 503 from ") == true, "\(source)")
        let started = Date()
        let r = try reload(sim)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(r.status == 70 && r.err.contains("after 3 attempts"), "\(r.err)")
        let bad = try Harness.run(Harness.binary, ["simulate", "--port", "0", "--remote-beta-headers", "small:3"])
        #expect(bad.status != 0 && bad.err.contains("--remote-beta-headers"), "\(bad.err)")
    }
}

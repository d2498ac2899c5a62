import Foundation
import Testing

/// The built binary against a proxy served over https (the simulator with
/// `--ssl_certfile_path`, as LiteLLM takes it), trusting the test's certificate with `--ca-file`.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct HTTPSEndToEndTests {
    static let key = ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey]
    static var caFile: String { Harness.loopbackCertificate.certificate }

    /// Connections the simulator has accepted so far (this curl's own included).
    static func accepted(_ sim: SimulatorProcess) throws -> Int {
        let r = try Harness.curl(["\(sim.baseURL)/_sim/connections"])
        let j = try #require(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        return try #require(j["accepted"] as? Int)
    }

    /// Polls the simulator has answered so far: each reads the cost-map job's status once.
    static func polls(_ sim: SimulatorProcess) throws -> Int {
        let r = try Harness.curl(["\(sim.baseURL)/_sim/requests"])
        let log = try #require(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])
        return log.count { $0["path"] as? String == "/schedule/model_cost_map_reload/status" }
    }

    @Test func statusOverHTTPSAndItsFailuresInWords() throws {
        let sim = try SimulatorProcess(args: ["--demo-schedules"], tls: true)
        defer { sim.stop() }
        let ok = try Harness.run(Harness.binary, ["status", "--json", "--url", sim.baseURL, "--ca-file", Self.caFile], env: Self.key)
        #expect(ok.status == 0, "\(ok.out)\n\(ok.err)")
        let j = try #require(JSONSerialization.jsonObject(with: Data(ok.out.utf8)) as? [String: Any])
        #expect((j["cost_map"] as? [String: Any])?["interval_hours"] as? Int == 6)

        let untrusted = try Harness.run(Harness.binary, ["status", "--url", sim.baseURL], env: Self.key)
        #expect(untrusted.status == 69, "unreachable")
        #expect(untrusted.out.contains("TLS: the server's certificate is not trusted (CERTIFICATE_VERIFY_FAILED)"), "\(untrusted.out)")

        let badCA = try Harness.run(Harness.binary, ["status", "--url", sim.baseURL, "--ca-file", "/nonexistent/ca.pem"], env: Self.key)
        #expect(badCA.status == 64, "a usage error, found before anything is sent")
        #expect(badCA.err.contains("cannot read CA file /nonexistent/ca.pem"), "\(badCA.err)")
    }

    @Test func theWrongSchemeIsNamed() throws {
        let plain = try SimulatorProcess()
        defer { plain.stop() }
        let https = plain.baseURL.replacingOccurrences(of: "http://", with: "https://")
        let r = try Harness.run(Harness.binary, ["status", "--url", https], env: Self.key)
        #expect(r.status == 69)
        #expect(r.out.contains("the server does not speak TLS on this port (is it http://?)"), "\(r.out)")
    }

    /// A poll every 2 s over kept connections: after start-up no new connection (and no
    /// handshake) is made while the proxy keeps them open, and no libdispatch thread runs.
    @Test func theDashboardKeepsItsConnections() throws {
        let sim = try SimulatorProcess(args: ["--keepalive_timeout", "60"], tls: true)
        defer { sim.stop() }
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL) --ca-file \(Self.caFile) --interval 2",
                                   width: 100, height: 30, env: Self.key)
        defer { tmux.kill() }
        let first = tmux.waitFor("db: connected", timeout: 15)
        #expect(first.found, "\(first.screen)")
        #expect(first.screen.contains("https://127.0.0.1:\(sim.port)"))
        usleep(2_500_000)  // past start-up: the mapping fetch and the cost-map snapshot
        let before = try Self.accepted(sim)
        usleep(6_500_000)  // three polls
        #expect(try Self.accepted(sim) == before + 1, "only the second curl's own connection is new")
        #expect(!tmux.capture().contains("STALE"))
        // Nor, over https either, a libdispatch thread (see DashboardEndToEndTests).
        let names = try tmux.threadNames()
        #expect(!names.contains { $0.contains("qos") }, "libdispatch threads: \(names)")
        tmux.send("q")
        #expect(tmux.waitFor("EXITED 0").found)
    }

    /// LiteLLM closes a connection idle 5 s, so at the default interval every poll finds
    /// its connections closed. There is no TLS session resumption in swift-nio-ssl: a poll
    /// then opens one connection and its reads follow one another on it, instead of one
    /// handshake per read (issue 22's idle-CPU goal over https).
    @Test func aPollOverClosedConnectionsShakesHandsOnceNotPerRead() throws {
        let sim = try SimulatorProcess(args: ["--keepalive_timeout", "1"], tls: true)
        defer { sim.stop() }
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL) --ca-file \(Self.caFile) --interval 3",
                                   width: 100, height: 30, env: Self.key)
        defer { tmux.kill() }
        #expect(tmux.waitFor("db: connected", timeout: 15).found)
        usleep(3_500_000)  // past start-up
        let before = try Self.accepted(sim), pollsBefore = try Self.polls(sim)
        usleep(9_200_000)  // two or three polls, each after the server closed the last one's connections
        let polls = try Self.polls(sim) - pollsBefore
        let made = try Self.accepted(sim) - before - 3  // the three later curls' own
        #expect(polls >= 2)
        #expect(made == polls, "\(made) connections for \(polls) polls (4 reads each)")
        #expect(!tmux.capture().contains("STALE"))
    }
}

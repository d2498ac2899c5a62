import Foundation
import Testing

/// `synctop simulate` as an operator or a script runs it: it serves until told to stop.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct SimulateCommandTests {
    @Test(arguments: [SIGTERM, SIGINT, SIGHUP]) func stopsAtOnceOnASignal(signal: Int32) throws {
        let sim = try SimulatorProcess()
        let started = Date()
        let status = sim.stop(signal: signal)
        #expect(status == 0, "exit status \(status): the signal was not handled")
        #expect(Date().timeIntervalSince(started) < 3, "took \(Date().timeIntervalSince(started)) s")
    }

    /// The connection-level controls, as a test or script drives them with curl.
    @Test func dropAndConnectionControls() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        func accepted() throws -> Int? {
            let r = try Harness.curl(["\(sim.baseURL)/_sim/connections"])
            return (try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])?["accepted"] as? Int
        }
        let first = try #require(try accepted())
        #expect(try accepted() == first + 1, "each curl is a connection of its own")
        let set = try Harness.curl(["-X", "POST", "\(sim.baseURL)/_sim/drop?count=1"])
        #expect(set.out == #"{"dropped_requests":1}"#)
        let dropped = try Harness.curl(["\(sim.baseURL)/health/liveliness"])
        #expect(dropped.status == 52, "curl: empty reply from server")
        #expect(try Harness.curl(["\(sim.baseURL)/health/liveliness"]).out == #""I'm alive!""#)
        let bad = try Harness.curl(["-X", "POST", "\(sim.baseURL)/_sim/drop?count=x"])
        #expect(bad.out.contains("count must be an integer >= 0"))
    }

    @Test func tlsFlagsAreLiteLLMs() throws {
        let half = try Harness.run(Harness.binary, ["simulate", "--port", "0", "--ssl_certfile_path", "/tmp/c.pem"])
        #expect(half.status == 64)
        #expect(half.err.contains("Both --ssl_certfile_path and --ssl_keyfile_path are required for SSL."), "\(half.err)")
        let missing = try Harness.run(Harness.binary, ["simulate", "--port", "0", "--ssl_certfile_path", "/nonexistent/c.pem",
                                                       "--ssl_keyfile_path", "/nonexistent/k.pem"])
        #expect(missing.status == 64)
        #expect(missing.err.contains("cannot read the certificate /nonexistent/c.pem"), "\(missing.err)")
    }
}

import Foundation
import Testing

/// Issue 17: a command piped into `head` stops writing quietly when `head` has had enough:
/// no death by SIGPIPE (141 under `pipefail`), nothing on stderr, its own exit status.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct BrokenPipeTests {
    /// `synctop ARGS | head -1` in bash with `pipefail`: the pipeline's status, head's line, synctop's stderr.
    func piped(_ args: String, env: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        let dir = Harness.scratch("pipe")
        let r = try Harness.run("/bin/bash", ["-c", "set -o pipefail; \(Harness.binary) \(args) 2> \(dir)/err | head -1"],
                                env: ["XDG_CACHE_HOME": dir + "/cache"].merging(env) { $1 })
        return (r.status, r.out, (try? String(contentsOfFile: dir + "/err", encoding: .utf8)) ?? "")
    }

    @Test func modelsIntoHeadEndsQuietly() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let r = try piped("models --url \(sim.baseURL)")
        #expect(r.status == 0, "status \(r.status), stderr: \(r.err)")
        #expect(r.out.hasPrefix("model "), "\(r.out)")
        #expect(r.err.isEmpty, "\(r.err)")
    }

    /// Megabytes of JSON: far past what the pipe holds when `head` leaves.
    @Test func diffJSONIntoHeadEndsQuietly() throws {
        let r = try piped("diff --json \(CostMapCommandTests.old) \(CostMapCommandTests.new)")
        #expect(r.status == 0, "status \(r.status), stderr: \(r.err)")
        #expect(r.out == "{\n", "\(r.out)")
        #expect(r.err.isEmpty, "\(r.err)")
    }
}

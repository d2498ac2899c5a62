import Foundation
import Testing

/// Issue 17: under `ulimit -f` (the kernel answers a write past it with SIGXFSZ, which ends
/// a process by default) a snapshot or history record that cannot be written is a warning
/// — in the dashboard's status line, on stderr for commands — never the end of synctop, and
/// leaves no temporary file behind.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct FileSizeLimitTests {
    /// 100 blocks (51 KB in sh, 100 KB in bash): far below a cost map (1.5 MB and up).
    static let limit = "ulimit -f 100"

    func temporaryFiles(under dir: String) -> [String] {
        let all = FileManager.default.enumerator(atPath: dir)?.allObjects as? [String] ?? []
        return all.filter { $0.contains(".part-") }
    }

    @Test func theDashboardWarnsAndKeepsRunning() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let cache = Harness.scratch("fsize-cache")
        let tmux = try TmuxSession(command: "\(Self.limit); \(Harness.binary) --url \(sim.baseURL) --interval 2",
                                   env: ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey, "XDG_CACHE_HOME": cache])
        defer { tmux.kill() }
        let warned = tmux.waitFor("File too large", timeout: 15)
        #expect(warned.found, "no warning in the status line:\n\(warned.screen)")
        #expect(warned.screen.contains("cost map snapshot not kept"), "\(warned.screen)")
        usleep(2_500_000) // a poll more, still alive
        #expect(tmux.commandPID() != nil, "synctop is gone:\n\(tmux.capture())")
        #expect(tmux.capture().contains("polled"), "\(tmux.capture())")
        #expect(temporaryFiles(under: cache).isEmpty, "left behind: \(temporaryFiles(under: cache))")
        tmux.send("q")
        let done = tmux.waitFor("EXITED 0 echo")
        #expect(done.found, "want a normal quit:\n\(done.screen)")
    }

    @Test func aCommandWarnsOnStderrAndSucceeds() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let cache = Harness.scratch("fsize-cache")
        let r = try Harness.run("/bin/sh", ["-c", "\(Self.limit); exec \(Harness.binary) models --url \(sim.baseURL) > /dev/null"],
                                env: ["XDG_CACHE_HOME": cache])
        #expect(r.status == 0, "status \(r.status): \(r.err)")
        #expect(r.err.contains("synctop: warning: cannot write the snapshot: File too large"), "\(r.err)")
        #expect(r.err.contains("ulimit -f"), "says what to do: \(r.err)")
        #expect(temporaryFiles(under: cache).isEmpty, "left behind: \(temporaryFiles(under: cache))")
    }

    @Test func aHistoryRecordPastTheLimitIsAWarning() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let state = Harness.scratch("fsize-state")
        try FileManager.default.createDirectory(atPath: state + "/synctop", withIntermediateDirectories: true)
        let history = state + "/synctop/history.jsonl"
        let filler = String(repeating: "{\"not\": \"a record\"}\n", count: 6_000) // ~120 KB: past the limit already
        try filler.write(toFile: history, atomically: false, encoding: .utf8)
        let r = try Harness.run("/bin/sh", ["-c", "\(Self.limit); exec \(Harness.binary) reload cost-map --yes --url \(sim.baseURL)"],
                                env: ["XDG_STATE_HOME": state, "LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey])
        #expect(r.status == 0, "status \(r.status): \(r.err)")
        #expect(r.out.contains("models updated"), "\(r.out)")
        #expect(r.err.contains("history not written: cannot append to the history file: File too large"), "\(r.err)")
        #expect((try? String(contentsOfFile: history, encoding: .utf8)) == filler, "the file is as it was")
    }
}

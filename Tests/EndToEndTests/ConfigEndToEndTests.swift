import Foundation
import Testing

/// `config.toml` as an operator writes it: its settings and remapped keys take effect in a
/// real terminal, and a mistake stops synctop with the file and line before the screen
/// is taken over.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct ConfigEndToEndTests {
    static func configHome(_ text: String) throws -> String {
        let dir = Harness.scratch("config")
        try FileManager.default.createDirectory(atPath: dir + "/synctop", withIntermediateDirectories: true)
        try text.write(toFile: dir + "/synctop/config.toml", atomically: true, encoding: .utf8)
        return dir
    }

    @Test func settingsAndRemappedKeysTakeEffect() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let home = try Self.configHome("""
        url = "\(sim.baseURL)"
        interval = 45
        [keys.dashboard]
        reload = "R"
        """)
        let tmux = try TmuxSession(command: Harness.binary, width: 120, height: 40,
                                   env: ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey, "XDG_CONFIG_HOME": home])
        defer { tmux.kill() }
        let up = tmux.waitFor("poll in 4")
        #expect(up.found, "the URL and the 45 s interval come from the config file: \(up.screen)")
        #expect(up.screen.contains(" R reload "), "the footer shows the remapped key")
        tmux.send("r")
        usleep(300_000)
        #expect(!tmux.capture().contains("Reload the model cost map"), "the default key no longer reloads")
        tmux.send("R")
        #expect(tmux.waitFor("Reload the model cost map on \(sim.baseURL) now?").found)
        tmux.send("n")
    }

    @Test func aConflictStopsWithFileAndLine() throws {
        let home = try Self.configHome("interval = 20\n[keys.models]\nfilter = \"s\"\n")
        let r = try Harness.run(Harness.binary, ["--url", "http://127.0.0.1:9"], env: ["XDG_CONFIG_HOME": home], timeout: 20)
        #expect(r.status == 64)
        #expect(r.err.contains("\(home)/synctop/config.toml:3: s is bound to both filter and next_sort_column in the models view"), "\(r.err)")
        let missing = try Harness.run(Harness.binary, ["status", "--config", "/nonexistent/config.toml"], timeout: 20)
        #expect(missing.status == 64 && missing.err.contains("config file /nonexistent/config.toml does not exist"))
    }
}

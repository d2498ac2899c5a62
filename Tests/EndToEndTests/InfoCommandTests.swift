import Foundation
import Testing

/// `synctop info`: paths, terminal capabilities, and every setting with its origin.
@Suite(.enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct InfoCommandTests {
    @Test func settingsPathsAndTerminalWithOrigins() throws {
        let home = Harness.scratch("info")
        let key = "sk-info-secret-9z8y"
        let r = try Harness.run(Harness.binary, ["info", "--json", "--url", "http://gw.example:4000", "--theme", "nord", "--interval", "30"],
                                env: ["LITELLM_PROXY_API_KEY": key, "XDG_CACHE_HOME": home + "/cache", "XDG_CONFIG_HOME": home + "/config",
                                      "XDG_STATE_HOME": home + "/state", "TERM": "xterm-256color", "NO_COLOR": "1"])
        #expect(r.status == 0, "\(r.err)")
        #expect(!r.out.contains(key) && !r.err.contains(key), "the key is never printed in full")
        let j = try #require(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let settings = try #require(j["settings"] as? [[String: String]])
        func setting(_ name: String) -> (String?, String?) {
            let s = settings.first { $0["name"] == name }
            return (s?["value"], s?["origin"])
        }
        #expect(setting("proxy URL") == ("http://gw.example:4000", "flag --url"))
        #expect(setting("API key") == ("sk-…9z8y", "environment LITELLM_PROXY_API_KEY"))
        #expect(setting("poll interval") == ("30 s", "flag --interval"))
        #expect(setting("request timeout") == ("5 s", "default"))
        #expect(setting("theme") == ("nord", "flag --theme"))
        #expect(setting("colour") == ("off", "environment NO_COLOR"))
        let paths = try #require(j["paths"] as? [[String: String]])
        #expect(paths.contains { $0["path"] == home + "/state/synctop/history.jsonl" && $0["state"] == "does not exist yet" })
        #expect(paths.contains { $0["path"]?.hasPrefix(home + "/cache/synctop/cost-maps/gw.example_4000-") == true })
        #expect(paths.contains { $0["path"] == home + "/config/synctop/themes" })
        let terminal = try #require(j["terminal"] as? [String: Any])
        #expect(terminal["term"] as? String == "xterm-256color")
        #expect(terminal["colors"] as? Int == 256)
        #expect(terminal["depth"] as? String == "no colour", "NO_COLOR wins over what terminfo offers")
        #expect(terminal["stdout_is_terminal"] as? Bool == false)

        let vt = try Harness.run(Harness.binary, ["info"], env: ["TERM": "vt100", "XDG_STATE_HOME": home + "/state"])
        #expect(vt.status == 0)
        #expect(vt.out.contains("colours   no colour (terminfo colors=-1)"), "\(vt.out)")
        #expect(vt.out.contains("API key              no key  (none found)"))
    }

    static let noHome = ["-u", "HOME", "-u", "XDG_CACHE_HOME", "-u", "XDG_CONFIG_HOME", "-u", "XDG_STATE_HOME"]

    /// Issue 17: without HOME, every path is whole — from the password database, said so —
    /// never `./.cache` or `~/.litellm` (was).
    @Test func withoutHomeThePathsComeFromThePasswordDatabase() throws {
        let r = try Harness.run("/usr/bin/env", Self.noHome + [Harness.binary, "info", "--json"])
        #expect(r.status == 0, "\(r.err)")
        let j = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let paths = try #require(j["paths"] as? [[String: Any]])
        #expect(paths.count >= 4)
        for p in paths {
            let path = try #require(p["path"] as? String, "\(p)")
            #expect(path.hasPrefix("/"), "\(p)")
            #expect((p["state"] as? String)?.contains("HOME is not set: the password database's home folder") == true, "\(p)")
        }
    }

    /// A uid the password database does not know (as containers run with), no HOME: each
    /// folder is unavailable, with the variable that would fix it.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root and setpriv"))
    func withoutAnyHomeThePathsSayTheyAreUnavailableAndWhy() throws {
        let r = try Harness.run("/usr/bin/setpriv", ["--reuid=54321", "--regid=54321", "--clear-groups", "/usr/bin/env"]
                                + Self.noHome + [Harness.binary, "info", "--json"])
        #expect(r.status == 0, "\(r.err)")
        let j = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let paths = try #require(j["paths"] as? [[String: Any]])
        let why = "unavailable: HOME is not set and uid 54321 has no home folder in the password database; set HOME"
        for (name, variable) in [("history (written)", " (or XDG_STATE_HOME)"), ("cost-map snapshots (written)", " (or XDG_CACHE_HOME)"),
                                 ("user themes (read)", " (or XDG_CONFIG_HOME)"), ("LiteLLM CLI config (read for base_url)", "")] {
            let p = try #require(paths.first { $0["name"] as? String == name }, "\(name)")
            #expect(p["path"] is NSNull, "\(p)")
            #expect(p["state"] as? String == why + variable, "\(p)")
        }
        let settings = try #require(j["settings"] as? [[String: String]])
        #expect(settings.first { $0["name"] == "config file" }?["origin"] == why + " (or XDG_CONFIG_HOME)")
    }
}

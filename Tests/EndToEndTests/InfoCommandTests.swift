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
}

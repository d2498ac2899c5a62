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
        // Keyed by setting: {"url": {"value", "origin"}, ...}.
        let settings = try #require(j["settings"] as? [String: [String: String]], "\(r.out)")
        func setting(_ key: String) -> (String?, String?) { (settings[key]?["value"], settings[key]?["origin"]) }
        #expect(Set(settings.keys) == ["config_file", "url", "api_key", "interval", "timeout", "theme", "colour", "unicode",
                                       "read_only", "beta_header_mapping", "key_bindings"])
        #expect(setting("url") == ("http://gw.example:4000", "flag --url"))
        #expect(setting("api_key") == ("sk-…9z8y", "environment LITELLM_PROXY_API_KEY"))
        #expect(setting("interval") == ("30 s", "flag --interval"))
        #expect(setting("timeout") == ("5 s", "default"))
        #expect(setting("theme") == ("nord", "flag --theme"))
        #expect(setting("colour") == ("off", "environment NO_COLOR"))
        #expect(settings["api_key"]?["problem"] == nil, "no problem with a key that was found")
        let paths = try #require(j["paths"] as? [String: [String: String]], "\(r.out)")
        #expect(paths["history"] == ["path": home + "/state/synctop/history.jsonl", "state": "does not exist yet", "use": "written"])
        #expect(paths["cost_map_snapshots"]?["path"]?.hasPrefix(home + "/cache/synctop/cost-maps/gw.example_4000-") == true)
        #expect(paths["user_themes"]?["path"] == home + "/config/synctop/themes")
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

    /// A key file that does not exist is what info is for: said in the API key row, exit
    /// 0. A command that sends the key still stops on it (64) before any request.
    @Test func aMissingKeyFileIsReportedNotAnExit() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let home = Harness.scratch("info-missing-key")
        let missing = home + "/no-such-key"
        let env = ["XDG_CONFIG_HOME": home + "/config", "XDG_CACHE_HOME": home + "/cache", "LITELLM_PROXY_API_KEY": "sk-env-must-not-be-used-1234"]
        let text = try Harness.run(Harness.binary, ["info", "--url", sim.baseURL, "--key-file", missing], env: env)
        #expect(text.status == 0, "\(text.err)")
        #expect(text.out.contains("API key              missing: key file \(missing) does not exist  (flag --key-file \(missing))"), "\(text.out)")
        #expect(text.out.contains("key file (read)"), "\(text.out)")
        #expect(text.err.contains("key file \(missing) does not exist"), "said on stderr too: \(text.err)")
        #expect(!text.out.contains("sk-…1234"), "a missing --key-file is not replaced by the environment's key")

        let json = try Harness.run(Harness.binary, ["info", "--json", "--url", sim.baseURL, "--key-file", missing], env: env)
        #expect(json.status == 0, "\(json.err)")
        let j = try #require(JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let key = try #require((j["settings"] as? [String: [String: String]])?["api_key"], "\(json.out)")
        #expect(key == ["value": "missing", "origin": "flag --key-file \(missing)", "problem": "key file \(missing) does not exist"])
        #expect((j["paths"] as? [String: [String: String]])?["key_file"] == ["path": missing, "state": "missing", "use": "read"])

        // The config file's key_file, missing: the same, with the config as its origin.
        let config = home + "/synctop.toml"
        try "key_file = \"\(missing)\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let fromConfig = try Harness.run(Harness.binary, ["info", "--json", "--url", sim.baseURL, "--config", config], env: ["XDG_CACHE_HOME": home + "/cache"])
        #expect(fromConfig.status == 0, "\(fromConfig.err)")
        let c = try #require(JSONSerialization.jsonObject(with: Data(fromConfig.out.utf8)) as? [String: Any])
        #expect((c["settings"] as? [String: [String: String]])?["api_key"]?["value"] == "missing", "\(fromConfig.out)")
        #expect((c["settings"] as? [String: [String: String]])?["api_key"]?["origin"] == "synctop config \(missing)", "\(fromConfig.out)")

        // Every command that sends the key keeps failing on it, before anything is sent.
        for args in [["status"], ["reload", "cost-map", "--yes"], ["models"]] {
            let r = try Harness.run(Harness.binary, args + ["--url", sim.baseURL, "--key-file", missing], env: env)
            #expect(r.status == 64, "\(args): \(r.out)\(r.err)")
            #expect(r.err.contains("key file \(missing) does not exist"), "\(args): \(r.err)")
        }
        // The harness's own readiness probe is the only request the simulator saw.
        let log = try #require(JSONSerialization.jsonObject(with: Data(try Harness.curl(["\(sim.baseURL)/_sim/requests"]).out.utf8)) as? [[String: Any]])
        let sent = log.filter { $0["path"] as? String != "/health/liveliness" }
        #expect(sent.isEmpty, "nothing reached the proxy: \(sent)")
    }

    /// `synctop --version` and `info` say one version, from one constant.
    @Test func theVersionIsPrintedAndShownByInfo() throws {
        let v = try Harness.run(Harness.binary, ["--version"])
        #expect(v.status == 0, "\(v.err)")
        let version = v.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.split(separator: ".").count == 3 && version.split(separator: ".").allSatisfy { Int($0) != nil }, "\(v.out)")
        #expect(v.out == version + "\n", "one line")
        let text = try Harness.run(Harness.binary, ["info"])
        #expect(text.status == 0 && text.out.hasPrefix("synctop \(version)\n"), "\(text.out)")
        let json = try Harness.run(Harness.binary, ["info", "--json"])
        let j = try #require(JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(j["version"] as? String == version)
    }

    static let noHome = ["-u", "HOME", "-u", "XDG_CACHE_HOME", "-u", "XDG_CONFIG_HOME", "-u", "XDG_STATE_HOME"]

    /// Issue 17: without HOME, every path is whole — from the password database, said so —
    /// never `./.cache` or `~/.litellm` (was).
    @Test func withoutHomeThePathsComeFromThePasswordDatabase() throws {
        let r = try Harness.run("/usr/bin/env", Self.noHome + [Harness.binary, "info", "--json"])
        #expect(r.status == 0, "\(r.err)")
        let j = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let paths = try #require(j["paths"] as? [String: [String: Any]])
        #expect(paths.count >= 4)
        for p in paths.values {
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
        let paths = try #require(j["paths"] as? [String: [String: Any]])
        let why = "unavailable: HOME is not set and uid 54321 has no home folder in the password database; set HOME"
        for (name, variable) in [("history", " (or XDG_STATE_HOME)"), ("cost_map_snapshots", " (or XDG_CACHE_HOME)"),
                                 ("user_themes", " (or XDG_CONFIG_HOME)"), ("litellm_cli_config", "")] {
            let p = try #require(paths[name], "\(name)")
            #expect(p["path"] is NSNull, "\(p)")
            #expect(p["state"] as? String == why + variable, "\(p)")
        }
        let settings = try #require(j["settings"] as? [String: [String: String]])
        #expect(settings["config_file"]?["origin"] == why + " (or XDG_CONFIG_HOME)")
    }
}

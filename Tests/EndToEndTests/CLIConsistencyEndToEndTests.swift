import Foundation
import Testing

/// The command line reads the same everywhere: `synctop --help` lists the dashboard's
/// options, a URL synctop cannot use is a usage error, and every `--json` spells a job
/// one way.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct CLIConsistencyEndToEndTests {
    static let key = ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey]

    /// The long options a help text lists (`  --name ...` lines), in order.
    static func options(in help: Substring) -> [String] {
        help.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  --") else { return nil }
            return String(line.dropFirst(2).prefix { $0 != " " })
        }
    }

    /// `synctop` alone runs the dashboard, so `synctop --help` lists its options (every one
    /// `synctop help dashboard` lists) after the commands; `-h` and `help` say the same.
    @Test func rootHelpListsTheDashboardOptionsAndTheCommands() throws {
        let r = try Harness.run(Harness.binary, ["--help"], env: ["COLUMNS": "100"])
        #expect(r.status == 0, "\(r.err)")
        let commands = try #require(r.out.range(of: "\nSUBCOMMANDS:\n"), "\(r.out)")
        let dashboardSection = try #require(r.out.range(of: "\nDASHBOARD OPTIONS (synctop with no command, or synctop dashboard):\n"), "\(r.out)")
        #expect(commands.upperBound < dashboardSection.lowerBound, "the commands first, then the dashboard's options")
        for command in ["dashboard (default)", "status", "reload", "history", "check-headers", "info", "preview", "check", "contexts"] {
            #expect(r.out[commands.lowerBound..<dashboardSection.lowerBound].contains("\n  \(command) "), "\(command)")
        }
        let listed = Self.options(in: r.out[dashboardSection.upperBound...])
        for option in ["--read-only", "--theme", "--interval", "--mouse", "--context", "--url", "--key-file", "--no-color", "--litellm-version"] {
            #expect(listed.contains(option), "\(option) in \(listed)")
        }
        let dashboard = try Harness.run(Harness.binary, ["help", "dashboard"], env: ["COLUMNS": "100"])
        let own = Self.options(in: dashboard.out[...]).filter { $0 != "--version" && $0 != "--help" }
        #expect(own.count >= 10, "\(dashboard.out)")
        #expect(listed == own, "every option of the dashboard, nothing else")
        #expect(r.out.contains("USAGE: synctop [<dashboard options>]\n       synctop <subcommand> [<options>]"), "\(r.out)")
        // The root's own options once: --version and --help are not repeated in the section.
        #expect(r.out.components(separatedBy: "--version").count == 2, "\(r.out)")

        for other in [["-h"], ["help"]] {
            let same = try Harness.run(Harness.binary, other, env: ["COLUMNS": "100"])
            #expect(same.status == 0 && same.out == r.out, "\(other)")
        }
        // A command's own help stays its own.
        let status = try Harness.run(Harness.binary, ["status", "--help"])
        #expect(status.status == 0 && !status.out.contains("DASHBOARD OPTIONS") && status.out.contains("--json"), "\(status.out)")
    }

    /// No host, a port that is not 1–65535, a character no host holds: exit 64 with the
    /// reason, nothing sent; before, these were tried and came back "unreachable" (69).
    @Test func aMalformedURLIsAUsageError() throws {
        let cases: [(String, String)] = [
            ("http://host:99999", #"its port "99999" is not a number from 1 to 65535"#),
            ("http://127.0.0.1:0", #"its port "0" is not a number from 1 to 65535"#),
            ("http://host:4a00/", #"its port "4a00" is not a number from 1 to 65535"#),
            ("http://:80", "it names no host"),
            ("https://", "it names no host"),
            ("http://ops:hunter2@:4000", "it names no host"),
            ("http://a:b:c", "its host holds more than one :"),
            ("http://[::1:4000", "its IPv6 address lacks the closing ]"),
            ("http://ho<st:4000", #"its host "ho<st" holds "<", which no host name may contain"#),
        ]
        for (url, why) in cases {
            let r = try Harness.run(Harness.binary, ["status", "--url", url, "--timeout", "1"], env: Self.key)
            #expect(r.status == 64, "\(url): \(r.status) \(r.out)\(r.err)")
            #expect(r.err.contains("is not a URL synctop can use: \(why)"), "\(url): \(r.err)")
            #expect(r.out.isEmpty, "\(url): \(r.out)")
            #expect(!r.err.contains("hunter2"), "a password in the URL is never shown")
        }
        // From the environment too, naming where it came from; a space as before.
        let env = try Harness.run(Harness.binary, ["status"], env: Self.key.merging(["LITELLM_PROXY_URL": "http://gw:70000"]) { $1 })
        #expect(env.status == 64 && env.err.contains(#"proxy URL "http://gw:70000" (from environment) is not a URL synctop can use"#), "\(env.err)")
        let space = try Harness.run(Harness.binary, ["status", "--url", "http://ho st"], env: Self.key)
        #expect(space.status == 64 && space.err.contains("holds a space"), "\(space.err)")

        // Well-formed URLs still go out: a closed port is unreachable (69), the simulator
        // answers under each form synctop accepts.
        let closed = try Harness.run(Harness.binary, ["status", "--url", "http://127.0.0.1:\(SimulatorProcess.freePort())", "--timeout", "2"], env: Self.key)
        #expect(closed.status == 69, "\(closed.err)")
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        for url in ["http://127.0.0.1:\(sim.port)", "http://localhost:\(sim.port)/", "http://user:pw@127.0.0.1:\(sim.port)"] {
            let r = try Harness.run(Harness.binary, ["status", "--url", url], env: Self.key)
            #expect(r.status == 0, "\(url): \(r.err)")
        }
    }

    /// Every value and key that names a job, in every --json, collected at any depth.
    static func jobSpellings(_ value: Any, into found: inout [String]) {
        if let dict = value as? [String: Any] {
            for (k, v) in dict {
                if k == "job", let s = v as? String { found.append(s) }
                if ["cost_map", "beta_headers", "cost-map", "beta-headers"].contains(k) { found.append(k) }
                jobSpellings(v, into: &found)
            }
        } else if let array = value as? [Any] {
            for v in array { jobSpellings(v, into: &found) }
        }
    }

    /// `cost_map` and `beta_headers`, as keys and as values, in every JSON a command
    /// prints: action results, previews, history records and statistics, status. The
    /// history file keeps its own spelling ("cost-map"), which older synctops read.
    @Test func everyJSONSpellsAJobOneWay() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let state = Harness.scratch("json-jobs")
        let env = Self.key.merging(["XDG_STATE_HOME": state, "XDG_CACHE_HOME": state + "/cache"]) { $1 }
        let remote = "\(sim.baseURL)/_sim/remote/anthropic_beta_headers_config.json"
        let runs: [[String]] = [
            ["schedule", "cost-map", "--hours", "6", "--json"],
            ["cancel", "beta-headers", "--yes", "--json"],  // not scheduled: nothing sent, said in JSON
            ["cancel", "cost-map", "--yes", "--json"],
            ["reload", "beta-headers", "--yes", "--json", "--beta-headers-url", remote],
            ["preview", "beta-headers", "--json", "--beta-headers-url", remote],
            ["status", "--json"],
            ["history", "--json"],
        ]
        var everyJob: [String] = []
        for args in runs {
            let r = try Harness.run(Harness.binary, args + (args[0] == "history" ? [] : ["--url", sim.baseURL]), env: env)
            #expect(r.status == 0, "\(args): \(r.err)")
            let j = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)), "\(args): \(r.out)")
            var found: [String] = []
            Self.jobSpellings(j, into: &found)
            #expect(!found.isEmpty, "\(args) names a job: \(r.out)")
            #expect(found.allSatisfy { $0 == "cost_map" || $0 == "beta_headers" }, "\(args): \(found)")
            everyJob += found
        }
        #expect(Set(everyJob) == ["cost_map", "beta_headers"])
        let file = try String(contentsOfFile: state + "/synctop/history.jsonl", encoding: .utf8)
        #expect(file.contains(#""job":"cost-map""#) && !file.contains(#""job":"cost_map""#), "the file's spelling is unchanged: \(file)")
        // --job takes either spelling.
        for spelling in ["cost-map", "cost_map"] {
            let h = try Harness.run(Harness.binary, ["history", "--json", "--job", spelling], env: env)
            let records = try #require((try JSONSerialization.jsonObject(with: Data(h.out.utf8)) as? [String: Any])?["records"] as? [[String: Any]])
            #expect(records.count == 2 && records.allSatisfy { $0["job"] as? String == "cost_map" }, "\(spelling): \(h.out)")
        }
    }
}

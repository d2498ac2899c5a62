import Foundation
import Testing

/// Themes in a real terminal: `--theme` picks one, a user theme file overrides a shipped
/// one, NO_COLOR and monochrome put no colour on screen, a bad theme is refused with its
/// file and line before the screen is taken over.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct ThemeEndToEndTests {
    static let key = ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey]

    /// SGR colour parameters (30–37, 40–47, 90–97, 100–107, 38;…, 48;…) in tmux's `-e` capture.
    static func colourCodes(_ screen: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "\u{1b}\\[([0-9;]*)m")
        let ns = screen as NSString
        var found: [String] = []
        for m in pattern.matches(in: screen, range: NSRange(location: 0, length: ns.length)) {
            let params = ns.substring(with: m.range(at: 1)).split(separator: ";").compactMap { Int($0) }
            var i = 0
            while i < params.count {
                let p = params[i]
                if p == 38 || p == 48 { found.append("\(p)…"); i += (params.count > i + 1 && params[i + 1] == 5) ? 3 : 5; continue }
                if (30...37).contains(p) || (40...47).contains(p) || (90...97).contains(p) || (100...107).contains(p) { found.append(String(p)) }
                i += 1
            }
        }
        return found
    }

    @Test func aThemeColoursTheScreenAndMonochromeAndNoColorDoNot() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        for (theme, env, coloured) in [("nord", [String: String](), true), ("monochrome", [:], false), ("default", ["NO_COLOR": "1"], false)] {
            let tmux = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL) --theme \(theme)", width: 120, height: 40,
                                       env: Self.key.merging(env) { $1 })
            defer { tmux.kill() }
            #expect(tmux.waitFor("polled").found, "\(theme)")
            let codes = Self.colourCodes(tmux.capture(colors: true))
            if coloured {
                let raw = tmux.capture(colors: true)
                #expect(!codes.isEmpty, "\(theme) draws in colour: \(raw.prefix(300).debugDescription)")
            } else {
                #expect(codes.isEmpty, "\(theme) \(env): no colour codes on screen, found \(codes.prefix(5))")
            }
        }
    }

    @Test func aUserThemeOverridesAndABadOneIsRefusedWithItsLine() throws {
        let config = Harness.scratch("config")
        try FileManager.default.createDirectory(atPath: config + "/synctop/themes", withIntermediateDirectories: true)
        try "name = \"mine\"\n[roles]\ntitle = \"red\"\nborderz = \"blue\"\n".write(toFile: config + "/synctop/themes/nord.toml", atomically: true, encoding: .utf8)
        let bad = try Harness.run(Harness.binary, ["--url", "http://127.0.0.1:9", "--theme", "nord"],
                                  env: Self.key.merging(["XDG_CONFIG_HOME": config]) { $1 }, timeout: 20)
        #expect(bad.status == 64)
        #expect(bad.err.contains("\(config)/synctop/themes/nord.toml:4: unknown role \"borderz\""), "\(bad.err)")
        let unknown = try Harness.run(Harness.binary, ["--url", "http://127.0.0.1:9", "--theme", "purple-haze"], env: Self.key, timeout: 20)
        #expect(unknown.status == 64)
        #expect(unknown.err.contains("no theme \"purple-haze\"; shipped: default, light, solarized-dark, nord, high-contrast, monochrome"))
    }

    /// Issue 17: a theme reference that is neither a name nor a `.toml` path is refused,
    /// exit 64, as a flag and in the config file, and nothing is drawn.
    @Test func aThemeThatIsNeitherANameNorATomlPathIsRefused() throws {
        let flag = try Harness.run(Harness.binary, ["--url", "http://127.0.0.1:9", "--theme", "../../etc/passwd"], env: Self.key, timeout: 20)
        #expect(flag.status == 64, "\(flag.err)")
        #expect(flag.err.contains("--theme: \"../../etc/passwd\" is neither a theme name (letters, digits, - and _, e.g. nord) nor a path ending in .toml"),
                "\(flag.err)")
        #expect(!flag.err.contains("root:"), "nothing of the file is shown")
        let config = Harness.scratch("config")
        try "theme = \"../../etc/passwd\"\n".write(toFile: config + "/config.toml", atomically: true, encoding: .utf8)
        let file = try Harness.run(Harness.binary, ["demo", "--config", config + "/config.toml"], env: Self.key, timeout: 20)
        #expect(file.status == 64, "\(file.err)")
        #expect(file.err.contains("config.toml:1: theme: \"../../etc/passwd\" is neither a theme name"), "\(file.err)")
    }

    @Test func noUnicodeDrawsNoBoxCharacters() throws {
        try expectASCIIDashboard(flags: " --no-unicode", env: [:])
    }

    /// A locale that is not UTF-8 (here `C`, as in a bare SSH session or container) says
    /// nothing about the terminal showing UTF-8: lines and symbols are drawn in ASCII
    /// without any flag, and keys still work.
    @Test func nonUTF8LocaleDrawsASCII() throws {
        let locale = ["LANG": "C", "LC_ALL": "C"]
        try expectASCIIDashboard(flags: "", env: locale) { tmux in
            tmux.send("?")
            #expect(tmux.waitFor("any other key closes this help.").found)
        }
        let info = try Harness.run(Harness.binary, ["info"], env: locale.merging(["TERM": "xterm-256color"]) { $1 })
        #expect(info.out.contains("not UTF-8: lines and symbols are drawn in ASCII"))
    }

    /// The dashboard in tmux against the simulator shows only ASCII, boxes drawn with `+-`.
    private func expectASCIIDashboard(flags: String, env: [String: String], then more: (TmuxSession) -> Void = { _ in }) throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL)\(flags)", width: 120, height: 40,
                                   env: env.merging(["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey]) { $1 })
        defer { tmux.kill() }
        let screen = tmux.waitFor("polled")
        #expect(screen.found)
        let nonASCII = screen.screen.unicodeScalars.filter { !$0.isASCII }
        #expect(nonASCII.isEmpty, "ASCII only: found \(String(String.UnicodeScalarView(nonASCII.prefix(10))))")
        #expect(screen.screen.contains("+-") && screen.screen.contains("Model cost map"))
        more(tmux)
    }
}

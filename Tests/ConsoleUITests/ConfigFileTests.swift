import Foundation
import Testing
@testable import ConsoleUI

/// `config.toml`: every setting, key remapping per view, and every mistake named with its
/// file and line (unknown settings warned about, not silently dropped).
@Suite struct ConfigFileTests {
    func parse(_ text: String) -> Result<ConfigFile, ConfigError> { ConfigFile.parse(text, file: "c.toml") }

    @Test func everySetting() throws {
        let c = try parse("""
        # comment
        url = "http://gw:4000"   # trailing comment
        key_file = "/run/secrets/key"
        interval = 30
        timeout = 12
        theme = "nord"
        no_color = true
        no_unicode = false
        read_only = true
        beta_headers_url = "http://x/#y.json"
        beta_headers_file = "/etc/map.json"
        """).get()
        #expect(c.url == "http://gw:4000" && c.keyFile == "/run/secrets/key" && c.interval == 30 && c.timeout == 12)
        #expect(c.theme == "nord" && c.noColor == true && c.noUnicode == false && c.readOnly == true)
        #expect(c.betaHeadersURL == "http://x/#y.json", "a # inside quotes is not a comment")
        #expect(c.betaHeadersFile == "/etc/map.json" && c.warnings.isEmpty && c.keyMaps == .standard)
    }

    @Test func mistakesNameTheLine() {
        let unknown = try? parse("interval = 10\ncolour = \"blue\"\n").get()
        #expect(unknown?.warnings == ["c.toml:2: unknown setting \"colour\" ignored (settings: url, key_file, interval, timeout, theme, no_color, no_unicode, read_only, mouse, beta_headers_url, beta_headers_file, cost_map_url)"])
        #expect(parse("\ninterval = \"ten\"").failure?.description == "c.toml:2: interval has the wrong type of value (\"ten\"): expected a whole number")
        #expect(parse("interval = 1").failure?.description == "c.toml:1: interval must be at least 2 seconds")
        #expect(parse("timeout = 0").failure?.description == "c.toml:1: timeout must be 1 to 300 seconds")
        #expect(parse("theme = nord").failure?.description.hasPrefix("c.toml:1: Error while parsing") == true, "not TOML: toml++ says where")
        #expect(parse("[colors]").failure?.description.hasPrefix("c.toml:1: unknown section [colors]") == true)
        #expect(parse("[keys.nowhere]").failure?.description.hasPrefix("c.toml:1: unknown section [keys.nowhere]") == true)
        #expect(parse("just words").failure?.description == "c.toml:1: Error while parsing key-value pair: expected '=', saw 'w'")
        // A lone "[" made toml++ abort the process (found by Tests/Fuzz): an error instead.
        #expect(parse("interval = 10\n[\nurl = \"x\"\n").failure?.description
            == "c.toml:2: a table header without a name: write [contexts.NAME] (or remove the \"[\")")
        // "[" + U+061A (a combining mark: one Swift Character with the "[") also aborted
        // toml++ — the fuzzer's second finding; the check reads code points as toml++ does.
        for (header, first) in [("[)", ")"), ("[ =]", "="), ("[[#", "#"), ("[.]", "."), ("[\u{61A}:%", "\u{61A}"), ("[[\u{301}x]]", "\u{301}"), ("\t[ !x]", "!")] {
            #expect(parse("interval = 10\n\(header)\n").failure?.description.hasPrefix("c.toml:2: a table header's name must start with a letter, a digit, _, - or a quote, not \"\(first)\"") == true, "\(header)")
        }
        #expect(parse("interval = 10\n[\r\n").failure?.description.hasPrefix("c.toml:2: a table header without a name") == true)
        // A non-ASCII first letter is said as such (TOML's bare names are ASCII).
        #expect(parse("[contexts.prod]\nurl = \"http://a:4000\"\n[\u{E9}t\u{E9}]\n").failure?.description
            == "c.toml:3: a table header's name must start with a letter, a digit, _, - or a quote, not \"\u{E9}\": write [contexts.NAME], quoting a name with other characters ([contexts.\"NAME\"])")
        // After a byte-order mark, a first line "[" + a non-ASCII character aborted toml++ (the
        // fuzzer's third finding, CI seed 1); a file with a BOM is otherwise read as without.
        for text in ["\u{FEFF}[\u{FFFD}\u{FFFD}", "\u{FEFF}[[\u{E9}]]", "\u{FEFF}[ \u{E9}]"] {
            #expect(parse(text).failure?.description.hasPrefix("c.toml:1: a table header's name must start with") == true, "\(text.debugDescription)")
        }
        // toml++ skips one mark, as the check does; a second one is toml++'s syntax error.
        for text in ["\u{FEFF}\u{FEFF}[\u{FFFD}", "\u{FEFF}\u{FEFF}\u{FEFF}[\u{E9}"] {
            #expect(parse(text).failure?.description.hasPrefix("c.toml:1: Error while parsing") == true, "\(text.debugDescription)")
        }
        #expect((try? parse("\u{FEFF}interval = 15\r\n").get())?.interval == 15)
        // A line starting with "[" inside a multi-line string is text, not a header.
        #expect(parse("[contexts.a]\nurl = \"http://a:4000\"\npods_command = \"\"\"\n[)\n\"\"\"\n").failure == nil)
        // Found as toml++ finds headers: a multi-line literal string, a "\"\"\"" inside a
        // comment or a single-line string (not the start of a multi-line one), an escaped
        // quote, a line-ending backslash, `""""` closing with a quote inside, an array that
        // spans lines.
        #expect(parse("[contexts.a]\nurl = \"http://a:4000\"\npods_command = \'\'\'\n[ ! -f x ] && echo\n\'\'\'\n").failure == nil)
        #expect(parse("[contexts.a]\nurl = \"http://a:4000\"\npods_command = \"\"\"\\\n[ ! -f x ]\\\"\"\"\n[)\n\"\"\"\n").failure == nil)
        #expect(parse("[contexts.a]\nurl = \"http://a:4000\"\npods = [\n  \"http://b:4000\", # ]\n]\n").failure == nil)
        for text in ["# \"\"\"\n[)\n", "x = \"\\\"\"\"\"\n[)\n", "x = \"\"\"a\"\"\"\"\n[)\n", "x = \'\'\'a\'\'\'\'\'\n[)\n", "x = [\n1]\n[)\n"] {
            #expect(parse(text).failure?.description.contains("a table header's name must start with a letter, a digit, _, - or a quote, not \")\"") == true, "\(text.debugDescription)")
        }
        // The theme rule of `--theme` (`ThemeCatalog.referenceProblem`), with the line.
        #expect(parse("\ntheme = \"../../etc/passwd\"").failure?.description.hasPrefix(
            "c.toml:2: theme: \"../../etc/passwd\" is neither a theme name (letters, digits, - and _, e.g. nord) nor a path ending in .toml") == true)
        #expect((try? parse("theme = \"/etc/synctop/ops.toml\"").get())?.theme == "/etc/synctop/ops.toml")
    }

    @Test func remappingReplacesTheDefaultKeys() throws {
        let c = try parse("""
        [keys.dashboard]
        reload = "R"
        poll_now = "p Ctrl-P F5"
        [keys.models]
        filter = "f"
        """).get()
        let dash = c.keyMaps[.dashboard]
        #expect(dash.action(for: .char("R")) == .reload)
        #expect(dash.action(for: .char("r")) == nil, "the default key is gone")
        #expect(dash.action(for: .char("p")) == .pollNow && dash.action(for: .ctrl("p")) == .pollNow && dash.action(for: .function(5)) == .pollNow)
        #expect(dash.action(for: .ctrl("r")) == nil)
        #expect(c.keyMaps[.models].action(for: .char("f")) == .filter && c.keyMaps[.models].action(for: .char("/")) == nil)
        #expect(c.keyMaps[.mappings].action(for: .char("/")) == .filter, "other views keep their keys")

        // In the running UI: the new key acts, the old one does not, help and footer say so.
        var s = Scenarios.polled(Scenarios.snapshot(), size: ScreenSize(width: 120, height: 40))
        s.config.keyMaps = c.keyMaps
        _ = update(&s, .key(.char("r")))
        #expect(s.dialog == nil)
        _ = update(&s, .key(.char("R")))
        #expect(s.dialog == .confirm(.reload(.costMap)))
        _ = update(&s, .key(.escape))
        #expect(view(s).text.contains(" R reload "))
        _ = update(&s, .key(.char("?")))
        #expect(view(s).text.contains("p ^P F5"))
    }

    @Test func conflictsAndUnknownsAreRefused() {
        #expect(parse("[keys.dashboard]\nreload = \"e\"").failure?.description == "c.toml:2: e is bound to both reload and edit_interval in the dashboard view")
        #expect(parse("[keys.dashboard]\n\nlaunch = \"L\"").failure?.description == "c.toml:3: unknown action \"launch\"")
        #expect(parse("[keys.history]\nfilter = \"f\"").failure?.description.hasPrefix("c.toml:2: the history view has no action \"filter\" (it has: cycle_job_filter,") == true)
        #expect(parse("[keys.models]\nfilter = \"Hyper-F\"").failure?.description == "c.toml:2: filter: unknown key name \"Hyper-F\"")
        #expect(parse("[keys.models]\nfilter = 3").failure?.description == "c.toml:2: filter: keys are given as text, e.g. filter = \"R\"")
        #expect(parse("[keys.models]\nfilter = \"\"").failure?.description == "c.toml:2: no key given for filter")
    }

    @Test func keyNames() {
        let cases: [(String, Key)] = [("x", .char("x")), ("R", .char("R")), ("Ctrl-r", .ctrl("r")), ("^R", .ctrl("r")), ("C-x", .ctrl("x")),
                                      ("F5", .function(5)), ("enter", .enter), ("Esc", .escape), ("S-Tab", .backTab), ("Space", .char(" ")),
                                      ("PgDn", .pageDown), ("Home", .home), ("/", .char("/"))]
        for (name, key) in cases { #expect(Key.named(name) == key, "\(name)") }
        for bad in ["", "Ctrl-", "Ctrl-rr", "F13", "F0", "Hyper-x", "^1"] { #expect(Key.named(bad) == nil, "\(bad)") }
    }

    @Test func defaultPath() {
        #expect(ConfigFile.defaultPath(environment: ["XDG_CONFIG_HOME": "/c", "HOME": "/h"]) == "/c/synctop/config.toml")
        #expect(ConfigFile.defaultPath(environment: ["XDG_CONFIG_HOME": "rel", "HOME": "/h"]) == "/h/.config/synctop/config.toml")
        #expect(ConfigFile.defaultPath(environment: [:], passwordHome: { nil }) == nil, "no HOME, no home in the password database")
        #expect(ConfigFile.defaultPath(environment: [:], passwordHome: { "/home/pw" }) == "/home/pw/.config/synctop/config.toml")
    }
}

import ArgumentParser
import ConsoleUI
import CursesTerminal
import ProxyAdmin
#if canImport(Glibc)
import Glibc
#endif

/// `synctop info`: every path synctop reads or writes, what the terminal can do, and each
/// effective setting with where it came from. The key is masked; nothing is sent.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show the paths synctop uses, the terminal's capabilities and each effective setting with its origin.",
        discussion: "Takes the same options as the dashboard, to show what they resolve to. Sends nothing to the proxy."
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var options: DashboardOptions
    @OptionGroup var mappingSource: MappingSourceOptions

    @Flag(help: "Write JSON: {\"version\", \"settings\": {\"url\": {\"value\", \"origin\"}, ...}, \"paths\": {\"history\": {\"path\", \"state\", \"use\"}, ...}, \"terminal\": {...}}.")
    var json = false

    /// One setting: its JSON key, its label in the text, its value and where it came from;
    /// `problem` when it cannot be used (a key file that does not exist).
    struct Row {
        var key: String, label: String, value: String, origin: String
        var problem: String? = nil
        init(_ key: String, _ label: String, _ value: String, _ origin: String, problem: String? = nil) {
            (self.key, self.label, self.value, self.origin, self.problem) = (key, label, value, origin, problem)
        }
    }

    /// One path: its JSON key, its label, the path (nil: none, `state` says why) and its state.
    struct PathRow {
        var key: String, label: String, use: String, path: String?, state: String
        init(_ key: String, _ label: String, _ use: String, _ path: String?, _ state: String) {
            (self.key, self.label, self.use, self.path, self.state) = (key, label, use, path, state)
        }
    }

    func run() throws {
        let env = Environment.all()
        // A key file that does not exist is reported below, not an exit: info is where one
        // looks to find out why the key is not found.
        let settings = try connection.settings(warnKeyInClear: false, tolerateMissingKeyFile: true)
        let file = try connection.loadConfig()
        let args = CommandLine.arguments
        func given(_ flag: String) -> Bool { args.contains { $0 == flag || $0.hasPrefix(flag + "=") } }
        /// Flag, else the config file (when it set this), else the default.
        func origin(_ flag: String, inConfig: Bool) -> String {
            if given(flag) { return "flag \(flag)" }
            if inConfig { return "config file \(file.path ?? "")" }
            return "default"
        }
        let keyOrigin = settings.apiKey == nil && settings.missingKeyFile == nil ? "none found"
            : [settings.keyOrigin == .flag ? "flag --key-file" : settings.keyOrigin.rawValue, settings.keySourceName].compactMap { $0 }.joined(separator: " ")
        let keyProblem = settings.missingKeyFile.map { "key file \($0) does not exist" }
        let urlOrigin: String = switch settings.urlOrigin {
        case .flag: "flag --url"
        case .environment: "environment LITELLM_PROXY_URL"
        case .synctopConfig: "config file \(file.path ?? "")"
        case .configFile: "LiteLLM's config file ~/.litellm/config.json"
        default: "default"
        }
        let noColorEnv = !(env["NO_COLOR"] ?? "").isEmpty
        let beta = mappingSource.source(config: file)
        var rows: [Row] = [
            file.path.map { Row("config_file", "config file", $0, Self.state(of: $0)) } ?? {
                let found = Self.under(UserDirectory.resolve(.config, environment: env), "/synctop/config.toml")
                return Row("config_file", "config file", found.path ?? "—", found.state)
            }(),
            Row("url", "proxy URL", settings.proxyName, urlOrigin),
            Row("api_key", "API key", keyProblem == nil ? settings.maskedKey : "missing", keyOrigin, problem: keyProblem),
            Row("interval", "poll interval", "\(options.interval(file)) s", origin("--interval", inConfig: file.interval != nil)),
            Row("timeout", "request timeout", "\(try connection.timeoutSeconds()) s", origin("--timeout", inConfig: file.timeout != nil)),
            Row("theme", "theme", options.theme(file), origin("--theme", inConfig: file.theme != nil)),
            Row("colour", "colour", options.noColor(file) || noColorEnv ? "off" : "on",
                given("--no-color") ? "flag --no-color" : noColorEnv ? "environment NO_COLOR" : origin("--no-color", inConfig: file.noColor != nil)),
            Row("unicode", "unicode", options.noUnicode(file) ? "off (ASCII)" : "on", origin("--no-unicode", inConfig: file.noUnicode != nil)),
            Row("read_only", "read-only", options.readOnly(file) ? "yes" : "no", origin("--read-only", inConfig: file.readOnly != nil)),
            Row("beta_header_mapping", "beta-header mapping", Self.where(beta.location), beta.origin == .defaultValue ? "default" : beta.origin.rawValue),
            Row("key_bindings", "key bindings", file.keyMaps == .standard ? "as shipped" : "remapped", file.keyMaps == .standard ? "default" : "config file \(file.path ?? "")"),
        ]
        if let ca = connection.caFile { rows.append(Row("ca_file", "CA file", ca, "flag --ca-file")) }

        let history = Self.under(UserDirectory.resolve(.state, environment: env), "/synctop/history.jsonl")
        let snapshots = Self.under(UserDirectory.resolve(.cache, environment: env), "/synctop") { root in
            let store = CostMapSnapshotStore(root: root, proxyURL: settings.proxyName)
            return (store.directory, "\(store.list().count) kept, newest \(store.keep) stay")
        }
        let themes = Self.under(UserDirectory.resolve(.config, environment: env), "/synctop/themes")
        let litellm = Self.under(UserDirectory.home(environment: env), "/.litellm/config.json")
        var paths: [PathRow] = [
            PathRow("history", "history", "written", history.path, history.state),
            PathRow("cost_map_snapshots", "cost-map snapshots", "written", snapshots.path, snapshots.state),
            PathRow("user_themes", "user themes", "read", themes.path, themes.state),
            PathRow("litellm_cli_config", "LiteLLM CLI config", "read for base_url", litellm.path, litellm.state),
        ]
        if case .file(let path) = beta.location { paths.append(PathRow("beta_header_mapping", "beta-header mapping", "read", path, Self.state(of: path))) }
        if let keyFile = settings.missingKeyFile ?? connection.keyFile {
            paths.append(PathRow("key_file", "key file", "read", keyFile, settings.missingKeyFile != nil ? "missing" : Self.state(of: keyFile)))
        }

        let caps = TerminalCapabilities.probe(environment: env)
        if json {
            printOut(Self.json(rows, paths, caps).rendered(pretty: true))
        } else {
            printOut(Self.text(rows, paths, caps), terminator: "")
        }
        if let keyProblem { printError("synctop: warning: \(keyProblem); commands that send the key stop on it (exit 64)") }
    }

    static func `where`(_ location: BetaHeaderSource.Location) -> String {
        switch location {
        case .file(let path): path
        case .url(let url): url
        case .bundled: "synctop's bundled copy (LiteLLM 1.109.1's file)"
        }
    }

    /// A path in a user folder and its state; or no path and why there is none
    /// (`UserDirectory`). `describe` turns the folder + `tail` into the path shown and its state.
    static func under(_ folder: Result<UserDirectory.Location, UserDirectory.Unavailable>, _ tail: String,
                      describe: (String) -> (String, String) = { ($0, state(of: $0)) }) -> (path: String?, state: String) {
        switch folder {
        case .failure(let why):
            return (nil, "\(why)")
        case .success(let folder):
            let (path, state) = describe(folder.path + tail)
            // Without HOME, say where the folder came from instead.
            return (path, folder.origin.hasPrefix("HOME is not set") ? "\(state); \(folder.origin)" : state)
        }
    }

    static func state(of path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return errno == ENOENT ? "does not exist yet" : String(cString: strerror(errno)) }
        if info.st_mode & S_IFMT == S_IFDIR { return "folder" }
        return "exists, \(ModelNumberText.grouped(Int(info.st_size))) bytes"
    }

    static func colourText(_ c: TerminalCapabilities) -> String {
        if let problem = c.problem { return "none (\(problem))" }
        var text = "\(c.depth) (terminfo colors=\(c.colors)\(c.rgb ? ", RGB" : ""))"
        if c.noColorVariable { text += "; NO_COLOR is set" }
        return text
    }

    static func text(_ rows: [Row], _ paths: [PathRow], _ c: TerminalCapabilities) -> String {
        var out = "synctop \(SynctopVersion.current)\n"
        out += "Settings (value, then where it came from)\n"
        let w1 = rows.map { $0.label.count }.max() ?? 0
        for r in rows { out += "  \(r.label.padding(w1 + 2))\(r.value)\(r.problem.map { ": \($0)" } ?? "")  (\(r.origin))\n" }
        out += "Paths\n"
        let labels = paths.map { "\($0.label) (\($0.use))" }
        let w2 = labels.map(\.count).max() ?? 0
        for (label, p) in zip(labels, paths) { out += "  \(label.padding(w2 + 2))\(p.path ?? "—")  (\(p.state))\n" }
        out += "Terminal\n"
        out += "  TERM      \(c.term ?? "(not set)")\n"
        out += "  output    \(c.stdoutIsTerminal ? "a terminal" : "not a terminal (the dashboard needs one)")\n"
        out += "  colours   \(colourText(c))\n"
        out += "  encoding  \(c.utf8 ? "UTF-8" : "not UTF-8: lines and symbols are drawn in ASCII")\n"
        return out
    }

    static func json(_ rows: [Row], _ paths: [PathRow], _ c: TerminalCapabilities) -> JSONValue {
        .object([
            ("version", .string(SynctopVersion.current)),
            ("settings", .object(rows.map { r in
                var pairs: [(String, JSONValue)] = [("value", .string(r.value)), ("origin", .string(r.origin))]
                if let problem = r.problem { pairs.append(("problem", .string(problem))) }
                return (r.key, .object(pairs))
            })),
            ("paths", .object(paths.map { p in
                (p.key, .object([("path", .optional(p.path)), ("state", .string(p.state)), ("use", .string(p.use))]))
            })),
            ("terminal", .object([
                ("term", .optional(c.term)), ("stdout_is_terminal", .bool(c.stdoutIsTerminal)), ("colors", .int(c.colors)),
                ("rgb", .bool(c.rgb)), ("depth", .string(c.depth.description)), ("utf8", .bool(c.utf8)),
                ("no_color", .bool(c.noColorVariable)), ("problem", .optional(c.problem)),
            ])),
        ])
    }
}

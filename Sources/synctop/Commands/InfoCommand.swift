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

    @Flag(help: "Write JSON: {\"settings\": [{name, value, origin}], \"paths\": [{name, path, state}], \"terminal\": {...}}.")
    var json = false

    func run() throws {
        let env = Environment.all()
        let settings = try connection.settings(warnKeyInClear: false)
        let file = try connection.loadConfig()
        let args = CommandLine.arguments
        func given(_ flag: String) -> Bool { args.contains { $0 == flag || $0.hasPrefix(flag + "=") } }
        /// Flag, else the config file (when it set this), else the default.
        func origin(_ flag: String, inConfig: Bool) -> String {
            if given(flag) { return "flag \(flag)" }
            if inConfig { return "config file \(file.path ?? "")" }
            return "default"
        }
        let keyOrigin = settings.apiKey == nil ? "none found"
            : [settings.keyOrigin.rawValue, settings.keySourceName].compactMap { $0 }.joined(separator: " ")
        let urlOrigin: String = switch settings.urlOrigin {
        case .flag: "flag --url"
        case .environment: "environment LITELLM_PROXY_URL"
        case .synctopConfig: "config file \(file.path ?? "")"
        case .configFile: "LiteLLM's config file ~/.litellm/config.json"
        default: "default"
        }
        let noColorEnv = !(env["NO_COLOR"] ?? "").isEmpty
        let beta = mappingSource.source(config: file)
        var rows: [(String, String, String)] = [
            file.path.map { ("config file", $0, Self.state(of: $0)) } ?? {
                let found = Self.under(UserDirectory.resolve(.config, environment: env), "/synctop/config.toml")
                return ("config file", found.path ?? "—", found.state)
            }(),
            ("proxy URL", settings.proxyName, urlOrigin),
            ("API key", settings.maskedKey, keyOrigin),
            ("poll interval", "\(options.interval(file)) s", origin("--interval", inConfig: file.interval != nil)),
            ("request timeout", "\(try connection.timeoutSeconds()) s", origin("--timeout", inConfig: file.timeout != nil)),
            ("theme", options.theme(file), origin("--theme", inConfig: file.theme != nil)),
            ("colour", options.noColor(file) || noColorEnv ? "off" : "on",
             given("--no-color") ? "flag --no-color" : noColorEnv ? "environment NO_COLOR" : origin("--no-color", inConfig: file.noColor != nil)),
            ("unicode", options.noUnicode(file) ? "off (ASCII)" : "on", origin("--no-unicode", inConfig: file.noUnicode != nil)),
            ("read-only", options.readOnly(file) ? "yes" : "no", origin("--read-only", inConfig: file.readOnly != nil)),
            ("beta-header mapping", Self.where(beta.location), beta.origin == .defaultValue ? "default" : beta.origin.rawValue),
            ("key bindings", file.keyMaps == .standard ? "as shipped" : "remapped", file.keyMaps == .standard ? "default" : "config file \(file.path ?? "")"),
        ]
        if let ca = connection.caFile { rows.append(("CA file", ca, "flag --ca-file")) }

        let history = Self.under(UserDirectory.resolve(.state, environment: env), "/synctop/history.jsonl")
        let snapshots = Self.under(UserDirectory.resolve(.cache, environment: env), "/synctop") { root in
            let store = CostMapSnapshotStore(root: root, proxyURL: settings.proxyName)
            return (store.directory, "\(store.list().count) kept, newest \(store.keep) stay")
        }
        let themes = Self.under(UserDirectory.resolve(.config, environment: env), "/synctop/themes")
        let litellm = Self.under(UserDirectory.home(environment: env), "/.litellm/config.json")
        var paths: [(String, String?, String)] = [
            ("history (written)", history.path, history.state),
            ("cost-map snapshots (written)", snapshots.path, snapshots.state),
            ("user themes (read)", themes.path, themes.state),
            ("LiteLLM CLI config (read for base_url)", litellm.path, litellm.state),
        ]
        if case .file(let path) = beta.location { paths.append(("beta-header mapping (read)", path, Self.state(of: path))) }
        if let keyFile = connection.keyFile { paths.append(("key file (read)", keyFile, Self.state(of: keyFile))) }

        let caps = TerminalCapabilities.probe(environment: env)
        if json {
            printOut(Self.json(rows, paths, caps).rendered(pretty: true))
        } else {
            printOut(Self.text(rows, paths, caps), terminator: "")
        }
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

    static func text(_ rows: [(String, String, String)], _ paths: [(String, String?, String)], _ c: TerminalCapabilities) -> String {
        var out = "Settings (value, then where it came from)\n"
        let w1 = rows.map { $0.0.count }.max() ?? 0
        for (name, value, origin) in rows { out += "  \(name.padding(w1 + 2))\(value)  (\(origin))\n" }
        out += "Paths\n"
        let w2 = paths.map { $0.0.count }.max() ?? 0
        for (name, path, state) in paths { out += "  \(name.padding(w2 + 2))\(path ?? "—")  (\(state))\n" }
        out += "Terminal\n"
        out += "  TERM      \(c.term ?? "(not set)")\n"
        out += "  output    \(c.stdoutIsTerminal ? "a terminal" : "not a terminal (the dashboard needs one)")\n"
        out += "  colours   \(colourText(c))\n"
        out += "  encoding  \(c.utf8 ? "UTF-8" : "not UTF-8: lines and symbols are drawn in ASCII")\n"
        return out
    }

    static func json(_ rows: [(String, String, String)], _ paths: [(String, String?, String)], _ c: TerminalCapabilities) -> JSONValue {
        .object([
            ("settings", .array(rows.map { .object([("name", .string($0.0)), ("value", .string($0.1)), ("origin", .string($0.2))]) })),
            ("paths", .array(paths.map { .object([("name", .string($0.0)), ("path", .optional($0.1)), ("state", .string($0.2))]) })),
            ("terminal", .object([
                ("term", .optional(c.term)), ("stdout_is_terminal", .bool(c.stdoutIsTerminal)), ("colors", .int(c.colors)),
                ("rgb", .bool(c.rgb)), ("depth", .string(c.depth.description)), ("utf8", .bool(c.utf8)),
                ("no_color", .bool(c.noColorVariable)), ("problem", .optional(c.problem)),
            ])),
        ])
    }
}

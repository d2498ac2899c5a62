import ProxyAdmin

/// `$XDG_CONFIG_HOME/synctop/config.toml` (else `~/.config/synctop/config.toml`): every
/// dashboard option, and key remapping per view. A TOML subset: `# comments`,
/// `key = "text" | 123 | true`, and `[keys.<view>]` tables of `action = "key [key…]"`.
/// Flags and environment variables win over it; it wins over the defaults.
public struct ConfigFile: Equatable, Sendable {
    public var url: String?
    public var keyFile: String?
    public var interval: Int?
    public var timeout: Int?
    public var theme: String?
    public var noColor: Bool?
    public var noUnicode: Bool?
    public var readOnly: Bool?
    public var mouse: Bool?
    public var betaHeadersURL: String?
    public var betaHeadersFile: String?
    public var keyMaps = KeyMaps.standard
    /// Unknown settings: kept out, and said (a typo must not pass silently).
    public var warnings: [String] = []
    public var path: String?

    public init() {}

    public static let settingNames = ["url", "key_file", "interval", "timeout", "theme", "no_color", "no_unicode", "read_only",
                                      "mouse", "beta_headers_url", "beta_headers_file"]

    /// nil when there is no config folder (`UserDirectory`): then there is no config file.
    public static func defaultPath(environment: [String: String],
                                   passwordHome: () -> String? = UserDirectory.systemPasswordHome) -> String? {
        (try? UserDirectory.resolve(.config, environment: environment, passwordHome: passwordHome).get()).map { $0.path + "/synctop/config.toml" }
    }

    /// Parses the file's text; the first error stops it, naming file and line.
    public static func parse(_ source: String, file: String) -> Result<ConfigFile, ConfigError> {
        var config = ConfigFile()
        config.path = file
        var section = ""
        for (lineNo, line) in TOMLSubset.lines(source) {
            func fail(_ why: String) -> Result<ConfigFile, ConfigError> { .failure(ConfigError(file: file, line: lineNo, message: why)) }
            let key: String, text: String, value: TOMLSubset.Value
            switch line {
            case .badSection(let l): return fail("malformed section \(l)")
            case .noEquals(let l): return fail("expected key = value, found \(l)")
            case .section(let name):
                let parts = name.split(separator: ".")
                guard parts.count == 2, parts[0] == "keys", KeyMaps.viewNames.contains(String(parts[1])) else {
                    return fail("unknown section [\(name)] (sections: \(KeyMaps.viewNames.map { "[keys.\($0)]" }.joined(separator: ", ")))")
                }
                section = name
                continue
            case .pair(let k, let v, let raw):
                guard let v else { return fail("\(k): expected \"text\", a number, true or false, found \(raw)") }
                (key, text, value) = (k, raw, v)
            }
            if !section.isEmpty {
                let view = String(section.dropFirst("keys.".count))
                guard case .text(let names) = value else { return fail("\(key): keys are given as text, e.g. \(key) = \"R\"") }
                var keys: [Key] = []
                for name in names.split(separator: " ") {
                    guard let k = Key.named(String(name)) else { return fail("\(key): unknown key name \"\(name)\"") }
                    keys.append(k)
                }
                if let problem = config.keyMaps.rebind(view: view, action: key, keys: keys) { return fail(problem) }
                continue
            }
            switch (key, value) {
            case ("url", .text(let s)): config.url = s
            case ("key_file", .text(let s)): config.keyFile = s
            case ("theme", .text(let s)):
                if let problem = ThemeCatalog.referenceProblem(s) { return fail("theme: \(problem)") }
                config.theme = s
            case ("beta_headers_url", .text(let s)): config.betaHeadersURL = s
            case ("beta_headers_file", .text(let s)): config.betaHeadersFile = s
            case ("interval", .number(let n)):
                guard n >= 2 else { return fail("interval must be at least 2 seconds") }
                config.interval = n
            case ("timeout", .number(let n)):
                guard (1...300).contains(n) else { return fail("timeout must be 1 to 300 seconds") }
                config.timeout = n
            case ("no_color", .flag(let b)): config.noColor = b
            case ("no_unicode", .flag(let b)): config.noUnicode = b
            case ("read_only", .flag(let b)): config.readOnly = b
            case ("mouse", .flag(let b)): config.mouse = b
            case _ where settingNames.contains(key):
                return fail("\(key) has the wrong type of value (\(text))")
            default:
                config.warnings.append("\(file):\(lineNo): unknown setting \"\(key)\" ignored (settings: \(settingNames.joined(separator: ", ")))")
            }
        }
        return .success(config)
    }
}

public struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): \(message)" }
}

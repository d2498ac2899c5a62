import ProxyAdmin
import TOMLKit

/// `$XDG_CONFIG_HOME/synctop/config.toml` (else `~/.config/synctop/config.toml`): every
/// dashboard option, key remapping per view (`[keys.<view>]` tables of `action = "key
/// [key…]"`), and the proxies an operator switches between (`[contexts.NAME]`).
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
    /// Where synctop fetches the cost map for a reload preview, when the proxy's own
    /// source URL is out of its reach (another network).
    public var costMapURL: String?
    public var betaHeadersFile: String?
    public var keyMaps = KeyMaps.standard
    /// `[contexts.NAME]`, in the order written; `current_context` names the default one.
    public var contexts: [ContextConfig] = []
    public var currentContext: String?
    /// Unknown settings: kept out, and said (a typo must not pass silently).
    public var warnings: [String] = []
    public var path: String?

    public init() {}

    public static let settingNames = ["url", "key_file", "interval", "timeout", "theme", "no_color", "no_unicode", "read_only",
                                      "mouse", "beta_headers_url", "beta_headers_file", "cost_map_url"]

    /// nil when there is no config folder (`UserDirectory`): then there is no config file.
    public static func defaultPath(environment: [String: String],
                                   passwordHome: () -> String? = UserDirectory.systemPasswordHome) -> String? {
        (try? UserDirectory.resolve(.config, environment: environment, passwordHome: passwordHome).get()).map { $0.path + "/synctop/config.toml" }
    }

    /// Parses the file's text (any valid TOML, read by TOMLKit); the first problem stops
    /// it, naming the file, the line and the key.
    public static func parse(_ source: String, file: String) -> Result<ConfigFile, ConfigError> {
        let doc: TOMLDocument
        do throws(TOMLDocument.Problem) {
            doc = try TOMLDocument(source, file: file)
        } catch {
            return .failure(ConfigError(file: file, line: error.line, message: error.message))
        }
        var config = ConfigFile()
        config.path = file
        do throws(ConfigError) {
            try config.read(doc)
        } catch {
            return .failure(error)
        }
        return .success(config)
    }

    private mutating func read(_ doc: TOMLDocument) throws(ConfigError) {
        let root = doc.root
        for key in doc.order(root.keys) {
            let value = root[key]!
            let line = doc.line(of: key)
            func fail(_ why: String) -> ConfigError { ConfigError(file: doc.file, line: line, message: why) }
            func wrongType(_ expected: TOMLType) -> ConfigError {
                fail("\(key) has the wrong type of value (\(doc.rawValue(at: line))): expected \(expected.words)")
            }
            switch key {
            case "url": url = try Self.text(value, or: wrongType(.string))
            case "key_file": keyFile = try Self.text(value, or: wrongType(.string))
            case "theme":
                let name = try Self.text(value, or: wrongType(.string))
                if let problem = ThemeCatalog.referenceProblem(name) { throw fail("theme: \(problem)") }
                theme = name
            case "beta_headers_url": betaHeadersURL = try Self.text(value, or: wrongType(.string))
            case "cost_map_url": costMapURL = try Self.text(value, or: wrongType(.string))
            case "beta_headers_file": betaHeadersFile = try Self.text(value, or: wrongType(.string))
            case "interval":
                let n = try Self.number(value, or: wrongType(.int))
                guard n >= 2 else { throw fail("interval must be at least 2 seconds") }
                interval = n
            case "timeout":
                let n = try Self.number(value, or: wrongType(.int))
                guard (1...300).contains(n) else { throw fail("timeout must be 1 to 300 seconds") }
                timeout = n
            case "no_color": noColor = try Self.flag(value, or: wrongType(.bool))
            case "no_unicode": noUnicode = try Self.flag(value, or: wrongType(.bool))
            case "read_only": readOnly = try Self.flag(value, or: wrongType(.bool))
            case "mouse": mouse = try Self.flag(value, or: wrongType(.bool))
            case "current_context": currentContext = try Self.text(value, or: wrongType(.string))
            case "keys":
                guard let views = value.table else { throw wrongType(.table) }
                try readKeys(views, doc)
            case "contexts":
                guard let table = value.table else { throw wrongType(.table) }
                for name in doc.order(table.keys, in: ["contexts"]) {
                    guard let entry = table[name]?.table else {
                        throw ConfigError(file: doc.file, line: doc.line(of: name, in: ["contexts"]),
                                          message: "contexts.\(name) must be a table: [contexts.\(name)] with url = \"…\"")
                    }
                    contexts.append(try ContextConfig.read(name, entry, doc))
                }
            default:
                if value.table != nil {
                    throw fail("unknown section [\(key)] (sections: \(KeyMaps.viewNames.map { "[keys.\($0)]" }.joined(separator: ", ")), [contexts.NAME])")
                }
                warnings.append("\(doc.file):\(line): unknown setting \"\(key)\" ignored (settings: \(Self.settingNames.joined(separator: ", ")))")
            }
        }
        if let current = currentContext, !contexts.contains(where: { $0.name == current }) {
            throw ConfigError(file: doc.file, line: doc.line(of: "current_context"),
                              message: "current_context \"\(current)\" is not one of the contexts (\(contexts.map(\.name).joined(separator: ", ")))")
        }
    }

    private mutating func readKeys(_ views: TOMLTable, _ doc: TOMLDocument) throws(ConfigError) {
        for view in doc.order(views.keys, in: ["keys"]) {
            let headerLine = doc.line(of: view, in: ["keys"])
            guard KeyMaps.viewNames.contains(view), let actions = views[view]?.table else {
                throw ConfigError(file: doc.file, line: headerLine,
                                  message: "unknown section [keys.\(view)] (sections: \(KeyMaps.viewNames.map { "[keys.\($0)]" }.joined(separator: ", ")))")
            }
            for action in doc.order(actions.keys, in: ["keys", view]) {
                let line = doc.line(of: action, in: ["keys", view])
                func fail(_ why: String) -> ConfigError { ConfigError(file: doc.file, line: line, message: why) }
                guard let names = actions[action]?.string else { throw fail("\(action): keys are given as text, e.g. \(action) = \"R\"") }
                var keys: [Key] = []
                for name in names.split(separator: " ") {
                    guard let k = Key.named(String(name)) else { throw fail("\(action): unknown key name \"\(name)\"") }
                    keys.append(k)
                }
                if let problem = keyMaps.rebind(view: view, action: action, keys: keys) { throw fail(problem) }
            }
        }
    }

    static func text(_ value: any TOMLValueConvertible, or error: ConfigError) throws(ConfigError) -> String {
        guard let s = value.string else { throw error }
        return s
    }

    static func number(_ value: any TOMLValueConvertible, or error: ConfigError) throws(ConfigError) -> Int {
        guard value.type == .int, let n = value.int else { throw error }
        return n
    }

    static func flag(_ value: any TOMLValueConvertible, or error: ConfigError) throws(ConfigError) -> Bool {
        guard let b = value.bool else { throw error }
        return b
    }
}

public struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): \(message)" }
}

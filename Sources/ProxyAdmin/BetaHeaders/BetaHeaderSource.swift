/// Where synctop reads the mapping. The proxy does not expose the mapping it loaded, so
/// synctop reads the source the proxy reads, and remembers why it chose it (for the
/// screen and `--json`). Order: `--beta-headers-file`, `--beta-headers-url`,
/// `LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS=true` (the proxy then uses its bundled copy, so
/// synctop does too), `LITELLM_ANTHROPIC_BETA_HEADERS_URL`, LiteLLM's default URL.
public struct BetaHeaderSource: Sendable, Equatable, CustomStringConvertible {
    public enum Location: Sendable, Equatable {
        case file(String)
        case url(String)
        /// The copy compiled into synctop (`BundledBetaHeaders`).
        case bundled
    }

    public enum Origin: String, Sendable, Equatable {
        case fileFlag = "--beta-headers-file"
        case urlFlag = "--beta-headers-url"
        case localOnlyEnvironment = "LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS"
        case urlEnvironment = "LITELLM_ANTHROPIC_BETA_HEADERS_URL"
        case configFile = "config.toml"
        case defaultValue = "default"
        /// A command argument (`mappings diff OLD NEW`).
        case argument
    }

    public var location: Location
    public var origin: Origin

    /// `litellm.anthropic_beta_headers_url`'s default (litellm/__init__.py).
    public static let defaultURL = "https://raw.githubusercontent.com/BerriAI/litellm/main/litellm/anthropic_beta_headers_config.json"
    public static let urlVariable = "LITELLM_ANTHROPIC_BETA_HEADERS_URL"
    public static let localOnlyVariable = "LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS"

    public init(location: Location, origin: Origin) {
        self.location = location
        self.origin = origin
    }

    /// Pure: flags and environment are passed in. An empty flag or variable counts as unset.
    public static func resolve(fileFlag: String?, urlFlag: String?, environment: [String: String]) -> BetaHeaderSource {
        if let path = fileFlag, !path.isEmpty { return .init(location: .file(path), origin: .fileFlag) }
        if let url = urlFlag, !url.isEmpty { return .init(location: .url(url), origin: .urlFlag) }
        // LiteLLM: os.getenv("LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS", "").lower() == "true".
        if environment[localOnlyVariable]?.lowercased() == "true" { return .init(location: .bundled, origin: .localOnlyEnvironment) }
        if let url = environment[urlVariable], !url.isEmpty { return .init(location: .url(url), origin: .urlEnvironment) }
        return .init(location: .url(defaultURL), origin: .defaultValue)
    }

    /// A `diff` argument: an http(s) URL, else a file path.
    public static func argument(_ text: String) -> BetaHeaderSource {
        let lower = text.lowercased()
        let isURL = lower.hasPrefix("http://") || lower.hasPrefix("https://")
        return .init(location: isURL ? .url(text) : .file(text), origin: .argument)
    }

    /// The path, the URL or "bundled copy (LiteLLM 1.109.1)".
    public var locationText: String {
        switch location {
        case .file(let path): path
        case .url(let url): url
        case .bundled: "bundled copy (LiteLLM \(BundledBetaHeaders.litellmVersion))"
        }
    }

    /// "https://… (default)", "./m.json (--beta-headers-file)".
    public var description: String {
        origin == .argument ? locationText : "\(locationText) (\(origin.rawValue))"
    }
}

/// Which proxy and which key, and where each came from (for `synctop info` and errors).
/// Resolution order is the issue's: URL from `--url`, `LITELLM_PROXY_URL`, `base_url` in
/// `~/.litellm/config.json` (LiteLLM's own CLI keeps it there), else localhost:4000; key
/// from `--key-file`, `LITELLM_PROXY_API_KEY`, `LITELLM_MASTER_KEY`. Never a key flag: it
/// would show in `ps` and shell history.
public struct ConnectionSettings: Equatable, Sendable {
    public enum Origin: String, Sendable, Equatable {
        case flag, environment, configFile = "config file", synctopConfig = "synctop config", defaultValue = "default", none
        /// `[contexts.NAME]` in synctop's config.
        case context
    }

    public var baseURL: String
    public var urlOrigin: Origin
    public var apiKey: String?
    public var keyOrigin: Origin
    /// e.g. "LITELLM_PROXY_API_KEY" or the key file's path.
    public var keySourceName: String?
    /// The context this came from (`--context`, `current_context`), nil without contexts.
    public var context: String?
    /// The context's `ca_file`, used when `--ca-file` is not given.
    public var caFile: String?
    /// The context's `read_only`.
    public var readOnly: Bool?
    /// The key file that was named (flag, config or context) but does not exist; only
    /// when the caller tolerates that (`synctop info`), `apiKey` is then nil.
    public var missingKeyFile: String?

    public static let defaultURL = "http://localhost:4000"

    public init(baseURL: String, urlOrigin: Origin, apiKey: String?, keyOrigin: Origin, keySourceName: String?) {
        self.baseURL = baseURL
        self.urlOrigin = urlOrigin
        self.apiKey = apiKey
        self.keyOrigin = keyOrigin
        self.keySourceName = keySourceName
    }

    /// Pure: all outside input is passed in. `readFile` returns nil when a file is absent;
    /// `readKeyFile` (default: `readFile`) reads the key file, refusing one others can read
    /// (`LocalFile.readSecret`). `tolerateMissingKeyFile`: a key file that does not exist
    /// gives no key and `missingKeyFile` instead of `keyFileMissing` (for `synctop info`,
    /// which reports it; every command that sends the key fails on it).
    public static func resolve(
        urlFlag: String?, keyFile: String?, environment: [String: String], homeDirectory: String?,
        configURL: String? = nil, configKeyFile: String? = nil, tolerateMissingKeyFile: Bool = false,
        readKeyFile: ((String) throws(SettingsError) -> String?)? = nil,
        readFile: (String) throws(SettingsError) -> String?
    ) throws(SettingsError) -> ConnectionSettings {
        var url: String
        var urlOrigin: Origin
        if let urlFlag {
            (url, urlOrigin) = (urlFlag, .flag)
        } else if let env = environment["LITELLM_PROXY_URL"], !env.isEmpty {
            (url, urlOrigin) = (env, .environment)
        } else if let configURL {
            (url, urlOrigin) = (configURL, .synctopConfig)  // synctop's config.toml: after the environment
        } else if let home = homeDirectory, let text = try readFile(home + "/.litellm/config.json"),
                  let base = LiteLLMCLIConfig.baseURL(in: text) {
            (url, urlOrigin) = (base, .configFile)
        } else {
            (url, urlOrigin) = (defaultURL, .defaultValue)
        }
        url = url.trimmingCharacters(in: " \t\r\n")
        // One spelling per proxy: snapshot folders and history are keyed by this string.
        while url.hasSuffix("/"), url.count > 8 { url.removeLast() }
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw .badURL(URLText.display(url), origin: urlOrigin)
        }
        if let bad = URLText.forbiddenCharacter(in: url) {
            throw .urlHasForbiddenCharacter(URLText.display(SafeText.escaped(url)), bad, origin: urlOrigin)
        }
        if let problem = authorityProblem(url) {
            throw .badHostOrPort(URLText.display(SafeText.escaped(url)), problem, origin: urlOrigin)
        }

        var key: String?
        var keyOrigin = Origin.none
        var keyName: String?
        var missingKeyFile: String?
        /// The key in `path`; nil when it does not exist and that is tolerated.
        func readKey(_ path: String) throws(SettingsError) -> String? {
            let text: String?
            if let readKeyFile { text = try readKeyFile(path) } else { text = try readFile(path) }
            guard let text else {
                guard tolerateMissingKeyFile else { throw .keyFileMissing(path) }
                missingKeyFile = path
                return nil
            }
            let trimmed = text.trimmingCharacters(in: " \t\r\n")
            guard !trimmed.isEmpty else { throw .keyFileEmpty(path) }
            // By scalar: "\r\n" is one Character, which `contains("\n")` does not see.
            guard !trimmed.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) else { throw .keyFileHasSeveralLines(path) }
            guard !APIKey.hasControlCharacters(trimmed) else { throw .keyHasControlCharacters(path) }
            return trimmed
        }
        if let keyFile {
            (key, keyOrigin, keyName) = (try readKey(keyFile), .flag, keyFile)
        } else {
            for name in ["LITELLM_PROXY_API_KEY", "LITELLM_MASTER_KEY"] {
                if let v = environment[name]?.trimmingCharacters(in: " \t\r\n"), !v.isEmpty {
                    // A line break inside would go into the Authorization header as is.
                    guard !APIKey.hasControlCharacters(v) else { throw .keyHasControlCharacters(name) }
                    (key, keyOrigin, keyName) = (v, .environment, name)
                    break
                }
            }
            if key == nil, let configKeyFile {
                (key, keyOrigin, keyName) = (try readKey(configKeyFile), .synctopConfig, configKeyFile)
            }
        }
        var resolved = ConnectionSettings(baseURL: url, urlOrigin: urlOrigin, apiKey: key, keyOrigin: keyOrigin, keySourceName: keyName)
        resolved.missingKeyFile = missingKeyFile
        return resolved
    }

    /// What is wrong with the host or port of an `http(s)://` URL, in words; nil when both
    /// can be used. Catches what would otherwise fail later as "unreachable": no host
    /// (`http://:80`), a port that is not 1–65535 (`http://h:99999`, `http://h:x`), a
    /// character no host name holds. User info (`user:pass@`) is skipped, never shown.
    static func authorityProblem(_ url: String) -> String? {
        guard let schemeEnd = url.firstRangeExactly(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        var authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.isEmpty { return "it names no host" }
        if HTTPTarget.hostAndPort(authority, defaultPort: 80) != nil {
            // An unbracketed host: only what a host name (RFC 3986 reg-name) may hold.
            guard !authority.hasPrefix("[") else { return nil }
            let host = authority.prefix { $0 != ":" }
            let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=%".unicodeScalars)
            if let bad = host.unicodeScalars.first(where: { $0.isASCII && !allowed.contains($0) }) {
                return "its host \"\(SafeText.escaped(String(host)))\" holds \"\(SafeText.escaped(String(bad)))\", which no host name may contain"
            }
            return nil
        }
        // Why HTTPTarget could not split it, for the message.
        let host: Substring
        var port: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return "its IPv6 address lacks the closing ]" }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return "only :port may follow the IPv6 address in [ ]" }
                port = after.dropFirst()
            }
        } else {
            let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count > 2 { return "its host holds more than one : (an IPv6 address goes in [ ], as http://[::1]:4000)" }
            host = parts[0]
            port = parts.count == 2 ? parts[1] : nil
        }
        if host.isEmpty { return "it names no host" }
        if let port {
            return port.isEmpty ? "its port is empty" : "its port \"\(SafeText.escaped(String(port)))\" is not a number from 1 to 65535"
        }
        return "its host or port cannot be read"
    }

    /// The proxy as it is shown, stored in history and keyed in snapshots: the URL with a
    /// user-info password as `***`. The transports alone get `baseURL`.
    public var proxyName: String { URLText.display(baseURL) }

    /// A key goes over plain http to a host that is not this machine: anyone on the path
    /// can read it. The header shows "key sent in clear" and commands warn once on stderr.
    public var keySentInClear: Bool {
        guard apiKey != nil, baseURL.lowercased().hasPrefix("http://") else { return false }
        guard let target = HTTPTarget.parse(baseURL) else {
            // User info or another form HTTPTarget leaves to AsyncHTTPClient: judge the host.
            let rest = baseURL.dropFirst(7).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            let host = rest.split(separator: "@").last.map { String($0.split(separator: ":").first ?? "") } ?? ""
            return !Self.isLoopback(host)
        }
        return !Self.isLoopback(target.host)
    }

    /// localhost, 127.0.0.0/8, ::1.
    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased()
        if h == "localhost" || h.hasSuffix(".localhost") || h == "::1" || h == "[::1]" { return true }
        let parts = h.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// The key as it may be shown: never in full.
    public var maskedKey: String { apiKey.map(APIKey.mask) ?? "no key" }
}

public enum SettingsError: Error, Equatable, Sendable, CustomStringConvertible {
    case badURL(String, origin: ConnectionSettings.Origin)
    /// No host, a port that is not 1–65535, a character no host holds: the reason in words.
    case badHostOrPort(String, String, origin: ConnectionSettings.Origin)
    /// CR, LF, TAB, a space or another control inside the URL: refused before any request.
    case urlHasForbiddenCharacter(String, String, origin: ConnectionSettings.Origin)
    case keyFileMissing(String)
    case keyFileEmpty(String)
    case keyFileHasSeveralLines(String)
    /// The key (from this file or variable) holds a control character.
    case keyHasControlCharacters(String)
    /// A FIFO, socket, device or folder where the key file should be; `kind` says which.
    case keyFileNotRegular(String, kind: String)
    /// Group or others may read it; `mode` is its permission bits.
    case keyFileReadableByOthers(String, mode: UInt32)
    case unreadable(String, String)
    /// A context's `key_env` names a variable that is not set.
    case contextKeyUnset(context: String, variable: String)

    public var description: String {
        switch self {
        case .badURL(let u, let o): "proxy URL \"\(u)\" (from \(o.rawValue)) must start with http:// or https://"
        case .badHostOrPort(let u, let why, let o): "proxy URL \"\(u)\" (from \(o.rawValue)) is not a URL synctop can use: \(why)"
        case .urlHasForbiddenCharacter(let u, let c, let o):
            "proxy URL \"\(u)\" (from \(o.rawValue)) holds \(c): a URL may not contain spaces, tabs or line breaks (percent-encode them)"
        case .keyFileMissing(let p): "key file \(p) does not exist"
        case .keyFileEmpty(let p): "key file \(p) is empty"
        case .keyFileHasSeveralLines(let p): "key file \(p) must hold one key on one line"
        case .keyHasControlCharacters(let p): "the key in \(p) holds a control character (a line break or tab inside it?)"
        case .keyFileNotRegular(let p, let kind):
            "key file \(p) is \(kind), not a regular file: give the path of a file that holds the key"
        case .keyFileReadableByOthers(let p, let mode):
            "key file \(p) can be read or written by group or others (mode 0\(String(mode, radix: 8))); a key must be private: run `chmod 600 \(ShellWord.quoted(p))`"
        case .unreadable(let p, let why): "cannot read \(p): \(why)"
        case .contextKeyUnset(let c, let v): "context \(c) takes its key from \(v), which is not set (export \(v)=… or use --key-file)"
        }
    }
}

/// A path as a shell reads it back: single-quoted unless it is plainly safe.
enum ShellWord {
    static func quoted(_ word: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+,:@%=".unicodeScalars)
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { safe.contains($0) }
        return plain ? word : "'" + word.replacing("'", with: "'\\''") + "'"
    }
}

public enum APIKey {
    /// Whether `key` holds a character below space or DEL: none belongs in a key, and a
    /// CR or LF would end the Authorization header early.
    public static func hasControlCharacters(_ key: String) -> Bool {
        key.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    /// `sk-master-a1b2` → `sk-…a1b2`: enough to tell keys apart, never enough to use one.
    public static func mask(_ key: String) -> String {
        if key.count >= 12 { return String(key.prefix(3)) + "…" + String(key.suffix(4)) }
        if key.count >= 6 { return "…" + String(key.suffix(2)) }
        return "…"
    }
}

/// `~/.litellm/config.json` as LiteLLM's `litellm-proxy` CLI writes it: `{"base_url": ...}`.
enum LiteLLMCLIConfig {
    static func baseURL(in text: String) -> String? {
        struct Body: Decodable { var base_url: String? }
        guard let body = try? JSONDecoderShim.decode(Body.self, from: text) else { return nil }
        return body.base_url.flatMap { $0.isEmpty ? nil : $0 }
    }
}

extension String {
    /// Trims by Unicode scalar, so "\r\n" (one Character) is trimmed as two.
    public func trimmingCharacters(in set: String) -> String {
        let drop = Set(set.unicodeScalars)
        var scalars = Substring(self).unicodeScalars[...]
        while let f = scalars.first, drop.contains(f) { scalars.removeFirst() }
        while let l = scalars.last, drop.contains(l) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}

/// Everything that can go wrong talking to the proxy, in the operator's terms. Each
/// case says what happened and what to do next; none carries the API key.
public enum ProxyError: Error, Equatable, Sendable {
    /// No TCP/TLS connection: proxy down, wrong URL, DNS, certificate.
    case unreachable(String)
    /// No answer within the deadline.
    case timeout(seconds: Int)
    /// 401, or a request sent without any key.
    case unauthorized(String)
    /// A proxy without a database knows only its master key: any other key answers
    /// `400 no_db_connection`.
    case keyRejectedWithoutDatabase
    /// 403: the key works but its role may not do this.
    case forbidden(role: String?)
    /// 500 "Database connection not available": schedules and reloads need one.
    case noDatabase
    /// 502 on a reload: the source could not be fetched; the proxy kept its data.
    case sourceUnavailable(String)
    /// Any other non-2xx answer.
    case http(status: Int, detail: String)
    /// An HTML page instead of LiteLLM's JSON: a load balancer or reverse proxy in front
    /// answered (its 502/504 page). `title` is the page's `<title>`, `server` the front.
    case frontEnd(status: Int, title: String, server: String?)
    /// A 2xx answer synctop could not read.
    case badResponse(String)
    /// `--read-only`: a write was stopped before it left synctop.
    case readOnly

    public enum Kind: Sendable { case unreachable, auth, proxy }

    public var kind: Kind {
        switch self {
        case .unreachable, .timeout: .unreachable
        case .frontEnd(let status, _, _): status >= 500 ? .unreachable : .proxy
        case .unauthorized, .keyRejectedWithoutDatabase, .forbidden, .readOnly: .auth
        case .noDatabase, .sourceUnavailable, .http, .badResponse: .proxy
        }
    }

    /// One line, for the header, the status line and `status` on stderr.
    public var summary: String {
        switch self {
        case .unreachable(let why): "proxy unreachable: \(why)"
        case .timeout(let s): "no answer within \(s) s"
        case .unauthorized(let why): why
        case .keyRejectedWithoutDatabase:
            "key not accepted: this proxy has no database, so only its master key works"
        case .forbidden(let role):
            "key role \(role ?? "unknown") may not do this: writes need proxy_admin (reads also proxy_admin_viewer)"
        case .noDatabase: "this proxy has no database: schedules and reloads need one"
        case .sourceUnavailable(let why): "the reload failed: \(Self.sourceMeaning(why)); the proxy kept its current data (\(why))"
        case .http(let status, let detail): "proxy answered \(status): \(detail)"
        case .badResponse(let why): "unreadable answer from the proxy: \(why)"
        case .frontEnd(let status, let title, let server):
            "the proxy's front answered \(title.hasPrefix(String(status)) ? title : "\(status) \(title)")\(server.map { " (\($0))" } ?? ""): "
                + Self.frontMeaning(status)
        case .readOnly: "read-only mode: nothing was sent"
        }
    }
}

extension ProxyError {
    /// LiteLLM's 502 reasons (1.109.1, 1.110.2), in words.
    static func sourceMeaning(_ why: String) -> String {
        if why.contains("integrity validation") { return "the file failed LiteLLM's integrity validation (an empty object, under 50 entries, or under half of the map bundled with its release)" }
        if why.contains("invalid JSON") { return "the file at the source is not valid JSON" }
        if why.contains("expected a JSON object") { return "the file at the source is not a JSON object" }
        if why.contains("after 3 attempts") { return "the proxy could not get the file from its source after 3 attempts" }
        if why.contains("HTTP ") { return "the source answered an HTTP error" }
        return "the proxy could not load the file from its source"
    }

    private static func frontMeaning(_ status: Int) -> String {
        switch status {
        case 502, 503: "LiteLLM behind it is down or restarting"
        case 504: "LiteLLM behind it did not answer in time"
        case 500...: "LiteLLM behind it may be down"
        default: "an HTML page, not LiteLLM's JSON (is the URL LiteLLM's?)"
        }
    }
}

extension ProxyError {
    /// The same error with the key and every registered secret (a URL's password) taken
    /// out of its text: transports and bodies may quote them.
    public func redacted(key: String?) -> ProxyError {
        func clean(_ text: String) -> String {
            var out = text
            if let key, key.utf8.count >= Redactor.minimumLength, out.contains(key) { out = out.replacing(key, with: APIKey.mask(key)) }
            return SafeText.escaped(Redactor.redact(out))
        }
        switch self {
        case .unreachable(let why): return .unreachable(clean(why))
        case .unauthorized(let why): return .unauthorized(clean(why))
        case .sourceUnavailable(let why): return .sourceUnavailable(clean(why))
        case .http(let status, let detail): return .http(status: status, detail: clean(detail))
        case .badResponse(let why): return .badResponse(clean(why))
        case .forbidden(let role): return .forbidden(role: role.map(clean))
        case .frontEnd(let status, let title, let server): return .frontEnd(status: status, title: clean(title), server: server)
        case .timeout, .keyRejectedWithoutDatabase, .noDatabase, .readOnly: return self
        }
    }
}

extension ProxyError: CustomStringConvertible {
    public var description: String { summary }
}

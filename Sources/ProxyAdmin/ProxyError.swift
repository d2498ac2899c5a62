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
    /// A 2xx answer synctop could not read.
    case badResponse(String)
    /// `--read-only`: a write was stopped before it left synctop.
    case readOnly

    public enum Kind: Sendable { case unreachable, auth, proxy }

    public var kind: Kind {
        switch self {
        case .unreachable, .timeout: .unreachable
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
        case .sourceUnavailable(let why): "the source could not be fetched; the proxy kept its current data (\(why))"
        case .http(let status, let detail): "proxy answered \(status): \(detail)"
        case .badResponse(let why): "unreadable answer from the proxy: \(why)"
        case .readOnly: "read-only mode: nothing was sent"
        }
    }
}

extension ProxyError: CustomStringConvertible {
    public var description: String { summary }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The two error shapes LiteLLM answers with: FastAPI's `{"detail": "..." | [...]}` and
/// the auth layer's `{"error": {"message", "type", ...}}`.
struct ErrorBody: Decodable {
    struct Inner: Decodable {
        var message: String?
        var type: String?
    }
    struct ValidationItem: Decodable {
        var msg: String?
        var loc: [LocPart]?
    }
    enum LocPart: Decodable, CustomStringConvertible {
        case name(String), index(Int)
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let i = try? c.decode(Int.self) { self = .index(i) } else { self = .name(try c.decode(String.self)) }
        }
        var description: String {
            switch self { case .name(let s): s; case .index(let i): String(i) }
        }
    }
    enum Detail: Decodable {
        case text(String), validation([ValidationItem])
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) { self = .text(s) } else { self = .validation(try c.decode([ValidationItem].self)) }
        }
    }

    var detail: Detail?
    var error: Inner?

    /// The human part of the body, whatever its shape.
    var message: String? {
        switch detail {
        case .text(let s): return s
        case .validation(let items):
            return items.map { item in
                let field = item.loc?.last.map { "\($0)" } ?? "request"
                return "\(field): \(item.msg ?? "invalid")"
            }.joined(separator: "; ")
        case nil: return error?.message
        }
    }
}

extension ProxyError {
    /// Maps a non-2xx answer to what it means. `keySent` matters: a proxy without a
    /// database answers a missing key with a bare 500. `endpointTakesKey` is false for
    /// the public reads (the cost map, health): an auth or server error from one of those
    /// is the proxy's (or its front's) doing, never "no API key was sent".
    public static func classify(status: Int, body: [UInt8], keySent: Bool, endpointTakesKey: Bool = true) -> ProxyError {
        if let page = HTMLPage(body) { return .frontEnd(status: status, title: page.title, server: page.server) }
        let parsed = try? JSONDecoder().decode(ErrorBody.self, from: Data(body))
        let message = SafeText.line(parsed?.message ?? String(decoding: body.prefix(300), as: UTF8.self))
        let type = parsed?.error?.type
        let emptyBody = body.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if !endpointTakesKey, [401, 403, 500].contains(status) {
            return .http(status: status, detail: (emptyBody ? "(empty body)" : message) + " (this read needs no key: the proxy or a gateway in front of it failed)")
        }
        switch status {
        case 401:
            // LiteLLM answers 401 `auth_error` for three different things: no key, a key
            // whose role may not use the route ("... Your role=internal_user ..."), and
            // (1.109+) a wrong key; the message tells them apart.
            if !keySent || message.contains("No api key passed in") {
                return .unauthorized("no API key was sent: set LITELLM_PROXY_API_KEY or use --key-file")
            }
            if let role = role(in: message) { return .forbidden(role: role) }
            return .unauthorized("the API key was not accepted by the proxy (wrong or revoked key)")
        case 400 where type == "no_db_connection":
            return .keyRejectedWithoutDatabase
        case 500 where !keySent && !emptyBody && message.contains("Internal server error"):
            // LiteLLM 1.100.5 without a database answers a missing key this way.
            return .unauthorized("no API key was sent: set LITELLM_PROXY_API_KEY or use --key-file")
        case 403:
            return .forbidden(role: role(in: message))
        case 500 where message.contains("Database connection not available"):
            return .noDatabase
        case 500 where message.contains("Python int too large") || message.contains("date value out of range"):
            // LiteLLM takes any `hours`; last run + a huge interval overflows its status code.
            return .http(status: status, detail: message + " — the schedule's interval is so large that last run + interval overflows in the proxy "
                         + "(LiteLLM accepts any hours); schedule a sane one, e.g. synctop schedule cost-map --hours 6")
        case 502 where !emptyBody && parsed?.message != nil:
            // LiteLLM's reason quotes the source URL and the transport's error, then ends in
            // what tells the cases apart ("(after 3 attempts)"): with the default GitHub URL a
            // refused connection runs past 300 characters, so keep more of it.
            return .sourceUnavailable(SafeText.line(parsed?.message ?? "", limit: 1000))
        default:
            return .http(status: status, detail: emptyBody ? "(empty body)" : message)
        }
    }

    /// The key's role in LiteLLM's words, whichever layer answered:
    /// "Current role: internal_user" (endpoint), "role= proxy_admin_viewer" (route check),
    /// "Your role=internal_user" (admin-only routes).
    static func role(in message: String) -> String? {
        for marker in ["Current role: ", "Your role=", "role= ", "role="] {
            guard let r = message.firstRange(of: marker) else { continue }
            let rest = message[r.upperBound...].drop { $0 == " " }.prefix { !$0.isWhitespace && $0 != "," && $0 != "." }
            if !rest.isEmpty { return String(rest) }
        }
        return nil
    }
}

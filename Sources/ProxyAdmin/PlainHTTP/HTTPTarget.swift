/// Where a base URL points: the host to connect to, the port, the path prefix every
/// endpoint goes under, and the `Host` header. Anything it does not handle (user info, a
/// query, a malformed port) is `nil`, and the caller uses AsyncHTTPClient instead.
public struct HTTPTarget: Sendable, Equatable {
    /// As getaddrinfo wants it: an IPv6 literal without its brackets.
    public var host: String
    public var port: UInt16
    /// "" or e.g. "/litellm", never ending in "/".
    public var pathPrefix: String
    /// The authority as written in the URL ("127.0.0.1:4000", "[::1]:4000", "gw").
    public var hostHeader: String

    public static func parse(_ baseURL: String) -> HTTPTarget? {
        parse(baseURL, scheme: "http://", defaultPort: 80)
    }

    /// A base URL as the transports keep it: "http://h:4000/" and "http://h:4000" are one proxy.
    static func withoutTrailingSlashes(_ baseURL: String) -> String {
        var trimmed = baseURL
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed
    }

    /// The same for an `https://` base URL (`TLSTransport`), port 443 unless given.
    public static func parseHTTPS(_ baseURL: String) -> HTTPTarget? {
        parse(baseURL, scheme: "https://", defaultPort: 443)
    }

    private static func parse(_ baseURL: String, scheme: String, defaultPort: UInt16) -> HTTPTarget? {
        guard baseURL.lowercased().hasPrefix(scheme) else { return nil }
        let rest = baseURL.dropFirst(scheme.count)
        guard !rest.contains(where: { $0 == "?" || $0 == "#" || $0 == "@" || $0 == "%" || $0 == " " }) else { return nil }
        let authority = rest.prefix { $0 != "/" }
        var prefix = String(rest.dropFirst(authority.count))
        while prefix.hasSuffix("/") { prefix.removeLast() }
        guard let (host, port) = hostAndPort(authority, defaultPort: defaultPort) else { return nil }
        return HTTPTarget(host: host, port: port, pathPrefix: prefix, hostHeader: String(authority))
    }

    /// `host`, `host:port`, `[v6]` or `[v6]:port` (the brackets dropped, as getaddrinfo
    /// wants it); nil for an empty host or a port that is not 1–65535 in digits.
    static func hostAndPort(_ authority: Substring, defaultPort: UInt16) -> (String, UInt16)? {
        let host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return nil }
                portText = after.dropFirst()
            }
        } else {
            let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count <= 2 else { return nil }
            host = parts[0]
            if parts.count == 2 { portText = parts[1] }
        }
        guard !host.isEmpty else { return nil }
        var port = defaultPort
        if let portText {
            guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let p = Int(portText), (1...65535).contains(p) else { return nil }
            port = UInt16(p)
        }
        return (String(host), port)
    }

    /// The request head for one endpoint. `Connection: close` unless `keepAlive`: plain
    /// connections cost microseconds and one-shot commands exit, while a TLS handshake
    /// costs the idle dashboard more than the rest of a poll (`TLSTransport` keeps its
    /// connection). Identity encoding because nothing here inflates.
    func requestHead(method: String, path: String, apiKey: String?, keepAlive: Bool = false) -> [UInt8] {
        var head = "\(method) \(pathPrefix)\(path) HTTP/1.1\r\n"
        head += "Host: \(hostHeader)\r\n"
        head += "User-Agent: synctop\r\nAccept: application/json\r\nAccept-Encoding: identity\r\n"
        if !keepAlive { head += "Connection: close\r\n" }
        if let apiKey { head += "Authorization: Bearer \(apiKey)\r\n" }
        if method != "GET" { head += "Content-Length: 0\r\n" }
        head += "\r\n"
        return Array(head.utf8)
    }
}

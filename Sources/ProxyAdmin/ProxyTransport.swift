/// A raw answer: status and body bytes.
public struct ProxyResponse: Sendable, Equatable {
    public var status: Int
    public var body: [UInt8]

    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }
}

/// How requests leave synctop: `HTTPTransport` (AsyncHTTPClient: TLS, pooled, for the
/// dashboard) or `SocketTransport` (plain http, quick to start, for one-shot commands);
/// tests may use a fake. Throws only `ProxyError` (`.unreachable`, `.timeout`,
/// `.badResponse`).
public protocol ProxyTransport: Sendable {
    func send(_ endpoint: Endpoint, apiKey: String?, timeoutSeconds: Int) async throws(ProxyError) -> ProxyResponse
    /// Releases connections and threads; call once, when done.
    func shutdown() async
}

extension ProxyTransport {
    public func shutdown() async {}
}

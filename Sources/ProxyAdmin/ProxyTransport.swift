/// A raw answer: status and body bytes.
public struct ProxyResponse: Sendable, Equatable {
    public var status: Int
    public var body: [UInt8]

    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }
}

/// How requests leave synctop: `SocketTransport` (plain http: quick to start, light per
/// request) or `HTTPTransport` (AsyncHTTPClient: https and `--ca-file`);
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

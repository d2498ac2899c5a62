/// A raw answer: status and body bytes.
public struct ProxyResponse: Sendable, Equatable {
    public var status: Int
    public var body: [UInt8]

    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }
}

/// How requests leave synctop. The HTTP implementation is `HTTPTransport`; tests may
/// use a fake. Throws only `ProxyError` (`.unreachable`, `.timeout`).
public protocol ProxyTransport: Sendable {
    func send(_ endpoint: Endpoint, apiKey: String?, timeoutSeconds: Int) async throws(ProxyError) -> ProxyResponse
}

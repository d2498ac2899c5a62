#if canImport(Glibc)
import Glibc
#endif

/// `ProxyTransport` for plain `http://` proxies over POSIX sockets: one short connection
/// per request, each on its own thread so the four reads of a poll overlap. It starts in
/// microseconds, where AsyncHTTPClient's event-loop set-up costs about 5 ms per process,
/// and a dashboard poll costs about half the CPU; https keeps AsyncHTTPClient.
public struct SocketTransport: ProxyTransport {
    public let baseURL: String
    public let target: HTTPTarget
    /// Same limit as `HTTPTransport`.
    let maxBodyBytes = 64 << 20

    /// Nil when `baseURL` is not one `HTTPTarget` handles (https, user info, ...).
    public init?(baseURL: String) {
        var trimmed = baseURL
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let target = HTTPTarget.parse(trimmed) else { return nil }
        self.baseURL = trimmed
        self.target = target
    }

    public func send(_ endpoint: Endpoint, apiKey: String?, timeoutSeconds: Int) async throws(ProxyError) -> ProxyResponse {
        let request = target.requestHead(method: endpoint.method.rawValue, path: endpoint.path,
                                         apiKey: endpoint.requiresKey ? apiKey : nil)
        let limits = SocketExchange.Limits(connectMs: 5_000, totalMs: timeoutSeconds * 1_000, maxBodyBytes: maxBodyBytes)
        let target = self.target
        let baseURL = self.baseURL
        let result: Result<ProxyResponse, ProxyError> = await withCheckedContinuation { continuation in
            BlockingThread.run {
                continuation.resume(returning: SocketExchange.perform(
                    target, request: request, limits: limits, describeTarget: baseURL, timeoutSeconds: timeoutSeconds))
            }
        }
        return try result.get()
    }
}

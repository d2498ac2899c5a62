#if canImport(Glibc)
import Glibc
#endif

/// `ProxyTransport` for plain `http://` proxies over POSIX sockets: one short connection
/// per request; the four reads of a poll overlap on one thread (`sendAll`). It starts in
/// microseconds, where AsyncHTTPClient's event-loop set-up costs about 5 ms per process,
/// and a dashboard poll costs about half the CPU; https goes over `TLSTransport`.
public struct SocketTransport: ProxyTransport {
    public let baseURL: String
    public let target: HTTPTarget
    /// Same limit as `HTTPTransport`.
    let maxBodyBytes = 64 << 20

    /// Nil when `baseURL` is not one `HTTPTarget` handles (https, user info, ...).
    public init?(baseURL: String) {
        let trimmed = HTTPTarget.withoutTrailingSlashes(baseURL)
        guard let target = HTTPTarget.parse(trimmed) else { return nil }
        self.baseURL = trimmed
        self.target = target
    }

    public func send(_ endpoint: Endpoint, apiKey: String?, timeoutSeconds: Int) async throws(ProxyError) -> ProxyResponse {
        try await sendAll([endpoint], apiKey: apiKey, timeoutSeconds: timeoutSeconds)[0].get()
    }

    public func sendAll(_ endpoints: [Endpoint], apiKey: String?, timeoutSeconds: Int) async -> [Result<ProxyResponse, ProxyError>] {
        let target = self.target
        let baseURL = self.baseURL
        let requests = endpoints.map {
            target.requestHead(method: $0.method.rawValue, path: $0.path, apiKey: $0.requiresKey ? apiKey : nil)
        }
        let limits = SocketExchange.Limits(connectMs: timeoutSeconds * 1_000, totalMs: timeoutSeconds * 1_000, maxBodyBytes: maxBodyBytes)
        let caps = endpoints.map(\.maxBodyBytes)
        let answers = await BlockingThread.value {
            SocketExchange.performAll(target, requests: requests, limits: limits, describeTarget: URLText.display(baseURL),
                                      timeoutSeconds: timeoutSeconds, bodyCaps: caps)
        }
        // What a TLS-only proxy (uvicorn with --ssl_certfile_path) does to a plain request.
        return answers.map { answer in
            guard case .failure(.badResponse(let why)) = answer, why == "the connection closed without an answer" else { return answer }
            return .failure(.badResponse(why + " (if the proxy serves https, use an https:// URL)"))
        }
    }
}

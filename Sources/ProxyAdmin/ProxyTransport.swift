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
/// request), `TLSTransport` (https, NIO + NIOSSL) or `HTTPTransport` (AsyncHTTPClient,
/// for base URLs neither parses); tests may use a fake. Throws only `ProxyError` (`.unreachable`, `.timeout`,
/// `.badResponse`).
public protocol ProxyTransport: Sendable {
    func send(_ endpoint: Endpoint, apiKey: String?, timeoutSeconds: Int) async throws(ProxyError) -> ProxyResponse
    /// Several reads at once (a poll); answers in the same order, each on its own.
    func sendAll(_ endpoints: [Endpoint], apiKey: String?, timeoutSeconds: Int) async -> [Result<ProxyResponse, ProxyError>]
    /// Releases connections and threads; call once, when done.
    func shutdown() async
}

extension ProxyTransport {
    public func shutdown() async {}

    /// Side by side, one `send` each.
    public func sendAll(_ endpoints: [Endpoint], apiKey: String?, timeoutSeconds: Int) async -> [Result<ProxyResponse, ProxyError>] {
        await withTaskGroup(of: (Int, Result<ProxyResponse, ProxyError>).self) { group in
            for (i, endpoint) in endpoints.enumerated() {
                group.addTask {
                    do throws(ProxyError) {
                        return (i, .success(try await send(endpoint, apiKey: apiKey, timeoutSeconds: timeoutSeconds)))
                    } catch {
                        return (i, .failure(error))
                    }
                }
            }
            var out = [Result<ProxyResponse, ProxyError>](repeating: .failure(.timeout(seconds: timeoutSeconds)), count: endpoints.count)
            for await (i, result) in group { out[i] = result }
            return out
        }
    }
}

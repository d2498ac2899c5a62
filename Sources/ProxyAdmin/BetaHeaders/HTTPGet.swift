import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// A plain GET of a public file (the beta-header mapping; later the cost map), behaving
/// like LiteLLM's `httpx.get(url, timeout=5)` + `raise_for_status()`: 5 s to connect and
/// per read, no redirects followed, anything but 2xx is a failure.
public enum HTTPGet {
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case notHTTP(String)
        case status(Int)
        case timeout(seconds: Int)
        case unreachable(String)
        case tooLarge(maxBytes: Int)
        /// CR, LF, TAB, a space or another control in the URL: refused before sending.
        case forbiddenCharacter(String, String)

        public var description: String {
            switch self {
            case .notHTTP(let url): "\(url) is not an http:// or https:// URL"
            case .status(let code): "the server answered HTTP \(code)"
            case .forbiddenCharacter(let url, let c): "\(url) holds \(c): a URL may not contain spaces, tabs or line breaks (percent-encode them)"
            case .timeout(let s): "no complete answer within \(s) s (--timeout)"
            case .unreachable(let why): why
            case .tooLarge(let max): "larger than \(max >> 20) MB"
            }
        }
    }

    /// http over our sockets, https over NIO + NIOSSL (`TLSGet`); AsyncHTTPClient only for
    /// URLs neither takes (user info). Neither of the first two touches libdispatch.
    public static func fetch(_ url: String, timeoutSeconds: Int = 5, maxBytes: Int = 64 << 20) async throws(Failure) -> [UInt8] {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { throw .notHTTP(url) }
        if let bad = URLText.forbiddenCharacter(in: url) { throw .forbiddenCharacter(SafeText.escaped(url), bad) }
        if let target = HTTPTarget.parse(url) {
            return try await plain(target, url: url, timeoutSeconds: timeoutSeconds, maxBytes: maxBytes).get()
        }
        if let target = TLSGet.Target.parse(url) {
            return try await TLSGet.fetch(target, timeoutSeconds: timeoutSeconds, maxBytes: maxBytes).get()
        }
        var config = HTTPClient.Configuration()
        config.timeout.connect = .seconds(Int64(timeoutSeconds))
        config.timeout.read = .seconds(Int64(timeoutSeconds))
        config.redirectConfiguration = .disallow
        config.connectionPool.retryConnectionEstablishment = false
        config.decompression = .enabled(limit: .ratio(50))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: config)
        let result = await Self.get(url, client: client, timeoutSeconds: timeoutSeconds, maxBytes: maxBytes)
        try? await client.shutdown()
        return try result.get()
    }

    /// `http://`: one request on our blocking sockets, off the caller's thread. The name,
    /// each address's connect and the whole answer each get `timeoutSeconds`, the number
    /// the error then states.
    static func plain(_ target: HTTPTarget, url: String, timeoutSeconds: Int, maxBytes: Int) async -> Result<[UInt8], Failure> {
        let request = target.requestHead(method: "GET", path: "", apiKey: nil)
        let limits = SocketExchange.Limits(connectMs: timeoutSeconds * 1_000, totalMs: timeoutSeconds * 1_000, maxBodyBytes: maxBytes)
        let outcome = await BlockingThread.value {
            SocketExchange.performAll(target, requests: [request], limits: limits, describeTarget: URLText.display(url), timeoutSeconds: timeoutSeconds)[0]
        }
        switch outcome {
        case .success(let response):
            guard (200..<300).contains(response.status) else { return .failure(.status(response.status)) }
            return .success(response.body)
        case .failure(.timeout): return .failure(.timeout(seconds: timeoutSeconds))
        case .failure(.unreachable(let why)): return .failure(.unreachable(why))
        case .failure(.badResponse(let why)) where why.hasPrefix("answer larger"): return .failure(.tooLarge(maxBytes: maxBytes))
        case .failure(let other): return .failure(.unreachable(other.summary))
        }
    }

    private static func get(_ url: String, client: HTTPClient, timeoutSeconds: Int, maxBytes: Int) async -> Result<[UInt8], Failure> {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: "synctop")
        do {
            // The overall deadline only guards against a server trickling bytes forever.
            let response = try await client.execute(request, timeout: .seconds(Int64(timeoutSeconds)))
            guard (200..<300).contains(response.status.code) else { return .failure(.status(Int(response.status.code))) }
            let body = try await response.body.collect(upTo: maxBytes)
            return .success(Array(body.readableBytesView))
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            return .failure(.timeout(seconds: timeoutSeconds))
        } catch is NIOTooManyBytesError {
            return .failure(.tooLarge(maxBytes: maxBytes))
        } catch {
            return .failure(.unreachable(HTTPTransport.describe(error)))
        }
    }
}

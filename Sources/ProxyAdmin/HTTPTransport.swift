import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOSSL
import Synchronization

/// `ProxyTransport` over AsyncHTTPClient: honours deadlines, can trust a private CA.
public final class HTTPTransport: ProxyTransport {
    public let baseURL: String
    private let client: HTTPClient
    private let isShutDown = Mutex(false)
    /// Bodies beyond this are refused (the cost map is 2–3 MB; 64 MB leaves room to grow).
    private let maxBodyBytes = 64 << 20

    /// - Parameters:
    ///   - baseURL: e.g. `http://localhost:4000` or `https://gw.example.com/litellm`.
    ///   - caFile: PEM file of extra trusted roots, for proxies behind a private CA.
    public init(baseURL: String, caFile: String? = nil) throws(ProxyError) {
        let trimmed = HTTPTarget.withoutTrailingSlashes(baseURL)
        self.baseURL = trimmed
        var config = HTTPClient.Configuration()
        config.timeout.connect = .seconds(5)
        config.httpVersion = .http1Only
        // A refused connection must say "unreachable" now, not after the whole deadline
        // of silent retries; the dashboard's own backoff does the retrying.
        config.connectionPool.retryConnectionEstablishment = false
        config.decompression = .enabled(limit: .ratio(50))
        if let caFile {
            var tls = TLSConfiguration.makeClientConfiguration()
            do {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
            } catch {
                throw .unreachable("cannot read CA file \(caFile): \(error)")
            }
            config.tlsConfiguration = tls
        }
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: config)
    }

    deinit {
        // A client must be shut down before release; do it without blocking a caller.
        guard !isShutDown.withLock({ $0 }) else { return }
        let c = client
        Task.detached { try? await c.shutdown() }
    }

    public func shutdown() async {
        let first = isShutDown.withLock { done in
            defer { done = true }
            return !done
        }
        if first { try? await client.shutdown() }
    }

    public func send(_ endpoint: Endpoint, apiKey: String?, timeoutSeconds: Int) async throws(ProxyError) -> ProxyResponse {
        var request = HTTPClientRequest(url: baseURL + endpoint.path)
        request.method = HTTPMethod(rawValue: endpoint.method.rawValue)
        request.headers.add(name: "User-Agent", value: "synctop")
        request.headers.add(name: "Accept", value: "application/json")
        if let apiKey, endpoint.requiresKey { request.headers.add(name: "Authorization", value: "Bearer \(apiKey)") }
        do {
            let response = try await client.execute(request, timeout: .seconds(Int64(timeoutSeconds)))
            // Appended chunk by chunk: collecting into one ByteBuffer and copying that out
            // would hold the 3 MB cost map twice (issue 5 counts peak memory).
            var body: [UInt8] = []
            let maxBodyBytes = min(self.maxBodyBytes, endpoint.maxBodyBytes)
            if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length <= maxBodyBytes {
                body.reserveCapacity(length)
            }
            for try await chunk in response.body {
                guard body.count + chunk.readableBytes <= maxBodyBytes else { throw NIOTooManyBytesError(maxBytes: maxBodyBytes) }
                body.append(contentsOf: chunk.readableBytesView)
            }
            return ProxyResponse(status: Int(response.status.code), body: body)
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            throw .timeout(seconds: timeoutSeconds)
        } catch let error as HTTPClientError where error == .connectTimeout {
            throw .unreachable("connection to \(URLText.display(baseURL)) timed out after \(timeoutSeconds) s (--timeout)")
        } catch let error as HTTPClientError {
            throw .unreachable("\(error)")
        } catch let error as NIOTooManyBytesError {
            throw .badResponse(HTTPResponseReader.tooLargeText(error.maxBytes ?? endpoint.maxBodyBytes))
        } catch {
            throw .unreachable(Self.describe(error))
        }
    }

    /// "connection refused" rather than a NIO type dump.
    static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
        if text.contains("hostname") || text.contains("resolution") || text.contains("Name or service") {
            return "host name could not be resolved"
        }
        return text
    }
}

extension Endpoint {
    /// The public endpoints need no key; synctop sends the key only where it must.
    public var requiresKey: Bool {
        switch self {
        case .costMap, .catalogCostMap, .liveliness, .readiness: false
        default: true
        }
    }
}

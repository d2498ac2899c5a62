#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOPosix
import NIOSSL

/// https requests over SwiftNIO + NIOSSL directly, for `TLSTransport` (proxies, on a kept
/// connection) and `TLSGet` (the public mapping file, on one of its own).
///
/// Not AsyncHTTPClient: it resolves names and builds TLS contexts on libdispatch queues,
/// and once one pool thread has run, libdispatch's pool monitor wakes once a second for the
/// life of the process (an idle https dashboard measured 0.056% of a core against 0.038%
/// over http). Here names are resolved on a thread of ours, the context is built once by
/// the caller, and NIO's loop sleeps in epoll between polls.
///
/// The request bytes and the answer's parsing are the plain-http path's (`HTTPTarget.
/// requestHead`, `HTTPResponseReader`), so both schemes frame, limit and report alike.
enum TLSExchange {
    struct Limits: Sendable {
        var connectSeconds: Int
        /// Longest silence while the answer is arriving; nil: only the overall deadline.
        var readIdleSeconds: Int?
        /// When the whole exchange must be over, connecting included (and a retry).
        var deadline: NIODeadline
        var maxBodyBytes: Int
    }

    enum Failure: Error, Equatable, Sendable {
        case unreachable(String)
        /// The connection ended before a byte of the answer: on a kept connection, the
        /// server had closed it while idle, and the request may be sent again.
        case closedBeforeAnswer
        /// No address accepted a connection within `connectSeconds`.
        case connectTimedOut
        case timeout
        case tooLarge
        case badResponse(String)

        /// The words for the cases that carry or are a sentence (both callers show them).
        var words: String? {
            switch self {
            case .unreachable(let why), .badResponse(let why): why
            case .closedBeforeAnswer: "the connection closed without an answer"
            case .connectTimedOut, .timeout, .tooLarge: nil
            }
        }
    }

    /// A client context trusting the system's roots, or only the PEM certificates in
    /// `caFile`. Loading the roots takes milliseconds, so callers build it once.
    static func context(caFile: String?) throws(Failure) -> NIOSSLContext {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caFile {
            do {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
            } catch {
                throw .unreachable("cannot read CA file \(caFile): \(error)")
            }
        }
        do {
            return try NIOSSLContext(configuration: tls)
        } catch {
            throw .unreachable("TLS set-up failed: \(error)")
        }
    }

    /// Every address getaddrinfo gives for `host`, looked up on a thread of ours
    /// (`BlockingThread`), never on a libdispatch queue.
    static func resolve(host: String, port: Int, timeoutSeconds: Int) async -> Result<[SocketAddress], Failure> {
        let found = await BlockingThread.value { () -> [SocketAddress]? in
            let resolution = SocketExchange.resolve(host: host, port: port, timeoutMs: timeoutSeconds * 1000)
            guard case .found(let addresses) = resolution else { return resolution.timedOut ? nil : [] }
            return addresses.compactMap { a -> SocketAddress? in
                var storage = a.storage
                return withUnsafePointer(to: &storage) { p in
                    switch a.family {
                    case AF_INET: p.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { SocketAddress($0.pointee, host: host) }
                    case AF_INET6: p.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { SocketAddress($0.pointee, host: host) }
                    default: nil
                    }
                }
            }
        }
        guard let found else { return .failure(.unreachable("host name \(host) not resolved within \(timeoutSeconds) s (--timeout)")) }
        return found.isEmpty ? .failure(.unreachable("host name \(host) could not be resolved")) : .success(found)
    }

    /// A connection to the first of `addresses` that accepts one, in getaddrinfo's order
    /// ("localhost" is often ::1, then 127.0.0.1), TLS on top. The handshake runs as the
    /// first request is written; its failure is that request's.
    static func open(_ addresses: [SocketAddress], serverName: String, context: NIOSSLContext,
                     limits: Limits, on loop: any EventLoop) -> EventLoopFuture<TLSConnection> {
        // SNI and the certificate's name check want a host name; an address literal is
        // checked against the certificate's IP entries instead.
        let hostname = isIPAddress(serverName) ? nil : serverName
        // A bootstrap per attempt: it is not Sendable, so the retry cannot carry one along.
        let connectTo: @Sendable (SocketAddress) -> EventLoopFuture<any Channel> = { address in
            ClientBootstrap(group: loop)
                .connectTimeout(min(.seconds(Int64(limits.connectSeconds)), max(.zero, limits.deadline - .now())))
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let ops = channel.pipeline.syncOperations
                        try ops.addHandler(NIOSSLClientHandler(context: context, serverHostname: hostname))
                        if let idle = limits.readIdleSeconds {
                            try ops.addHandler(IdleStateHandler(readTimeout: .seconds(Int64(idle))))
                        }
                        try ops.addHandler(TLSResponseHandler())
                    }
                }
                .connect(to: address)
        }
        guard let first = addresses.first else {
            return loop.makeFailedFuture(Failure.unreachable("no address to connect to"))
        }
        return connect(connectTo, first, addresses.dropFirst())
            .flatMapErrorThrowing { throw describe($0) }
            .flatMapThrowing { channel in
                TLSConnection(channel: channel, handler: try channel.pipeline.syncOperations.handler(type: TLSResponseHandler.self))
            }
    }

    /// One request on a connection of its own, closed after the answer (`TLSGet`).
    static func perform(_ request: [UInt8], addresses: [SocketAddress], serverName: String, context: NIOSSLContext,
                        limits: Limits, on loop: any EventLoop) -> EventLoopFuture<ProxyResponse> {
        open(addresses, serverName: serverName, context: context, limits: limits, on: loop).flatMap { connection in
            connection.send(request, limits: limits).always { _ in connection.close() }
        }
    }

    private static func connect(_ connectTo: @escaping @Sendable (SocketAddress) -> EventLoopFuture<any Channel>,
                                _ address: SocketAddress, _ rest: ArraySlice<SocketAddress>) -> EventLoopFuture<any Channel> {
        let attempt = connectTo(address)
        guard let next = rest.first else { return attempt }
        return attempt.flatMapError { _ in connect(connectTo, next, rest.dropFirst()) }
    }

    static func isIPAddress(_ host: String) -> Bool {
        (try? SocketAddress(ipAddress: host, port: 0)) != nil
    }

    /// Words for what went wrong, as the plain-http path says them where they overlap.
    static func describe(_ error: any Error, connecting: Bool = false) -> Failure {
        if let failure = error as? Failure { return failure }
        if let channelError = error as? ChannelError, case .connectTimeout = channelError {
            return .connectTimedOut
        }
        if let io = error as? IOError {
            switch io.errnoCode {
            case ECONNREFUSED: return .unreachable("connection refused")
            case ENETUNREACH, EHOSTUNREACH: return .unreachable("no route to host")
            case ECONNRESET: return .unreachable("the proxy reset the connection")
            default: break
            }
        }
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
            return .unreachable("TLS: the server's certificate is not for this host name")
        }
        let text = String(describing: error)
        if text.contains("CERTIFICATE_VERIFY_FAILED") {
            return .unreachable("TLS: the server's certificate is not trusted (CERTIFICATE_VERIFY_FAILED)")
        }
        if text.contains("WRONG_VERSION_NUMBER") || text.contains("PACKET_LENGTH_TOO_LONG") {
            return .unreachable("TLS handshake failed: the server does not speak TLS on this port (is it http://?)")
        }
        if error is NIOSSLError || error is BoringSSLError { return .unreachable("TLS handshake failed: \(text)") }
        if text.contains("connectionRefused") || text.contains("Connection refused") { return .unreachable("connection refused") }
        return .unreachable(text)
    }
}

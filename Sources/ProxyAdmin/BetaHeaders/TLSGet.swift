#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// One https GET over SwiftNIO and NIOSSL directly, for `HTTPGet`. AsyncHTTPClient would
/// do it too, but it resolves names and builds TLS contexts on libdispatch queues; once one
/// pool thread has run, libdispatch's pool monitor wakes once a second for the life of the
/// process, and the dashboard reads the mapping over https at start. Here the name is
/// resolved on a thread of ours and the context is built on the caller's.
enum TLSGet {
    struct Target: Equatable {
        var host: String
        var port: Int
        /// Path and query, "/" when the URL has none.
        var path: String
        var hostHeader: String

        /// `https://host[:port]/path?query`; nil for anything else (user info, a bad port).
        static func parse(_ url: String) -> Target? {
            let scheme = "https://"
            guard url.lowercased().hasPrefix(scheme) else { return nil }
            let rest = url.dropFirst(scheme.count)
            let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            var path = String(rest.dropFirst(authority.count).prefix { $0 != "#" })
            if path.isEmpty || path.hasPrefix("?") { path = "/" + path }
            guard !authority.contains("@"), !path.contains(" "),
                  let (host, port) = HTTPTarget.hostAndPort(Substring(authority), defaultPort: 443) else { return nil }
            return Target(host: host, port: Int(port), path: path, hostHeader: String(authority))
        }
    }

    /// The system's trust roots, or only the PEM certificates in `caFile` (tests, private mirrors).
    static func fetch(_ target: Target, timeoutSeconds: Int, maxBytes: Int, caFile: String? = nil) async -> Result<[UInt8], HTTPGet.Failure> {
        let addresses: [SocketAddress]
        switch await resolve(target) {
        case .success(let a): addresses = a
        case .failure(let f): return .failure(f)
        }
        let context: NIOSSLContext
        do {
            var tls = TLSConfiguration.makeClientConfiguration()
            if let caFile { tls.trustRoots = .file(caFile) }
            context = try NIOSSLContext(configuration: tls)
        } catch {
            return .failure(.unreachable("TLS set-up failed: \(error)"))
        }
        // One loop for the channel, its promise and its deadline.
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let promise = loop.makePromise(of: [UInt8].self)
        let serverName = isIPAddress(target.host) ? nil : target.host
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(.seconds(Int64(timeoutSeconds)))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let ops = channel.pipeline.syncOperations
                    try ops.addHandler(NIOSSLClientHandler(context: context, serverHostname: serverName))
                    try ops.addHTTPClientHandlers()
                    try ops.addHandler(IdleStateHandler(readTimeout: .seconds(Int64(timeoutSeconds))))
                    try ops.addHandler(Collector(promise: promise, maxBytes: maxBytes, timeoutSeconds: timeoutSeconds))
                }
            }
        // Each address in getaddrinfo's order ("localhost" is often ::1, then 127.0.0.1; an
        // IPv6 address first on a host without an IPv6 route), until one connects.
        var connected: Channel?
        var lastError: any Error = ChannelError.connectTimeout(.seconds(Int64(timeoutSeconds)))
        for address in addresses where connected == nil {
            do { connected = try await bootstrap.connect(to: address).get() } catch { lastError = error }
        }
        guard let channel = connected else {
            promise.fail(lastError)
            return .failure(describe(lastError, timeoutSeconds: timeoutSeconds))
        }
        // The overall deadline only guards against a server trickling bytes forever.
        let deadline = channel.eventLoop.scheduleTask(in: .seconds(Int64(timeoutSeconds) * 6)) {
            promise.fail(HTTPGet.Failure.timeout(seconds: timeoutSeconds))
            channel.close(promise: nil)
        }
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: target.hostHeader)
        headers.add(name: "User-Agent", value: "synctop")
        headers.add(name: "Accept-Encoding", value: "identity")
        headers.add(name: "Connection", value: "close")
        let head = HTTPRequestHead(version: .http1_1, method: .GET, uri: target.path, headers: headers)
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
        let result: Result<[UInt8], HTTPGet.Failure>
        do {
            result = .success(try await promise.futureResult.get())
        } catch let failure as HTTPGet.Failure {
            result = .failure(failure)
        } catch {
            result = .failure(describe(error, timeoutSeconds: timeoutSeconds))
        }
        deadline.cancel()
        channel.close(promise: nil)
        return result
    }

    /// Every address getaddrinfo gives, looked up on a thread of ours (`BlockingThread`),
    /// never on a libdispatch queue.
    private static func resolve(_ target: Target) async -> Result<[SocketAddress], HTTPGet.Failure> {
        let (host, port) = (target.host, target.port)
        let found = await BlockingThread.value {
            (SocketExchange.resolve(host: host, port: port) ?? []).compactMap { a -> SocketAddress? in
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
        return found.isEmpty ? .failure(.unreachable("host name \(host) could not be resolved")) : .success(found)
    }

    private static func isIPAddress(_ host: String) -> Bool {
        (try? SocketAddress(ipAddress: host, port: 0)) != nil
    }

    static func describe(_ error: any Error, timeoutSeconds: Int) -> HTTPGet.Failure {
        if let failure = error as? HTTPGet.Failure { return failure }
        if error is ChannelError, case .connectTimeout = error as! ChannelError { return .timeout(seconds: timeoutSeconds) }
        let text = String(describing: error)
        if text.contains("CERTIFICATE_VERIFY_FAILED") {
            return .unreachable("TLS: the server's certificate is not trusted (CERTIFICATE_VERIFY_FAILED)")
        }
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
            return .unreachable("TLS: the server's certificate is not for this host name")
        }
        if error is NIOSSLError || error is BoringSSLError { return .unreachable("TLS handshake failed: \(text)") }
        return .unreachable(HTTPTransport.describe(error))
    }

    /// Collects the answer; anything but a complete 2xx answer fails the promise.
    private final class Collector: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = HTTPClientResponsePart
        let promise: EventLoopPromise<[UInt8]>
        let maxBytes: Int
        let timeoutSeconds: Int
        var body: [UInt8] = []
        var done = false

        init(promise: EventLoopPromise<[UInt8]>, maxBytes: Int, timeoutSeconds: Int) {
            self.promise = promise
            self.maxBytes = maxBytes
            self.timeoutSeconds = timeoutSeconds
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard !done else { return }
            switch unwrapInboundIn(data) {
            case .head(let head):
                if !(200..<300).contains(Int(head.status.code)) { finish(context, .failure(.status(Int(head.status.code)))) }
            case .body(var buffer):
                guard body.count + buffer.readableBytes <= maxBytes else {
                    finish(context, .failure(.tooLarge(maxBytes: maxBytes)))
                    return
                }
                body += buffer.readBytes(length: buffer.readableBytes) ?? []
            case .end:
                finish(context, .success(body))
            }
        }

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read {
                finish(context, .failure(.timeout(seconds: timeoutSeconds)))
            }
            context.fireUserInboundEventTriggered(event)
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            finish(context, .failure(TLSGet.describe(error, timeoutSeconds: timeoutSeconds)))
        }

        func channelInactive(context: ChannelHandlerContext) {
            finish(context, .failure(.unreachable("the connection closed before the answer ended")))
            context.fireChannelInactive()
        }

        private func finish(_ context: ChannelHandlerContext, _ result: Result<[UInt8], HTTPGet.Failure>) {
            guard !done else { return }
            done = true
            switch result {
            case .success(let bytes): promise.succeed(bytes)
            case .failure(let failure): promise.fail(failure)
            }
            context.close(promise: nil)
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// HTTP/1.1 on SwiftNIO. Each request is handed to `SimulatorCore` when complete; delays
/// (latency, stalls) are scheduled on the channel's event loop, never slept, so one slow
/// response does not hold up other connections. NIO's pipelining helper keeps responses on a
/// keep-alive connection in request order.
final class SimulatorHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// The pod that answers a request (`isControl`: a `/_sim/` one): always the same for a
    /// pod's own listener, the next running pod for the balancer, nil when none runs.
    private let pick: @Sendable (_ isControl: Bool) -> SimulatorCore?
    private let keepAliveTimeout: Duration
    /// Closes the connection when it has been idle for `keepAliveTimeout` after an answer.
    private var idleClose: Scheduled<Void>?
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    /// LiteLLM parses request bodies (see `RequestBodyCheck`); beyond this much we stop keeping them.
    private static let bodyLimit = 1 << 20
    /// `PUT /_sim/remote/<job>` carries a whole cost map (3.5 MB for 1.110.2's).
    private static let remoteFileLimit = 32 << 20
    private var limit = bodyLimit

    init(pick: @escaping @Sendable (_ isControl: Bool) -> SimulatorCore?, keepAliveTimeout: Duration) {
        self.pick = pick
        self.keepAliveTimeout = keepAliveTimeout
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            idleClose?.cancel()
            idleClose = nil
            self.head = head
            body = []
            limit = head.uri.hasPrefix("/_sim/remote/") ? Self.remoteFileLimit : Self.bodyLimit
        case .body(var chunk):
            if body.count < limit, let bytes = chunk.readBytes(length: min(chunk.readableBytes, limit - body.count)) {
                body += bytes
            }
        case .end:
            guard let head else { return }
            self.head = nil
            let keepAlive = head.isKeepAlive
            guard let core = pick(head.uri.hasPrefix("/_sim/")) else {
                // A balancer with no pod left: what nginx answers when every upstream is down.
                body = []
                return write(.html(502, "502 Bad Gateway"), dateMicros: SimulatedClock.realNowMicros(),
                             method: head.method.rawValue, context: context, keepAlive: keepAlive)
            }
            let headers = head.headers.map { (name: $0.name, value: $0.value) }
            let (request, delay, drop) = core.arrive(method: head.method.rawValue, uri: head.uri, headers: headers, body: body)
            body = []
            if drop { return context.close(promise: nil) }
            if let pending = core.podControl(request, connection: ObjectIdentifier(context.channel), eventLoop: context.eventLoop) {
                let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
                pending.hop(to: context.eventLoop).whenComplete { result in
                    let (handler, context) = loopBound.value
                    let (response, closeAfter) = (try? result.get()) ?? (.internalServerError, true)
                    guard context.channel.isActive else { return }
                    handler.write(response, dateMicros: core.nowMicros(),
                                  method: request.method, context: context, keepAlive: keepAlive && !closeAfter)
                }
                return
            }
            if delay <= 0 {
                respond(core: core, context: context, request: request, keepAlive: keepAlive)
            } else {
                context.eventLoop.assumeIsolated().scheduleTask(in: .microseconds(delay)) {
                    self.respond(core: core, context: context, request: request, keepAlive: keepAlive)
                }
            }
        }
    }

    private func respond(core: SimulatorCore, context: ChannelHandlerContext, request: IncomingRequest, keepAlive: Bool) {
        // Handled even if the client gave up while we stalled: a real proxy finishes a slow
        // reload after the caller timed out, and that is what timeout tests need to see.
        let (response, dateMicros) = core.respond(to: request)
        guard context.channel.isActive, !response.hangs else { return }  // a hang: the client gives up
        if response.refusesConnection { return context.close(promise: nil) }
        guard response.holdMicros > 0 else {
            return write(response, dateMicros: dateMicros, method: request.method, context: context, keepAlive: keepAlive)
        }
        // LiteLLM waiting between fetch attempts: the answer leaves that much later.
        context.eventLoop.assumeIsolated().scheduleTask(in: .microseconds(response.holdMicros)) {
            guard context.channel.isActive else { return }
            self.write(response, dateMicros: core.nowMicros(), method: request.method, context: context, keepAlive: keepAlive)
        }
    }

    private func write(_ response: OutgoingResponse, dateMicros: Int64, method: String, context: ChannelHandlerContext, keepAlive: Bool) {
        var headers = HTTPHeaders()
        for (name, value) in response.headerFields(dateHeader: PythonISOFormat.httpDate(micros: dateMicros), closeConnection: !keepAlive) {
            headers.add(name: name, value: value)
        }
        if response.endless {
            headers.remove(name: "content-length")
            headers.add(name: "transfer-encoding", value: "chunked")
            context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
            pumpEndless(context: context, sent: 0)
            return
        }
        // uvicorn answers HTTP/1.1 even to an HTTP/1.0 request.
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        // A HEAD answer keeps its content-length but, as uvicorn does, sends no body.
        if response.body.readableBytes > 0 && method != "HEAD" {
            context.write(wrapOutboundOut(.body(.byteBuffer(response.body))), promise: nil)
        }
        if keepAlive {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            let loopBoundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
            idleClose?.cancel()
            idleClose = context.eventLoop.scheduleTask(in: .nanoseconds(Int64(keepAliveTimeout / .nanoseconds(1)))) {
                loopBoundContext.value.close(promise: nil)
            }
        } else {
            let loopBoundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
                loopBoundContext.value.close(promise: nil)
            }
        }
    }

    /// The `endless` fault: 64 KB chunks, each written when the last one is flushed, until
    /// the client closes the connection (or 4 GB, so a client that never does still ends).
    private func pumpEndless(context: ChannelHandlerContext, sent: Int) {
        guard context.channel.isActive, sent < 4 << 30 else { return context.close(promise: nil) }
        let chunk = ByteBuffer(repeating: UInt8(ascii: "x"), count: 64 << 10)
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(chunk)))).whenComplete { result in
            guard case .success = result else { return }
            let (handler, context) = loopBound.value
            handler.pumpEndless(context: context, sent: sent + chunk.readableBytes)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        idleClose?.cancel()
        idleClose = nil
        context.fireChannelInactive()
    }
}

/// The connections one listener accepted and still has open, so that stopping a pod can
/// close them as a dying process would.
final class ConnectionRegistry: Sendable {
    private let open = LockedValue<[ObjectIdentifier: any Channel]>([:])

    func add(_ channel: any Channel) {
        let id = ObjectIdentifier(channel)
        open.withLock { $0[id] = channel }
        channel.closeFuture.whenComplete { [self] _ in _ = open.withLock { $0.removeValue(forKey: id) } }
    }

    /// Closes every connection but `sparing`; whether `sparing` was one of them.
    func closeAll(sparing: ObjectIdentifier?) -> Bool {
        let channels = open.withLock { $0 }
        for (id, channel) in channels where id != sparing { channel.close(promise: nil) }
        return sparing.map { channels[$0] != nil } ?? false
    }
}

/// One listening socket (a pod's, or the balancer's) on the fleet's event loop group.
struct HTTPServer: Sendable {
    let channel: any Channel
    let connections: ConnectionRegistry

    static func bind(
        group: any EventLoopGroup, host: String, port: Int, tls: NIOSSLContext?, keepAliveTimeout: Duration,
        onAccept: @escaping @Sendable () -> Void, pick: @escaping @Sendable (_ isControl: Bool) -> SimulatorCore?
    ) -> EventLoopFuture<HTTPServer> {
        let connections = ConnectionRegistry()
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                onAccept()
                connections.add(channel)
                return channel.eventLoop.makeCompletedFuture {
                    let ops = channel.pipeline.syncOperations
                    if let tls { try ops.addHandler(NIOSSLServerHandler(context: tls)) }
                    try ops.configureHTTPServerPipeline(withErrorHandling: true)
                    try ops.addHandler(SimulatorHTTPHandler(pick: pick, keepAliveTimeout: keepAliveTimeout))
                }
            }
        let socket: CInt
        do {
            socket = try makeBoundSocket(host: host, port: port)
        } catch {
            return group.next().makeFailedFuture(error)
        }
        return bootstrap.withBoundSocket(socket).map { HTTPServer(channel: $0, connections: connections) }
    }


    var port: Int { channel.localAddress?.port ?? 0 }

    /// Stops listening (new connections are refused) and closes the open connections but
    /// `sparing` (the one a stop request came on, closed after its answer). Returns when the
    /// socket is closed, and whether `sparing` was a connection of this listener.
    func close(sparing: ObjectIdentifier? = nil) -> (closed: EventLoopFuture<Void>, spared: Bool) {
        let closed = channel.close()
        let spared = connections.closeAll(sparing: sparing)
        return (closed.recover { _ in }, spared)
    }

    /// The certificate chain and key LiteLLM's `--ssl_certfile_path` / `--ssl_keyfile_path` name.
    static func serverContext(_ files: TLSFiles) throws -> NIOSSLContext {
        let chain: [NIOSSLCertificate]
        let key: NIOSSLPrivateKey
        do {
            chain = try NIOSSLCertificate.fromPEMFile(files.certificatePath)
        } catch {
            throw SimulatorError.invalidConfiguration("cannot read the certificate \(files.certificatePath): \(error)")
        }
        do {
            key = try NIOSSLPrivateKey(file: files.keyPath, format: .pem)
        } catch {
            throw SimulatorError.invalidConfiguration("cannot read the private key \(files.keyPath): \(error)")
        }
        let configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        return try NIOSSLContext(configuration: configuration)
    }
}

/// A TCP socket bound to `host:port` with `SO_REUSEADDR`, and close-on-exec: NIO's own
/// sockets are inherited by every process the host program spawns, and a child holding a
/// stopped pod's listening socket would keep its port open and taken.
func makeBoundSocket(host: String, port: Int) throws -> CInt {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    #if canImport(Darwin)
    hints.ai_socktype = SOCK_STREAM
    #else
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    #endif
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
    var found: UnsafeMutablePointer<addrinfo>?
    let status = getaddrinfo(host.isEmpty ? nil : host, String(port), &hints, &found)
    guard status == 0, let info = found else {
        throw SimulatorError.invalidConfiguration("cannot listen on \(host): \(String(cString: gai_strerror(status)))")
    }
    defer { freeaddrinfo(found) }
    let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
    guard fd >= 0 else { throw IOError(errnoCode: errno, reason: "socket") }
    _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    var one: Int32 = 1
    _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    guard bind(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
        let code = errno
        close(fd)
        throw IOError(errnoCode: code, reason: "bind(\(host):\(port))")
    }
    return fd
}

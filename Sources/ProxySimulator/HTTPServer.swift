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

    private let core: SimulatorCore
    private let keepAliveTimeout: Duration
    /// Closes the connection when it has been idle for `keepAliveTimeout` after an answer.
    private var idleClose: Scheduled<Void>?
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    /// LiteLLM parses request bodies (see `RequestBodyCheck`); beyond this much we stop keeping them.
    private static let bodyLimit = 1 << 20

    init(core: SimulatorCore, keepAliveTimeout: Duration) {
        self.core = core
        self.keepAliveTimeout = keepAliveTimeout
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            idleClose?.cancel()
            idleClose = nil
            self.head = head
            body = []
        case .body(var chunk):
            if body.count < Self.bodyLimit, let bytes = chunk.readBytes(length: min(chunk.readableBytes, Self.bodyLimit - body.count)) {
                body += bytes
            }
        case .end:
            guard let head else { return }
            self.head = nil
            let headers = head.headers.map { (name: $0.name, value: $0.value) }
            let (request, delay, drop) = core.arrive(method: head.method.rawValue, uri: head.uri, headers: headers, body: body)
            body = []
            if drop { return context.close(promise: nil) }
            let keepAlive = head.isKeepAlive
            if delay <= 0 {
                respond(context: context, request: request, keepAlive: keepAlive)
            } else {
                context.eventLoop.assumeIsolated().scheduleTask(in: .microseconds(delay)) {
                    self.respond(context: context, request: request, keepAlive: keepAlive)
                }
            }
        }
    }

    private func respond(context: ChannelHandlerContext, request: IncomingRequest, keepAlive: Bool) {
        // Handled even if the client gave up while we stalled: a real proxy finishes a slow
        // reload after the caller timed out, and that is what timeout tests need to see.
        let (response, dateMicros) = core.respond(to: request)
        guard context.channel.isActive, !response.hangs else { return }  // a hang: the client gives up
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
        if response.body.readableBytes > 0 && request.method != "HEAD" {
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

/// Binds the listening socket and owns the event loop group.
struct HTTPServer {
    let group: MultiThreadedEventLoopGroup
    let channel: any Channel

    static func start(core: SimulatorCore, host: String, port: Int, tls: TLSFiles?, keepAliveTimeout: Duration) async throws -> HTTPServer {
        let tlsContext = try tls.map(Self.serverContext)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                core.connectionsAccepted.withLock { $0 += 1 }
                return channel.eventLoop.makeCompletedFuture {
                    let ops = channel.pipeline.syncOperations
                    if let tlsContext { try ops.addHandler(NIOSSLServerHandler(context: tlsContext)) }
                    try ops.configureHTTPServerPipeline(withErrorHandling: true)
                    try ops.addHandler(SimulatorHTTPHandler(core: core, keepAliveTimeout: keepAliveTimeout))
                }
            }
        do {
            let channel = try await bootstrap.bind(host: host, port: port).get()
            return HTTPServer(group: group, channel: channel)
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    var port: Int { channel.localAddress?.port ?? 0 }

    /// The certificate chain and key LiteLLM's `--ssl_certfile_path` / `--ssl_keyfile_path` name.
    private static func serverContext(_ files: TLSFiles) throws -> NIOSSLContext {
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

    func stop() async throws {
        try? await channel.close()
        try await group.shutdownGracefully()
    }
}

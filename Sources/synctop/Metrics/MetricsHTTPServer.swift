import NIOCore
import NIOHTTP1
import NIOPosix

/// `serve-metrics`' listener: GET /metrics answers the last round's text; anything else
/// is a 404 or 405. SwiftNIO's HTTP/1 decoder bounds the request head; bodies are ignored.
enum MetricsHTTPServer {
    static func start(host: String, port: Int, body: @escaping @Sendable () -> [UInt8]) async throws -> any Channel {
        try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Handler(body: body))
                }
            }
            .bind(host: host, port: port).get()
    }

    final class Handler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let body: @Sendable () -> [UInt8]
        private var head: HTTPRequestHead?

        init(body: @escaping @Sendable () -> [UInt8]) { self.body = body }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let h): head = h
            case .body: break
            case .end:
                guard let head else { return }
                self.head = nil
                let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
                let (status, type, bytes): (HTTPResponseStatus, String, [UInt8]) =
                    if head.method != .GET && head.method != .HEAD { (.methodNotAllowed, "text/plain", Array("GET /metrics\n".utf8)) }
                    else if path == "/metrics" { (.ok, "text/plain; version=0.0.4; charset=utf-8", body()) }
                    else { (.notFound, "text/plain", Array("synctop serves /metrics\n".utf8)) }
                var headers = HTTPHeaders([("Content-Type", type), ("Content-Length", String(bytes.count))])
                if !head.isKeepAlive { headers.add(name: "Connection", value: "close") }
                context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
                if head.method != .HEAD {
                    context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: bytes)))), promise: nil)
                }
                let keepAlive = head.isKeepAlive
                context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
                    if !keepAlive { context.close(promise: nil) }
                }
            }
        }
    }
}

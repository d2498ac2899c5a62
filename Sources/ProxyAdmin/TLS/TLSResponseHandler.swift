#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOSSL

/// The end of a TLS connection's pipeline: feeds the decrypted bytes of one answer at a
/// time to `HTTPResponseReader` (HTTP/1.1 keep-alive, one request in flight, no
/// pipelining). Touched only on its channel's event loop.
final class TLSResponseHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    private struct Pending {
        var promise: EventLoopPromise<ProxyResponse>
        var reader: HTTPResponseReader
        var gotBytes = false
    }

    private var pending: Pending?
    private var context: ChannelHandlerContext?
    /// False once the connection cannot take another request: closed, failed, or the
    /// server said so.
    private(set) var reusable = true
    /// Why the connection broke while no request was in flight (a handshake failing
    /// before the first request was handed over): the next request's answer.
    private var brokenBy: TLSExchange.Failure?

    /// The next answer on this connection completes `promise`. Call before writing the request.
    func expect(_ promise: EventLoopPromise<ProxyResponse>, maxBodyBytes: Int) {
        precondition(pending == nil, "one request at a time on a connection")
        pending = Pending(promise: promise, reader: HTTPResponseReader(maxBodyBytes: maxBodyBytes))
        if let brokenBy { fail(brokenBy) } else if context == nil { fail(.closedBeforeAnswer) }
    }

    /// Ends the request in flight (a deadline passed) and closes the connection.
    func fail(_ failure: TLSExchange.Failure) {
        reusable = false
        if let waiting = pending {
            pending = nil
            waiting.promise.fail(failure)
        } else if brokenBy == nil, failure != .closedBeforeAnswer {
            brokenBy = failure
        }
        context?.close(promise: nil)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        fail(.closedBeforeAnswer)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard var waiting = pending else {
            // Bytes nobody asked for: the connection's framing can no longer be trusted.
            reusable = false
            context.close(promise: nil)
            return
        }
        waiting.gotBytes = true
        let buffer = unwrapInboundIn(data)
        do throws(HTTPResponseReader.Failure) {
            let answer = try buffer.withUnsafeReadableBytes { raw throws(HTTPResponseReader.Failure) in try waiting.reader.append(raw) }
            guard let answer else {
                pending = waiting
                return
            }
            pending = nil
            if !waiting.reader.connectionReusable {
                reusable = false
                context.close(promise: nil)
            }
            waiting.promise.succeed(answer)
        } catch {
            pending = waiting
            fail(Self.failure(error))
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read, pending != nil {
            fail(.timeout)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A server that closes without TLS's close_notify is common and harmless after a
        // complete answer; an answer framed by the close is then what arrived.
        if let ssl = error as? NIOSSLError, case .uncleanShutdown = ssl {
            endOfStream()
            return
        }
        // A reset before any answer, on a kept connection, is the server having closed
        // it while idle: worth one retry, like a plain close.
        if let io = error as? IOError, io.errnoCode == ECONNRESET || io.errnoCode == EPIPE, pending?.gotBytes == false {
            return fail(.closedBeforeAnswer)
        }
        fail(TLSExchange.describe(error))
    }

    func channelInactive(context: ChannelHandlerContext) {
        endOfStream()
        context.fireChannelInactive()
    }

    private func endOfStream() {
        reusable = false
        guard var waiting = pending else { return }
        guard waiting.gotBytes else { return fail(.closedBeforeAnswer) }
        do throws(HTTPResponseReader.Failure) {
            let answer = try waiting.reader.finish()
            pending = nil
            waiting.promise.succeed(answer)
        } catch {
            fail(Self.failure(error))
        }
    }

    private static func failure(_ error: HTTPResponseReader.Failure) -> TLSExchange.Failure {
        switch error {
        case .tooLarge: .tooLarge
        case .malformed(let why): .badResponse(why)
        }
    }
}

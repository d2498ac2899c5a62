import NIOCore

/// One TLS connection and the handler reading its answers. `@unchecked Sendable` because
/// the handler is only ever touched on `channel.eventLoop`: every method here must be
/// called there.
final class TLSConnection: @unchecked Sendable {
    let channel: any Channel
    private let handler: TLSResponseHandler

    init(channel: any Channel, handler: TLSResponseHandler) {
        self.channel = channel
        self.handler = handler
    }

    /// Open, and the last answer left it open for another request.
    var canTakeAnother: Bool {
        channel.isActive && handler.reusable
    }

    /// Writes `request` and reads its answer, by `limits.deadline`. Fails only with
    /// `TLSExchange.Failure`.
    func send(_ request: [UInt8], limits: TLSExchange.Limits) -> EventLoopFuture<ProxyResponse> {
        let loop = channel.eventLoop
        loop.preconditionInEventLoop()
        let promise = loop.makePromise(of: ProxyResponse.self)
        handler.expect(promise, maxBodyBytes: limits.maxBodyBytes)
        let deadline = loop.scheduleTask(deadline: limits.deadline) { self.handler.fail(.timeout) }
        promise.futureResult.whenComplete { _ in deadline.cancel() }
        var buffer = channel.allocator.buffer(capacity: request.count)
        buffer.writeBytes(request)
        channel.writeAndFlush(buffer, promise: nil)
        return promise.futureResult
    }

    func close() {
        channel.close(promise: nil)
    }
}

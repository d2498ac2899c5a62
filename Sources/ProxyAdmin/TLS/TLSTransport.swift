import NIOCore
import NIOPosix
import NIOSSL

/// `ProxyTransport` for `https://` proxies, over `TLSExchange`. Connections are kept for
/// the next poll while the server allows it: a TLS handshake costs more CPU than the rest
/// of an idle poll (`Tests/Benchmarks/run`). LiteLLM's uvicorn closes a connection idle
/// for 5 s (`--keepalive_timeout`), so against a bare LiteLLM at the default 10 s interval
/// each poll shakes hands again; behind nginx or a load balancer (60 s and more) it does
/// not. swift-nio-ssl has no client session cache, so a reconnect cannot be a cheap
/// resumption: instead a poll that finds no kept connection sends its reads one after
/// another on one new connection, and one that finds some shares them out (measured: 31
/// handshakes a minute at 5 s keep-alive with one connection per read, 12 with two, 6 with
/// one — BENCHMARKS.md). A read slower than `ConnectionKeeper.hedgeDelay` does not hold up
/// the next: it goes on another connection.
/// Trusts the system's roots, or only `--ca-file`'s certificates.
public struct TLSTransport: ProxyTransport {
    public let baseURL: String
    public let target: HTTPTarget
    private let context: NIOSSLContext
    private let keeper: ConnectionKeeper
    /// Same limit as the other transports.
    let maxBodyBytes = 64 << 20

    /// Nil when `baseURL` is not an https URL `HTTPTarget` handles (user info, a query...);
    /// throws when the CA file cannot be read or TLS cannot be set up.
    public init?(baseURL: String, caFile: String? = nil) throws(ProxyError) {
        let trimmed = HTTPTarget.withoutTrailingSlashes(baseURL)
        guard let target = HTTPTarget.parseHTTPS(trimmed) else { return nil }
        self.baseURL = trimmed
        self.target = target
        do {
            context = try TLSExchange.context(caFile: caFile)
        } catch {
            if case .unreachable(let why) = error { throw .unreachable(why) }
            throw .unreachable("TLS set-up failed")
        }
        keeper = ConnectionKeeper(loop: MultiThreadedEventLoopGroup.singleton.next())
    }

    public func send(_ endpoint: Endpoint, apiKey: String?, timeoutSeconds: Int) async throws(ProxyError) -> ProxyResponse {
        try await sendAll([endpoint], apiKey: apiKey, timeoutSeconds: timeoutSeconds)[0].get()
    }

    public func sendAll(_ endpoints: [Endpoint], apiKey: String?, timeoutSeconds: Int) async -> [Result<ProxyResponse, ProxyError>] {
        // Name, connect, handshake and answer all within `--timeout`; each read capped at
        // its endpoint's size while it streams.
        let limits = TLSExchange.Limits(connectSeconds: timeoutSeconds, readIdleSeconds: nil,
                                        deadline: .now() + .seconds(Int64(timeoutSeconds)), maxBodyBytes: maxBodyBytes)
        let addresses: [SocketAddress]
        switch await TLSExchange.resolve(host: target.host, port: Int(target.port), timeoutSeconds: timeoutSeconds) {
        case .success(let found): addresses = found
        case .failure(let failure): return endpoints.map { _ in .failure(proxyError(failure, timeoutSeconds: timeoutSeconds)) }
        }
        let requests = endpoints.map { endpoint in
            (bytes: target.requestHead(method: endpoint.method.rawValue, path: endpoint.path,
                                       apiKey: endpoint.requiresKey ? apiKey : nil, keepAlive: true),
             idempotent: endpoint.method == .get, cap: endpoint.maxBodyBytes)
        }
        let (keeper, context, serverName) = (self.keeper, self.context, target.host)
        let transport = self
        // Started together on the loop and awaited once: each await is a wake-up of the
        // caller's thread. The reads go in lanes, one after another within a lane: as many
        // lanes as there are kept connections, at least `minimumLanes`; but one when none
        // is kept, so a poll that finds its connections closed shakes hands once, not once
        // per read. A read that takes longer than `hedgeDelay` lets its lane's next one
        // start anyway, on another connection: a hanging read costs the others that long.
        let all = keeper.loop.flatSubmit {
            let kept = keeper.usableIdleCount
            let lanes = kept == 0 ? 1 : max(ConnectionKeeper.minimumLanes, kept)
            var futures: [EventLoopFuture<ProxyResponse>] = []
            var laneTail = [EventLoopFuture<Void>](repeating: keeper.loop.makeSucceededVoidFuture(), count: lanes)
            for (i, request) in requests.enumerated() {
                var capped = limits
                capped.maxBodyBytes = request.cap
                let start = laneTail[i % lanes]
                let answer = start.flatMap {
                    keeper.exchange(request.bytes, idempotent: request.idempotent, addresses: addresses,
                                    serverName: serverName, context: context, limits: capped)
                }
                laneTail[i % lanes] = start.flatMap { ConnectionKeeper.doneOrLate(answer, after: ConnectionKeeper.hedgeDelay) }
                futures.append(answer)
            }
            return EventLoopFuture.whenAllComplete(futures, on: keeper.loop)
        }
        let outcomes: [Result<ProxyResponse, any Error>]
        do {
            outcomes = try await all.get()
        } catch {
            outcomes = endpoints.map { _ in .failure(error) }  // whenAllComplete itself never fails
        }
        return zip(outcomes, requests).map { outcome, request in
            outcome.mapError { transport.proxyError(TLSExchange.describe($0), timeoutSeconds: timeoutSeconds, cap: request.cap) }
        }
    }

    public func shutdown() async {
        try? await keeper.loop.submit { keeper.closeIdle() }.get()
    }

    /// In the plain-http path's words (`SocketExchange`).
    private func proxyError(_ failure: TLSExchange.Failure, timeoutSeconds: Int, cap: Int? = nil) -> ProxyError {
        switch failure {
        case .unreachable, .closedBeforeAnswer: .unreachable(failure.words ?? "")
        case .connectTimedOut: .unreachable("connection to \(URLText.display(baseURL)) timed out after \(timeoutSeconds) s (--timeout)")
        case .timeout: .timeout(seconds: timeoutSeconds)
        case .tooLarge: .badResponse(HTTPResponseReader.tooLargeText(cap ?? maxBodyBytes))
        case .badResponse(let why): .badResponse(why)
        }
    }
}

/// The connections a `TLSTransport` keeps between requests. `@unchecked Sendable`: its
/// state is only touched on `loop`.
final class ConnectionKeeper: @unchecked Sendable {
    let loop: any EventLoop
    /// A poll's reads (five at most) each keep one.
    static let maxIdle = 6
    /// Lanes of a poll that finds connections kept (`TLSTransport.sendAll`): a second
    /// connection costs one handshake while the server keeps them, then nothing.
    static let minimumLanes = 2
    /// How long a lane's next read waits for a slow one before it goes on another
    /// connection. An idle poll's reads answer within milliseconds on a LAN.
    static let hedgeDelay = TimeAmount.milliseconds(750)

    /// Completes when `answer` does or `delay` from now, whichever comes first (a second
    /// completion of a promise is ignored by NIO).
    static func doneOrLate(_ answer: EventLoopFuture<ProxyResponse>, after delay: TimeAmount) -> EventLoopFuture<Void> {
        let loop = answer.eventLoop
        let next = loop.makePromise(of: Void.self)
        let late = loop.scheduleTask(in: delay) { next.succeed() }
        answer.whenComplete { _ in
            late.cancel()
            next.succeed()
        }
        return next.futureResult
    }
    private var idle: [TLSConnection] = []

    init(loop: any EventLoop) {
        self.loop = loop
    }

    /// How many connections wait for a request now (tests).
    var idleCount: Int {
        loop.preconditionInEventLoop()
        return idle.count
    }

    /// Kept connections that may still take a request (the server has not closed them).
    var usableIdleCount: Int {
        loop.preconditionInEventLoop()
        return idle.filter(\.canTakeAnother).count
    }

    /// `request` on a kept connection when there is one, else on a new one. A kept
    /// connection the server closed while idle fails before a byte of the answer; an
    /// idempotent request is then sent once more, on a new connection.
    func exchange(_ request: [UInt8], idempotent: Bool, addresses: [SocketAddress], serverName: String,
                  context: NIOSSLContext, limits: TLSExchange.Limits) -> EventLoopFuture<ProxyResponse> {
        loop.preconditionInEventLoop()
        let fresh: @Sendable () -> EventLoopFuture<ProxyResponse> = { [self] in
            TLSExchange.open(addresses, serverName: serverName, context: context, limits: limits, on: loop)
                .flatMap { connection in self.use(connection, request, limits) }
        }
        guard let kept = takeIdle() else { return fresh() }
        return use(kept, request, limits).flatMapError { error in
            guard idempotent, let failure = error as? TLSExchange.Failure, failure == .closedBeforeAnswer else {
                return self.loop.makeFailedFuture(error)
            }
            return fresh()
        }
    }

    func closeIdle() {
        for connection in idle { connection.close() }
        idle.removeAll()
    }

    /// The most recently used connection that is still open (the likeliest to stay so).
    private func takeIdle() -> TLSConnection? {
        while let kept = idle.popLast() {
            if kept.canTakeAnother { return kept }
            kept.close()
        }
        return nil
    }

    /// Sends on `connection`, then keeps it if it may take another request.
    private func use(_ connection: TLSConnection, _ request: [UInt8], _ limits: TLSExchange.Limits) -> EventLoopFuture<ProxyResponse> {
        connection.send(request, limits: limits).always { _ in
            self.idle.removeAll { !$0.canTakeAnother }
            if connection.canTakeAnother, self.idle.count < Self.maxIdle {
                self.idle.append(connection)
            } else {
                connection.close()
            }
        }
    }
}

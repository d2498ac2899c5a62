#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import NIOPosix
import NIOSSL

/// The running simulator: N pods (one `SimulatorCore` each, each on its own listener), the
/// fleet's one locked state, each pod's periodic-check timer, and the optional round-robin
/// balancer, all on one event loop group. Pods are stopped, started and restarted here.
///
/// Lock order: `state` first, then any of the small locks below; never `state` while holding
/// one of them.
final class SimulatorFleet: Sendable {
    let configuration: SimulatorConfiguration
    let seed: SeedData
    let state: LockedValue<FleetState>
    let group: MultiThreadedEventLoopGroup
    private let tls: NIOSSLContext?
    /// Cleared at shutdown: the cores point back here.
    private let cores = LockedValue<[SimulatorCore]>([])
    private let listeners: LockedValue<[Listener]>
    private let balancer = LockedValue<HTTPServer?>(nil)
    private let nextBalanced = LockedValue(0)
    private let ticker = LockedValue<RepeatedTask?>(nil)
    private let isShutDown = LockedValue(false)

    struct Listener: Sendable {
        /// Asked for at start, then the bound one: a restarted pod keeps its URL.
        var port: Int
        var server: HTTPServer?
        var checkTask: RepeatedTask?
        /// While stopped: a socket bound to the port but not listening, so connections are
        /// still refused and nobody else (another test's free-port pick, a client's ephemeral
        /// port) takes the port before the pod starts again.
        var reservation: PortReservation?
    }

    private init(configuration: SimulatorConfiguration, seed: SeedData, tls: NIOSSLContext?) {
        self.configuration = configuration
        self.seed = seed
        self.tls = tls
        state = LockedValue(FleetState(seed: seed, configuration: configuration))
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let count = max(1, configuration.pods)
        listeners = LockedValue((0..<count).map { Listener(port: configuration.port == 0 ? 0 : configuration.port + $0) })
    }

    static func start(_ configuration: SimulatorConfiguration) async throws -> SimulatorFleet {
        let tls = try configuration.tls.map(HTTPServer.serverContext)
        let seed = try SeedData.load()
        let fleet = SimulatorFleet(configuration: configuration, seed: seed, tls: tls)
        fleet.cores.withLock { cores in cores = (0..<fleet.podCount).map { SimulatorCore(fleet: fleet, index: $0) } }
        do {
            for index in 0..<fleet.podCount { try await fleet.listen(index).get() }
            if let port = configuration.balancerPort {
                let server = try await HTTPServer.bind(
                    group: fleet.group, host: configuration.host, port: port, tls: tls,
                    keepAliveTimeout: configuration.keepAliveTimeout, onAccept: {},
                    pick: { [fleet] isControl in isControl ? fleet.core(0) : fleet.nextRunningCore() }
                ).get()
                fleet.balancer.withLock { $0 = server }
            }
        } catch {
            try? await fleet.shutdown()
            throw error
        }
        let task = fleet.group.next().scheduleRepeatedTask(initialDelay: .seconds(1), delay: .seconds(1)) { [fleet] _ in
            fleet.state.withLock { $0.runDueChecks(seed: fleet.seed, configuration: fleet.configuration) }
        }
        fleet.ticker.withLock { $0 = task }
        return fleet
    }

    var podCount: Int { listeners.withLock { $0.count } }

    func core(_ index: Int) -> SimulatorCore? {
        cores.withLock { index < $0.count ? $0[index] : nil }
    }

    var ports: [Int] { listeners.withLock { $0.map(\.port) } }
    var balancerPort: Int? { balancer.withLock { $0?.port } }

    func isRunning(_ index: Int) -> Bool { listeners.withLock { $0[index].server != nil } }

    var scheme: String { configuration.tls == nil ? "http" : "https" }

    func url(port: Int) -> String { "\(scheme)://\(Self.hostForURL(configuration.host)):\(port)" }

    /// `http://127.0.0.1:PORT` (a wildcard bind address is reported as loopback).
    static func hostForURL(_ host: String) -> String {
        switch host {
        case "0.0.0.0", "": return "127.0.0.1"
        case "::": return "[::1]"
        default: return host.contains(":") ? "[\(host)]" : host
        }
    }

    // MARK: Pods

    /// Binds pod `index`'s port and starts its periodic check (first run one interval later).
    private func listen(_ index: Int) -> EventLoopFuture<Void> {
        guard let core = core(index) else { return group.next().makeFailedFuture(SimulatorError.invalidConfiguration("shut down")) }
        let port = listeners.withLock { listeners in
            listeners[index].reservation?.release()
            listeners[index].reservation = nil
            return listeners[index].port
        }
        return HTTPServer.bind(
            group: group, host: configuration.host, port: port, tls: tls, keepAliveTimeout: configuration.keepAliveTimeout,
            onAccept: { core.connectionsAccepted.withLock { $0 += 1 } }, pick: { _ in core }
        ).map { [self] server in
            core.serverAddress.withLock { $0 = "\(Self.hostForURL(configuration.host)):\(server.port)" }
            let interval = TimeAmount.nanoseconds(Int64(configuration.checkInterval / .nanoseconds(1)))
            let task = group.next().scheduleRepeatedTask(initialDelay: interval, delay: interval) { [self] _ in
                state.withLock { $0.checkCameRound(index, seed: seed, configuration: configuration) }
            }
            listeners.withLock { listeners in
                listeners[index].port = server.port
                listeners[index].server = server
                listeners[index].checkTask = task
            }
        }
    }

    /// The process of pod `index` dies: its port refuses connections, its open connections
    /// close (but `sparing`, the one the stop request came on, closed after its answer), its
    /// checks stop. Returns when the port is closed, and whether `sparing` was spared.
    func stop(_ index: Int, sparing: ObjectIdentifier? = nil) -> (closed: EventLoopFuture<Void>, spared: Bool) {
        state.withLock { $0.markStopped(index) }
        let (server, task) = listeners.withLock { listeners in
            defer {
                listeners[index].server = nil
                listeners[index].checkTask = nil
            }
            return (listeners[index].server, listeners[index].checkTask)
        }
        task?.cancel()
        guard let server else { return (group.next().makeSucceededVoidFuture(), false) }
        let (closed, spared) = server.close(sparing: sparing)
        let reserved = closed.map { [self] in
            let reservation = PortReservation(host: configuration.host, port: server.port)
            listeners.withLock { listeners in
                if listeners[index].server == nil && listeners[index].reservation == nil {
                    listeners[index].reservation = reservation
                } else {
                    reservation?.release()
                }
            }
        }
        return (reserved, spared)
    }

    /// Pod `index` starts as a fresh process on its port (nothing happens if it runs).
    func start(_ index: Int) -> EventLoopFuture<Void> {
        if isRunning(index) { return group.next().makeSucceededVoidFuture() }
        state.withLock { $0.startFresh(index, seed: seed, configuration: configuration) }
        return listen(index).flatMapErrorThrowing { [self] error in
            // A start that lost a race with another one leaves the winner running.
            if !isRunning(index) { state.withLock { $0.markStopped(index) } }
            throw error
        }
    }

    func restart(_ index: Int, sparing: ObjectIdentifier? = nil) -> (started: EventLoopFuture<Void>, spared: Bool) {
        let (closed, spared) = stop(index, sparing: sparing)
        return (closed.flatMap { [self] in start(index) }, spared)
    }

    /// Pod `index`'s periodic check runs `micros` after it comes round; nil: never. A check
    /// waiting out the old lag is dropped.
    func setLag(_ index: Int, micros: Int64?) {
        state.withLock { fleet in
            fleet.controls[index].checkLagMicros = micros
            fleet.controls[index].pendingCheckAt = nil
        }
    }

    /// The balancer's choice: the next pod whose process runs, in turn.
    func nextRunningCore() -> SimulatorCore? {
        let running = listeners.withLock { $0.map { $0.server != nil } }
        let cores = cores.withLock { $0 }
        guard running.count == cores.count else { return nil }
        return nextBalanced.withLock { next in
            for step in 0..<running.count {
                let index = (next + step) % running.count
                if running[index] {
                    next = index + 1
                    return cores[index]
                }
            }
            return nil
        }
    }

    // MARK: Description (`GET /_sim/pods`, `POST /_sim/pod`)

    func podsBody(_ fleet: inout FleetState) -> PythonJSON {
        var database: PythonObject = ["cost_map": .null, "beta_headers": .null]
        if let row = fleet.shared.costMapRow {
            database["cost_map"] = .object([
                "interval_hours": .optional(row.intervalHours),
                "last_run_at": row.lastRunAt.map { .string(PythonISOFormat.isoformat(micros: $0, withOffset: true)) } ?? .null,
                "reload_revision": .int(row.reloadRevision),
            ])
        }
        if let row = fleet.shared.betaHeadersRow {
            database["beta_headers"] = .object(["interval_hours": .optional(row.intervalHours), "force_reload": .bool(row.forceReload)])
        }
        let balancerURL = balancerPort.map { PythonJSON.string(url(port: $0)) } ?? .null
        return .object([
            "check_interval_seconds": .float(Double(configuration.checkInterval / .microseconds(1)) / 1_000_000),
            "store_model_in_db": .bool(configuration.storeModelInDB),
            "balancer": balancerURL,
            "database": .object(database),
            "pods": .array((0..<fleet.count).map { podBody($0, &fleet) }),
        ])
    }

    func podBody(_ index: Int, _ fleet: inout FleetState) -> PythonJSON {
        let control = fleet.controls[index]
        let port = listeners.withLock { $0[index].port }
        let aware = { (micros: Int64) in PythonJSON.string(PythonISOFormat.isoformat(micros: micros, withOffset: true)) }
        return fleet.withPod(index) { pod in
            .object([
                "pod": .int(index),
                "url": .string(url(port: port)),
                "running": .bool(control.running),
                "check_lag_seconds": control.checkLagMicros.map { .float(Double($0) / 1_000_000) } ?? .null,
                "check_pending_at": control.pendingCheckAt.map(aware) ?? .null,
                "cost_map_applied_revision": .int(pod.costMapAppliedRevision),
                "cost_map_loaded_at": aware(pod.costMapLoadedAt),
                "cost_map_source_revision": .string(pod.costMap.sourceRevision),
                "cost_map_fallback_reason": .optional(pod.costMapSource.fallbackReason),
                "beta_headers_last_run": pod.betaHeadersLastReload.map {
                    .string(PythonISOFormat.isoformat(micros: $0, withOffset: false))
                } ?? .null,
            ])
        }
    }

    // MARK: Shutdown

    func shutdown() async throws {
        let first = isShutDown.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        ticker.withLock { $0?.cancel() }
        for index in 0..<podCount { try? await stop(index).closed.get() }
        listeners.withLock { listeners in
            for index in listeners.indices {
                listeners[index].reservation?.release()
                listeners[index].reservation = nil
            }
        }
        if let server = balancer.withLock({ $0 }) { _ = server.close() }
        cores.withLock { $0 = [] }
        try await group.shutdownGracefully()
    }
}

/// A TCP socket bound to a port without listening: connecting to it is refused, and the port
/// stays ours. IPv4 addresses only (nil otherwise, and when the bind fails).
final class PortReservation: Sendable {
    private let descriptor: Int32

    init?(host: String, port: Int) {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(truncatingIfNeeded: port).bigEndian)
        let bindHost = host.isEmpty ? "0.0.0.0" : host
        guard inet_pton(AF_INET, bindHost, &address.sin_addr) == 1 else { return nil }
        #if canImport(Darwin)
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #else
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard fd >= 0 else { return nil }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        // SO_REUSEADDR, or the old listener's connections in TIME_WAIT would keep us out.
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {

            close(fd)
            return nil
        }
        descriptor = fd
    }

    func release() { close(descriptor) }
}

import NIOCore

/// An in-process stand-in for a LiteLLM proxy's admin API, on loopback, answering byte for
/// byte as LiteLLM 1.100.5 or 1.109.1 does (bodies, key order, status codes, headers, quirks).
///
/// LiteLLM endpoints served: `POST /reload/model_cost_map`, `POST|DELETE
/// /schedule/model_cost_map_reload`, `GET /schedule/model_cost_map_reload/status`,
/// `GET /model/cost_map/source`, the same four for `anthropic_beta_headers`,
/// `GET /public/litellm_model_cost_map`, `GET /health/liveliness` (and `/health/liveness`),
/// `GET /health/readiness`, `GET /v1/models` (and `/models`); anything else is FastAPI's
/// 404/405/307. Like the proxy it re-checks the schedules every 10 seconds and fires due
/// reloads. It starts on LiteLLM 1.100.5's bundled data; the "remote" source a reload fetches
/// serves 1.109.1's, so a reload visibly changes models and beta-header columns.
///
/// Simulator-only control endpoints (not LiteLLM's; no key needed; never delayed; not logged):
/// - `GET /_sim/requests`: the request log as a JSON array of `SimulatedRequest`
///   (`sequence`, `time`, `method`, `path` with query, `has_authorization`, `status`).
/// - `POST /_sim/advance?seconds=N[&check=false]`: move the simulated clock by N seconds (may
///   be fractional or negative), then run the schedule check at once; with `check=false` the
///   next regular 10-second check picks the change up, leaving due jobs visibly overdue.
/// - `POST /_sim/fail_next_reload?job=cost_map|beta_headers`: the next source fetch of that
///   job fails (repeat to fail several). Cost map: a manual reload answers 502 and keeps the
///   data, a scheduled one retries at the next check. Beta headers: falls back to the bundled
///   file and still answers 200.
/// - `POST /_sim/stall?seconds=S&count=N`: delay the next N LiteLLM responses (default 1) by
///   S seconds more, for client timeout tests.
/// - `POST /_sim/drop?count=N`: the next N LiteLLM requests (default 1) are read and their
///   connection closed without an answer, as when a server closes an idle keep-alive
///   connection just as a request goes out.
/// - `GET /_sim/connections`: `{"accepted": N}`, TCP connections accepted since start.
/// - `POST /_sim/remote?release=1.100.5|1.109.1`: which release's files the remote source
///   serves from now on (default 1.109.1).
/// - `GET /_sim/remote/anthropic_beta_headers_config.json` and
///   `GET /_sim/remote/model_prices_and_context_window.json`: that remote source itself, the
///   files byte for byte (what LiteLLM's GitHub URLs serve), so a client can read the same
///   mapping the simulated proxy reloads from (`--beta-headers-url`).
/// - `POST /_sim/reset`: back to the state at start: data, schedules, clock offset, injected
///   failures, stalls and drops, request log (not the connection count).
public final class ProxySimulator: Sendable {
    private let core: SimulatorCore
    private let server: HTTPServer
    private let scheduleCheck: RepeatedTask

    /// The bound TCP port (the OS-picked one when the configuration asked for 0).
    public let port: Int

    /// The proxy's interval between schedule checks (`_init_non_llm_objects_in_db`).
    static let scheduleCheckInterval = TimeAmount.seconds(10)

    private init(core: SimulatorCore, server: HTTPServer, scheduleCheck: RepeatedTask) {
        self.core = core
        self.server = server
        self.scheduleCheck = scheduleCheck
        port = server.port
    }

    /// Loads the seed data (`SYNCTOP_SEED_DIR`, else the `Seed` folder beside the sources),
    /// binds the port and starts the schedule check.
    public static func start(_ configuration: SimulatorConfiguration) async throws -> ProxySimulator {
        guard (0...65535).contains(configuration.port) else {
            throw SimulatorError.invalidConfiguration("port \(configuration.port) is out of range")
        }
        guard !configuration.masterKey.isEmpty else {
            throw SimulatorError.invalidConfiguration("the master key must not be empty")
        }
        let seed = try SeedData.load()
        let core = SimulatorCore(configuration: configuration, seed: seed)
        let server = try await HTTPServer.start(core: core, host: configuration.host, port: configuration.port,
                                                tls: configuration.tls, keepAliveTimeout: configuration.keepAliveTimeout)
        core.serverAddress.withLock { $0 = "\(hostForURL(configuration.host)):\(server.port)" }
        let scheduleCheck = server.group.next().scheduleRepeatedTask(
            initialDelay: scheduleCheckInterval, delay: scheduleCheckInterval
        ) { _ in
            core.runBackgroundChecks()
        }
        return ProxySimulator(core: core, server: server, scheduleCheck: scheduleCheck)
    }

    /// `http://127.0.0.1:PORT` (a wildcard bind address is reported as loopback).
    public var baseURL: String {
        "\(core.configuration.tls == nil ? "http" : "https")://\(Self.hostForURL(core.configuration.host)):\(port)"
    }

    /// Every LiteLLM request answered so far (the last 10,000), oldest first.
    public func requestLog() -> [SimulatedRequest] {
        core.state.withLock { $0.requestLog }
    }

    /// TCP connections accepted since start (as `GET /_sim/connections`).
    public var connectionsAccepted: Int {
        core.connectionsAccepted.withLock { $0 }
    }

    /// The next `count` LiteLLM requests are closed unanswered (as `POST /_sim/drop`).
    public func dropNextRequests(_ count: Int) {
        core.state.withLock { $0.dropRemaining = count }
    }

    /// Moves the simulated clock, then runs the schedule check as the proxy's next poll would.
    public func advanceClock(by seconds: Double) {
        core.state.withLock { state in
            state.clock.advance(bySeconds: seconds)
            if core.configuration.hasDatabase { state.runBackgroundChecks(seed: core.seed) }
        }
    }

    public func shutdown() async throws {
        scheduleCheck.cancel()
        try await server.stop()
    }

    private static func hostForURL(_ host: String) -> String {
        switch host {
        case "0.0.0.0", "": return "127.0.0.1"
        case "::": return "[::1]"
        default: return host.contains(":") ? "[\(host)]" : host
        }
    }
}

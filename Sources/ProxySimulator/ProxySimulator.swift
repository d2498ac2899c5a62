import NIOCore

/// An in-process stand-in for a LiteLLM proxy's admin API, on loopback, answering byte for
/// byte as LiteLLM 1.100.5, 1.109.1 or 1.110.2 does (bodies, key order, status codes, headers,
/// quirks).
///
/// LiteLLM endpoints served: `POST /reload/model_cost_map`, `POST|DELETE
/// /schedule/model_cost_map_reload`, `GET /schedule/model_cost_map_reload/status`,
/// `GET /model/cost_map/source`, the same four for `anthropic_beta_headers`,
/// `GET /public/litellm_model_cost_map`, `GET /health/liveliness` (and `/health/liveness`),
/// `GET /health/readiness`, `GET /v1/models` (and `/models`); anything else is FastAPI's
/// 404/405/307. Like the proxy it re-checks the schedules every 30 seconds (`checkInterval`) and fires due
/// reloads. As 1.100.5 or 1.109.1 it starts on LiteLLM 1.100.5's bundled data and the "remote"
/// source a reload fetches serves 1.109.1's, so a reload visibly changes models and beta-header
/// columns; as 1.110.2 it starts as its captured proxy did, on its own files fetched from the
/// remote, which serves them too.
///
/// Simulator-only control endpoints (not LiteLLM's; no key needed; never delayed; not logged):
/// - `GET /_sim/requests`: the request log as a JSON array of `SimulatedRequest`
///   (`sequence`, `time`, `method`, `path` with query, `has_authorization`, `status`).
/// - `POST /_sim/advance?seconds=N[&check=false]`: move the simulated clock by N seconds (may
///   be fractional or negative), then run the schedule check at once; with `check=false` the
///   next regular check picks the change up, leaving due jobs visibly overdue.
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
/// - `POST /_sim/remote?release=1.100.5|1.109.1|1.110.2&cost_map=MODE&beta_headers=MODE` (any
///   of them): which release's files the remote source serves from now on (default 1.109.1;
///   1.110.2 for a 1.110.2 simulator), and how each job's fetch fares (`RemoteMode`: ok,
///   invalid-json, list, empty, small:N, http:CODE, unreachable). A failed cost-map fetch is a
///   502 with LiteLLM's reason (after `RemoteFetch.retryWaitMicros` for retried errors, unless
///   `remoteRetryDelays` is off); a failed beta-header fetch falls back to the bundled file.
///   `GET /_sim/remote` answers the settings.
/// - `PUT /_sim/remote/cost_map` or `PUT /_sim/remote/beta_headers` with a file as the body: the
///   remote serves those bytes (mode ok); `DELETE` on the same path: the release's file again.
/// - `GET /_sim/remote/anthropic_beta_headers_config.json` and
///   `GET /_sim/remote/model_prices_and_context_window.json`: that remote source itself, the
///   files byte for byte (what LiteLLM's GitHub URLs serve), so a client can read the same
///   mapping the simulated proxy reloads from (`--beta-headers-url`); in a failure mode, that
///   failure (the broken bytes, the HTTP error, a closed connection).
/// - `POST /_sim/reset`: back to the state at start: data, schedules, clock offset, the remote
///   source's settings, injected failures, stalls and drops, request log (not the connection
///   count), on every pod; a stopped pod stays stopped.
///
/// Several pods (`SimulatorConfiguration.pods`, `synctop simulate --pods N`): N processes of
/// one proxy, as "Several pods of one proxy" in `litellm/README.md` describes. They share the
/// database rows (cost-map schedule, `last_run_at`, `reload_revision`; beta-header schedule and
/// `force_reload`), the simulated clock and the remote source; each keeps its own memory (the
/// loaded cost map and its source info, the applied revision, the beta-header mapping and its
/// `last_run`). Each pod runs its periodic check every `checkInterval` (30 s) of real time, the
/// first one interval after it starts; the beta-header part only with `storeModelInDB`.
/// - Every `/_sim/` control acts on the pod it is sent to, or on pod K with `&pod=K` (sent to
///   any pod or to the balancer). `advance`, `reset`, `remote` and `pods` are fleet-wide:
///   `advance` moves the shared clock and then every running pod's check comes round, in pod
///   order (so after a beta-header reload the first pod in that order takes `force_reload`).
/// - `POST /_sim/pod?action=stop[&pod=K]`: pod K's process dies: its port refuses
///   connections and its open connections close (the one the request came on, after the
///   answer). Its checks stop.
/// - `POST /_sim/pod?action=start[&pod=K]`: it starts again as a fresh process on the same
///   port: the cost map loaded from the remote source now (the bundled 1.100.5 copy with a
///   `fallback_reason` if a `fail_next_reload?job=cost_map` is pending), `loaded_at` now,
///   applied revision 0 (so its first check reloads once more if `reload_revision` is not 0),
///   no beta-header `last_run`, and, with `storeModelInDB`, the beta-header check at start.
///   The request log, injected failures, faults and the lag survive. A running pod is left
///   alone.
/// - `POST /_sim/pod?action=restart[&pod=K]`: stop, then start.
/// - `POST /_sim/pod?action=lag&seconds=S[&pod=K]`: from now on pod K's periodic check runs S
///   simulated seconds after it comes round (its timer or `advance`); a later `advance` or
///   real time passing runs it. `seconds=0`: on time again; `seconds=off`: never.
///   These answer once done, with the pod as `GET /_sim/pods` lists it.
/// - `GET /_sim/pods`: `{"check_interval_seconds", "store_model_in_db", "balancer": URL|null,
///   "database": {"cost_map": {"interval_hours", "last_run_at", "reload_revision"}|null,
///   "beta_headers": {"interval_hours", "force_reload"}|null}, "pods": [{"pod", "url",
///   "running", "check_lag_seconds" (null: off), "check_pending_at", "cost_map_applied_revision",
///   "cost_map_loaded_at", "cost_map_source_revision", "cost_map_fallback_reason",
///   "beta_headers_last_run"}]}`: what no LiteLLM endpoint shows, for tests.
/// - The balancer (`balancerPort`) sends each LiteLLM request to the next running pod in turn
///   (in process, on its own port), as a load balancer in front of the pods would; no answer
///   says which pod it came from (each pod's `/_sim/requests` does). `/_sim/` calls to it go
///   to pod 0's controls (address others with `pod=K`). With every pod stopped it answers
///   nginx's 502 page.
public final class ProxySimulator: Sendable {
    private let fleet: SimulatorFleet

    /// Pod 0's bound TCP port (the OS-picked one when the configuration asked for 0).
    public let port: Int

    private init(fleet: SimulatorFleet) {
        self.fleet = fleet
        port = fleet.ports[0]
    }

    /// Loads the seed data (`SYNCTOP_SEED_DIR`, else the `Seed` folder beside the sources),
    /// binds the ports (one per pod, then the balancer's) and starts the schedule checks.
    public static func start(_ configuration: SimulatorConfiguration) async throws -> ProxySimulator {
        guard (0...65535).contains(configuration.port) else {
            throw SimulatorError.invalidConfiguration("port \(configuration.port) is out of range")
        }
        guard (1...64).contains(configuration.pods) else {
            throw SimulatorError.invalidConfiguration("the number of pods must be 1 to 64")
        }
        guard configuration.port == 0 || configuration.port + configuration.pods - 1 <= 65535 else {
            throw SimulatorError.invalidConfiguration("ports \(configuration.port) to \(configuration.port + configuration.pods - 1) are out of range")
        }
        if let balancer = configuration.balancerPort, !(0...65535).contains(balancer) {
            throw SimulatorError.invalidConfiguration("balancer port \(balancer) is out of range")
        }
        guard configuration.checkInterval > .zero else {
            throw SimulatorError.invalidConfiguration("the check interval must be positive")
        }
        guard !configuration.masterKey.isEmpty else {
            throw SimulatorError.invalidConfiguration("the master key must not be empty")
        }
        return ProxySimulator(fleet: try await SimulatorFleet.start(configuration))
    }

    /// Pod 0's `http://127.0.0.1:PORT` (a wildcard bind address is reported as loopback).
    public var baseURL: String { fleet.url(port: port) }

    /// How many pods run (or were started and may be stopped now).
    public var podCount: Int { fleet.podCount }

    /// Each pod's port, pod 0 first (a stopped pod keeps its port).
    public var podPorts: [Int] { fleet.ports }

    /// Each pod's base URL, pod 0 first.
    public var podURLs: [String] { fleet.ports.map(fleet.url(port:)) }

    /// The round-robin balancer's URL, if one was asked for.
    public var balancerURL: String? { fleet.balancerPort.map(fleet.url(port:)) }

    /// Every LiteLLM request pod `pod` (0 to `podCount - 1`) answered so far (the last
    /// 10,000), oldest first.
    public func requestLog(pod: Int = 0) -> [SimulatedRequest] {
        fleet.state.withLock { $0.withPod(pod) { $0.requestLog } }
    }

    /// TCP connections pod 0 accepted since start (as `GET /_sim/connections`).
    public var connectionsAccepted: Int {
        fleet.core(0)?.connectionsAccepted.withLock { $0 } ?? 0
    }

    /// The next `count` LiteLLM requests to pod `pod` are closed unanswered (as `POST /_sim/drop`).
    public func dropNextRequests(_ count: Int, pod: Int = 0) {
        fleet.state.withLock { $0.withPod(pod) { $0.dropRemaining = count } }
    }

    /// Moves the shared clock, then runs every pod's schedule check as their next poll would
    /// (as `POST /_sim/advance`).
    public func advanceClock(by seconds: Double) {
        fleet.state.withLock { $0.advance(bySeconds: seconds, check: true, seed: fleet.seed, configuration: fleet.configuration) }
    }

    /// Pod `pod`'s process dies (as `POST /_sim/pod?action=stop`).
    public func stopPod(_ pod: Int) async throws {
        try await fleet.stop(pod).closed.get()
    }

    /// Pod `pod` starts as a fresh process (as `POST /_sim/pod?action=start`).
    public func startPod(_ pod: Int) async throws {
        try await fleet.start(pod).get()
    }

    /// Stop, then start (as `POST /_sim/pod?action=restart`).
    public func restartPod(_ pod: Int) async throws {
        try await fleet.restart(pod).started.get()
    }

    /// Pod `pod`'s periodic check runs `seconds` after it comes round; nil: never (as
    /// `POST /_sim/pod?action=lag`).
    public func setCheckLag(_ seconds: Double?, pod: Int) {
        fleet.setLag(pod, micros: seconds.map { Int64(($0 * 1_000_000).rounded()) })
    }

    public func shutdown() async throws {
        try await fleet.shutdown()
    }
}

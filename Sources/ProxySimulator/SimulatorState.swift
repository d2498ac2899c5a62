/// Everything the simulated proxy remembers, in one struct behind one lock (`SimulatorCore`).
///
/// It is split the way LiteLLM splits it, because that split is what clients observe:
/// - `shared`: the database rows (`costMapRow`, `betaHeadersRow`), the simulated clock and the
///   remote source, one copy for every pod of a fleet (`FleetState` keeps it and hands it to
///   the pod being served, under the fleet's one lock);
/// - this pod's memory: the loaded data, when it was loaded, the revision it applied, and the
///   beta headers' `last_anthropic_beta_headers_reload` (which is why beta-header status can
///   differ between pods and is dropped on cancel). `freshStart` resets exactly this part;
/// - the simulator's own bookkeeping for this pod (request log, injected failures, faults),
///   which a restart keeps.
struct SimulatorState: Sendable {
    /// `model_cost_map_reload_config` in `LiteLLM_Config` (`periodic_reload_schedule.py`).
    struct CostMapReloadRow: Sendable {
        var intervalHours: Int?
        var lastRunAt: Int64?
        var reloadRevision = 0
    }

    /// `anthropic_beta_headers_reload_config`'s `param_value`.
    struct BetaHeadersReloadRow: Sendable {
        var intervalHours: Int?
        var forceReload: Bool
    }

    /// `_cost_map_source_info` in `get_model_cost_map.py`.
    struct CostMapSourceInfo: Sendable {
        var source = "remote"
        var url: String? = CostMapSourceInfo.defaultURL
        var isEnvForced = false
        var fallbackReason: String?

        static let defaultURL = "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json"
    }

    var shared: SharedState

    var clock: SimulatedClock {
        get { shared.clock }
        set { shared.clock = newValue }
    }

    // Cost map: pod memory.
    var costMap: CostMapSnapshot
    var costMapLoadedAt: Int64
    var costMapAppliedRevision = 0
    var costMapSource = CostMapSourceInfo()
    // Cost map: database.
    var costMapRow: CostMapReloadRow? {
        get { shared.costMapRow }
        set { shared.costMapRow = newValue }
    }

    // Beta headers: pod memory, then database.
    var betaHeaders: BetaHeadersSnapshot
    var betaHeadersLastReload: Int64?
    var betaHeadersRow: BetaHeadersReloadRow? {
        get { shared.betaHeadersRow }
        set { shared.betaHeadersRow = newValue }
    }

    /// The remote source (one for the whole fleet): which seed release it serves, and how
    /// each job's fetch fares.
    var remote: RemoteSource {
        get { shared.remote }
        set { shared.remote = newValue }
    }
    var remoteRelease: SeedRelease {
        get { shared.remote.release }
        set { shared.remote.release = newValue }
    }
    /// The release this pod answers as: it decides how a fetched map is finalised and counted.
    let version: LiteLLMVersion
    /// Failure injection: how many upcoming source fetches fail, per job.
    var failingCostMapFetches = 0
    var failingBetaHeadersFetches = 0
    /// Stall injection: the next `stallRemaining` LiteLLM responses wait `stallMicros` more.
    var stallRemaining = 0
    var stallMicros: Int64 = 0
    /// Drop injection: the next `dropRemaining` LiteLLM requests get no answer; their
    /// connection is closed.
    var dropRemaining = 0
    /// Fault injection (`Faults.swift`), first match wins.
    var faults: [Fault] = []

    var requestLog: [SimulatedRequest] = []
    var nextSequence = 1
    static let requestLogLimit = 10_000

    /// The state at the simulator's start: 1.100.5 and 1.109.1 pods on LiteLLM 1.100.5's data
    /// (what the remote served when the fleet started); 1.110.2 pods as its captured proxy
    /// started, with the map fetched from the remote at import (its bundled copy and a
    /// `fallback_reason` if that fails). Demo schedules if asked for. `now` lets the pods of
    /// one fleet start at the same instant.
    init(seed: SeedData, configuration: SimulatorConfiguration, clock: SimulatedClock = SimulatedClock(), now: Int64? = nil) {
        shared = SharedState(clock: clock, remote: RemoteSource(configuration: configuration))
        version = configuration.litellmVersion
        faults = configuration.faults
        let now = now ?? clock.nowMicros()
        costMap = seed.costMap(version.bundledRelease, version)
        costMapLoadedAt = now
        betaHeaders = seed[version.bundledRelease]
        if version == .v1_110_2 {
            loadAtImport(seed: seed)
            betaHeaders = fetchBetaHeaders(seed: seed)
        }
        if configuration.demoSchedules && configuration.hasDatabase {
            let hour: Int64 = 3_600_000_000
            let costMapLastRun = now - 6 * hour + 2 * 60_000_000
            costMapRow = CostMapReloadRow(intervalHours: 6, lastRunAt: costMapLastRun, reloadRevision: 0)
            // The pod's data is as old as that last run: the interval check reads the load time.
            costMapLoadedAt = costMapLastRun
            betaHeadersRow = BetaHeadersReloadRow(intervalHours: 24, forceReload: false)
            betaHeadersLastReload = now - 3 * hour
        }
    }

    var now: Int64 { clock.nowMicros() }

    /// A pod process started again (`/_sim/pod?action=start|restart`): its memory is gone. At
    /// import it loads the cost map from the remote source, or, if that fetch fails, the
    /// bundled copy with a `fallback_reason`; `loaded_at` is now and the applied revision 0, so
    /// a row whose `reload_revision` is not 0 makes its first check reload once more. The
    /// beta-header mapping is loaded lazily, which does not set `last_run`. The simulator's
    /// bookkeeping (request log, injected failures, faults) is kept.
    mutating func freshStart(seed: SeedData) {
        let current = now
        if version == .v1_110_2 {
            loadAtImport(seed: seed)
        } else {
            switch fetchCostMap(seed: seed) {
            case .fetched(let snapshot):
                costMap = snapshot
            case .unavailable(let reason, _):
                costMap = seed.costMap(version.bundledRelease, version)
                costMapSource.source = "local"
                costMapSource.fallbackReason = reason
            }
        }
        costMapLoadedAt = current
        costMapAppliedRevision = 0
        betaHeaders = fetchBetaHeaders(seed: seed)
        betaHeadersLastReload = nil
    }

    // MARK: Request log

    mutating func log(time: Int64, method: String, path: String, hasAuthorization: Bool, status: Int) {
        requestLog.append(SimulatedRequest(
            sequence: nextSequence,
            time: dateFromMicros(time),
            method: method,
            path: path,
            hasAuthorization: hasAuthorization,
            status: status
        ))
        nextSequence += 1
        if requestLog.count > Self.requestLogLimit {
            requestLog.removeFirst(requestLog.count - Self.requestLogLimit)
        }
    }

    /// Whether this LiteLLM request is one to drop (`/_sim/drop`).
    mutating func takeDrop() -> Bool {
        guard dropRemaining > 0 else { return false }
        dropRemaining -= 1
        return true
    }

    /// Delay to add to a LiteLLM response: the configured latency plus a pending stall.
    mutating func takeDelay(latencyMicros: Int64) -> Int64 {
        var delay = latencyMicros
        if stallRemaining > 0 {
            stallRemaining -= 1
            delay += stallMicros
        }
        return delay
    }

    // MARK: Source fetches

    enum CostMapFetch {
        case fetched(CostMapSnapshot)
        /// `retried`: LiteLLM tried three times, waiting between attempts.
        case unavailable(reason: String, retried: Bool)
    }

    /// `refetch_model_cost_map`: never falls back to the bundled copy; a failure keeps the
    /// current data (source info included). `fail_next_reload` mirrors a 503 after LiteLLM's
    /// three attempts, without the waits.
    mutating func fetchCostMap(seed: SeedData) -> CostMapFetch {
        let url = costMapSource.url ?? CostMapSourceInfo.defaultURL
        if failingCostMapFetches > 0 {
            failingCostMapFetches -= 1
            return .unavailable(reason: "HTTP 503 from \(url) (after 3 attempts)", retried: false)
        }
        let answer = RemoteFetch.costMapAnswer(remote, seed: seed, version: version)
        switch RemoteFetch.judgeCostMap(answer, url: url, attempts: 3, seed: seed, version: version) {
        case .failed(let reason, let retried, _):
            return .unavailable(reason: reason, retried: retried)
        case .loaded(let snapshot):
            costMapSource.source = "remote"
            costMapSource.url = CostMapSourceInfo.defaultURL
            costMapSource.isEnvForced = false
            costMapSource.fallbackReason = nil
            return .fetched(snapshot)
        }
    }

    /// 1.110.2's `get_model_cost_map` at import: one attempt (retries go on in a background
    /// thread the simulator does not model); on failure the bundled copy, `source` "local" and
    /// a `fallback_reason` in LiteLLM's words.
    mutating func loadAtImport(seed: SeedData) {
        let url = CostMapSourceInfo.defaultURL
        costMapSource = CostMapSourceInfo()
        var verdict: CostMapFetchVerdict
        if failingCostMapFetches > 0 {
            failingCostMapFetches -= 1
            verdict = .failed(reason: "HTTP 503 from \(url)", retried: true, integrity: false)
        } else {
            verdict = RemoteFetch.judgeCostMap(RemoteFetch.costMapAnswer(remote, seed: seed, version: version), url: url, attempts: 1, seed: seed, version: version)
        }
        switch verdict {
        case .loaded(let snapshot):
            costMap = snapshot
        case .failed(let reason, _, let integrity):
            costMap = seed.costMap(version.bundledRelease, version)
            costMapSource.source = "local"
            costMapSource.fallbackReason = integrity ? "Remote data failed integrity validation" : "Remote fetch failed: \(reason)"
        }
    }

    /// `reload_beta_headers_config`: a failed fetch silently falls back to the bundled file.
    mutating func fetchBetaHeaders(seed: SeedData) -> BetaHeadersSnapshot {
        if failingBetaHeadersFetches > 0 {
            failingBetaHeadersFetches -= 1
            return seed[version.bundledRelease]
        }
        return RemoteFetch.judgeBetaHeaders(RemoteFetch.betaHeadersAnswer(remote, seed: seed), seed: seed, version: version)
    }

    // MARK: Background check (`proxy_config_reload_interval_seconds`, 30 s by default)

    /// `_check_and_reload_model_cost_map` + `_check_and_reload_anthropic_beta_headers`.
    /// Only runs with a database, as in LiteLLM (the job reads its schedule from there); the
    /// beta-header part only with `store_model_in_db` on (it lives in `add_deployment`).
    mutating func runBackgroundChecks(seed: SeedData, storeModelInDB: Bool = true) {
        checkAndReloadCostMap(seed: seed)
        if storeModelInDB { checkAndReloadBetaHeaders(seed: seed) }
    }

    mutating func checkAndReloadCostMap(seed: SeedData) {
        guard let row = costMapRow else { return }
        let current = now
        // pod_reload_is_due: an unapplied manual revision, else an interval that has elapsed
        // since *this pod's data* was loaded; a schedule that never ran fires at once.
        let due: Bool
        if row.reloadRevision != costMapAppliedRevision {
            due = true
        } else if let interval = row.intervalHours {
            if row.lastRunAt == nil {
                due = true
            } else {
                let hoursSinceLoad = Double(current - costMapLoadedAt) / 3_600_000_000
                due = hoursSinceLoad >= Double(interval)
            }
        } else {
            due = false
        }
        guard due else { return }
        guard case .fetched(let snapshot) = fetchCostMap(seed: seed) else { return }  // retried next poll
        costMap = snapshot
        costMapLoadedAt = current
        costMapRow?.lastRunAt = current  // record_reload_run: only if the row still exists
        costMapAppliedRevision = row.reloadRevision
    }

    mutating func checkAndReloadBetaHeaders(seed: SeedData) {
        guard let row = betaHeadersRow else { return }
        if row.intervalHours == nil && !row.forceReload { return }
        let current = now
        var shouldReload = false
        if row.forceReload {
            shouldReload = true
        } else if let interval = row.intervalHours {
            if let last = betaHeadersLastReload {
                shouldReload = Double(current - last) / 3_600_000_000 >= Double(interval)
            } else {
                shouldReload = true
            }
        }
        guard shouldReload else { return }
        betaHeaders = fetchBetaHeaders(seed: seed)
        betaHeadersLastReload = current
        betaHeadersRow = BetaHeadersReloadRow(intervalHours: row.intervalHours, forceReload: false)
    }
}

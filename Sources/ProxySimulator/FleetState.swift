/// What every pod of one simulated proxy shares: the two `LiteLLM_Config` rows (the database),
/// and, simulator-only, the clock (so a test moves time fleet-wide) and the remote source the
/// pods fetch from (one GitHub for everybody).
struct SharedState: Sendable {
    var clock: SimulatedClock
    var costMapRow: SimulatorState.CostMapReloadRow?
    var betaHeadersRow: SimulatorState.BetaHeadersReloadRow?
    var remote: RemoteSource
}

/// Test controls of one pod: whether its process runs, and when its periodic check runs.
struct PodControl: Sendable {
    var running = true
    /// How long after it comes round this pod's periodic check actually runs, in simulated
    /// microseconds; nil: it never runs (`/_sim/pod?action=lag&seconds=off`).
    var checkLagMicros: Int64? = 0
    /// A check that came round and waits out the lag (on the simulated clock).
    var pendingCheckAt: Int64?
}

/// All pods of one simulated proxy behind one lock: the shared part once, each pod's own
/// memory (`SimulatorState`, whose `shared` copy is refreshed from here whenever the pod is
/// served), and the test controls. One lock for the fleet keeps "an atomic increment of
/// `reload_revision`" and "the first pod to check clears `force_reload`" exact.
struct FleetState: Sendable {
    var shared: SharedState
    /// Taken out while a pod is served (`withPod`), so its arrays are never copied on write.
    private var pods: [SimulatorState?]
    var controls: [PodControl]

    init(seed: SeedData, configuration: SimulatorConfiguration) {
        let clock = SimulatedClock()
        let now = clock.nowMicros()
        let count = max(1, configuration.pods)
        let first = SimulatorState(seed: seed, configuration: configuration, clock: clock, now: now)
        shared = first.shared
        pods = [first] + (1..<count).map { _ in SimulatorState(seed: seed, configuration: configuration, clock: clock, now: now) }
        controls = Array(repeating: PodControl(), count: count)
    }

    var count: Int { pods.count }
    var now: Int64 { shared.clock.nowMicros() }

    /// Runs `body` on pod `index`'s state, with the shared part current, and keeps what it
    /// changed in either. Not reentrant.
    mutating func withPod<Result>(_ index: Int, _ body: (inout SimulatorState) throws -> Result) rethrows -> Result {
        guard var pod = pods[index].take() else { preconditionFailure("pod \(index) is already being served") }
        pod.shared = shared
        defer {
            shared = pod.shared
            pods[index] = pod
        }
        return try body(&pod)
    }

    /// `/_sim/reset`: every pod and the database as at start. Whether a pod's process runs is
    /// the listeners' business and stays as it is; lags and pending checks are cleared.
    mutating func reset(seed: SeedData, configuration: SimulatorConfiguration) {
        let running = controls.map(\.running)
        self = FleetState(seed: seed, configuration: configuration)
        for (index, isRunning) in running.enumerated() where index < controls.count { controls[index].running = isRunning }
    }

    // MARK: Periodic checks

    /// Pod `index`'s periodic check comes round (its timer, or `/_sim/advance`): it runs now,
    /// or once its lag has passed on the simulated clock, or never (lag off, process stopped).
    mutating func checkCameRound(_ index: Int, seed: SeedData, configuration: SimulatorConfiguration) {
        guard controls[index].running, let lag = controls[index].checkLagMicros else { return }
        if lag <= 0 {
            runCheck(index, seed: seed, configuration: configuration)
        } else if controls[index].pendingCheckAt == nil {
            controls[index].pendingCheckAt = now + lag
        }
    }

    /// Runs the lagged checks whose time has come.
    mutating func runDueChecks(seed: SeedData, configuration: SimulatorConfiguration) {
        let current = now
        for index in controls.indices {
            guard controls[index].running, let at = controls[index].pendingCheckAt, at <= current else { continue }
            controls[index].pendingCheckAt = nil
            runCheck(index, seed: seed, configuration: configuration)
        }
    }

    /// `ProxyConfig.check_periodic_reloads` on one pod; only with a database.
    mutating func runCheck(_ index: Int, seed: SeedData, configuration: SimulatorConfiguration) {
        guard configuration.hasDatabase else { return }
        withPod(index) { $0.runBackgroundChecks(seed: seed, storeModelInDB: configuration.storeModelInDB) }
    }

    /// `/_sim/advance`: time passes for every pod; lagged checks that fall due run, then (with
    /// `check`) every running pod's check comes round, in pod order. So after a manual reload
    /// the first pod in order with no lag is the one that takes a `force_reload`.
    mutating func advance(bySeconds seconds: Double, check: Bool, seed: SeedData, configuration: SimulatorConfiguration) {
        shared.clock.advance(bySeconds: seconds)
        runDueChecks(seed: seed, configuration: configuration)
        guard check else { return }
        for index in controls.indices { checkCameRound(index, seed: seed, configuration: configuration) }
    }

    /// A pod process starts again: fresh memory, no pending check, and (with
    /// `store_model_in_db`) the beta-header check `add_deployment` runs at start.
    mutating func startFresh(_ index: Int, seed: SeedData, configuration: SimulatorConfiguration) {
        controls[index].running = true
        controls[index].pendingCheckAt = nil
        withPod(index) { pod in
            pod.freshStart(seed: seed)
            if configuration.hasDatabase && configuration.storeModelInDB { pod.checkAndReloadBetaHeaders(seed: seed) }
        }
    }

    mutating func markStopped(_ index: Int) {
        controls[index].running = false
        controls[index].pendingCheckAt = nil
    }
}

/// The simulator minus the network: configuration, seed data and the locked state, plus the
/// request pipeline (route → auth → validation → endpoint → log). `HTTPServer` only moves
/// bytes; everything a client can observe is decided here, under the one lock.
final class SimulatorCore: Sendable {
    let configuration: SimulatorConfiguration
    let seed: SeedData
    let state: LockedValue<SimulatorState>
    /// `host:port` for redirects when a request carries no `Host` header.
    let serverAddress: LockedValue<String>
    /// TCP connections accepted since start (`/_sim/connections`): how a test sees a client
    /// keep or reopen connections.
    let connectionsAccepted = LockedValue(0)

    init(configuration: SimulatorConfiguration, seed: SeedData) {
        self.configuration = configuration
        self.seed = seed
        state = LockedValue(SimulatorState(seed: seed, configuration: configuration))
        serverAddress = LockedValue("\(configuration.host):\(configuration.port)")
    }

    var version: LiteLLMVersion { configuration.litellmVersion }

    var latencyMicros: Int64 {
        let (seconds, attoseconds) = configuration.latency.components
        return max(0, seconds * 1_000_000 + attoseconds / 1_000_000_000_000)
    }

    /// Called when a request has fully arrived: stamps it on the simulated clock and returns
    /// how long to hold it (latency + stall), or that it is to be dropped unanswered.
    /// Control calls under `/_sim/` are never delayed or dropped.
    func arrive(
        method: String, uri: String, headers: [(name: String, value: String)], body: [UInt8]
    ) -> (IncomingRequest, delayMicros: Int64, drop: Bool) {
        state.withLock { state in
            let request = IncomingRequest(method: method, uri: uri, headers: headers, body: body, arrivalMicros: state.now)
            if request.path.hasPrefix("/_sim/") { return (request, 0, false) }
            if state.takeDrop() { return (request, 0, true) }
            return (request, state.takeDelay(latencyMicros: latencyMicros), false)
        }
    }

    /// Produces the response and applies its effects. LiteLLM traffic is logged; `/_sim/` is not.
    func respond(to request: IncomingRequest) -> (OutgoingResponse, dateMicros: Int64) {
        var response = produceResponse(request)
        return state.withLock { state in
            if !request.path.hasPrefix("/_sim/"), let fault = state.takeFault(for: request.path) {
                response = response.faulted(fault, request: request)
            }
            if !request.path.hasPrefix("/_sim/") {
                state.log(
                    time: request.arrivalMicros, method: request.method, path: request.uri,
                    hasAuthorization: request.header("authorization") != nil, status: response.status
                )
            }
            return (response, state.now)
        }
    }

    private func produceResponse(_ request: IncomingRequest) -> OutgoingResponse {
        let route: Route
        switch Router.match(request, serverAddress: serverAddress.withLock { $0 }, scheme: configuration.tls == nil ? "http" : "https") {
        case .response(let response): return response
        case .found(let found): route = found
        }
        let principal: Principal?
        switch Router.authorize(route, request: request, configuration: configuration) {
        case .failure(let error): return error.response
        case .success(let authorized): principal = authorized
        }
        do {
            return try state.withLock { state in
                try dispatch(route.endpoint, request: request, principal: principal, state: &state)
            }
        } catch let error as ResponseError {
            return error.response
        } catch {
            return .internalServerError
        }
    }

    private func dispatch(
        _ endpoint: Endpoint, request: IncomingRequest, principal: Principal?, state: inout SimulatorState
    ) throws(ResponseError) -> OutgoingResponse {
        let role = principal?.role ?? .proxyAdmin
        switch endpoint {
        case .reloadCostMap: return try reloadCostMap(role: role, state: &state)
        case .scheduleCostMap: return try scheduleCostMap(request, role: role, state: &state)
        case .cancelCostMap: return try cancelCostMap(role: role, state: &state)
        case .costMapStatus: return try costMapStatus(role: role, state: &state)
        case .costMapSource: return try costMapSource(role: role, state: &state)
        case .reloadBetaHeaders: return try reloadBetaHeaders(role: role, state: &state)
        case .scheduleBetaHeaders: return try scheduleBetaHeaders(request, role: role, state: &state)
        case .cancelBetaHeaders: return try cancelBetaHeaders(role: role, state: &state)
        case .betaHeadersStatus: return try betaHeadersStatus(role: role, state: &state)
        case .publicCostMap: return try publicCostMap(request, state: &state)
        case .liveliness: return .json(200, .string("I'm alive!"))
        case .readiness:
            return .json(200, .object([
                "status": .string("healthy"), "db": .string(configuration.hasDatabase ? "connected" : "Not connected"),
            ]))
        case .models: return .json(200, SimulatedDeployment.modelList(version: version))
        case .simRequests: return .json(200, .array(state.requestLog.map(\.pythonJSON)))
        case .simAdvance: return try simAdvance(request, state: &state)
        case .simFailNextReload: return try simFailNextReload(request, state: &state)
        case .simStall: return try simStall(request, state: &state)
        case .simReset: return simReset(state: &state)
        case .simDrop: return try simDrop(request, state: &state)
        case .simFault: return try simFault(request, state: &state)
        case .simClearFaults:
            state.faults = []
            return .json(200, .object(["faults": .int(0)]))
        case .simConnections: return .json(200, .object(["accepted": .int(connectionsAccepted.withLock { $0 })]))
        case .simRemote: return try simRemote(request, state: &state)
        case .simRemoteBetaHeadersFile: return .json(200, prebuilt: seed[state.remoteRelease].betaHeaders.file)
        case .simRemoteCostMapFile: return .json(200, prebuilt: seed[state.remoteRelease].costMap.file)
        }
    }

    // MARK: Shared endpoint pieces

    /// The endpoints' own role check (after route checks, so only reachable by roles those let
    /// through).
    func requireAdmin(_ role: Role, viewerAllowed: Bool = false) throws(ResponseError) {
        if role == .proxyAdmin || (viewerAllowed && role == .proxyAdminViewer) { return }
        throw ResponseError(.detail(403, "Access denied. Admin role required. Current role: \(role.rawValue)"))
    }

    /// `datetime + timedelta(hours=N)` with Python's overflow errors.
    static func adding(hours: Int, to micros: Int64) -> Result<Int64, PythonOverflow> {
        let days = hours >= 0 ? hours / 24 : -((-hours + 23) / 24)
        if abs(days) > 999_999_999 { return .failure(PythonOverflow(message: "days=\(days); must have magnitude <= 999999999")) }
        let (delta, overflow) = Int64(hours).multipliedReportingOverflow(by: 3_600_000_000)
        let (sum, overflow2) = micros.addingReportingOverflow(delta)
        if overflow || overflow2 || sum > PythonISOFormat.maxMicros || sum < PythonISOFormat.minMicros {
            return .failure(PythonOverflow(message: "date value out of range"))
        }
        return .success(sum)
    }

    func awareTimestamp(_ micros: Int64) -> PythonJSON { .string(PythonISOFormat.isoformat(micros: micros, withOffset: true)) }
    func naiveTimestamp(_ micros: Int64) -> PythonJSON { .string(PythonISOFormat.isoformat(micros: micros, withOffset: false)) }

    // MARK: Background job

    /// LiteLLM's periodic reload check; the proxy only schedules it when it has a database.
    func runBackgroundChecks() {
        guard configuration.hasDatabase else { return }
        state.withLock { $0.runBackgroundChecks(seed: seed) }
    }
}

struct PythonOverflow: Error { let message: String }

/// One pod of the simulator minus the network: configuration, seed data and its view of the
/// fleet's locked state, plus the request pipeline (route → auth → validation → endpoint →
/// log). `HTTPServer` only moves bytes; everything a client can observe is decided here, under
/// the fleet's one lock.
final class SimulatorCore: Sendable {
    let configuration: SimulatorConfiguration
    let seed: SeedData
    /// Which pod of the fleet this is (0 for a lone simulator).
    let index: Int
    let fleet: SimulatorFleet
    /// This pod's state (`withLock` gives it with the shared rows and clock current).
    let state: PodState
    /// `host:port` for redirects when a request carries no `Host` header.
    let serverAddress: LockedValue<String>
    /// TCP connections accepted since start (`/_sim/connections`): how a test sees a client
    /// keep or reopen connections.
    let connectionsAccepted = LockedValue(0)

    init(fleet: SimulatorFleet, index: Int) {
        configuration = fleet.configuration
        seed = fleet.seed
        self.index = index
        self.fleet = fleet
        state = PodState(fleet: fleet.state, index: index)
        serverAddress = LockedValue("\(configuration.host):\(configuration.port)")
    }

    /// Now on the fleet's simulated clock.
    func nowMicros() -> Int64 { fleet.state.withLock { $0.now } }

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
            if route.isSimulatorControl {
                return try fleet.state.withLock { fleetState in try controlDispatch(route.endpoint, request: request, fleet: &fleetState) }
            }
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
        case .models:
            // 1.110.2 lists limits from the loaded entries; the older ones a fixed list.
            if version == .v1_110_2 { return .json(200, prebuilt: state.costMap.modelsBody) }
            return .json(200, SimulatedDeployment.modelList(version: version))
        case .modelInfo: return try modelInfo(role: role, state: &state)
        default: return .internalServerError  // `/_sim/` routes go through `controlDispatch`
        }
    }

    /// `/_sim/` controls: fleet-wide ones, then those of one pod (`pod=K`, else this one).
    private func controlDispatch(_ endpoint: Endpoint, request: IncomingRequest, fleet fleetState: inout FleetState) throws -> OutgoingResponse {
        switch endpoint {
        case .simAdvance: return try simAdvance(request, fleet: &fleetState)
        case .simReset: return simReset(fleet: &fleetState)
        case .simPods: return .json(200, fleet.podsBody(&fleetState))
        default: break
        }
        let target = try targetPod(request, count: fleetState.count)
        let core = fleet.core(target) ?? self
        return try fleetState.withPod(target) { state in
            try core.podControlDispatch(endpoint, request: request, state: &state)
        }
    }

    /// `pod=K` on a `/_sim/` call addresses pod K (any pod can be addressed through any
    /// other, or through the balancer, even while stopped); without it, the pod called.
    func targetPod(_ request: IncomingRequest, count: Int) throws(ResponseError) -> Int {
        guard let raw = request.queryValue("pod") else { return index }
        guard let pod = Int(raw), (0..<count).contains(pod) else {
            throw ResponseError(.detail(400, "pod must be an integer from 0 to \(count - 1)"))
        }
        return pod
    }

    private func podControlDispatch(_ endpoint: Endpoint, request: IncomingRequest, state: inout SimulatorState) throws(ResponseError) -> OutgoingResponse {
        switch endpoint {
        case .simRequests: return .json(200, .array(state.requestLog.map(\.pythonJSON)))
        case .simFailNextReload: return try simFailNextReload(request, state: &state)
        case .simStall: return try simStall(request, state: &state)
        case .simDrop: return try simDrop(request, state: &state)
        case .simFault: return try simFault(request, state: &state)
        case .simClearFaults:
            state.faults = []
            return .json(200, .object(["faults": .int(0)]))
        case .simConnections: return .json(200, .object(["accepted": .int(connectionsAccepted.withLock { $0 })]))
        case .simRemote: return try simRemote(request, state: &state)
        case .simRemoteBetaHeadersFile: return remoteFileResponse(RemoteFetch.betaHeadersAnswer(state.remote, seed: seed), request: request)
        case .simRemoteCostMapFile: return remoteFileResponse(RemoteFetch.costMapAnswer(state.remote, seed: seed, version: version), request: request)
        case .simRemotePut: return try simRemotePut(request, state: &state)
        default: return .internalServerError
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
        // CPython's timedelta converts the day count to a C int before checking its range.
        if days > Int(Int32.max) || days < Int(Int32.min) { return .failure(PythonOverflow(message: "Python int too large to convert to C int")) }
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

}

/// One pod's state inside the fleet's lock, used as `LockedValue<SimulatorState>` was.
struct PodState: Sendable {
    let fleet: LockedValue<FleetState>
    let index: Int

    func withLock<Result>(_ body: (inout SimulatorState) throws -> Result) rethrows -> Result {
        try fleet.withLock { try $0.withPod(index, body) }
    }
}

struct PythonOverflow: Error { let message: String }

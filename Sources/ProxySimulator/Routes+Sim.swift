import NIOCore

/// Simulator-only control endpoints (documented on `ProxySimulator`). They need no key, are
/// never delayed, and are not written to the request log, so they do not disturb what a test
/// observes about the client under test.
extension SimulatorCore {
    /// Fleet-wide: the clock is shared, and every pod's periodic check comes round.
    func simAdvance(_ request: IncomingRequest, fleet: inout FleetState) throws(ResponseError) -> OutgoingResponse {
        guard let raw = request.queryValue("seconds"), let seconds = Double(raw), seconds.isFinite else {
            throw ResponseError(.detail(400, "seconds must be a number"))
        }
        // By default as if LiteLLM's poll ran right after the jump; `check=false` leaves it to
        // the next regular poll, which is how an overdue-but-not-yet-reloaded job is observed.
        let runCheck = try QueryValidation.optionalBool("check", in: request, version: .v1_109_1).get() ?? true
        fleet.advance(bySeconds: seconds, check: runCheck, seed: seed, configuration: configuration)
        return .json(200, clockBody(fleet.shared.clock))
    }

    func simFailNextReload(_ request: IncomingRequest, state: inout SimulatorState) throws(ResponseError) -> OutgoingResponse {
        let pending: Int
        switch request.queryValue("job") {
        case "cost_map":
            state.failingCostMapFetches += 1
            pending = state.failingCostMapFetches
        case "beta_headers":
            state.failingBetaHeadersFetches += 1
            pending = state.failingBetaHeadersFetches
        default:
            throw ResponseError(.detail(400, "job must be cost_map or beta_headers"))
        }
        return .json(200, .object(["job": .string(request.queryValue("job")!), "pending_failures": .int(pending)]))
    }

    func simStall(_ request: IncomingRequest, state: inout SimulatorState) throws(ResponseError) -> OutgoingResponse {
        guard let raw = request.queryValue("seconds"), let seconds = Double(raw), seconds.isFinite, seconds >= 0 else {
            throw ResponseError(.detail(400, "seconds must be a number >= 0"))
        }
        var count = 1
        if let rawCount = request.queryValue("count") {
            guard let parsed = Int(rawCount), parsed >= 0 else { throw ResponseError(.detail(400, "count must be an integer >= 0")) }
            count = parsed
        }
        state.stallMicros = Int64((seconds * 1_000_000).rounded())
        state.stallRemaining = count
        return .json(200, .object(["stalled_responses": .int(count), "seconds": .float(seconds)]))
    }

    func simDrop(_ request: IncomingRequest, state: inout SimulatorState) throws(ResponseError) -> OutgoingResponse {
        var count = 1
        if let rawCount = request.queryValue("count") {
            guard let parsed = Int(rawCount), parsed >= 0 else { throw ResponseError(.detail(400, "count must be an integer >= 0")) }
            count = parsed
        }
        state.dropRemaining = count
        return .json(200, .object(["dropped_requests": .int(count)]))
    }

    /// `mode` (see `FaultMode`), `path` (a prefix, default every LiteLLM path), `count`
    /// (answers to rewrite, default all).
    func simFault(_ request: IncomingRequest, state: inout SimulatorState) throws(ResponseError) -> OutgoingResponse {
        guard let raw = request.queryValue("mode"), let mode = FaultMode(rawValue: raw) else {
            throw ResponseError(.detail(400, "mode must be one of: \(FaultMode.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        var count: Int?
        if let rawCount = request.queryValue("count") {
            guard let parsed = Int(rawCount), parsed >= 0 else { throw ResponseError(.detail(400, "count must be an integer >= 0")) }
            count = parsed
        }
        state.faults.append(Fault(mode: mode, pathPrefix: request.queryValue("path") ?? "", remaining: count))
        return .json(200, .object(["faults": .int(state.faults.count)]))
    }

    /// Fleet-wide: every pod's memory and bookkeeping, the database and the clock.
    func simReset(fleet: inout FleetState) -> OutgoingResponse {
        fleet.reset(seed: seed, configuration: configuration)
        return .json(200, clockBody(fleet.shared.clock))
    }

    /// `GET /_sim/remote`: the remote source as it stands. `POST /_sim/remote?release=R&
    /// cost_map=MODE&beta_headers=MODE` (any of the three): which release's files it serves,
    /// and how each job's fetch fares (`RemoteMode`). Fleet-wide: every pod fetches from it.
    func simRemote(_ request: IncomingRequest, state: inout SimulatorState) throws(ResponseError) -> OutgoingResponse {
        if request.method == "POST" {
            var remote = state.remote
            if let raw = request.queryValue("release") {
                guard let release = SeedRelease(rawValue: raw) else {
                    let known = SeedRelease.allCases.map(\.rawValue).joined(separator: ", ")
                    throw ResponseError(.detail(400, "release must be one of: \(known)"))
                }
                remote.release = release
            }
            for name in ["cost_map", "beta_headers"] {
                guard let raw = request.queryValue(name) else { continue }
                guard let mode = RemoteMode(flag: raw), name == "cost_map" || !isSmall(mode) else {
                    throw ResponseError(.detail(400, "\(name) must be one of: \(RemoteMode.names)" + (name == "beta_headers" ? " (small:N only for cost_map)" : "")))
                }
                if name == "cost_map" { remote.costMapMode = mode } else { remote.betaHeadersMode = mode }
            }
            guard ["release", "cost_map", "beta_headers"].contains(where: { request.queryValue($0) != nil }) else {
                throw ResponseError(.detail(400, "give release=, cost_map= or beta_headers="))
            }
            state.remote = remote
        }
        return .json(200, remoteBody(state.remote))
    }

    /// `PUT /_sim/remote/cost_map` (or `beta_headers`) with a file as the body: the remote
    /// serves exactly those bytes from now on (and the job's mode is ok again); `DELETE` goes
    /// back to the release's file. The bytes are judged when a pod fetches them, as LiteLLM
    /// would (invalid JSON, not an object, integrity), not here.
    func simRemotePut(_ request: IncomingRequest, state: inout SimulatorState) throws(ResponseError) -> OutgoingResponse {
        let costMap = request.path.hasSuffix("/cost_map")
        let file: [UInt8]? = request.method == "PUT" ? request.body : nil
        if costMap {
            state.remote.costMapFile = file
            state.remote.costMapMode = .ok
        } else {
            state.remote.betaHeadersFile = file
            state.remote.betaHeadersMode = .ok
        }
        return .json(200, remoteBody(state.remote))
    }

    private func isSmall(_ mode: RemoteMode) -> Bool {
        if case .small = mode { return true }
        return false
    }

    private func remoteBody(_ remote: RemoteSource) -> PythonJSON {
        func file(_ bytes: [UInt8]?) -> PythonJSON {
            bytes.map { .string("put (\($0.count) bytes)") } ?? .string("release")
        }
        return .object([
            "release": .string(remote.release.rawValue),
            "cost_map": .string(remote.costMapMode.flag),
            "beta_headers": .string(remote.betaHeadersMode.flag),
            "cost_map_file": file(remote.costMapFile),
            "beta_headers_file": file(remote.betaHeadersFile),
        ])
    }

    /// `GET /_sim/remote/<file>`: what a pod's fetch gets, so a client reading the same URL
    /// (synctop's previews, the mappings view) sees the same bytes, error or refusal.
    func remoteFileResponse(_ answer: RemoteAnswer, request: IncomingRequest) -> OutgoingResponse {
        switch answer {
        case .seedFile(let release):
            let file = request.path.hasSuffix(SeedData.costMapFileName) ? seed.costMap(release, version).file : seed[release].file
            return .json(200, prebuilt: file)
        case .body(let bytes): return .json(200, prebuilt: ByteBuffer(bytes: bytes))
        case .status(let code): return .detail(code, "simulated remote error")
        case .refused:
            var response = OutgoingResponse.detail(502, "refused")
            response.refusesConnection = true
            return response
        }
    }

    private func clockBody(_ clock: SimulatedClock) -> PythonJSON {
        .object([
            "now": awareTimestamp(clock.nowMicros()),
            "offset_seconds": .float(Double(clock.offsetMicros) / 1_000_000),
        ])
    }
}

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

    func simRemote(_ request: IncomingRequest, state: inout SimulatorState) throws(ResponseError) -> OutgoingResponse {
        guard let raw = request.queryValue("release"), let release = SeedRelease(rawValue: raw) else {
            let known = SeedRelease.allCases.map(\.rawValue).joined(separator: ", ")
            throw ResponseError(.detail(400, "release must be one of: \(known)"))
        }
        state.remoteRelease = release
        return .json(200, .object(["release": .string(release.rawValue)]))
    }

    private func clockBody(_ clock: SimulatedClock) -> PythonJSON {
        .object([
            "now": awareTimestamp(clock.nowMicros()),
            "offset_seconds": .float(Double(clock.offsetMicros) / 1_000_000),
        ])
    }
}

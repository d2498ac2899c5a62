/// The Anthropic beta headers endpoints. Unlike the cost map, the last reload time is this
/// pod's memory (`last_anthropic_beta_headers_reload`, a naive UTC string), the row is deleted
/// on cancel, and a manual reload leaves `force_reload` set so the next periodic check
/// reloads once more.
extension SimulatorCore {
    func reloadBetaHeaders(role: Role, state: inout SimulatorState) throws(ResponseError) -> OutgoingResponse {
        try requireAdmin(role)
        guard configuration.hasDatabase else {
            throw ResponseError(.detail(500, "Failed to reload anthropic beta headers: 500: Database connection not available"))
        }
        let snapshot = state.fetchBetaHeaders(seed: seed)
        let now = state.now
        state.betaHeaders = snapshot
        state.betaHeadersLastReload = now
        state.betaHeadersRow = SimulatorState.BetaHeadersReloadRow(
            intervalHours: state.betaHeadersRow?.intervalHours, forceReload: true
        )
        return .json(200, .object([
            "message": .string(
                "Anthropic beta headers configuration reloaded successfully! \(snapshot.providerCount) providers updated."
            ),
            "status": .string("success"),
            "providers_count": .int(snapshot.providerCount),
            "timestamp": naiveTimestamp(now),
        ]))
    }

    func scheduleBetaHeaders(_ request: IncomingRequest, role: Role, state: inout SimulatorState) throws(ResponseError) -> OutgoingResponse {
        let hours = try QueryValidation.requiredInt("hours", in: request, version: version).get()
        try requireAdmin(role)
        guard hours > 0 else { throw ResponseError(.detail(400, "Hours must be greater than 0")) }
        guard configuration.hasDatabase else {
            throw ResponseError(.detail(500, "Failed to schedule anthropic beta headers reload: 500: Database connection not available"))
        }
        state.betaHeadersRow = SimulatorState.BetaHeadersReloadRow(intervalHours: hours, forceReload: false)
        return .json(200, .object([
            "message": .string("Anthropic beta headers reload scheduled for every \(hours) hours"),
            "status": .string("success"),
            "interval_hours": .int(hours),
            "timestamp": naiveTimestamp(state.now),
        ]))
    }

    func cancelBetaHeaders(role: Role, state: inout SimulatorState) throws(ResponseError) -> OutgoingResponse {
        try requireAdmin(role)
        guard configuration.hasDatabase else {
            throw ResponseError(.detail(500, "Failed to cancel anthropic beta headers reload: 500: Database connection not available"))
        }
        state.betaHeadersRow = nil
        return .json(200, .object([
            "message": .string("Anthropic beta headers reload schedule cancelled"),
            "status": .string("success"),
            "timestamp": naiveTimestamp(state.now),
        ]))
    }

    func betaHeadersStatus(role: Role, state: inout SimulatorState) throws(ResponseError) -> OutgoingResponse {
        try requireAdmin(role, viewerAllowed: true)
        let notScheduled: PythonObject = ["scheduled": .bool(false), "interval_hours": .null, "last_run": .null, "next_run": .null]
        guard configuration.hasDatabase, let row = state.betaHeadersRow, let interval = row.intervalHours else {
            return .json(200, .object(notScheduled))
        }
        var nextRun: PythonJSON = .null
        if let last = state.betaHeadersLastReload {
            let hoursSince = Double(state.now - last) / 3_600_000_000
            // next_run only while the interval has not elapsed; an overflow is logged and ignored.
            if hoursSince < Double(interval), case .success(let next) = Self.adding(hours: interval, to: last) {
                nextRun = naiveTimestamp(next)
            }
        }
        return .json(200, .object([
            "scheduled": .bool(true),
            "interval_hours": .int(interval),
            "last_run": state.betaHeadersLastReload.map(naiveTimestamp) ?? .null,
            "next_run": nextRun,
        ]))
    }
}

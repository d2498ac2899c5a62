/// The model cost map endpoints (`proxy_server.py`, "reload/model_cost_map" onwards). The
/// schedule lives in the database row; reloads swap this pod's data and bump the row's
/// revision; status reports `last_run + interval` even when overdue (unlike beta headers).
extension SimulatorCore {
    func reloadCostMap(role: Role, state: inout SimulatorState) throws(ResponseError) -> OutgoingResponse {
        try requireAdmin(role)
        // Raised inside the try block but re-raised as is (`except HTTPException: raise`).
        guard configuration.hasDatabase else { throw ResponseError(.detail(500, "Database connection not available")) }
        switch state.fetchCostMap(seed: seed) {
        case .unavailable(let reason, let retried):
            var response = OutgoingResponse.detail(502, "Failed to reload model cost map: \(reason). Current pricing data was kept.")
            if retried && configuration.remoteRetryDelays { response.holdMicros = RemoteFetch.retryWaitMicros }
            throw ResponseError(response)
        case .fetched(let snapshot):
            let now = state.now
            state.costMap = snapshot
            state.costMapLoadedAt = now
            // record_manual_reload: stamp last run and publish a new revision, adopted here.
            var row = state.costMapRow ?? SimulatorState.CostMapReloadRow()
            row.lastRunAt = now
            row.reloadRevision += 1
            state.costMapRow = row
            state.costMapAppliedRevision = row.reloadRevision
            var body: PythonObject = [
                "message": .string("Price data reloaded successfully! \(snapshot.fetchedCount) models updated."),
                "status": .string("success"),
                "models_count": .int(snapshot.fetchedCount),
                "timestamp": awareTimestamp(now),
            ]
            if version.reportsProvenance {
                body["source_revision"] = .string(snapshot.sourceRevision)
                body["etag"] = .null
            }
            return .json(200, .object(body))
        }
    }

    func scheduleCostMap(_ request: IncomingRequest, role: Role, state: inout SimulatorState) throws(ResponseError) -> OutgoingResponse {
        let hours = try QueryValidation.requiredInt("hours", in: request, version: version).get()
        try requireAdmin(role)
        guard hours > 0 else { throw ResponseError(.detail(400, "Hours must be greater than 0")) }
        guard configuration.hasDatabase else {
            // Raised inside a broad `except Exception`, hence the wrapped "500: ..." text.
            throw ResponseError(.detail(500, "Failed to schedule model cost map reload: 500: Database connection not available"))
        }
        var row = state.costMapRow ?? SimulatorState.CostMapReloadRow()
        row.intervalHours = hours
        state.costMapRow = row
        return .json(200, .object([
            "message": .string("Model cost map reload scheduled for every \(hours) hours"),
            "status": .string("success"),
            "interval_hours": .int(hours),
            "timestamp": awareTimestamp(state.now),
        ]))
    }

    func cancelCostMap(role: Role, state: inout SimulatorState) throws(ResponseError) -> OutgoingResponse {
        try requireAdmin(role)
        guard configuration.hasDatabase else {
            throw ResponseError(.detail(500, "Failed to cancel model cost map reload: 500: Database connection not available"))
        }
        // clear_reload_interval nulls the interval but keeps the row, so last_run survives.
        state.costMapRow?.intervalHours = nil
        return .json(200, .object([
            "message": .string("Model cost map reload schedule cancelled"),
            "status": .string("success"),
            "timestamp": awareTimestamp(state.now),
        ]))
    }

    func costMapStatus(role: Role, state: inout SimulatorState) throws(ResponseError) -> OutgoingResponse {
        try requireAdmin(role, viewerAllowed: true)
        var body: PythonObject = ["scheduled": .bool(false), "interval_hours": .null, "last_run": .null, "next_run": .null]
        if let row = state.costMapRow, configuration.hasDatabase {
            body["scheduled"] = .bool(row.intervalHours != nil)
            body["interval_hours"] = .optional(row.intervalHours)
            body["last_run"] = row.lastRunAt.map(awareTimestamp) ?? .null
            if let interval = row.intervalHours, let lastRun = row.lastRunAt {
                switch Self.adding(hours: interval, to: lastRun) {
                case .success(let next): body["next_run"] = awareTimestamp(next)
                case .failure(let overflow):
                    throw ResponseError(.detail(500, "Failed to get model cost map reload status: \(overflow.message)"))
                }
            }
        }
        if version.reportsProvenance {
            body["source_revision"] = .string(state.costMap.sourceRevision)
            body["etag"] = .null
        }
        return .json(200, .object(body))
    }

    func costMapSource(role: Role, state: inout SimulatorState) throws(ResponseError) -> OutgoingResponse {
        try requireAdmin(role, viewerAllowed: true)
        let info = state.costMapSource
        var body: PythonObject = [
            "source": .string(info.source),
            "url": .optional(info.url),
            "is_env_forced": .bool(info.isEnvForced),
            "fallback_reason": .optional(info.fallbackReason),
        ]
        if version.reportsProvenance {
            body["loaded_at"] = awareTimestamp(state.costMapLoadedAt)
            body["source_revision"] = .string(state.costMap.sourceRevision)
            body["etag"] = .null
        }
        body["model_count"] = .int(state.costMap.modelCount)
        return .json(200, .object(body))
    }
}

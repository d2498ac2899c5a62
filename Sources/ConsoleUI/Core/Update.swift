#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin

/// The only place state changes. Pure: no I/O, no clock reads; time arrives in messages.
public func update(_ state: inout AppState, _ msg: Msg) -> [Effect] {
    switch msg {
    case .tick(let now):
        state.now = now
        var effects: [Effect] = []
        if state.pollInFlight == nil, now >= state.nextPollAt {
            effects.append(startPoll(&state))
            state.pollIsScheduled = true
        }
        effects += startDueFleetPolls(&state)
        // Read once at start, so a later reload has a "before" to diff against.
        if state.mappings.loadGeneration == 0 { effects.append(startMappingsLoad(&state)) }
        // A baseline snapshot of the cost map, so that a run of the proxy's own schedule
        // can later be diffed (kept on disk only; nothing is decoded until view 3 opens).
        if !state.models.baselineTaken {
            state.models.baselineTaken = true
            effects.append(.snapshotCostMap)
        }
        return effects

    case .resized(let size):
        state.size = size
        return []

    case .terminate:
        state.quitting = true
        return [.quit]

    case .key(let key):
        return handleKey(&state, key)

    case .pollFinished(let generation, let snapshot, let at):
        guard generation == state.pollInFlight else { return [] } // stale answer
        state.pollInFlight = nil
        var effects = applySnapshot(&state, snapshot, at: at)
        if state.pollQueued {
            state.pollQueued = false
            effects.append(startPoll(&state))
        }
        return effects

    case .actionFinished(let generation, let reply, let at):
        return finishAction(&state, generation: generation, reply: reply, at: at)

    case .notice(let text):
        state.notice = text
        return []

    case .mappingsLoaded(let generation, let load, let at):
        return applyMappingsLoad(&state, generation: generation, load: load, at: at)

    case .costMapProgress(let generation, let progress):
        applyCostMapProgress(&state, generation: generation, progress)
        return []

    case .costMapLoaded(let generation, let result, let at):
        return applyCostMapLoad(&state, generation: generation, result, at: at)

    case .costMapBaseline(let snapshot):
        state.models.reloadBaseline = snapshot
        return []

    case .targetPolled(let id, let generation, let snapshot, let at):
        return applyTargetPoll(&state, id, generation: generation, snapshot: snapshot, at: at)

    case .podsDiscovered(let context, let result, let at):
        applyPodsDiscovered(&state, context: context, result, at: at)
        return []

    case .podActionFinished(let id, let reply, let at):
        let action = JobAction.reload(.betaHeaders)
        switch reply.result {
        case .success(let outcome):
            logEvent(&state, at, "\(id): ✓ " + ActionReport.text(action, outcome: outcome, durationMs: reply.durationMs), .ok)
            state.ownRuns[.betaHeaders] = outcome.timestamp ?? at  // the service URL may answer from this pod
        case .failure(let error): logEvent(&state, at, "\(id): ✗ reload beta headers failed: \(ActionReport.explain(error, action: action))", .error)
        }
        state.fleet.targets[id]?.nextPollAt = at  // show its new last run at once
        return [.record(.of(action, proxy: id.pod.map(URLText.display) ?? state.config.proxyURL, reply: reply, at: at))]

    case .historyLoaded(let result):
        state.history.loading = false
        switch result {
        case .success(let file):
            state.history.records = file.records
            state.history.skippedLines = file.skippedLines
            state.history.error = nil
        case .failure(let e):
            state.history.error = e.message
        }
        return []
    }
}

private func handleKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if key == .resize { return [] }
    if state.dialog != nil { return handleDialogKey(&state, key) }
    if state.showHelp {
        // Any key closes help; Ctrl-C still quits from anywhere.
        state.showHelp = false
        if key == .ctrl("c") {
            state.quitting = true
            return [.quit]
        }
        return []
    }
    state.notice = nil
    if case .mouse(let event) = key { return handleMouse(&state, event) }
    if state.commandLine.isOpen { return handleCommandLineKey(&state, key) }
    if state.screen == .mappings, state.mappings.isEditing { return handleMappingsEditKey(&state, key) }
    if state.screen == .models, state.models.editingFilter { return handleModelsEditKey(&state, key) }
    guard let action = state.config.keyMaps.of(state.screen).action(for: key) else { return [] }
    return dispatch(&state, action)
}

/// What an action does: from a key, or from the `:` command line.
func dispatch(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .commandLine:
        state.commandLine.isOpen = true
        state.commandLine.input.text = ""
        state.commandLine.message = nil
        state.commandLine.historyIndex = nil
        return []
    case .quit:
        state.quitting = true
        return [.quit]
    case .help:
        state.showHelp = true
        return []
    case .nextJob, .previousJob:
        let all = SyncJob.allCases
        let i = all.firstIndex(of: state.selected) ?? 0
        let step = action == .nextJob ? 1 : all.count - 1
        state.selected = all[(i + step) % all.count]
        return []
    case .pollNow:
        guard state.pollInFlight == nil else {
            state.notice = "a poll is already running"
            return []
        }
        return [startPoll(&state)]
    case .reload, .editInterval, .cancelSchedule:
        openActionDialog(&state, action)
        return []
    case .showDashboard:
        state.screen = .dashboard
        return []
    case .showMappings:
        state.screen = .mappings
        if state.mappings.shown == nil, state.mappings.loadInFlight == nil { return [startMappingsLoad(&state)] }
        return []
    case .showModels:
        state.screen = .models
        if state.models.loaded == nil, state.models.loadInFlight == nil { return [startCostMapLoad(&state)] }
        return []
    case .showContexts:
        state.screen = .contexts
        return []
    case .showPods:
        state.screen = .pods
        return []
    case .reloadAllPods:
        return handleFleetAction(&state, action)
    case .nextSortColumn, .reverseSort, .openDetail, .refreshModels:
        if state.screen == .contexts || state.screen == .pods { return handleFleetAction(&state, action) }
        return handleModelsAction(&state, action)
    case .moveUp, .moveDown, .pageUp, .pageDown, .moveTop, .moveBottom, .scrollLeft, .scrollRight,
         .filter, .toggleSort, .checkHeaders, .showChanges, .diffBundled, .rereadMapping, .back:
        if state.screen == .contexts || state.screen == .pods { return handleFleetAction(&state, action) }
        if state.screen == .models { return handleModelsAction(&state, action) }
        return handleMappingsAction(&state, action)
    case .showHistory:
        state.screen = .history
        state.history.loading = true
        return [.loadHistory]
    }
}

func startPoll(_ state: inout AppState) -> Effect {
    state.pollGeneration += 1
    state.pollInFlight = state.pollGeneration
    state.pollIsScheduled = false
    return .poll(generation: state.pollGeneration)
}

/// Seconds until the next poll after `failures` failures in a row: the interval, then
/// doubling, capped at `maxBackoffSeconds` (or the interval if that is longer).
public func pollDelay(intervalSeconds: Int, failures: Int, maxBackoffSeconds: Int = 60) -> Int {
    guard failures > 0 else { return intervalSeconds }
    let cap = max(maxBackoffSeconds, intervalSeconds)
    var delay = intervalSeconds
    for _ in 1..<min(failures, 16) { delay = min(cap, delay * 2) }
    return min(cap, delay)
}

/// Applies a poll's answers; returns the history records the changes call for.
private func applySnapshot(_ state: inout AppState, _ snapshot: ProxySnapshot, at: Date) -> [Effect] {
    let before = state
    state.costMap.apply(snapshot.costMap, at: at)
    state.betaHeaders.apply(snapshot.betaHeaders, at: at)
    state.source.apply(snapshot.source, at: at)
    state.health.apply(snapshot.health, at: at)
    state.lastPollAt = at

    if let error = snapshot.worstError {
        if before.lastPollError != error {
            logEvent(&state, at, "poll failed: \(error.summary)", .error)
        }
        state.lastPollError = error
        state.consecutiveFailures += 1
    } else {
        if before.lastPollError != nil {
            logEvent(&state, at, "proxy answering again", .ok)
        }
        state.lastPollError = nil
        state.consecutiveFailures = 0
        state.lastSuccessfulPoll = at
    }
    let delay = pollDelay(intervalSeconds: state.config.pollIntervalSeconds, failures: state.consecutiveFailures,
                          maxBackoffSeconds: state.config.maxBackoffSeconds)
    state.nextPollAt = at.addingTimeInterval(TimeInterval(delay))

    var effects: [Effect] = []
    // Pod-memory values that alternate: answers from several processes (a load balancer).
    let knewBefore = !state.processes.flapping.isEmpty
    state.processes.note(ProcessEvidence.betaLastRun, previous: before.betaHeaders.value?.lastRun, value: state.betaHeaders.value?.lastRun)
    state.processes.note(ProcessEvidence.costMapLoadedAt, previous: before.source.value?.loadedAt, value: state.source.value?.loadedAt)
    if !knewBefore, !state.processes.flapping.isEmpty {  // said once, whichever value flapped first
        logEvent(&state, at, ProcessEvidence.message, .warning)
    }
    for job in SyncJob.allCases where !(job == .betaHeaders && state.processes.flaps(ProcessEvidence.betaLastRun)) {
        effects += noteChanges(&state, job: job, old: before.job(job).value, new: state.job(job).value, at: at)
    }
    if !state.processes.flaps(ProcessEvidence.costMapLoadedAt),
       let load = costMapMovedOnProxy(&state, before: before.source.value, after: state.source.value, at: at) {
        effects.append(load)
    }
    let oldReason = before.source.value?.fallbackReason, newReason = state.source.value?.fallbackReason
    if oldReason != newReason, state.source.value != nil {
        if let r = newReason, !r.isEmpty {
            logEvent(&state, at, "cost map FELL BACK to the bundled copy: \(r)", .warning)
        } else if before.source.value != nil {
            logEvent(&state, at, "cost map loaded from its source again", .ok)
        }
    }
    return effects
}

/// Turns differences between two polls into events an operator cares about, and a run
/// the proxy did (not one synctop asked for) into a history record. A run needs evidence:
/// `last_run` moving back, or coming back after a cancel at a value already seen, is not
/// one; a run far from the expected next run is another client's reload, not the
/// schedule's; a `last_run` in the future says the proxy's clock is ahead.
private func noteChanges(_ state: inout AppState, job: SyncJob, old: JobStatus?, new: JobStatus?, at: Date) -> [Effect] {
    guard let old, let new else { return [] }
    var effects: [Effect] = []
    let seen = [state.latestRunSeen[job], old.lastRun].compactMap { $0 }.max()
    state.latestRunSeen[job] = [seen, new.lastRun].compactMap { $0 }.max()
    if let run = new.lastRun, run != old.lastRun {
        if run.timeIntervalSince(at) > RunEvidence.clockSkewTolerance {
            logEvent(&state, at, "\(job.title): last run \(TimeText.span(run.timeIntervalSince(at))) in the future: proxy clock ahead", .warning)
        }
        if let seen, run == seen {
            // Back at the latest value already seen (after a cancel, or another process's
            // answer in between): nothing ran.
        } else if let seen, run < seen {
            logEvent(&state, at, "\(job.title): last run moved back to \(ProxyTimestamp.format(run)) (had been \(ProxyTimestamp.format(seen))): "
                     + "not counted as a run (another proxy process answered, or its database was restored)", .warning)
        } else if !(state.ownRuns[job].map { abs($0.timeIntervalSince(run)) < 2 } ?? false) {
            let cause = RunEvidence.cause(of: run, before: old, after: new)
            logEvent(&state, at, "\(job.title): \(cause.eventText)", .ok)
            effects.append(.record(.observedRun(job, proxy: state.config.proxyURL, lastRun: run, cause: cause)))
            if job == .betaHeaders, let reread = rereadMappingsAfterReload(&state, ownReload: false) { effects.append(reread) }
            if job == .costMap, state.actionInFlight?.action != .reload(.costMap),
               state.models.loadInFlight == nil || state.models.diffReason == nil {
                effects.append(startCostMapLoad(&state, diff: .observed(cause == .schedule ? "reloaded by its schedule" : "reloaded by another client")))
            }
        }
    }
    if old.scheduled != new.scheduled || old.intervalHours != new.intervalHours {
        let text = new.scheduled ? "scheduled every \(new.intervalHours.map(String.init) ?? "?") h" : "schedule cancelled"
        logEvent(&state, at, "\(job.title): \(text)", .text)
    }
    return effects
}

func logEvent(_ state: inout AppState, _ time: Date, _ text: String, _ role: Role) {
    state.events.append(Event(time: time, text: text, role: role))
    if state.events.count > AppState.maxEvents { state.events.removeFirst(state.events.count - AppState.maxEvents) }
}

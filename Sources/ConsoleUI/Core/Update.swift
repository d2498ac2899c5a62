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

    case .previewFinished(let generation, let result):
        applyPreview(&state, generation: generation, result)
        return []
    case .previewChecked(let job, let text, let warning):
        applyPreviewCheck(&state, job, text: text, warning: warning, at: state.now)
        return []
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
        applyHistoryLoad(&state, result)
        return []
    }
}

private func handleKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if key == .resize { return [] }
    if state.dialog != nil { return handleDialogKey(&state, key) }
    if state.showHelp {
        // The scrolling keys scroll a help taller than the screen; q and Ctrl-C quit; any
        // other key closes it.
        let last = HelpOverlay.lastOffset(state.config.keyMaps[state.screen], pollInterval: state.config.pollIntervalSeconds, size: state.size)
        if let moved = scrolled(state.helpOffset, key, last: last, page: max(1, state.size.height - 6)) {
            state.helpOffset = moved
            return []
        }
        state.showHelp = false
        state.helpOffset = 0
        // q quits from everywhere but a text field: from the help too.
        if key == .ctrl("c") || key == .char("q") {
            state.quitting = true
            return [.quit]
        }
        return []
    }
    if let whole = state.wholeText {
        // The panel scrolls with the list keys; q and Ctrl-C quit; any other key closes it.
        let spec = ViewRegistry.spec(state.screen)
        if let content = spec.whole(state, .utc) {
            let (rect, lines) = content.layout(state.size)
            if let moved = scrolled(whole.offset, key, last: max(0, lines.count - (rect.height - 3)), page: max(1, rect.height - 4)) {
                state.wholeText?.offset = moved
                return []
            }
        }
        state.wholeText = nil
        if key == .ctrl("c") || key == .char("q") {
            state.quitting = true
            return [.quit]
        }
        return []
    }
    state.notice = nil
    if case .mouse(let event) = key { return handleMouse(&state, event) }
    if state.commandLine.isOpen { return handleCommandLineKey(&state, key) }
    if let effects = ViewRegistry.spec(state.screen).input(&state, key) { return effects }
    guard let action = state.config.keyMaps[state.screen].action(for: key) else { return [] }
    return dispatch(&state, action)
}

/// The shared scrolling keys on a text panel's first line (help, `v`), as the list keys
/// move a selection (`movedSelection`); Space pages too. Nil for any other key.
private func scrolled(_ offset: Int, _ key: Key, last: Int, page: Int) -> Int? {
    let action: Action
    switch key {
    case .up, .char("k"): action = .moveUp
    case .down, .char("j"): action = .moveDown
    case .pageUp, .ctrl("u"): action = .pageUp
    case .pageDown, .ctrl("d"), .char(" "): action = .pageDown
    case .home, .char("g"): action = .moveTop
    case .end, .char("G"): action = .moveBottom
    default: return nil
    }
    return movedSelection(offset, by: action, count: last + 1, page: page)
}

/// What an action does: from a key, or from the `:` command line. The view that is up
/// handles its own actions; what it leaves is the same in every view.
func dispatch(_ state: inout AppState, _ action: Action) -> [Effect] {
    if let screen = action.shows { return show(&state, screen) }
    if let effects = ViewRegistry.spec(state.screen).update(&state, action) { return effects }
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
    case .showWhole:
        guard ViewRegistry.spec(state.screen).whole(state, .utc) != nil else {
            state.notice = "nothing selected to show"
            return []
        }
        state.wholeText = WholeText()
        return []
    case .pollNow:
        guard state.pollInFlight == nil else {
            state.notice = "a poll is already running"
            return []
        }
        return [startPoll(&state)]
    default:
        return []
    }
}

/// Brings up a view, which may start the first read of what it shows.
func show(_ state: inout AppState, _ screen: Screen) -> [Effect] {
    state.screen = screen
    state.wholeText = nil
    return ViewRegistry.spec(screen).onShow(&state)
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
    // With pods known, the service URL is a balancer by configuration: its pod-memory
    // values say nothing about runs, and the Pods view follows each pod instead.
    let podCount = state.fleet.pods(of: state.config.currentContext).count
    if podCount > 1, state.processes.flapping.isEmpty {
        state.processes.assumeSeveral()
        logEvent(&state, at, ProcessEvidence.podsMessage(podCount), .text)
    }
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
        } else if job == .costMap, !state.processes.flapping.isEmpty, let seen,
                  run.timeIntervalSince(seen) <= ProcessEvidence.podFollowWindow {
            // Each pod that applies a reload made on another stamps last_run again.
            logEvent(&state, at, "\(job.title): last run stamped again \(TimeText.span(run.timeIntervalSince(seen))) after the reload: another pod applied it (not a new run)", .dim)
        } else if !(state.ownRuns[job].map { abs($0.timeIntervalSince(run)) < 2 } ?? false) {
            let cause = RunEvidence.cause(of: run, before: old, after: new)
            logEvent(&state, at, "\(job.title): \(cause.eventText)", .ok)
            effects.append(.record(.observedRun(job, proxy: state.config.proxyURL, lastRun: run, cause: cause)))
            if job == .betaHeaders, let reread = rereadMappingsAfterReload(&state, ownReload: false) { effects.append(reread) }
            // Pods apply it one by one (each re-checks the database): follow them.
            if job == .costMap { startConvergence(&state, revision: nil, since: min(run, at), at: at) }
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

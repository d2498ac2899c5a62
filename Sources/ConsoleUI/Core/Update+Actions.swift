#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin

/// How long an action's result stays on the status line.
let bannerSeconds: TimeInterval = 30

/// `r`, `e`, `x` on the selected job: open the dialog, or say why not.
func openActionDialog(_ state: inout AppState, _ action: Action) {
    if state.config.readOnly {
        state.notice = "read-only mode: actions are off (started with --read-only)"
        return
    }
    if let busy = state.actionInFlight {
        state.notice = "wait: \(busy.action.verb) of \(busy.action.job.shortTitle.lowercased()) is still running"
        return
    }
    let job = state.selected
    switch action {
    case .reload: state.dialog = .confirm(.reload(job))
    case .cancelSchedule: state.dialog = .confirm(.cancel(job))
    case .editInterval:
        let current = state.job(job).value?.intervalHours ?? HoursInput.suggested
        state.dialog = .editInterval(job, input: TextInput(String(current), limit: 12, selected: true), error: nil, confirming: nil)
    default: break
    }
}

func handleDialogKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard let dialog = state.dialog else { return [] }
    if key == .ctrl("c") {
        state.quitting = true
        return [.quit]
    }
    switch dialog {
    case .confirmAllPods(let count):
        return confirmation(&state, key) { state in
            state.notice = "reloading the beta-header mapping on \(count) pods, one after another…"
            return [.reloadBetaOnPods(state.fleet.pods(of: state.config.currentContext).map(\.id))]
        }
    case .confirm(let action):
        return confirmation(&state, key) { state in [send(&state, action)] }
    case .editInterval(let job, var input, _, let confirming):
        if let hours = confirming {
            // The second step: Enter or y sends; anything else goes back to editing.
            if key == .enter || key == .char("y") || key == .char("Y") {
                state.dialog = nil
                return [send(&state, .schedule(job, hours: hours))]
            }
            state.dialog = .editInterval(job, input: input, error: nil, confirming: nil)
            return key == .escape ? [] : handleDialogKey(&state, key)
        }
        switch input.apply(key) {
        case .cancelled:
            state.dialog = nil
            state.notice = "interval unchanged"
            return []
        case .submitted:
            switch HoursInput.parse(input.text) {
            case .success(let hours):
                if IntervalPreview.needsConfirmation(hours, current: state.job(job).value?.intervalHours) {
                    state.dialog = .editInterval(job, input: input, error: nil, confirming: hours)
                    return []
                }
                state.dialog = nil
                return [send(&state, .schedule(job, hours: hours))]
            case .failure(let why):
                state.dialog = .editInterval(job, input: input, error: why.description, confirming: nil)
                return []
            }
        case .edited, .ignored:
            state.dialog = .editInterval(job, input: input, error: nil, confirming: nil)
            return []
        }
    }
}

/// y/Y/Enter confirms (the dialog closes and `confirmed` runs), n/N/Esc/q aborts; other
/// keys do nothing.
private func confirmation(_ state: inout AppState, _ key: Key, _ confirmed: (inout AppState) -> [Effect]) -> [Effect] {
    switch key {
    case .char("y"), .char("Y"), .enter:
        state.dialog = nil
        return confirmed(&state)
    case .char("n"), .char("N"), .escape, .char("q"):
        state.dialog = nil
        state.notice = "aborted: nothing was sent"
        return []
    default:
        return []
    }
}

func send(_ state: inout AppState, _ action: JobAction) -> Effect {
    state.actionGeneration += 1
    state.actionInFlight = ActionInFlight(action: action, generation: state.actionGeneration, startedAt: state.now)
    return .perform(action, generation: state.actionGeneration)
}

func finishAction(_ state: inout AppState, generation: Int, reply: ActionReply, at: Date) -> [Effect] {
    guard let inFlight = state.actionInFlight, inFlight.generation == generation else { return [] }
    state.actionInFlight = nil
    let action = inFlight.action
    let result = reply.result
    let durationMs = reply.durationMs
    var effects: [Effect] = [.record(.of(action, proxy: state.config.proxyURL, reply: reply, at: at))]
    if case .reload(let job) = action, case .success(let outcome) = result {
        state.ownRuns[job] = outcome.timestamp ?? at
        if job == .betaHeaders, let reread = rereadMappingsAfterReload(&state, ownReload: true) { effects.append(reread) }
        if job == .costMap {
            effects.append(refetchCostMapAfterReload(&state, at: at))
            startConvergence(&state, revision: outcome.sourceRevision, at: at)
        }
    }
    let text: String
    let role: Role
    switch result {
    case .success(let outcome):
        text = "✓ " + ActionReport.text(action, outcome: outcome, durationMs: durationMs)
        role = .ok
    case .failure(let error):
        var why = ActionReport.explain(error, action: action)
        if case .timeout = error { why += "; status re-checked" }
        text = "✗ \(action.verb) \(action.job.shortTitle.lowercased()) failed: \(why)"
        role = .error
    }
    state.banner = Banner(text: text, role: role, until: at.addingTimeInterval(bannerSeconds))
    logEvent(&state, at, text, role)
    // Show the new status at once; a poll under way is followed by another.
    if state.pollInFlight != nil {
        state.pollQueued = true
    } else {
        effects.append(startPoll(&state))
    }
    return effects
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin

/// How long an action's result stays on the status line.
let bannerSeconds: TimeInterval = 30

/// `r`, `e`, `x` on the selected job: open the dialog, or say why not. A reload's dialog
/// starts its preview.
@discardableResult
func openActionDialog(_ state: inout AppState, _ action: Action) -> [Effect] {
    if state.config.readOnly {
        state.notice = "read-only mode: actions are off (started with --read-only)"
        return []
    }
    if let off = state.writesOff {
        state.notice = off.reason
        return []
    }
    if let busy = state.actionInFlight {
        state.notice = "wait: \(busy.action.verb) of \(busy.action.job.shortTitle.lowercased()) is still running"
        return []
    }
    let job = state.selected
    switch action {
    case .reload:
        state.dialog = .confirm(.reload(job))
        state.previewGeneration += 1
        state.reloadPreview = ReloadPreview(job: job, generation: state.previewGeneration, startedAt: state.now)
        return [.preview(job, generation: state.previewGeneration)]
    case .cancelSchedule:
        if let status = state.job(job).value, !status.scheduled {
            state.notice = "\(job.title) is not scheduled: nothing to cancel, nothing sent"
            return []
        }
        state.dialog = .confirm(.cancel(job))
    case .editInterval:
        let current = state.job(job).value?.intervalHours ?? HoursInput.suggested
        state.dialog = .editInterval(job, input: TextInput(String(current), limit: 12, selected: true), error: nil, confirming: nil)
    default: break
    }
    return []
}

/// A preview that arrives for the dialog still open; a late one (the dialog was answered
/// or aborted) is dropped.
func applyPreview(_ state: inout AppState, generation: Int, _ result: PreviewResult) {
    guard var preview = state.reloadPreview, preview.generation == generation else { return }
    preview.result = result
    state.reloadPreview = preview
}

/// After a previewed reload: the comparison goes to the events and the banner.
func applyPreviewCheck(_ state: inout AppState, _ job: SyncJob, text: String, warning: Bool, at: Date) {
    logEvent(&state, at, "\(job.title): \(text)", warning ? .warning : .ok)
    if var banner = state.banner, banner.text.contains(job.shortTitle.lowercased()) || banner.text.contains(job.title) {
        banner.text += " · " + (warning ? "! " : "") + text
        state.banner = banner
    }
}

func handleDialogKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard let dialog = state.dialog else { return [] }
    // q quits from every dialog without a text field (nothing is sent); in the interval
    // field it is a character.
    let typing = if case .editInterval(_, _, _, nil) = dialog { true } else { false }
    if key == .ctrl("c") || (key == .char("q") && !typing) {
        state.dialog = nil
        state.reloadPreview = nil
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

/// y/Y/Enter confirms (the dialog closes and `confirmed` runs), n/N/Esc aborts (q quits,
/// above); other keys do nothing.
private func confirmation(_ state: inout AppState, _ key: Key, _ confirmed: (inout AppState) -> [Effect]) -> [Effect] {
    switch key {
    case .char("y"), .char("Y"), .enter:
        state.dialog = nil
        state.previewTaken = state.reloadPreview?.result.map { if case .failed = $0 { false } else { true } } ?? false
        state.reloadPreview = nil
        return confirmed(&state)
    case .char("n"), .char("N"), .escape:
        let previewing = state.reloadPreview.map { $0.result == nil } ?? false
        state.dialog = nil
        state.reloadPreview = nil
        state.notice = previewing ? "aborted: preview stopped, nothing was sent" : "aborted: nothing was sent"
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
        if job == .betaHeaders, let reread = rereadMappingsAfterReload(&state, ownReload: true) {
            // A previewed reload is checked against its preview instead (`previewChecked`).
            state.mappings.reloadProvidersCount = state.previewTaken ? nil : outcome.count
            effects.append(reread)
        }
        if job == .costMap {
            effects.append(refetchCostMapAfterReload(&state, at: at))
            startConvergence(&state, revision: outcome.sourceRevision, since: at, at: at)
        }
    }
    let text: String
    let role: Role
    switch result {
    case .success(let outcome):
        text = "✓ " + ActionReport.text(action, outcome: outcome, durationMs: durationMs)
        role = .ok
    case .failure(let error):
        if case .forbidden(let role) = error {
            state.roleRefusal = RoleRefusal(proxy: state.config.proxyURL, key: state.config.maskedKey, role: role)
        }
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

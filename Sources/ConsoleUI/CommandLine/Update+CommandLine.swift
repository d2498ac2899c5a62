/// Keys while the `:` line is open: edit, Tab completes, ↑↓ walk earlier commands, Enter
/// runs, Esc closes. A mistake keeps the line open with the reason above it.
func handleCommandLineKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    var c = state.commandLine
    defer { state.commandLine = c }
    switch key {
    case .tab:
        let (line, candidates) = Command.complete(c.input.text, themeNames: state.config.themeNames)
        c.input.text = line
        c.message = candidates.isEmpty ? nil : candidates.joined(separator: "  ")
        c.messageIsError = false
        return []
    case .up, .down:
        guard !c.history.isEmpty else { return [] }
        let last = c.history.count - 1
        let i: Int? = key == .up ? max(0, (c.historyIndex ?? c.history.count) - 1)
                                 : c.historyIndex.flatMap { $0 + 1 <= last ? $0 + 1 : nil }
        c.historyIndex = i
        c.input.text = i.map { c.history[$0] } ?? ""
        return []
    case .ctrl("c"):
        state.quitting = true
        return [.quit]
    default:
        break
    }
    switch c.input.apply(key) {
    case .cancelled:
        c.isOpen = false
        c.message = nil
        return []
    case .edited, .ignored:
        c.message = nil
        return []
    case .submitted:
        let line = c.input.text.trimmingSpaces()
        if !line.isEmpty, c.history.last != line { c.history.append(line) }
        if c.history.count > 100 { c.history.removeFirst(c.history.count - 100) }
        c.historyIndex = nil
        switch Command.parse(line) {
        case .failure(let e):
            c.message = e.message
            c.messageIsError = true
            return []
        case .success(let command):
            c.isOpen = false
            c.message = nil
            state.commandLine = c
            let effects = run(command, &state)
            c = state.commandLine
            return effects
        }
    }
}

/// A parsed command does what its key would: writes still ask first (`reload`, `cancel`)
/// and respect `--read-only`; `schedule` names its hours, so it is sent at once.
private func run(_ command: Command, _ state: inout AppState) -> [Effect] {
    switch command {
    case .reload(let job):
        state.screen = .dashboard
        state.selected = job
        return openActionDialog(&state, .reload)
    case .cancel(let job):
        state.screen = .dashboard
        state.selected = job
        openActionDialog(&state, .cancelSchedule)
        return []
    case .schedule(let job, let hours):
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
        state.screen = .dashboard
        state.selected = job
        return [send(&state, .schedule(job, hours: hours))]
    case .theme(let name):
        return [.setTheme(name)]
    case .view(let screen):
        return dispatch(&state, .show(screen))
    case .poll: return dispatch(&state, .pollNow)
    case .help: return dispatch(&state, .help)
    case .quit: return dispatch(&state, .quit)
    }
}

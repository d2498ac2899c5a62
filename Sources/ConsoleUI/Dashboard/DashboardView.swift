#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin

/// The smallest screen the dashboard lays out; below it a notice says so.
public let minimumSize = ScreenSize(width: 60, height: 15)

/// The dashboard as a cell buffer. Pure: same state and zone, same screen. With a
/// `cache` (the runner's), panels that did not change since the last call are copied, not
/// drawn again: the same cells, for less work.
public func view(_ state: AppState, zone: LocalZone = .utc, cache: PanelCache? = nil) -> CellBuffer {
    let w = state.size.width, h = state.size.height
    var buffer = CellBuffer(width: w, height: h)
    guard w >= minimumSize.width, h >= minimumSize.height else {
        drawTooSmall(&buffer)
        return buffer
    }
    HeaderBar(state: state, zone: zone).draw(into: &buffer, width: w, cache: cache)

    let body = Rect(x: 0, y: 2, width: w, height: h - 3)
    let keyMap = state.config.keyMaps.of(state.screen)
    if state.screen != .dashboard {
        switch state.screen {
        case .history: HistoryScreen(state: state, zone: zone).draw(into: &buffer, body)
        case .models: ModelsScreen(state: state, zone: zone).draw(into: &buffer, body)
        case .contexts: ContextsScreen(state: state, zone: zone).draw(into: &buffer, body)
        case .pods: PodsScreen(state: state, zone: zone).draw(into: &buffer, body)
        default: MappingsScreen(state: state, zone: zone).draw(into: &buffer, body)
        }
        FooterBar(keyMap: keyMap, right: footerRight(state)).draw(into: &buffer, width: w, y: h - 1, cache: cache)
        CommandLineBar(state: state.commandLine).draw(into: &buffer, width: w, y: h - 1)
        if state.showHelp { HelpOverlay(keyMap: keyMap, pollInterval: state.config.pollIntervalSeconds).draw(into: &buffer) }
        if let dialog = state.dialog {
            DialogView(dialog: dialog, proxyURL: state.config.proxyURL, state: state, zone: zone).draw(into: &buffer)
        }
        return buffer
    }
    let layout = DashboardLayout(body: body)
    for job in SyncJob.allCases {
        let busy = state.actionInFlight.flatMap { $0.action.job == job ? $0 : nil }
        JobPanel(job: job, tracked: state.job(job), selected: state.selected == job, now: state.now, zone: zone, busy: busy)
            .draw(into: &buffer, layout.job(job), cache: cache)
    }
    SourcePanel(tracked: state.source, now: state.now, zone: zone).draw(into: &buffer, layout.source, cache: cache)
    if let events = layout.events {
        EventsPanel(events: state.events, now: state.now, zone: zone).draw(into: &buffer, events, cache: cache)
    }
    FooterBar(keyMap: state.config.keyMaps.dashboard, right: footerRight(state), hidden: state.config.readOnly ? KeyMap.writeActions : [])
        .draw(into: &buffer, width: w, y: h - 1, cache: cache)
    CommandLineBar(state: state.commandLine).draw(into: &buffer, width: w, y: h - 1)
    if state.showHelp {
        HelpOverlay(keyMap: state.config.keyMaps.dashboard, pollInterval: state.config.pollIntervalSeconds).draw(into: &buffer)
    }
    if let dialog = state.dialog {
        DialogView(dialog: dialog, proxyURL: state.config.proxyURL, state: state, zone: zone).draw(into: &buffer)
    }
    return buffer
}

private func footerRight(_ state: AppState) -> Span? {
    if let notice = state.notice { return Span(notice, .warning) }
    if state.pollInFlight != nil { return Span("polling…", .dim) }
    let wait = state.nextPollAt.timeIntervalSince(state.now)
    return Span("poll in \(TimeText.span(max(0, wait.rounded(.up))))", .dim)
}

private func drawTooSmall(_ buffer: inout CellBuffer) {
    let lines = [
        "terminal too small: \(buffer.width)×\(buffer.height)",
        "synctop needs at least \(minimumSize.width)×\(minimumSize.height)",
        "enlarge the window, or q to quit",
    ]
    let top = max(0, (buffer.height - lines.count) / 2)
    for (i, text) in lines.enumerated() where top + i < buffer.height {
        let cut = DisplayWidth.truncate(text, to: buffer.width)
        let x = max(0, (buffer.width - DisplayWidth.of(cut)) / 2)
        buffer.put(cut, x: x, y: top + i, role: i == 0 ? .warning : .text)
    }
}

/// Where the panels go: jobs side by side from 80 columns, stacked below that; each panel
/// gets at least its first lines, then grows; the events panel takes what is left.
struct DashboardLayout {
    var costMap: Rect
    var betaHeaders: Rect
    var source: Rect
    var events: Rect?

    static let jobPreferred = 8, sourcePreferred = 7, minimum = 4

    init(body: Rect) {
        if body.width >= 80 {
            let jobsHeight = max(Self.minimum, min(Self.jobPreferred, body.height - Self.minimum))
            let (jobs, rest) = body.splitRows(jobsHeight)
            let (left, right) = jobs.splitColumns(jobs.width / 2)
            let sourceHeight = min(Self.sourcePreferred, rest.height)
            let (source, events) = rest.splitRows(sourceHeight)
            (costMap, betaHeaders, self.source) = (left, right, source)
            self.events = events.height >= 3 ? events : nil
        } else {
            var heights = [Self.minimum, Self.minimum, Self.minimum]
            var spare = body.height - heights.reduce(0, +)
            for (i, preferred) in [Self.jobPreferred, Self.jobPreferred, Self.sourcePreferred].enumerated() where spare > 0 {
                let grow = min(spare, preferred - heights[i])
                heights[i] += grow
                spare -= grow
            }
            var rest = body
            var rects: [Rect] = []
            for h in heights {
                let (r, remaining) = rest.splitRows(h)
                rects.append(r)
                rest = remaining
            }
            (costMap, betaHeaders, source) = (rects[0], rects[1], rects[2])
            events = rest.height >= 3 ? rest : nil
        }
    }

    func job(_ job: SyncJob) -> Rect {
        switch job {
        case .costMap: costMap
        case .betaHeaders: betaHeaders
        }
    }
}

import ProxyAdmin

/// The dashboard's body: the two job panels, the cost map's source, the events.
struct DashboardScreen {
    var state: AppState
    var zone: LocalZone

    func draw(into buffer: inout CellBuffer, _ body: Rect, cache: PanelCache?) {
        let layout = DashboardLayout(body: body)
        for job in SyncJob.allCases {
            let busy = state.actionInFlight.flatMap { $0.action.job == job ? $0 : nil }
            JobPanel(job: job, tracked: state.job(job), selected: state.selected == job, now: state.now, zone: zone, busy: busy,
                     ownRun: state.ownRuns[job])
                .draw(into: &buffer, layout.job(job), cache: cache)
        }
        SourcePanel(tracked: state.source, now: state.now, zone: zone).draw(into: &buffer, layout.source, cache: cache)
        if let events = layout.events {
            EventsPanel(events: state.events, now: state.now, zone: zone).draw(into: &buffer, events, cache: cache)
        }
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

extension DashboardScreen {
    /// `v`: the selected job's panel and the cost map's source, every row in full (a
    /// panel half the screen wide cuts "just now by synctop…" and long source URLs).
    static func whole(_ state: AppState, zone: LocalZone) -> WholeContent? {
        let job = state.selected
        let panel = JobPanel(job: job, tracked: state.job(job), selected: true, now: state.now, zone: zone, busy: nil,
                             ownRun: state.ownRuns[job])
        let phase = state.job(job).value.map { JobPhase(status: $0, now: state.now, job: job) }
        var lines: [Line] = []
        if let badge = panel.badge(phase) { lines.append(panel.row("State", [badge])) }
        lines += panel.lines(phase)
        lines += [[], [Span("Cost map source", .title)]]
        lines += SourcePanel(tracked: state.source, now: state.now, zone: zone).lines(width: 100)
        return WholeContent(title: job.title, lines: lines)
    }
}

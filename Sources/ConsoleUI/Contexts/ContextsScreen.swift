import ProxyAdmin

/// Key `0`: one row per context of config.toml — health, both jobs, the cost map's
/// source, whether its pods agree. Enter switches the dashboard to the selected one. The
/// current context's row comes from the dashboard's own poll; the others are polled as
/// fleet targets.
struct ContextsScreen {
    var state: AppState
    var zone: LocalZone

    func draw(into buffer: inout CellBuffer, _ rect: Rect) {
        let inside = Box(title: "Contexts (\(state.config.contexts.count)) · Enter switches").draw(into: &buffer, rect)
        guard inside.height > 0 else { return }
        if state.config.contexts.isEmpty {
            buffer.draw([Span("no contexts: add [contexts.NAME] tables to config.toml (README, \"Contexts\")", .dim)],
                        x: inside.x, y: inside.y, width: inside.width)
            return
        }
        let rows = rows()
        TextTable(header: Self.header, rows: rows,
                  selected: state.fleet.contextSelection).draw(into: &buffer, inside)
        // The error of the selected context, in words, under the table.
        let sel = state.fleet.contextSelection
        if state.config.contexts.indices.contains(sel), inside.height > rows.count + 2 {
            let c = state.config.contexts[sel]
            let error = c.name == state.config.currentContext ? state.lastPollError : state.fleet.targets[TargetID(context: c.name)]?.error
            if let error {
                buffer.draw([Span("\(c.name): ", .label), Span(error.summary, .error)], x: inside.x, y: inside.y + inside.height - 1, width: inside.width)
            }
        }
    }

    func podsCell(_ c: FleetContext, current: Bool) -> (String, Role) {
        let pods = state.fleet.pods(of: c.name)
        if pods.isEmpty { return ("—", .dim) }
        let answered = pods.compactMap { p in p.snapshot.map { (pod: p.url, snapshot: $0) } }
        let disagree = PodComparison.disagreements(answered, now: state.now)
        if answered.count < pods.count { return ("\(answered.count)/\(pods.count) answer", .error) }
        return disagree.isEmpty ? ("\(pods.count) agree", .ok) : ("\(pods.count) DISAGREE", .warning)
    }

    static let header = ["  CONTEXT", "HEALTH", "COST MAP", "BETA HEADERS", "SOURCE", "PODS", "URL"]

    /// One row of cells per context of config.toml.
    func rows() -> [[(String, Role)]] {
        let now = state.now
        var rows: [[(String, Role)]] = []
        for c in state.config.contexts {
            let current = c.name == state.config.currentContext
            let snapshot: ProxySnapshot?
            let error: ProxyError?
            if current {
                // Before the first answer: nothing to show ("—"), not four failed reads.
                let reads = (state.costMap.asResult, state.betaHeaders.asResult, state.source.asResult, state.health.asResult)
                snapshot = reads.0 == nil && reads.1 == nil && reads.2 == nil && reads.3 == nil ? nil
                    : ProxySnapshot(costMap: reads.0, betaHeaders: reads.1, source: reads.2, health: reads.3)
                error = state.lastPollError
            } else {
                let t = state.fleet.targets[TargetID(context: c.name)]
                snapshot = t?.snapshot
                error = t?.error
            }
            let health = error.map { ($0.kind == .unreachable ? "down" : "error", Role.error) } ?? FleetCells.health(snapshot?.health)
            rows.append([
                ((current ? "* " : "  ") + c.name, current ? .value : .text),
                health,
                FleetCells.job(snapshot?.costMap, .costMap, now: now, zone: zone),
                FleetCells.job(snapshot?.betaHeaders, .betaHeaders, now: now, zone: zone),
                FleetCells.source(snapshot?.source.value),
                podsCell(c, current: current),
                (URLText.display(c.url), .dim),
            ])
        }
        return rows
    }

    /// `v`: the selected context's every cell in full, and its last error.
    static func whole(_ state: AppState, zone: LocalZone) -> WholeContent? {
        let contexts = state.config.contexts
        let sel = state.fleet.contextSelection
        guard contexts.indices.contains(sel) else { return nil }
        let row = ContextsScreen(state: state, zone: zone).rows()[sel]
        var fields = zip(header, row).map { (String($0.0.drop { $0 == " " }), Span(String($0.1.0.drop { $0 == " " }), $0.1.1)) }
        let c = contexts[sel]
        fields[0].1 = Span(c.name + (c.name == state.config.currentContext ? " (current)" : ""), .value)
        let error = c.name == state.config.currentContext ? state.lastPollError : state.fleet.targets[TargetID(context: c.name)]?.error
        if let error { fields.append(("ERROR", Span(error.summary, .error))) }
        return .fields("Context \(c.name)", fields)
    }
}

extension Tracked {
    /// The value, else the last error, as one result (nil when nothing came yet).
    var asResult: Result<Value, ProxyError>? {
        if let value { return .success(value) }
        if let error { return .failure(error) }
        return nil
    }
}

extension ProxySnapshot {
    init(costMap: Result<JobStatus, ProxyError>?, betaHeaders: Result<JobStatus, ProxyError>?,
         source: Result<CostMapSource, ProxyError>?, health: Result<Health, ProxyError>?) {
        let none = Result<JobStatus, ProxyError>.failure(.badResponse("no answer yet"))
        self.init(costMap: costMap ?? none, betaHeaders: betaHeaders ?? none,
                  source: source ?? .failure(.badResponse("no answer yet")), health: health ?? .failure(.badResponse("no answer yet")))
    }
}

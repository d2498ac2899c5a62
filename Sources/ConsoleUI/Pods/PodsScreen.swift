import ProxyAdmin

/// Key `5`: one row per pod of the current context — reachable, both jobs, the loaded
/// cost map (`loaded_at`, revision, models), the beta-header mapping's last load. A cell
/// that differs between pods is highlighted, and the disagreements are said in words
/// below ("10.0.0.12:4000 has not applied the 09:14 UTC cost-map reload yet — …").
struct PodsScreen {
    var state: AppState
    var zone: LocalZone

    func draw(into buffer: inout CellBuffer, _ rect: Rect) {
        let context = state.config.currentContext
        let pods = state.fleet.pods(of: context)
        let title = "Pods of \(context ?? "this proxy") (\(pods.count))" + (state.fleet.discoveryErrors[context ?? ""].map { " · discovery failed: \($0)" } ?? "")
        let inside = Box(title: title).draw(into: &buffer, rect)
        guard inside.height > 0 else { return }
        guard !pods.isEmpty else {
            let words = context == nil
                ? "no pods: put this proxy in a context of config.toml with pods = [...], pods_dns or pods_command (README, \"Contexts\")"
                : "no pods configured for \(context!): add pods = [...], pods_dns or pods_command to [contexts.\(context!)]"
            buffer.draw([Span(words, .dim)], x: inside.x, y: inside.y, width: inside.width)
            return
        }
        let (rows, answered, disagreements) = Self.rows(state, zone: zone)
        let tableHeight = min(inside.height, rows.count + 1)
        TextTable(header: Self.header,
                  rows: rows, selected: state.fleet.podSelection, maxWidth: 30)
            .draw(into: &buffer, Rect(x: inside.x, y: inside.y, width: inside.width, height: tableHeight))
        var lines: [Line] = []
        // Only pods that answered every read can be said to agree.
        let whole = answered.filter { $0.snapshot.worstError == nil }
        if whole.count == pods.count, disagreements.isEmpty {
            lines.append([Span("✓ all \(pods.count) pods agree", .ok)])
        } else if disagreements.isEmpty, whole.count >= 2 {
            lines.append([Span("✓ the \(whole.count) pods that answered every read agree", .ok)])
        }
        for p in answered where p.snapshot.worstError != nil {
            let failed = p.snapshot.failedReads
            let text = "\(PodName.short(p.pod)) answers only part: " + failed.map { "\($0.read) — \($0.error.summary)" }.joined(separator: "; ")
            for (i, part) in TextWrap.wrap(text, width: max(10, inside.width - 2)).enumerated() {
                lines.append([Span(i == 0 ? "! " : "  ", .error), Span(part, .error)])
            }
        }
        for d in disagreements {
            for (i, part) in TextWrap.wrap(d.message, width: max(10, inside.width - 2)).enumerated() {
                lines.append([Span(i == 0 ? "! " : "  ", .warning), Span(part, .warning)])
            }
        }
        let sel = state.fleet.podSelection
        if pods.indices.contains(sel), let error = pods[sel].error {
            lines.append([Span("\(PodName.short(pods[sel].url)): ", .label), Span(error.summary, .error)])
        }
        for (i, line) in lines.prefix(max(0, inside.height - tableHeight - 1)).enumerated() {
            buffer.draw(line, x: inside.x, y: inside.y + tableHeight + 1 + i, width: inside.width)
        }
    }

    static let header = ["POD", "", "COST MAP", "LOADED", "REVISION", "MODELS", "SOURCE", "BETA LOADED", "HEALTH"]

    /// One row of cells per pod, a cell that differs between pods in the warning colour;
    /// with the pods that answered and what they disagree on.
    static func rows(_ state: AppState, zone: LocalZone) -> (rows: [[(String, Role)]], answered: [(pod: String, snapshot: ProxySnapshot)], disagreements: [PodComparison.Disagreement]) {
        let pods = state.fleet.pods(of: state.config.currentContext)
        let now = state.now
        let answered = pods.compactMap { p in p.snapshot.map { (pod: p.url, snapshot: $0) } }
        let disagreements = PodComparison.disagreements(answered, now: now)
        let differing = Set(disagreements.map { "\($0.job.jsonKey).\($0.field)" })
        func mark(_ cell: (String, Role), _ key: String) -> (String, Role) {
            differing.contains(key) ? (cell.0, .warning) : cell
        }
        let rows: [[(String, Role)]] = pods.map { p in
            let s = p.snapshot
            let reach = FleetCells.reach(s, error: p.error)
            let source = s?.source.value
            return [
                (PodName.short(p.url), .text),
                reach,
                mark(FleetCells.job(s?.costMap, .costMap, now: now, zone: zone), "cost_map.schedule"),
                mark((source?.loadedAt.map { TimeText.clock($0, now: now, zone: zone) } ?? "—", .value), "cost_map.source_revision"),
                mark((source?.sourceRevision.map { String($0.prefix(7)) } ?? "—", .value), "cost_map.source_revision"),
                mark((source?.modelCount.map(ModelNumberText.grouped) ?? "—", .value), "cost_map.model_count"),
                mark(FleetCells.source(source), "cost_map.fallback_reason"),
                mark(FleetCells.last(s?.betaHeaders, now: now, zone: zone), "beta_headers.last_run"),
                FleetCells.health(s?.health),
            ]
        }
        return (rows, answered, disagreements)
    }

    /// `v`: the selected pod's every cell in full, its URL and what failed.
    static func whole(_ state: AppState, zone: LocalZone) -> WholeContent? {
        let pods = state.fleet.pods(of: state.config.currentContext)
        let sel = state.fleet.podSelection
        guard pods.indices.contains(sel) else { return nil }
        let row = rows(state, zone: zone).rows[sel]
        var fields: [(String, Span)] = [("URL", Span(pods[sel].url, .value))]
        for (name, cell) in zip(header, row).dropFirst() {
            fields.append((name.isEmpty ? "REACH" : name, Span(cell.0, cell.1)))
        }
        if let snapshot = pods[sel].snapshot {
            for failed in snapshot.failedReads { fields.append(("FAILED READ", Span("\(failed.read) — \(failed.error.summary)", .error))) }
        }
        if let error = pods[sel].error { fields.append(("ERROR", Span(error.summary, .error))) }
        return .fields("Pod \(PodName.short(pods[sel].url))", fields)
    }
}

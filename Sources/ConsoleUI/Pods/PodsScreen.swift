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
        let now = state.now
        let answered = pods.compactMap { p in p.snapshot.map { (pod: p.url, snapshot: $0) } }
        let disagreements = PodComparison.disagreements(answered, now: now)
        let differing = Set(disagreements.map { "\($0.job.jsonKey).\($0.field)" })
        func mark(_ cell: (String, Role), _ key: String) -> (String, Role) {
            differing.contains(key) ? (cell.0, .warning) : cell
        }
        let rows: [[(String, Role)]] = pods.map { p in
            let s = p.snapshot
            let reach: (String, Role) = p.error.map { _ in ("down", .error) } ?? (s == nil ? ("…", .dim) : ("up", .ok))
            let source = s?.source.value
            return [
                (PodName.short(p.url), .text),
                reach,
                mark(FleetCells.job(s?.costMap.value, now: now, zone: zone), "cost_map.schedule"),
                mark((source?.loadedAt.map { TimeText.clock($0, now: now, zone: zone) } ?? "—", .value), "cost_map.source_revision"),
                mark((source?.sourceRevision.map { String($0.prefix(7)) } ?? "—", .value), "cost_map.source_revision"),
                mark((source?.modelCount.map(String.init) ?? "—", .value), "cost_map.model_count"),
                mark(FleetCells.source(source), "cost_map.fallback_reason"),
                mark((FleetCells.last(s?.betaHeaders.value, now: now, zone: zone), .value), "beta_headers.last_run"),
                FleetCells.health(s?.health),
            ]
        }
        let tableHeight = min(inside.height, rows.count + 1)
        TextTable(header: ["POD", "", "COST MAP", "LOADED", "REVISION", "MODELS", "SOURCE", "BETA LOADED", "HEALTH"],
                  rows: rows, selected: state.fleet.podSelection, maxWidth: 30)
            .draw(into: &buffer, Rect(x: inside.x, y: inside.y, width: inside.width, height: tableHeight))
        var lines: [Line] = []
        if answered.count == pods.count, disagreements.isEmpty {
            lines.append([Span("✓ all \(pods.count) pods agree", .ok)])
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
}

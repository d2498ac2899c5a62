#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin

/// Key `4`: per-job success/failure counts and rates, then the records, newest first.
struct HistoryScreen {
    var state: AppState
    var zone: LocalZone

    func draw(into buffer: inout CellBuffer, _ rect: Rect) {
        let now = state.now
        let history = state.history
        let stats = HistoryStats(records: history.records)
        let statsHeight = min(rect.height, 2 + SyncJob.allCases.count + 1)
        let (top, rest) = rect.splitRows(statsHeight)
        let inside = Box(title: "History: success and failure per job").draw(into: &buffer, top)
        var lines: [Line] = []
        if let error = history.error {
            lines.append([Span("cannot read the history: " + error, .error)])
        } else if history.loading && history.records.isEmpty {
            lines.append([Span("reading…", .dim)])
        } else {
            for job in stats.jobs {
                var line: Line = [Span(job.job.shortTitle.padding(14), .label)]
                line.append(Span("\(job.successes) ok", .ok))
                line.append(Span(", ", .text))
                line.append(Span("\(job.failures) failed", job.failures > 0 ? .error : .text))
                if let rate = job.successRate { line.append(Span(" (\(Int((rate * 100).rounded()))%)", .value)) }
                if let ok = job.lastSuccess { line.append(Span("  last ok \(TimeText.clock(ok, now: now, zone: zone))", .dim)) }
                if let bad = job.lastFailure {
                    line.append(Span("  last failure \(TimeText.clock(bad, now: now, zone: zone))", .warning))
                    if let why = job.lastFailureMessage { line.append(Span(": " + why, .warning)) }
                }
                line.append(Span("  \(job.observedRuns) runs by the proxy", .dim))
                lines.append(line)
            }
            if history.skippedLines > 0 {
                lines.append([Span("\(history.skippedLines) unreadable line(s) skipped", .warning)])
            }
        }
        for (i, line) in lines.prefix(inside.height).enumerated() {
            buffer.draw(line, x: inside.x, y: inside.y + i, width: inside.width)
        }

        let list = Box(title: "Records (newest first)").draw(into: &buffer, rest)
        guard list.height > 0 else { return }
        if history.records.isEmpty, history.error == nil, !history.loading {
            buffer.draw([Span("no actions yet: r, e and x on the dashboard, or synctop reload|schedule|cancel", .dim)],
                        x: list.x, y: list.y, width: list.width)
            return
        }
        let ordered = history.records.enumerated().sorted { ($0.element.time, $0.offset) > ($1.element.time, $1.offset) }
        for (i, entry) in ordered.prefix(list.height).enumerated() {
            let r = entry.element
            let role: Role = switch r.outcome {
            case .success: .ok
            case .failure: .error
            case .refused: .warning
            }
            var what = r.action.rawValue.replacingUnderscores
            if let h = r.parameters.hours { what += " \(h)h" }
            // The target: this proxy, or a pod / another proxy an action went to.
            // Only where there is room for it (100 columns and more).
            let target = r.proxy == state.config.proxyURL ? "this proxy" : PodName.short(r.proxy)
            var line: Line = [Span(TimeText.clock(r.time, now: now, zone: zone).padding(13), .dim)]
            if list.width >= 100 { line.append(Span(DisplayWidth.truncate(target, to: 21).padding(22), .dim)) }
            line += [
                Span(r.job.shortTitle.padding(13), .label),
                Span(what.padding(13), .value),
                Span(r.outcome.rawValue.padding(9), role),
                Span((r.httpStatus.map(String.init) ?? "—").padding(5), .dim),
                Span((r.durationMs.map { "\($0) ms" } ?? "").padding(9), .dim),
                Span(r.message, .text),
            ]
            buffer.draw(line, x: list.x, y: list.y + i, width: list.width)
        }
    }
}

extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}

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

        let shown = history.shown
        // The box's borders and the header row; from 8 rows inside, the selected record's
        // message under the table (3 lines and a blank).
        let visible = max(1, rest.height - 3 - (rest.height - 2 >= 8 ? 4 : 0))
        let selection = min(history.selection, max(0, shown.count - 1))
        let first = PagedTable.firstRow(selection: selection, visibleRows: visible)
        let filters = [history.job.map { "job: \($0.shortTitle.lowercased())" }, history.outcome.map { "outcome: \($0.rawValue)" }].compactMap { $0 }
        let span = shown.isEmpty ? "none" : "\(ModelNumberText.grouped(first + 1))–\(ModelNumberText.grouped(min(shown.count, first + visible))) of \(ModelNumberText.grouped(shown.count))"
        let title = "Records \(span), newest first" + (filters.isEmpty ? "" : " · " + filters.joined(separator: " · "))
        let list = Box(title: title, shortTitle: span).draw(into: &buffer, rest)
        guard list.height > 0 else { return }
        if history.records.isEmpty, history.error == nil, !history.loading {
            buffer.draw([Span("no actions yet: r, e and x on the dashboard, or synctop reload|schedule|cancel", .dim)],
                        x: list.x, y: list.y, width: list.width)
            return
        }
        if shown.isEmpty, !history.records.isEmpty {
            buffer.draw([Span("no record matches: f and o change the filters", .dim)], x: list.x, y: list.y, width: list.width)
            return
        }
        // One row per record under a header, columns as wide as their longest value (the
        // message takes the rest; v shows a record whole). HTTP status and duration only
        // where there is room (100 columns and more).
        let wide = list.width >= 100
        let header = ["TIME", "TARGET", "JOB", "ACTION", "OUTCOME"] + (wide ? ["HTTP", "TOOK"] : []) + ["MESSAGE"]
        let rows: [[(String, Role)]] = shown.dropFirst(first).prefix(visible).map { r in
            let role: Role = switch r.outcome {
            case .success: .ok
            case .failure: .error
            case .refused: .warning
            }
            var what = r.action.rawValue.replacingUnderscores
            if let h = r.parameters.hours { what += " \(h)h" }
            // The target: this proxy, or a pod / another proxy an action went to.
            let target = r.proxy == state.config.proxyURL ? "this proxy" : PodName.short(r.proxy)
            var cells: [(String, Role)] = [(TimeText.stamp(r.time, now: now, zone: zone), .dim), (target, .dim),
                                           (r.job.shortTitle, .label), (what, .value), (r.outcome.rawValue, role)]
            if wide { cells += [(r.httpStatus.map(String.init) ?? "—", .dim), (r.durationMs.map { "\($0) ms" } ?? "", .dim)] }
            cells.append((r.message, .text))
            return cells
        }
        // Under the rows, the selected record's message whole (up to 3 lines; v shows
        // every field): the column above has little room at 80 columns.
        let message = shown.indices.contains(selection)
            ? LineWrap.wrap([Span("message  ", .label), Span(shown[selection].message, .text)], width: list.width) : []
        let messageRows = list.height >= 8 ? 3 : 0
        let table = Rect(x: list.x, y: list.y, width: list.width, height: list.height - (messageRows > 0 ? messageRows + 1 : 0))
        TextTable(header: header, rows: rows, selected: selection - first, maxWidth: 21).draw(into: &buffer, table)
        for (i, line) in message.prefix(messageRows).enumerated() {
            buffer.draw(line, x: list.x, y: list.maxY - messageRows + i, width: list.width)
        }
    }
}

extension HistoryScreen {
    /// `v`: the selected record with every field in full.
    static func whole(_ state: AppState, zone: LocalZone) -> WholeContent? {
        let shown = state.history.shown
        guard !shown.isEmpty else { return nil }
        let r = shown[min(state.history.selection, shown.count - 1)]
        var what = r.action.rawValue.replacingUnderscores
        if let h = r.parameters.hours { what += " \(h)h" }
        let role: Role = switch r.outcome {
        case .success: .ok
        case .failure: .error
        case .refused: .warning
        }
        var fields: [(String, Span)] = [
            ("time", Span(TimeText.stamp(r.time, now: state.now, zone: zone) + " (" + TimeText.relative(r.time, now: state.now) + ")", .value)),
            ("target", Span(r.proxy, .value)),
            ("job", Span(r.job.shortTitle, .value)),
            ("action", Span(what, .value)),
            ("outcome", Span(r.outcome.rawValue, role)),
            ("HTTP status", Span(r.httpStatus.map(String.init) ?? "—", .value)),
            ("took", Span(r.durationMs.map { "\($0) ms" } ?? "—", .value)),
        ]
        if let count = r.count { fields.append(("models", Span(ModelNumberText.grouped(count), .value))) }
        fields.append(("message", Span(r.message, .text)))
        return .fields("History record", fields)
    }
}

extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}

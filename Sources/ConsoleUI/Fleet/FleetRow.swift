#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin

/// The cells both fleet tables show for one target, from its snapshot, in words that fit
/// a column: "every 6 h · 09:14 · in 3h", "DUE", "OVERDUE 2h", "not scheduled".
enum FleetCells {
    static func job(_ read: Result<JobStatus, ProxyError>?, _ job: SyncJob, now: Date, zone: LocalZone) -> (String, Role) {
        if let e = read?.failure { return (failed(e), .error) }
        guard let s = read?.value else { return ("—", .dim) }
        switch JobPhase(status: s, now: now, job: job) {
        case .notScheduled: return ("not scheduled", .dim)
        case .neverRun: return ("every \(s.intervalHours ?? 0) h · never run", .warning)
        case .firstRunPending: return ("every \(s.intervalHours ?? 0) h · first run pending", .value)
        case .waiting(let next): return ("every \(s.intervalHours ?? 0) h · next \(TimeText.relative(next, now: now))", .value)
        case .due: return ("every \(s.intervalHours ?? 0) h · DUE", .warning)
        case .overdue(let since): return ("every \(s.intervalHours ?? 0) h · OVERDUE \(TimeText.span(now.timeIntervalSince(since)))", .error)
        }
    }

    static func last(_ read: Result<JobStatus, ProxyError>?, now: Date, zone: LocalZone) -> (String, Role) {
        if let e = read?.failure { return (failed(e), .error) }
        guard let s = read?.value else { return ("—", .dim) }
        return (s.lastRun.map { TimeText.clock($0, now: now, zone: zone) } ?? "never", .value)
    }

    /// A read that failed, in a cell: a pod that hangs on one endpoint is not "—".
    static func failed(_ e: ProxyError) -> String {
        switch e {
        case .timeout(let s): "no answer in \(s) s"
        case .http(let status, _), .frontEnd(let status, _, _): "error \(status)"
        case .unreachable: "unreachable"
        case .badResponse: "unreadable"
        case .noDatabase: "no database"
        default: e.kind == .auth ? "key refused" : "error"
        }
    }

    /// "up" only when every read answered: health alone answering is not a working pod.
    static func reach(_ snapshot: ProxySnapshot?, error: ProxyError?) -> (String, Role) {
        if error != nil { return ("down", .error) }
        guard let s = snapshot else { return ("…", .dim) }
        if s.health.failure?.kind == .unreachable { return ("down", .error) }
        return s.worstError == nil ? ("up", .ok) : ("part", .warning)
    }

    static func health(_ h: Result<Health, ProxyError>?) -> (String, Role) {
        switch h {
        case .success(let h)?:
            if !h.alive { return ("not alive", .error) }
            if h.databaseConnected == false { return ("alive, no db", .warning) }
            return ("healthy", .ok)
        case .failure(let e)?: return (e.kind == .unreachable ? "down" : "error", .error)
        case nil: return ("…", .dim)
        }
    }

    static func source(_ s: CostMapSource?) -> (String, Role) {
        guard let s else { return ("—", .dim) }
        if s.isFallback { return ("FALLBACK (bundled)", .error) }
        return ("\(s.source)\(s.modelCount.map { " · \(ModelNumberText.grouped($0))" } ?? "")", .value)
    }
}

/// A table of text cells with one width rule (the longest value, capped) and a highlight
/// per cell; the selected row in the selection colour.
struct TextTable {
    var header: [String]
    var rows: [[(String, Role)]]
    var selected: Int?
    var maxWidth = 40

    func draw(into buffer: inout CellBuffer, _ rect: Rect) {
        guard rect.height > 0, !header.isEmpty else { return }
        // The last column is not capped: it is cut (with "…") only where the screen ends.
        var widths = header.map(DisplayWidth.of)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], i == widths.count - 1 ? DisplayWidth.of(cell.0) : min(maxWidth, DisplayWidth.of(cell.0)))
            }
        }
        func line(_ cells: [(String, Role)]) -> Line {
            cells.enumerated().flatMap { i, cell -> [Span] in
                let w = i < widths.count ? widths[i] : 0
                let text = DisplayWidth.of(cell.0) > w ? DisplayWidth.truncate(cell.0, to: w) : cell.0
                let pad = String(repeating: " ", count: max(0, w - DisplayWidth.of(text)))
                return [Span(text + pad, cell.1), Span("  ", .text)]
            }
        }
        buffer.draw(line(header.map { ($0, .label) }), x: rect.x, y: rect.y, width: rect.width)
        let visible = rect.height - 1
        let first = PagedTable.firstRow(selection: selected ?? 0, visibleRows: visible)
        for (i, row) in rows.dropFirst(first).prefix(visible).enumerated() {
            let y = rect.y + 1 + i
            buffer.draw(line(row), x: rect.x, y: y, width: rect.width)
            if first + i == selected { buffer.restyle(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: .selected) }
        }
    }
}

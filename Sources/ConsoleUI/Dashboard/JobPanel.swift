#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin

/// One sync job's panel: schedule, last and next run, a countdown that ticks with the
/// clock (no re-poll needed), and a due/overdue badge.
struct JobPanel {
    var job: SyncJob
    var tracked: Tracked<JobStatus>
    var selected: Bool
    var now: Date
    var zone: LocalZone
    /// A write on this job under way.
    var busy: ActionInFlight? = nil

    static let labelWidth = 10

    func draw(into buffer: inout CellBuffer, _ rect: Rect, cache: PanelCache? = nil) {
        let phase = tracked.value.map { JobPhase(status: $0, now: now) }
        let box = Box(title: job.title, shortTitle: job.shortTitle, badge: busyBadge ?? badge(phase),
                      borderRole: selected ? .selectedBorder : .border,
                      titleRole: selected ? .selectedBorder : .title)
        let rows = lines(phase)
        let inside = buffer.drawPanel(box, lines: rows, in: rect, slot: "job.\(job.rawValue)", cache: cache, keep: !tracked.isStale)
        if tracked.isStale {
            buffer.restyle(Rect(x: inside.x, y: inside.y, width: inside.width, height: min(inside.height, rows.count - 1)), role: .stale)
        }
    }

    /// "⟳ reloading… 3s": a slow proxy must not look like a frozen screen.
    var busyBadge: Span? {
        guard let busy else { return nil }
        let doing = switch busy.action {
        case .reload: "reloading"
        case .schedule: "scheduling"
        case .cancel: "cancelling"
        }
        return Span("⟳ \(doing)… \(TimeText.span(max(0, now.timeIntervalSince(busy.startedAt))))", .warning)
    }

    func badge(_ phase: JobPhase?) -> Span? {
        switch phase {
        case nil: return nil
        case .notScheduled?: return Span("○ not scheduled", .dim)
        case .neverRun?: return Span("● due: never run", .due)
        case .waiting?: return Span("● scheduled", .ok)
        case .due?: return Span("▲ DUE", .due)
        case .overdue?: return Span("▲ OVERDUE", .overdue)
        }
    }

    func lines(_ phase: JobPhase?) -> [Line] {
        guard let status = tracked.value, let phase else {
            if let error = tracked.error { return [[Span("unavailable: ", .error), Span(error.summary, .error)]] }
            return [[Span("loading…", .dim)]]
        }
        var out: [Line] = []
        out.append(row("Schedule", status.scheduled
            ? [Span("every \(status.intervalHours.map(String.init) ?? "?") h", .value)]
            : [Span("not scheduled", .dim)]))
        if let last = status.lastRun {
            out.append(row("Last run", [Span(TimeText.clock(last, now: now, zone: zone), .value),
                                        Span("  " + TimeText.relative(last, now: now), .dim)]))
        } else {
            out.append(row("Last run", [Span("never run", .warning)]))
        }
        switch phase {
        case .notScheduled:
            out.append(row("Next run", [Span("—", .dim)]))
            out.append(row("Countdown", [Span("—", .dim)]))
        case .neverRun:
            out.append(row("Next run", [Span("at the proxy's next check", .due)]))
            out.append(row("Countdown", [Span("due now", .due)]))
        case .waiting(let next):
            out.append(row("Next run", [Span(TimeText.clock(next, now: now, zone: zone), .value),
                                        Span("  " + TimeText.relative(next, now: now), .dim)]))
            out.append(row("Countdown", [Span(TimeText.countdown(next.timeIntervalSince(now)), .countdown)]))
        case .due(let since):
            let when = since.map { "since " + TimeText.clock($0, now: now, zone: zone) } ?? "interval elapsed"
            out.append(row("Next run", [Span("due now", .due), Span("  " + when, .dim)]))
            out.append(row("Countdown", [Span("0:00:00  waiting for the proxy's check", .due)]))
        case .overdue(let since):
            out.append(row("Next run", [Span("OVERDUE by " + TimeText.span(now.timeIntervalSince(since)), .overdue)]))
            out.append(row("Countdown", [Span("was due " + TimeText.clock(since, now: now, zone: zone), .error)]))
        }
        if let rev = status.sourceRevision {
            out.append(row("Revision", [Span(String(rev.prefix(7)), .value)]))
        }
        if tracked.isStale, let at = tracked.updatedAt {
            out.append([Span("stale: last read \(TimeText.relative(at, now: now))", .stale)])
        }
        return out
    }

    func row(_ label: String, _ value: Line) -> Line {
        [Span(label.padding(JobPanel.labelWidth), .label)] + value
    }
}

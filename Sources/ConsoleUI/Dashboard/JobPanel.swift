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
    /// This synctop's last successful reload of the job: the proxy shows a `last_run` only
    /// while the job is scheduled, so right after a manual reload it would say "never run".
    var ownRun: Date? = nil

    static let labelWidth = 10

    func draw(into buffer: inout CellBuffer, _ rect: Rect, cache: PanelCache? = nil) {
        let phase = tracked.value.map { JobPhase(status: $0, now: now, job: job) }
        let box = Box(title: job.title, shortTitle: job.shortTitle, badge: busyBadge ?? badge(phase),
                      borderRole: selected ? .selectedBorder : .border,
                      titleRole: selected ? .selectedBorder : .title)
        let rows = lines(phase, cache: cache)
        let inside = buffer.drawPanel(box, lines: rows, in: rect, slot: slots.panel, cache: cache, keep: !tracked.isStale)
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
        case .firstRunPending?: return Span("● scheduled: first run pending", .ok)
        case .waiting?: return Span("● scheduled", .ok)
        case .due?: return Span("▲ DUE", .due)
        case .overdue?: return Span("▲ OVERDUE", .overdue)
        }
    }

    /// What the steady rows depend on besides the status: the local day (a clock time
    /// off today reads "Nov 22 05:51") and every text that moves with the clock, except
    /// the countdown, which is drawn new every frame.
    struct SteadyKey: Equatable {
        var tracked: Tracked<JobStatus>
        var phase: JobPhase
        var day: Int
        var clockTexts: [String]
    }

    /// This panel's names in the cache: literals, since building them every frame cost
    /// more than the lookups they name.
    private var slots: (panel: String, lines: String) {
        job == .costMap ? ("job.costMap", "job.costMap.lines") : ("job.betaHeaders", "job.betaHeaders.lines")
    }

    /// Row of the countdown in `lines` (after Schedule, Last run, Next run).
    static let countdownRow = 3

    /// `lines(phase)`, through `cache` when there is one: the rows are built again only
    /// when the key's texts change (at most once a minute on an idle dashboard); the
    /// countdown, which moves every second, is the one row made every frame.
    func lines(_ phase: JobPhase?, cache: PanelCache?) -> [Line] {
        guard let cache, let status = tracked.value, let phase else { return lines(phase) }
        var moving = [(status.lastRun ?? ownRun).map { TimeText.relative($0, now: now) } ?? ""]
        switch phase {
        case .waiting(let next): moving.append(TimeText.relative(next, now: now))
        case .overdue(let since): moving.append(TimeText.span(now.timeIntervalSince(since)))
        case .notScheduled, .neverRun, .firstRunPending, .due: break
        }
        if tracked.isStale, let at = tracked.updatedAt { moving.append(TimeText.age(at, now: now)) }
        let key = SteadyKey(tracked: tracked, phase: phase, day: TimeText.localDay(now, zone: zone), clockTexts: moving)
        var rows = cache.memo(slots.lines, key: key) { lines(phase) }
        if case .waiting(let next) = phase, rows.count > Self.countdownRow {
            rows[Self.countdownRow] = countdownRow(next)
        }
        return rows
    }

    private func countdownRow(_ next: Date) -> Line {
        row("Countdown", [Span(TimeText.countdown(next.timeIntervalSince(now)), .countdown)])
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
        } else if let ownRun {
            out.append(row("Last run", [Span(TimeText.clock(ownRun, now: now, zone: zone), .value),
                                        Span("  " + TimeText.relative(ownRun, now: now) + " by synctop (the proxy lists runs only while scheduled)", .dim)]))
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
        case .firstRunPending:
            // Each pod keeps its own last run: after a start it is empty until its first run.
            out.append(row("Next run", [Span("waiting for this process's first run", .value)]))
            out.append(row("Countdown", [Span("—", .dim)]))
        case .waiting(let next):
            out.append(row("Next run", [Span(TimeText.clock(next, now: now, zone: zone), .value),
                                        Span("  " + TimeText.relative(next, now: now), .dim)]))
            out.append(countdownRow(next))
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
            out.append([Span("stale: last read \(TimeText.age(at, now: now))", .stale)])
        }
        return out
    }

    func row(_ label: String, _ value: Line) -> Line {
        [Span(label.padding(JobPanel.labelWidth), .label)] + value
    }
}

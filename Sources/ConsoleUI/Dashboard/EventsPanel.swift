#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What changed while synctop watched: runs the proxy did by itself, schedule changes,
/// poll failures and recoveries, fallbacks. Newest first.
struct EventsPanel {
    var events: [Event]
    var now: Date
    var zone: LocalZone

    func draw(into buffer: inout CellBuffer, _ rect: Rect, cache: PanelCache? = nil) {
        let height = Box.inside(rect).height
        // Clock times only (no ages): the rows change with the events and the local day.
        let rows = cache?.memo("events.lines", key: SteadyKey(events: events, height: height, day: TimeText.localDay(now, zone: zone))) {
            lines(height: height)
        } ?? lines(height: height)
        buffer.drawPanel(Box(title: "Events"), lines: rows, in: rect, slot: "events", cache: cache)
    }

    struct SteadyKey: Equatable {
        var events: [Event]
        var height: Int
        var day: Int
    }

    /// The newest `height` events, one a row.
    func lines(height: Int) -> [Line] {
        if events.isEmpty {
            return [[Span("nothing yet: runs, schedule changes and poll failures appear here", .dim)]]
        }
        return events.reversed().prefix(max(0, height)).map { e in
            [Span(TimeText.clock(e.time, now: now, zone: zone) + "  ", .dim), Span(e.text, e.role)]
        }
    }
}

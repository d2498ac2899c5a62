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

    func draw(into buffer: inout CellBuffer, _ rect: Rect) {
        let inside = Box(title: "Events").draw(into: &buffer, rect)
        guard inside.height > 0 else { return }
        if events.isEmpty {
            buffer.draw([Span("nothing yet: runs, schedule changes and poll failures appear here", .dim)],
                        x: inside.x, y: inside.y, width: inside.width)
            return
        }
        for (i, e) in events.reversed().prefix(inside.height).enumerated() {
            buffer.draw([Span(TimeText.clock(e.time, now: now, zone: zone) + "  ", .dim), Span(e.text, e.role)],
                        x: inside.x, y: inside.y + i, width: inside.width)
        }
    }
}

import ProxyAdmin

/// Key `6`: the session's events, newest first, each wrapped whole (the dashboard's panel
/// cuts them to one line), scrolled by line.
struct EventsScreen {
    var state: AppState
    var zone: LocalZone

    /// Every event as wrapped lines, newest first: what the view scrolls through.
    static func lines(_ state: AppState, zone: LocalZone, width: Int) -> [Line] {
        guard !state.events.isEmpty else { return [[Span("nothing yet: runs, schedule changes and poll failures appear here", .dim)]] }
        var out: [Line] = []
        for e in state.events.reversed() {
            let stamp = TimeText.stamp(e.time, now: state.now, zone: zone)
            let indent = DisplayWidth.of(stamp) + 2
            for (i, part) in TextWrap.wrap(e.text, width: max(10, width - indent)).enumerated() {
                out.append([Span(i == 0 ? stamp + "  " : String(repeating: " ", count: indent), .dim), Span(part, e.role)])
            }
        }
        return out
    }

    func draw(into buffer: inout CellBuffer, _ rect: Rect) {
        let all = Self.lines(state, zone: zone, width: max(1, rect.width - 2))
        let page = max(1, rect.height - 2)
        let first = min(state.eventsOffset, max(0, all.count - page))
        let span = all.isEmpty ? "" : " · lines \(ModelNumberText.grouped(first + 1))–\(ModelNumberText.grouped(min(all.count, first + page))) of \(ModelNumberText.grouped(all.count))"
        let inside = Box(title: "Events (\(state.events.count), newest first)\(span)", shortTitle: "Events").draw(into: &buffer, rect)
        for (i, line) in all.dropFirst(first).prefix(inside.height).enumerated() {
            buffer.draw(line, x: inside.x, y: inside.y + i, width: inside.width)
        }
    }
}

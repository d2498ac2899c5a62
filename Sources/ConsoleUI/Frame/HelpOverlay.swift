/// `?`: the key table as a centered panel. Generated from `KeyMap`, so it is always right.
/// Long descriptions wrap under their own column; a help taller than the screen scrolls.
struct HelpOverlay {
    var keyMap: KeyMap
    var pollInterval: Int
    /// The first line shown; clamped here, so `G` can ask for "the end".
    var offset = 0

    /// The panel and its lines, wrapped to it, at this screen size.
    static func layout(_ keyMap: KeyMap, pollInterval: Int, size: ScreenSize) -> (rect: Rect, lines: [Line])? {
        let keyColumn = 18
        var raw: [Line] = keyMap.bindings.map { b in
            let keys = b.keys.map(\.label).joined(separator: " ")
            return [Span(keys.padding(keyColumn), .keyHint), Span(b.help, .text)]
        }
        raw.append([])
        raw.append([Span("Polls every \(pollInterval) s; backs off to 60 s while the proxy fails.", .dim)])
        raw.append([Span("Dimmed values are stale: the last poll failed; their age is shown.", .dim)])
        let width = min(size.width - 2, max(44, raw.map(\.width).max() ?? 0) + 4)
        guard width > 10 else { return nil }
        let lines = raw.flatMap { $0.isEmpty ? [$0] : LineWrap.wrap($0, width: width - 4, hang: $0.count == 2 ? keyColumn : 0) }
        let height = min(size.height - 2, lines.count + 3)
        guard height > 3 else { return nil }
        return (Rect(x: (size.width - width) / 2, y: (size.height - height) / 2, width: width, height: height), lines)
    }

    /// The last first line that still fills the panel: ↑ after G moves at once.
    static func lastOffset(_ keyMap: KeyMap, pollInterval: Int, size: ScreenSize) -> Int {
        guard let (rect, lines) = layout(keyMap, pollInterval: pollInterval, size: size) else { return 0 }
        return max(0, lines.count - (rect.height - 3))
    }

    func draw(into buffer: inout CellBuffer) {
        guard let (rect, lines) = Self.layout(keyMap, pollInterval: pollInterval, size: ScreenSize(width: buffer.width, height: buffer.height)) else { return }
        let height = rect.height
        let fits = lines.count <= height - 3
        let first = fits ? 0 : min(offset, lines.count - (height - 3))
        let title = fits ? "Keys" : "Keys · lines \(first + 1)–\(first + height - 3) of \(lines.count)"
        let inside = Box(title: title, shortTitle: "Keys", borderRole: .selectedBorder).draw(into: &buffer, rect)
        buffer.restyle(rect.inset(1), role: .dialog)
        for (i, line) in lines.dropFirst(first).prefix(inside.height - 1).enumerated() {
            buffer.draw(line, x: inside.x, y: inside.y + i, width: inside.width)
        }
        // The last row says how to leave, and to scroll when there is more.
        let hint = fits ? "q quits · any other key closes this help." : "↑↓ PgUp PgDn g G scroll · q quits · other keys close"
        buffer.draw([Span(hint, .dim)], x: inside.x, y: inside.y + inside.height - 1, width: inside.width)
    }
}

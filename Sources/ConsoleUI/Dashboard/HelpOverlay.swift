/// `?`: the key table as a centered panel. Generated from `KeyMap`, so it is always right.
struct HelpOverlay {
    var keyMap: KeyMap
    var pollInterval: Int

    func draw(into buffer: inout CellBuffer) {
        var lines: [Line] = keyMap.bindings.map { b in
            let keys = b.keys.map(\.label).joined(separator: " ")
            return [Span(keys.padding(18), .keyHint), Span(b.help, .text)]
        }
        lines.append([])
        lines.append([Span("Polls every \(pollInterval) s; backs off to 60 s while the proxy fails.", .dim)])
        lines.append([Span("Dimmed values are stale: the last poll failed; their age is shown.", .dim)])
        lines.append([Span("Any key closes this help.", .dim)])
        let width = min(buffer.width - 2, max(44, lines.map(\.width).max() ?? 0) + 4)
        let height = min(buffer.height - 2, lines.count + 2)
        guard width > 10, height > 2 else { return }
        let rect = Rect(x: (buffer.width - width) / 2, y: (buffer.height - height) / 2, width: width, height: height)
        let inside = Box(title: "Keys", borderRole: .selectedBorder).draw(into: &buffer, rect)
        buffer.restyle(rect.inset(1), role: .dialog)
        for (i, line) in lines.prefix(inside.height).enumerated() {
            buffer.draw(line, x: inside.x, y: inside.y + i, width: inside.width)
        }
    }
}

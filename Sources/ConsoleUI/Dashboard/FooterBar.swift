/// The last row: key hints generated from the key table, and the time to the next poll
/// or a short notice.
struct FooterBar {
    var keyMap: KeyMap
    var right: Span?
    var hidden: Set<Action> = []

    func draw(into buffer: inout CellBuffer, width: Int, y: Int) {
        var line: Line = [Span(" ", .footer)]
        for b in keyMap.bindings where !hidden.contains(b.action) {
            guard let label = b.footer, let key = b.keys.first else { continue }
            if line.count > 1 { line.append(Span("  ", .footer)) }
            line.append(Span(key.label, .keyHint))
            line.append(Span(" \(label)", .footer))
        }
        let rightWidth = right.map { DisplayWidth.of($0.text) + 2 } ?? 0
        buffer.draw(line, x: 0, y: y, width: max(0, width - rightWidth))
        if let right, rightWidth < width {
            buffer.draw([right], x: width - rightWidth + 1, y: y, width: rightWidth - 1)
        }
    }
}

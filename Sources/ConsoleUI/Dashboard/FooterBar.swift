/// The last row: key hints generated from the key table, and the time to the next poll
/// or a short notice. When the row is too narrow, whole hints are left out from the end
/// of the table, but "? help" and "q quit" always stay: help lists everything left out.
struct FooterBar {
    var keyMap: KeyMap
    var right: Span?
    var hidden: Set<Action> = []
    static let essential: Set<Action> = [.help, .quit]

    func draw(into buffer: inout CellBuffer, width: Int, y: Int) {
        let rightWidth = right.map { DisplayWidth.of($0.text) + 2 } ?? 0
        let hints = keyMap.bindings.compactMap { b -> (action: Action, key: String, label: String)? in
            guard !hidden.contains(b.action), let label = b.footer, let key = b.keys.first else { return nil }
            return (b.action, key.label, label)
        }
        func cost(_ h: (action: Action, key: String, label: String)) -> Int {
            DisplayWidth.of(h.key) + 1 + DisplayWidth.of(h.label) + 2
        }
        var budget = width - rightWidth - 1
        for h in hints where Self.essential.contains(h.action) { budget -= cost(h) }
        var shown: Set<Action> = Self.essential
        for h in hints where !Self.essential.contains(h.action) {
            guard cost(h) <= budget else { break }
            budget -= cost(h)
            shown.insert(h.action)
        }
        var line: Line = [Span(" ", .footer)]
        for h in hints where shown.contains(h.action) {
            if line.count > 1 { line.append(Span("  ", .footer)) }
            line.append(Span(h.key, .keyHint))
            line.append(Span(" \(h.label)", .footer))
        }
        buffer.draw(line, x: 0, y: y, width: max(0, width - rightWidth))
        if let right, rightWidth < width {
            buffer.draw([right], x: width - rightWidth + 1, y: y, width: rightWidth - 1)
        }
    }
}

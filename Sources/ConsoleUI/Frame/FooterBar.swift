/// The last row: key hints generated from the key table (the view's own keys, then those
/// that open other views), and the time to the next poll or a short notice. When the row
/// is too narrow, whole hints are left out from the end, but "? help" and "q quit" always
/// stay: help lists everything left out.
struct FooterBar {
    var keyMap: KeyMap
    var right: Span?
    var hidden: Set<Action> = []
    /// Shown dimmed: keys that cannot work now (`WritesOff`); pressing one says why.
    var disabled: Set<Action> = []
    static let essential: Set<Action> = [.help, .quit]

    func draw(into buffer: inout CellBuffer, width: Int, y: Int, cache: PanelCache? = nil) {
        // A notice longer than the row takes the whole row, cut to fit (the key hints
        // are in the help).
        if let right, DisplayWidth.of(right.text) + 2 >= width {
            buffer.draw([Span(" " + DisplayWidth.truncate(right.text, to: max(1, width - 2)), right.role)], x: 0, y: y, width: width)
            return
        }
        let rightWidth = right.map { DisplayWidth.of($0.text) + 2 } ?? 0
        let room = width - rightWidth
        let line = cache?.memo("footer", key: HintsKey(bindings: keyMap.bindings, hidden: hidden, disabled: disabled, room: room)) { hints(room: room) }
            ?? hints(room: room)
        // The hints' cells come from the last frame; only the right-hand text (the poll
        // countdown) is drawn every second.
        buffer.drawRows(y: y, height: 1, slot: "footer.row", key: RowKey(hints: line, room: room, width: width), cache: cache) { b, top in
            b.draw(line, x: 0, y: top, width: max(0, room))
        }
        if let right, rightWidth < width {
            buffer.draw([right], x: width - rightWidth + 1, y: y, width: rightWidth - 1)
        }
    }

    struct RowKey: Equatable {
        var hints: Line
        var room: Int
        var width: Int
    }

    /// What the hints depend on: they are the same every second unless this changes.
    struct HintsKey: Equatable {
        var bindings: [KeyBinding]
        var hidden: Set<Action>
        var disabled: Set<Action>
        var room: Int
    }

    /// The hints that fit in `room` columns, essential ones always.
    func hints(room: Int) -> Line {
        var hints: [(essential: Bool, key: String, label: String, cost: Int, off: Bool)] = []
        hints.reserveCapacity(keyMap.bindings.count)
        // The view's own keys first, then the ones that go to another view: on a narrow
        // row the view's own survive (every key is in `?`).
        let views = Set(ViewRegistry.all.map { Action.show($0.screen) })
        let rank = { (b: KeyBinding) in Self.essential.contains(b.action) ? 2 : views.contains(b.action) ? 1 : 0 }
        let ordered = keyMap.bindings.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
        for b in ordered where !hidden.contains(b.action) {
            guard let label = b.footer, let key = b.keys.first else { continue }
            let keyLabel = key.label
            hints.append((Self.essential.contains(b.action), keyLabel, label, keyLabel.utf8.count + 1 + label.utf8.count + 2, disabled.contains(b.action)))
        }
        var budget = room - 1
        for h in hints where h.essential { budget -= h.cost }
        var shown = hints.map(\.essential)
        for i in hints.indices where !hints[i].essential {
            guard hints[i].cost <= budget else { break }
            budget -= hints[i].cost
            shown[i] = true
        }
        var line: Line = [Span(" ", .footer)]
        for i in hints.indices where shown[i] {
            if line.count > 1 { line.append(Span("  ", .footer)) }
            line.append(Span(hints[i].key, hints[i].off ? .dim : .keyHint))
            line.append(Span(" \(hints[i].label)", hints[i].off ? .dim : .footer))
        }
        return line
    }
}

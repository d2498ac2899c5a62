import ProxyAdmin

/// A boxed page of text that scrolls: lines wrap to the box's width instead of being cut,
/// and the box's bottom edge says which lines show ("12–31 of 58 ↑↓"). The Mappings view's
/// header check and changes and the Models view's field list are drawn by it; their update
/// clamps the scroll with `lineCount`, which wraps the same way.
struct ScrollPage {
    var title: String
    var lines: [Line]
    var scroll: Int

    /// The width text gets inside a page drawn over the views' body at this screen size.
    static func textWidth(_ size: ScreenSize) -> Int { Box.inside(PagedTable.body(size)).width }

    /// How many rows `lines` take once wrapped for this screen size.
    static func lineCount(_ lines: [Line], size: ScreenSize) -> Int {
        LineWrap.wrap(lines, width: textWidth(size)).count
    }

    func draw(into buffer: inout CellBuffer, _ rect: Rect) {
        let inner = Box(title: title).draw(into: &buffer, rect)
        guard inner.height > 0, inner.width > 0 else { return }
        let rows = LineWrap.wrap(lines, width: inner.width)
        let top = max(0, min(scroll, rows.count - inner.height))
        for (i, line) in rows.dropFirst(top).prefix(inner.height).enumerated() {
            buffer.draw(line, x: inner.x, y: inner.y + i, width: inner.width)
        }
        if rows.count > inner.height {
            let more = "\(ModelNumberText.grouped(top + 1))–\(ModelNumberText.grouped(min(rows.count, top + inner.height))) of \(ModelNumberText.grouped(rows.count)) ↑↓"
            buffer.draw([Span(" \(more) ", .dim)], x: rect.maxX - DisplayWidth.of(more) - 4, y: rect.maxY - 1, width: DisplayWidth.of(more) + 2)
        }
    }
}

/// `v`'s panel: the selected row's every value, wrapped (`WholeContent`), scrolling when
/// taller than the screen; the last row says how to leave.
struct WholeTextOverlay {
    var content: WholeContent
    var offset: Int

    func draw(into buffer: inout CellBuffer) {
        let (rect, lines) = content.layout(ScreenSize(width: buffer.width, height: buffer.height))
        guard rect.width > 10, rect.height > 3 else { return }
        let visible = rect.height - 3
        let first = max(0, min(offset, lines.count - visible))
        let title = lines.count <= visible ? content.title : "\(content.title) · lines \(first + 1)–\(first + visible) of \(lines.count)"
        let inside = Box(title: title, borderRole: .selectedBorder).draw(into: &buffer, rect)
        buffer.restyle(rect.inset(1), role: .dialog)
        for (i, line) in lines.dropFirst(first).prefix(visible).enumerated() {
            buffer.draw(line, x: inside.x, y: inside.y + i, width: inside.width)
        }
        let hint = lines.count <= visible ? "Esc, Enter or v closes · q quits" : "↑↓ PgUp PgDn g G scroll · Esc closes · q quits"
        buffer.draw([Span(hint, .dim)], x: inside.x, y: inside.y + inside.height - 1, width: inside.width)
    }
}

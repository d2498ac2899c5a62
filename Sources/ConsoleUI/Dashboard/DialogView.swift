import ProxyAdmin

/// The confirm and interval dialogs, centered over the dashboard.
struct DialogView {
    var dialog: Dialog
    var proxyURL: String

    func draw(into buffer: inout CellBuffer) {
        let width = min(buffer.width - 4, 64)
        guard width > 20 else { return }
        let inner = width - 4
        var lines: [Line] = []
        var title = ""
        var cursorLine: Int?
        var cursorColumn = 0
        switch dialog {
        case .confirm(let action):
            title = action.verb.capitalized
            for part in TextWrap.wrap(action.question(proxy: proxyURL), width: inner) { lines.append([Span(part, .text)]) }
            lines.append([])
            lines.append([Span("y", .keyHint), Span("/", .dim), Span("Enter", .keyHint), Span(" confirm    ", .text),
                          Span("n", .keyHint), Span("/", .dim), Span("Esc", .keyHint), Span(" abort", .text)])
        case .editInterval(let job, let text, let error):
            title = "Reload interval: \(job.shortTitle)"
            let field = " " + text + String(repeating: " ", count: max(1, 8 - DisplayWidth.of(text)))
            lines.append([Span("Reload every ", .text), Span(field, .selected), Span(" hours (1–8760)", .text)])
            cursorLine = 0
            cursorColumn = DisplayWidth.of("Reload every ") + 1 + DisplayWidth.of(text)
            if let error {
                for (i, part) in TextWrap.wrap(error, width: inner - 2).enumerated() {
                    lines.append([Span(i == 0 ? "✗ " : "  ", .error), Span(part, .error)])
                }
            } else {
                lines.append([Span("whole hours; LiteLLM's web UI default is 6", .dim)])
            }
            lines.append([])
            lines.append([Span("Enter", .keyHint), Span(" apply    ", .text), Span("Esc", .keyHint), Span(" leave unchanged", .text)])
        }
        let height = min(buffer.height - 2, lines.count + 2)
        let rect = Rect(x: (buffer.width - width) / 2, y: max(0, (buffer.height - height) / 2), width: width, height: height)
        let inside = Box(title: title, borderRole: .selectedBorder).draw(into: &buffer, rect)
        buffer.restyle(rect.inset(1), role: .dialog)
        for (i, line) in lines.prefix(inside.height).enumerated() {
            buffer.draw(line, x: inside.x, y: inside.y + i, width: inside.width)
        }
        if let cursorLine, cursorLine < inside.height {
            buffer.cursor = (inside.x + min(cursorColumn, inside.width - 1), inside.y + cursorLine)
        }
    }
}

import ProxyAdmin

/// The confirm and interval dialogs, centered over the dashboard.
struct DialogView {
    var dialog: Dialog
    var proxyURL: String
    var state: AppState
    var zone: LocalZone

    func draw(into buffer: inout CellBuffer) {
        // A reload's dialog holds its preview: as wide as the screen allows, up to 100.
        let wide: Bool = { if case .confirm(.reload) = dialog { true } else { false } }()
        let width = min(buffer.width - 4, wide ? 100 : 64)
        guard width > 20 else { return }
        let inner = width - 4
        var lines: [Line] = []
        var title = ""
        var field: (line: Int, input: TextInput)?
        switch dialog {
        case .confirmAllPods(let count):
            title = "Reload beta headers on every pod"
            let text = "Reload the Anthropic beta-header mapping on each of the \(count) pods of \(state.config.currentContext ?? "this proxy"), one after another? It lives in each pod's memory: a single reload reaches one pod and at most one other."
            for part in TextWrap.wrap(text, width: inner) { lines.append([Span(part, .text)]) }
            lines.append([])
            lines.append([Span("y", .keyHint), Span("/", .dim), Span("Enter", .keyHint), Span(" confirm    ", .text),
                          Span("n", .keyHint), Span("/", .dim), Span("Esc", .keyHint), Span(" abort", .text)])
        case .confirm(let action):
            title = action.verb.capitalized
            for part in TextWrap.wrap(action.question(proxy: proxyURL), width: inner) { lines.append([Span(part, .text)]) }
            if case .reload = action, let preview = state.reloadPreview {
                lines.append([])
                // What fits between the question and the keys: the dialog stays on screen.
                let room = max(1, buffer.height - 4 - lines.count - 2)
                lines += PreviewLines(preview: preview, now: state.now, proxy: proxyURL).lines(width: inner, room: room)
            }
            lines.append([])
            lines.append([Span("y", .keyHint), Span("/", .dim), Span("Enter", .keyHint), Span(" confirm    ", .text),
                          Span("n", .keyHint), Span("/", .dim), Span("Esc", .keyHint), Span(" abort", .text)])
        case .editInterval(let job, let input, let error, let confirming):
            title = "Reload interval: \(job.shortTitle)"
            lines.append([])  // the field, drawn by InputField below
            field = (0, input)
            let status = state.job(job).value
            if let hours = confirming {
                for (i, part) in TextWrap.wrap(IntervalPreview.confirmationText(hours, current: status?.intervalHours), width: inner - 2).enumerated() {
                    lines.append([Span(i == 0 ? "! " : "  ", .warning), Span(part, .warning)])
                }
            } else if let error {
                for (i, part) in TextWrap.wrap(error, width: inner - 2).enumerated() {
                    lines.append([Span(i == 0 ? "✗ " : "  ", .error), Span(part, .error)])
                }
            } else if case .success(let hours) = HoursInput.parse(input.text) {
                for part in TextWrap.wrap(IntervalPreview.text(hours, status: status, now: state.now, zone: zone), width: inner) {
                    lines.append([Span(part, .value)])
                }
            } else {
                lines.append([Span("whole hours; LiteLLM's web UI offers 1–168, default 6", .dim)])
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
        if let field, field.line < inside.height {
            InputField(prompt: [Span("Reload every ", .text)], input: field.input, role: .input)
                .draw(into: &buffer, x: inside.x, y: inside.y + field.line, width: min(inside.width, 26))
            buffer.draw([Span(" hours", .text)], x: inside.x + min(inside.width, 26), y: inside.y + field.line, width: max(0, inside.width - 26))
        }
    }
}

import ProxyAdmin

/// Key `2`: where the mapping comes from, then the table with the selected beta's detail,
/// or the header check's answer, or what a reload changed.
struct MappingsScreen {
    var state: AppState
    var zone: LocalZone

    func draw(into buffer: inout CellBuffer, _ rect: Rect) {
        let m = state.mappings
        guard rect.height >= 4 else { return }
        buffer.draw(sourceLine(m), x: rect.x + 1, y: rect.y, width: rect.width - 2)
        drawInputLine(into: &buffer, m, x: rect.x + 1, y: rect.y + 1, width: rect.width - 2)
        let body = Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: rect.height - 2)
        guard let mapping = m.mapping else {
            let what = m.loadInFlight != nil ? "reading the beta-header mapping…" : "the mapping has not been read yet (^R reads it)"
            Box(title: "Beta-header mapping").draw(into: &buffer, body)
            buffer.draw([Span(what, .dim)], x: body.x + 2, y: body.y + 1, width: body.width - 4)
            return
        }
        switch m.mode {
        case .table:
            drawTable(into: &buffer, mapping, m, body)
        case .check:
            let lines = HeaderCheckLines.lines(m.checkResults, line: m.checkedLine ?? "")
            drawPage(into: &buffer, title: "Header check (c: another line, Esc: back to the table)", lines: lines, scroll: m.pageScroll, body)
        case .changes:
            let changes = m.changes
            let title = changes.map { "\($0.title) (\(TimeText.clock($0.at, now: state.now, zone: zone)))" } ?? "Changes"
            drawPage(into: &buffer, title: title, lines: changes.map { MappingChangeLines.lines($0.diff) } ?? [], scroll: m.pageScroll, body)
        }
    }

    private func sourceLine(_ m: MappingsState) -> Line {
        guard let shown = m.shown else {
            return [Span("Source  ", .label), Span("not read yet", .dim)]
        }
        var line: Line = [Span("Source  ", .label)]
        if let failure = m.lastFailure, shown.failure == nil {
            // The last read failed but an earlier good one is on screen.
            line.append(Span("✗ \(failure)", .error))
            if let at = m.shownAt { line.append(Span(" · showing the copy read \(TimeText.clock(at, now: state.now, zone: zone))", .warning)) }
            return line
        }
        line.append(Span(shown.summary, shown.usesBundledCopy ? .warning : .value))
        if let at = m.shownAt, !shown.usesBundledCopy {
            line.append(Span(" · read \(TimeText.clock(at, now: state.now, zone: zone))", .dim))
        }
        return line
    }

    private func drawInputLine(into buffer: inout CellBuffer, _ m: MappingsState, x: Int, y: Int, width: Int) {
        let prompt: String, input: TextInput
        if m.editingCheck {
            (prompt, input) = ("anthropic-beta: ", m.checkInput)
        } else if m.editingFilter {
            (prompt, input) = ("filter: ", m.filter)
        } else {
            var line = MappingCellText.legend
            if !m.filter.text.isEmpty { line = [Span("filter: ", .label), Span(m.filter.text, .value), Span(" (Esc clears)  ", .dim)] + line }
            buffer.draw(line, x: x, y: y, width: width)
            return
        }
        InputField(prompt: [Span(prompt, .label)], input: input).draw(into: &buffer, x: x, y: y, width: width)
    }

    /// The table above the selected beta's detail, when both fit; the table alone otherwise.
    static func tableLayout(_ mapping: BetaHeaderMapping, _ body: Rect) -> (table: Rect, detail: Rect, split: Bool) {
        let detailHeight = mapping.providers.count + 2
        let split = body.height - detailHeight >= 8
        let (table, detail) = split ? body.splitRows(body.height - detailHeight) : (body, Rect(x: 0, y: 0, width: 0, height: 0))
        return (table, detail, split)
    }

    private func drawTable(into buffer: inout CellBuffer, _ mapping: BetaHeaderMapping, _ m: MappingsState, _ body: Rect) {
        let rows = m.rows
        let (tableRect, detailRect, split) = Self.tableLayout(mapping, body)
        let order = m.order == .name ? "by name" : "by support"
        let count = rows.count == mapping.betas.count ? "\(rows.count) betas" : "\(rows.count) of \(mapping.betas.count) betas"
        let title = "Beta-header mapping · \(count) × \(mapping.providers.count) providers · \(order)"
        MappingTable(mapping: mapping, rows: rows, selection: m.selection, columnOffset: m.columnOffset, title: title,
                     shortTitle: "\(count) · \(order)")
            .draw(into: &buffer, tableRect)
        if split {
            let selected = rows.indices.contains(m.selection) ? rows[m.selection] : nil
            MappingDetailPane(mapping: mapping, beta: selected).draw(into: &buffer, detailRect)
        }
    }

    private func drawPage(into buffer: inout CellBuffer, title: String, lines: [Line], scroll: Int, _ rect: Rect) {
        let inner = Box(title: title).draw(into: &buffer, rect)
        guard inner.height > 0 else { return }
        let top = max(0, min(scroll, lines.count - inner.height))
        for (i, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            buffer.draw(line, x: inner.x, y: inner.y + i, width: inner.width)
        }
        if lines.count > inner.height {
            let more = "\(top + 1)–\(min(lines.count, top + inner.height)) of \(lines.count) ↑↓"
            buffer.draw([Span(" \(more) ", .dim)], x: rect.maxX - DisplayWidth.of(more) - 4, y: rect.maxY - 1, width: DisplayWidth.of(more) + 2)
        }
    }
}

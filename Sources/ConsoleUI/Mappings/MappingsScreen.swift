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
        // 1.110.2's markers take one more line for their legend.
        let markers = MappingMarkers(state)
        var top = 2
        if let legend = markers.legend(width: rect.width - 2), rect.height >= 5 {
            buffer.draw(legend, x: rect.x + 1, y: rect.y + 2, width: rect.width - 2)
            top = 3
        }
        let body = Self.body(rect, top: top)
        guard let mapping = m.mapping else {
            let what = m.loadInFlight != nil ? "reading the beta-header mapping…" : "the mapping has not been read yet (^R reads it)"
            Box(title: "Beta-header mapping").draw(into: &buffer, body)
            buffer.draw([Span(what, .dim)], x: body.x + 2, y: body.y + 1, width: body.width - 4)
            return
        }
        switch m.mode {
        case .table:
            drawTable(into: &buffer, mapping, m, body, markers)
        case .check:
            let lines = HeaderCheckLines.lines(m.checkResults, line: m.checkedLine ?? "", markers: markers, width: Box.inside(body).width)
            ScrollPage(title: "Header check (c: another line, Esc: back to the table)", lines: lines, scroll: m.pageScroll).draw(into: &buffer, body)
        case .changes:
            let changes = m.changes
            let title = changes.map { "\($0.title) (\(TimeText.clock($0.at, now: state.now, zone: zone)))" } ?? "Changes"
            let filtered = m.diffFilter.text.isEmpty ? "" : " · filter: \(m.diffFilter.text)"
            ScrollPage(title: title + filtered, lines: m.changeLines, scroll: m.pageScroll).draw(into: &buffer, body)
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
        if m.editingDiffFilter {
            (prompt, input) = ("filter the changes: ", m.diffFilter)
        } else if m.editingCheck {
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

    /// Below the source and input lines (and 1.110.2's legend): the table or a page.
    static func body(_ rect: Rect, top: Int) -> Rect {
        Rect(x: rect.x, y: rect.y + top, width: rect.width, height: rect.height - top)
    }

    /// The table's box as `draw` lays it out at this state's screen size, for paging and clicks.
    static func tableRect(_ state: AppState) -> Rect {
        let rect = viewRect(state.size)
        let top = MappingMarkers(state).legend(width: rect.width - 2) != nil && rect.height >= 5 ? 3 : 2
        guard let mapping = state.mappings.mapping else { return body(rect, top: top) }
        return tableLayout(mapping, body(rect, top: top)).table
    }

    /// The furthest right the provider columns scroll at this state's screen size: the
    /// first column from which all the rest fit whole.
    static func maxColumnOffset(_ state: AppState) -> Int {
        let m = state.mappings
        guard let mapping = m.mapping else { return 0 }
        let rows = m.rows
        let box = tableRect(state)
        let widths = MappingTable.providerWidths(mapping: mapping, betas: rows, markers: MappingMarkers(state))
        let betaWidth = MappingTable.columns(innerWidth: max(0, box.width - 4), betas: rows, providerWidths: [], offset: 0).betaWidth
        return MappingTable.maxOffset(room: max(0, box.width - 4 - betaWidth), providerWidths: widths)
    }

    /// The table above the selected beta's detail, when both fit; the table alone otherwise.
    static func tableLayout(_ mapping: BetaHeaderMapping, _ body: Rect) -> (table: Rect, detail: Rect, split: Bool) {
        let detailHeight = mapping.providers.count + 2
        let split = body.height - detailHeight >= 8
        let (table, detail) = split ? body.splitRows(body.height - detailHeight) : (body, Rect(x: 0, y: 0, width: 0, height: 0))
        return (table, detail, split)
    }

    private func drawTable(into buffer: inout CellBuffer, _ mapping: BetaHeaderMapping, _ m: MappingsState, _ body: Rect, _ markers: MappingMarkers) {
        let rows = m.rows
        let (tableRect, detailRect, split) = Self.tableLayout(mapping, body)
        let order = m.order == .name ? "by name" : "by support"
        let count = rows.count == mapping.betas.count ? "\(rows.count) betas" : "\(rows.count) of \(mapping.betas.count) betas"
        let title = "Beta-header mapping · \(count) × \(mapping.providers.count) providers · \(order)"
        MappingTable(mapping: mapping, rows: rows, selection: m.selection, columnOffset: m.columnOffset, title: title,
                     shortTitle: "\(count) · \(order)", markers: markers)
            .draw(into: &buffer, tableRect)
        if split {
            let selected = rows.indices.contains(m.selection) ? rows[m.selection] : nil
            MappingDetailPane(mapping: mapping, beta: selected, markers: markers).draw(into: &buffer, detailRect)
        }
    }

    /// `v`: the selected beta on every provider, names and words in full.
    static func whole(_ state: AppState, zone: LocalZone) -> WholeContent? {
        let m = state.mappings
        guard m.mode == .table, let mapping = m.mapping, m.rows.indices.contains(m.selection) else { return nil }
        let beta = m.rows[m.selection]
        return WholeContent(title: "Beta \(beta)", lines: MappingDetailPane.lines(mapping: mapping, beta: beta, markers: MappingMarkers(state)))
    }
}

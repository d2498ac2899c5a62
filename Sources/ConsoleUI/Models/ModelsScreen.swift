import ProxyAdmin

/// Key `3`: where the cost map came from, then the models table with the selected model's
/// fields, or one model's every field, or what a reload changed.
struct ModelsScreen {
    var state: AppState
    var zone: LocalZone

    func draw(into buffer: inout CellBuffer, _ rect: Rect) {
        let m = state.models
        guard rect.height >= 4 else { return }
        buffer.draw(sourceLine(m), x: rect.x + 1, y: rect.y, width: rect.width - 2)
        drawInputLine(into: &buffer, m, x: rect.x + 1, y: rect.y + 1, width: rect.width - 2)
        let body = Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: rect.height - 2)
        guard let map = m.map else {
            Box(title: "Models").draw(into: &buffer, body)
            let what: Line = if m.loadInFlight != nil {
                [Span(progressText(m), .dim)]
            } else if let failure = m.lastFailure {
                [Span("✗ \(failure)", .error), Span("  (^R tries again)", .dim)]
            } else {
                [Span("the cost map has not been fetched yet (^R fetches it)", .dim)]
            }
            buffer.draw(what, x: body.x + 2, y: body.y + 1, width: body.width - 4)
            return
        }
        switch m.mode {
        case .table:
            drawTable(into: &buffer, map, m, body)
        case .detail:
            let entry = m.selectedEntry
            let lines = entry.map { ModelFieldLines.lines($0, in: state.models.map) } ?? []
            ScrollPage(title: "\(entry?.name ?? "Model") · every field (Esc: back)", lines: lines, scroll: m.pageScroll)
                .draw(into: &buffer, body)
        case .changes:
            guard let changes = m.changes else { return }
            let rows = changes.rows
            var title = changes.title
            if let since = changes.since { title += " · since the copy of \(TimeText.clock(since, now: state.now, zone: zone))" }
            drawPage(into: &buffer, title: title + " (Esc: back)", count: rows.count, scroll: m.pageScroll, body) {
                CostMapChangeLines.line(rows[$0], changes.diff, current: map)
            }
        }
    }

    private func progressText(_ m: ModelsState) -> String {
        let elapsed = m.loadStartedAt.map { " · \(TimeText.span(max(0, state.now.timeIntervalSince($0).rounded())))" } ?? ""
        switch m.progress {
        case .decoding(let bytes)?: return "decoding \(ModelNumberText.grouped(bytes / 1024)) KB…\(elapsed)"
        default: return "fetching the cost map from the proxy…\(elapsed)"
        }
    }

    private func sourceLine(_ m: ModelsState) -> Line {
        guard let loaded = m.loaded, let at = m.loadedAt else {
            return [Span("Source  ", .label), Span(m.loadInFlight != nil ? progressText(m) : "not fetched yet", .dim)]
        }
        var line: Line = [Span("Source  ", .label)]
        if let failure = m.lastFailure {
            line.append(Span("✗ \(failure)", .error))
            line.append(Span(" · showing the copy fetched \(TimeText.clock(at, now: state.now, zone: zone))", .warning))
            return line
        }
        line.append(Span(loaded.url, .value))
        line.append(Span(" · fetched \(TimeText.clock(at, now: state.now, zone: zone)) · \(ModelNumberText.grouped(loaded.byteCount / 1024)) KB", .dim))
        if m.loadInFlight != nil { line.append(Span(" · " + progressText(m), .dim)) }
        return line
    }

    private func drawInputLine(into buffer: inout CellBuffer, _ m: ModelsState, x: Int, y: Int, width: Int) {
        if m.editingFilter || m.editingDiffFilter {
            let (prompt, input) = m.editingDiffFilter ? ("filter the changes: ", m.diffFilter) : ("filter: ", m.filter)
            InputField(prompt: [Span(prompt, .label)], input: input).draw(into: &buffer, x: x, y: y, width: width)
            return
        }
        var line: Line = []
        if !m.filter.text.isEmpty { line = [Span("filter: ", .label), Span(m.filter.text, .value), Span(" (Esc clears)  ", .dim)] }
        if let changes = m.changes {
            line += [Span("last change: ", .label), Span(changes.diff.summary, changes.diff.isEmpty ? .dim : .diffChanged), Span(" (d)", .keyHint)]
        } else {
            line.append(Span("prices in $ per 1M tokens · s sort · S reverse · Enter every field", .dim))
        }
        buffer.draw(line, x: x, y: y, width: width)
    }

    private func drawTable(into buffer: inout CellBuffer, _ map: CostMap, _ m: ModelsState, _ body: Rect) {
        // "models" as LiteLLM counts them (its model_count, as on the dashboard): sample_spec
        // is counted but has no row, so the unfiltered title says so.
        let total = ModelNumberText.grouped(map.modelCount)
        let count = m.query.filter.isEmpty ? "\(total) models" + (map.modelCountNote.map { " (\($0))" } ?? "")
                                          : "\(ModelNumberText.grouped(m.rows.count)) of \(total) models"
        let sort = "by \(m.query.sort.title) \(m.query.descending ? "▼" : "▲")"
        let entry = m.selectedEntry
        let (tableRect, detailRect, split) = Self.tableLayout(m, body)
        let fieldLines = split ? entry.map { ModelFieldLines.lines($0, in: state.models.map) } ?? [] : []  // parsed only when shown
        ModelTable(map: map, rows: m.rows, selection: m.selection, query: m.query,
                   title: "Models · \(count) · \(sort)", shortTitle: "\(count) · \(sort)")
            .draw(into: &buffer, tableRect)
        if split, let entry {
            let notes = CostMapReport.notes(entry, in: map).count
            let more = fieldLines.count > detailRect.height - 2 ? " · Enter: all \(fieldLines.count - notes) fields" : ""
            let inner = Box(title: entry.name + more, shortTitle: entry.name).draw(into: &buffer, detailRect)
            for (i, line) in fieldLines.prefix(inner.height).enumerated() {
                buffer.draw(line, x: inner.x, y: inner.y + i, width: inner.width)
            }
        }
    }

    /// Where the table and the fields pane go (the selected model's fields below the
    /// table when there is room for both). Shared with the mouse, so a click lands on the
    /// row that is drawn there.
    static func tableLayout(_ m: ModelsState, _ body: Rect) -> (table: Rect, detail: Rect, split: Bool) {
        let fieldCount: Int = if case .object(let fields)? = m.selectedEntry?.value { fields.count } else { 1 }
        let detailHeight = min(fieldCount + 2, max(0, body.height / 3))
        let split = detailHeight >= 5 && body.height - detailHeight >= 8
        let (table, detail) = split ? body.splitRows(body.height - detailHeight) : (body, Rect(x: 0, y: 0, width: 0, height: 0))
        return (table, detail, split)
    }

    private func drawPage(into buffer: inout CellBuffer, title: String, count: Int, scroll: Int, _ rect: Rect,
                          line: (Int) -> Line) {
        let inner = Box(title: title).draw(into: &buffer, rect)
        guard inner.height > 0 else { return }
        let top = max(0, min(scroll, count - inner.height))
        for i in 0..<min(inner.height, max(0, count - top)) {
            buffer.draw(line(top + i), x: inner.x, y: inner.y + i, width: inner.width)
        }
        if count > inner.height {
            let more = "\(ModelNumberText.grouped(top + 1))–\(ModelNumberText.grouped(min(count, top + inner.height))) of \(ModelNumberText.grouped(count)) ↑↓"
            buffer.draw([Span(" \(more) ", .dim)], x: rect.maxX - DisplayWidth.of(more) - 4, y: rect.maxY - 1, width: DisplayWidth.of(more) + 2)
        }
    }

    /// `v`: the selected model's every field, as Enter shows it.
    static func whole(_ state: AppState, zone: LocalZone) -> WholeContent? {
        guard state.models.mode == .table, let entry = state.models.selectedEntry else { return nil }
        return WholeContent(title: entry.name, lines: ModelFieldLines.lines(entry, in: state.models.map))
    }
}

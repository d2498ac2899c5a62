import ProxyAdmin

/// Models down, the cost map's main fields across. Columns that do not fit are left out
/// by priority (model, prices, provider, limits, mode); the sort column shows ▲ or ▼.
struct ModelTable {
    var map: CostMap
    var rows: [Int]
    var selection: Int
    var query: ModelQuery
    var title: String
    var shortTitle: String

    /// Column widths; nil = not shown at this width.
    struct Layout: Equatable {
        var model: Int
        var shown: [(column: ModelColumn, width: Int)]

        static func == (a: Layout, b: Layout) -> Bool {
            a.model == b.model && a.shown.map(\.column) == b.shown.map(\.column) && a.shown.map(\.width) == b.shown.map(\.width)
        }
    }

    static let widths: [ModelColumn: Int] = [.provider: 18, .mode: 17, .input: 10, .output: 10, .maxInput: 10, .maxOutput: 10]
    static let priority: [ModelColumn] = [.input, .output, .provider, .maxInput, .maxOutput, .mode]

    static func layout(innerWidth: Int) -> Layout {
        var chosen: Set<ModelColumn> = []
        var used = 0
        for c in priority {
            let w = widths[c]!
            if innerWidth - used - w >= 24 {
                chosen.insert(c)
                used += w
            }
        }
        let shown = ModelColumn.allCases.filter { chosen.contains($0) }.map { ($0, widths[$0]!) }
        return Layout(model: max(1, innerWidth - used), shown: shown)
    }

    func draw(into buffer: inout CellBuffer, _ rect: Rect) {
        let inner = Box(title: title, shortTitle: shortTitle).draw(into: &buffer, rect)
        guard inner.height > 0, inner.width > 0 else { return }
        let layout = Self.layout(innerWidth: inner.width)

        var header: Line = [Span(headerText(.model, width: layout.model), query.sort == .model ? .title : .label)]
        for (column, width) in layout.shown {
            header.append(Span(headerText(column, width: width), query.sort == column ? .title : .label))
        }
        buffer.draw(header, x: inner.x, y: inner.y, width: inner.width)

        let visibleRows = inner.height - 1
        guard visibleRows > 0 else { return }
        if rows.isEmpty {
            buffer.draw([Span("no model matches the filter", .dim)], x: inner.x, y: inner.y + 1, width: inner.width)
            return
        }
        let top = PagedTable.firstRow(selection: selection, visibleRows: visibleRows)
        for (i, index) in rows[top..<min(rows.count, top + visibleRows)].enumerated() {
            let entry = map.entries[index]
            let y = inner.y + 1 + i
            var line: Line = [Span(DisplayWidth.truncate(entry.name, to: layout.model - 1).padding(layout.model), .text)]
            for (column, width) in layout.shown {
                let (text, role) = Self.cell(entry, column)
                let fitted = DisplayWidth.truncate(text, to: width - 1)
                let aligned = column.isNumeric ? String(repeating: " ", count: max(0, width - 1 - DisplayWidth.of(fitted))) + fitted + " "
                                               : fitted.padding(width)
                line.append(Span(aligned, role))
            }
            buffer.draw(line, x: inner.x, y: y, width: inner.width)
            if top + i == selection { buffer.restyle(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .selected) }
        }
    }

    private func headerText(_ column: ModelColumn, width: Int) -> String {
        let arrow = query.sort == column ? (query.descending ? " ▼" : " ▲") : ""
        let text = DisplayWidth.truncate(column.title + arrow, to: width - 1)
        if column.isNumeric { return String(repeating: " ", count: max(0, width - 1 - DisplayWidth.of(text))) + text + " " }
        return text.padding(width)
    }

    /// A cell's text; "—" when the entry lacks the field or holds something unreadable.
    static func cell(_ e: ModelEntry, _ column: ModelColumn) -> (String, Role) {
        func or(_ s: String?) -> (String, Role) { s.map { ($0, .text) } ?? ("—", .dim) }
        switch column {
        case .model: return (e.name, .text)
        case .provider: return or(e.provider)
        case .mode: return or(e.mode)
        case .input: return or(e.inputPerMillion.map(ModelNumberText.price))
        case .output: return or(e.outputPerMillion.map(ModelNumberText.price))
        case .maxInput: return or(e.maxInputTokens.map(ModelNumberText.tokens))
        case .maxOutput: return or(e.maxOutputTokens.map(ModelNumberText.tokens))
        }
    }
}

extension ModelColumn {
    var isNumeric: Bool {
        switch self {
        case .model, .provider, .mode: false
        default: true
        }
    }
}

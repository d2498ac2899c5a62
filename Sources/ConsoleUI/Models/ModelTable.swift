import ProxyAdmin

/// Models down, the cost map's main fields across. Each column is as wide as its longest
/// value on the page shown (the provider and mode capped), the model name takes the rest;
/// columns that do not fit are left out by priority (model, prices, provider, limits,
/// mode). Prices line up on the decimal point; token limits are whole numbers with
/// thousands separators. The sort column shows ▲ or ▼.
struct ModelTable {
    var map: CostMap
    var rows: [Int]
    var selection: Int
    var query: ModelQuery
    var title: String
    var shortTitle: String

    /// Column widths (each with its one-column gap).
    struct Layout: Equatable {
        var model: Int
        var shown: [(column: ModelColumn, width: Int)]

        static func == (a: Layout, b: Layout) -> Bool {
            a.model == b.model && a.shown.map(\.column) == b.shown.map(\.column) && a.shown.map(\.width) == b.shown.map(\.width)
        }
    }

    /// Text columns no wider than this (gap included); longer values are cut with "…".
    static let maxWidths: [ModelColumn: Int] = [.provider: 20, .mode: 17]
    static let priority: [ModelColumn] = [.input, .output, .provider, .maxInput, .maxOutput, .mode]
    /// The model name keeps at least this many columns.
    static let minModelWidth = 24

    /// Widths from the cells of the page shown (`cells[column]`, one text per row) and the
    /// headers; columns join by priority while the model name keeps its longest name on
    /// the page (`longestName`), up to two fifths of the width, and never less than
    /// `minModelWidth`. What the columns leave goes to the model name.
    static func layout(innerWidth: Int, cells: [ModelColumn: [String]], longestName: Int = 0, sort: ModelColumn? = nil) -> Layout {
        let keep = max(minModelWidth, min(longestName + 1, innerWidth * 2 / 5))
        var chosen: [ModelColumn: Int] = [:]
        var used = 0
        for c in priority {
            let header = DisplayWidth.of(c.title) + (sort == c ? 2 : 0)
            let longest = (cells[c] ?? []).map(DisplayWidth.of).max() ?? 0
            let w = min(maxWidths[c] ?? Int.max, max(header, longest) + 1)
            if innerWidth - used - w >= keep {
                chosen[c] = w
                used += w
            }
        }
        let shown = ModelColumn.allCases.compactMap { c in chosen[c].map { (c, $0) } }
        return Layout(model: max(1, innerWidth - used), shown: shown)
    }

    /// The cells of `entries` for one column, as the table writes them: prices padded on
    /// the right so their decimal points line up (the digits after the point counted over
    /// these rows), "—" where there is no value, under the units digit.
    static func cells(_ entries: [ModelEntry], _ column: ModelColumn) -> [(String, Role)] {
        let raw = entries.map { cell($0, column) }
        guard column == .input || column == .output else { return raw }
        func decimals(_ text: String) -> Int? {
            text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 }
        }
        let numbers = zip(entries, raw).map { entry, cell in price(entry, column) != nil ? cell.0 : nil }
        let most = numbers.compactMap { $0.flatMap(decimals) }.max() ?? 0
        return zip(raw, numbers).map { cell, number in
            // A price without a point (or "—") ends where the points' column starts.
            let after = number.flatMap(decimals).map { most - $0 } ?? (most > 0 ? most + 1 : 0)
            return (cell.0 + String(repeating: " ", count: after), cell.1)
        }
    }

    private static func price(_ e: ModelEntry, _ column: ModelColumn) -> Double? {
        column == .input ? e.inputPerMillion : column == .output ? e.outputPerMillion : nil
    }

    func draw(into buffer: inout CellBuffer, _ rect: Rect) {
        let inner = Box(title: title, shortTitle: shortTitle).draw(into: &buffer, rect)
        guard inner.height > 0, inner.width > 0 else { return }
        let visibleRows = max(0, inner.height - 1)
        let top = PagedTable.firstRow(selection: selection, visibleRows: visibleRows)
        let page = rows.isEmpty || visibleRows == 0 ? [] : rows[min(top, rows.count)..<min(rows.count, top + visibleRows)].map { map.entries[$0] }
        var cells: [ModelColumn: [(String, Role)]] = [:]
        for c in Self.priority { cells[c] = Self.cells(page, c) }
        let layout = Self.layout(innerWidth: inner.width, cells: cells.mapValues { $0.map(\.0) },
                                 longestName: page.map { DisplayWidth.of($0.name) }.max() ?? 0, sort: query.sort)

        var header: Line = [Span(headerText(.model, width: layout.model), query.sort == .model ? .title : .label)]
        for (column, width) in layout.shown {
            header.append(Span(headerText(column, width: width), query.sort == column ? .title : .label))
        }
        buffer.draw(header, x: inner.x, y: inner.y, width: inner.width)

        guard visibleRows > 0 else { return }
        if rows.isEmpty {
            buffer.draw([Span("no model matches the filter", .dim)], x: inner.x, y: inner.y + 1, width: inner.width)
            return
        }
        for (i, entry) in page.enumerated() {
            let y = inner.y + 1 + i
            var line: Line = [Span(DisplayWidth.truncate(entry.name, to: layout.model - 1).padding(layout.model), .text)]
            for (column, width) in layout.shown {
                let (text, role) = cells[column]![i]
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
        case .maxInput: return or(e.maxInputTokens.map(ModelNumberText.grouped))
        case .maxOutput: return or(e.maxOutputTokens.map(ModelNumberText.grouped))
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

import ProxyAdmin

/// Betas down, providers across. The beta column stays put; provider columns scroll
/// sideways when they do not all fit, and the title says which are shown.
struct MappingTable {
    var mapping: BetaHeaderMapping
    var rows: [String]
    var selection: Int
    var columnOffset: Int
    var title: String
    var shortTitle: String

    /// Where the columns go for a given inner width.
    struct Columns: Equatable {
        var betaWidth: Int
        var providerWidth: Int
        /// Indices into `mapping.providers` that are drawn.
        var visible: Range<Int>
    }

    static func columns(innerWidth: Int, betas: [String], providerCount: Int, offset: Int) -> Columns {
        let longest = betas.map { DisplayWidth.of($0) }.max() ?? 10
        let betaWidth = max(12, min(longest + 1, max(20, innerWidth * 2 / 5)))
        let room = max(0, innerWidth - betaWidth)
        guard providerCount > 0 else { return Columns(betaWidth: betaWidth, providerWidth: 0, visible: 0..<0) }
        let width = max(10, min(30, room / providerCount))
        let fit = max(1, room / width)
        let first = max(0, min(offset, providerCount - fit))
        return Columns(betaWidth: betaWidth, providerWidth: width, visible: first..<min(providerCount, first + fit))
    }

    func draw(into buffer: inout CellBuffer, _ rect: Rect) {
        let providers = mapping.providers
        // Box's inside is four columns narrower than the box.
        let cols = Self.columns(innerWidth: max(0, rect.width - 4), betas: rows, providerCount: providers.count, offset: columnOffset)
        // Which providers are shown matters more than the title's last words: a badge.
        let badge = cols.visible.count < providers.count
            ? Span("providers \(cols.visible.lowerBound + 1)–\(cols.visible.upperBound) of \(providers.count) ←→", .keyHint) : nil
        let inner = Box(title: title, shortTitle: shortTitle, badge: badge).draw(into: &buffer, rect)
        guard inner.height > 0, inner.width > 0 else { return }

        var header: Line = [Span("beta".padding(cols.betaWidth), .label)]
        for p in cols.visible { header.append(Span(DisplayWidth.truncate(providers[p], to: cols.providerWidth - 1).padding(cols.providerWidth), .label)) }
        buffer.draw(header, x: inner.x, y: inner.y, width: inner.width)

        let visibleRows = inner.height - 1
        guard visibleRows > 0 else { return }
        if rows.isEmpty {
            buffer.draw([Span("no beta matches the filter", .dim)], x: inner.x, y: inner.y + 1, width: inner.width)
            return
        }
        let top = PagedTable.firstRow(selection: selection, visibleRows: visibleRows)
        for (i, beta) in rows[top..<min(rows.count, top + visibleRows)].enumerated() {
            let y = inner.y + 1 + i
            var line: Line = [Span(DisplayWidth.truncate(beta, to: cols.betaWidth - 1).padding(cols.betaWidth), .text)]
            for p in cols.visible {
                let span = MappingCellText.span(mapping.cell(beta: beta, provider: providers[p]))
                line.append(Span(DisplayWidth.truncate(span.text, to: cols.providerWidth - 1).padding(cols.providerWidth), span.role))
            }
            buffer.draw(line, x: inner.x, y: y, width: inner.width)
            if top + i == selection { buffer.restyle(Rect(x: inner.x, y: y, width: cols.betaWidth - 1, height: 1), role: .selected) }
        }
    }
}

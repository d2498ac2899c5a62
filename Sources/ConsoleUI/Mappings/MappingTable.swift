import ProxyAdmin

/// Betas down, providers across. The beta column stays put; each provider column is as
/// wide as its longest value (capped), and the columns scroll sideways when they do not all
/// fit; the title says which are shown. A header cut short is named in full in the detail
/// pane below.
struct MappingTable {
    var mapping: BetaHeaderMapping
    var rows: [String]
    var selection: Int
    var columnOffset: Int
    var title: String
    var shortTitle: String
    var markers: MappingMarkers

    /// Where the columns go for a given inner width.
    struct Columns: Equatable {
        var betaWidth: Int
        /// Indices into `mapping.providers` that are drawn.
        var visible: Range<Int>
        /// Each drawn provider column's width (gap included), parallel to `visible`: its own
        /// width, except the last one, which may be cut to the room left.
        var widths: [Int]
    }

    /// A provider column is at most this wide (its one-column gap included).
    static let maxProviderWidth = 24
    /// A column cut to the room left is drawn only when at least this wide, and only when
    /// its header still fits whole: a cut name could be any of the bedrock columns.
    static let minCutWidth = 8

    /// Each provider column as wide as its longest value, header or cell over `betas`
    /// (plus a gap); `columns` caps these at `maxProviderWidth`.
    static func providerWidths(mapping: BetaHeaderMapping, betas: [String], markers: MappingMarkers) -> [Int] {
        mapping.providers.map { provider in
            var longest = DisplayWidth.of(markers.label(provider))
            for beta in betas {
                longest = max(longest, DisplayWidth.of(MappingCellText.span(mapping.cell(beta: beta, provider: provider)).text))
            }
            return longest + 1
        }
    }

    /// The width each provider column needs to show its header whole (gap included), capped
    /// as the columns are.
    static func headerWidths(mapping: BetaHeaderMapping, markers: MappingMarkers) -> [Int] {
        mapping.providers.map { min(maxProviderWidth, DisplayWidth.of(markers.label($0)) + 1) }
    }

    /// Columns from `offset` on, each at its own width (capped at `maxProviderWidth`) while
    /// they fit; then the next one cut to the room left if that is at least `minCutWidth`
    /// and holds its header (`headerWidths`; none given: no column is cut). The offset goes
    /// no further right than the first column from which all the rest fit whole. When all
    /// fit, the room left lets capped columns grow back to their own width.
    static func columns(innerWidth: Int, betas: [String], providerWidths natural: [Int], headerWidths: [Int]? = nil, offset: Int) -> Columns {
        let longest = betas.map { DisplayWidth.of($0) }.max() ?? 10
        let betaWidth = max(12, min(longest + 1, max(20, innerWidth * 2 / 5)))
        let room = max(0, innerWidth - betaWidth)
        guard !natural.isEmpty else { return Columns(betaWidth: betaWidth, visible: 0..<0, widths: []) }
        let providerWidths = natural.map { min(maxProviderWidth, $0) }
        var spare = room - providerWidths.reduce(0, +)
        if spare > 0 {
            return Columns(betaWidth: betaWidth, visible: 0..<natural.count, widths: zip(providerWidths, natural).map { capped, own in
                let grow = min(spare, own - capped)
                spare -= grow
                return capped + grow
            })
        }
        let first = max(0, min(offset, maxOffset(room: room, providerWidths: natural)))
        var widths: [Int] = []
        var used = 0
        for (i, w) in providerWidths.enumerated().dropFirst(first) {
            if used + w <= room {
                widths.append(w)
                used += w
            } else {
                if let headers = headerWidths, room - used >= max(minCutWidth, headers[i]) {
                    widths.append(room - used)
                } else if widths.isEmpty {
                    widths.append(max(room, min(w, minCutWidth)))  // clipped where the box ends
                }
                break
            }
        }
        return Columns(betaWidth: betaWidth, visible: first..<(first + widths.count), widths: widths)
    }

    /// The first column from which every remaining one fits whole (capped) in `room` (the
    /// last column when even that one alone does not).
    static func maxOffset(room: Int, providerWidths natural: [Int]) -> Int {
        let providerWidths = natural.map { min(maxProviderWidth, $0) }
        var used = 0
        var start = providerWidths.count
        while start > 0, used + providerWidths[start - 1] <= room {
            used += providerWidths[start - 1]
            start -= 1
        }
        return min(start, max(0, providerWidths.count - 1))
    }

    /// The columns as `draw` lays them out in a box of this width.
    func columns(boxWidth: Int) -> Columns {
        Self.columns(innerWidth: max(0, boxWidth - 4), betas: rows,
                     providerWidths: Self.providerWidths(mapping: mapping, betas: rows, markers: markers),
                     headerWidths: Self.headerWidths(mapping: mapping, markers: markers), offset: columnOffset)
    }

    func draw(into buffer: inout CellBuffer, _ rect: Rect) {
        let providers = mapping.providers
        // Box's inside is four columns narrower than the box.
        let cols = columns(boxWidth: rect.width)
        // Which providers are shown matters more than the title's last words: a badge.
        let badge = cols.visible.count < providers.count
            ? Span("providers \(cols.visible.lowerBound + 1)–\(cols.visible.upperBound) of \(providers.count) ←→", .keyHint) : nil
        let inner = Box(title: title, shortTitle: shortTitle, badge: badge).draw(into: &buffer, rect)
        guard inner.height > 0, inner.width > 0 else { return }

        var header: Line = [Span("beta".padding(cols.betaWidth), .label)]
        for (p, width) in zip(cols.visible, cols.widths) {
            header.append(Span(DisplayWidth.truncate(markers.label(providers[p]), to: width - 1).padding(width), .label))
        }
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
            for (p, width) in zip(cols.visible, cols.widths) {
                let span = MappingCellText.span(mapping.cell(beta: beta, provider: providers[p]))
                line.append(Span(DisplayWidth.truncate(span.text, to: width - 1).padding(width), span.role))
            }
            buffer.draw(line, x: inner.x, y: y, width: inner.width)
            if top + i == selection { buffer.restyle(Rect(x: inner.x, y: y, width: cols.betaWidth - 1, height: 1), role: .selected) }
        }
    }
}

import ProxyAdmin

/// The selected beta on every provider, in words: what the table's symbols mean for it.
struct MappingDetailPane {
    var mapping: BetaHeaderMapping
    var beta: String?
    var markers: MappingMarkers

    func draw(into buffer: inout CellBuffer, _ rect: Rect) {
        let inner = Box(title: beta.map { "Beta \($0)" } ?? "Beta").draw(into: &buffer, rect)
        guard inner.height > 0, let beta else { return }
        let lines = Self.lines(mapping: mapping, beta: beta, markers: markers)
        for (i, line) in lines.prefix(inner.height).enumerated() {
            buffer.draw(line, x: inner.x, y: inner.y + i, width: inner.width)
        }
    }

    static func lines(mapping: BetaHeaderMapping, beta: String, markers: MappingMarkers) -> [Line] {
        let providers = mapping.providers
        let nameWidth = (providers.map { DisplayWidth.of(markers.label($0)) }.max() ?? 8) + 2
        return providers.map { provider in
            let cell = mapping.cell(beta: beta, provider: provider)
            var line: Line = [Span(markers.label(provider).padding(nameWidth), .label)]
            line.append(Span(words(cell.inHeader, beta: beta), MappingCellText.role(cell.inHeader)))
            if cell.isHeaderOnly {
                line.append(Span("  header-only: sent in the anthropic-beta header, dropped from the anthropic_beta body field", .dim))
            }
            return line
        }
    }

    static func words(_ t: BetaTreatment, beta: String) -> String {
        switch t {
        case .forwarded: "forwarded unchanged"
        case .renamed(let name): "forwarded as \(name)"
        case .unsupported: "unsupported (null): dropped"
        case .absent: "unknown to this provider: dropped"
        }
    }
}

import ProxyAdmin

/// A run of text in one role; a `Line` is a row of them.
public struct Span: Equatable, Sendable {
    public var text: String
    public var role: Role
    public init(_ text: String, _ role: Role = .text) {
        self.text = text
        self.role = role
    }
}

public typealias Line = [Span]

extension CellBuffer {
    /// Draws the spans left to right from (x, y), clipped to `width` columns; the last
    /// visible span ends in "…" when cut.
    @discardableResult
    public mutating func draw(_ line: Line, x: Int, y: Int, width: Int) -> Int {
        var col = x
        let end = x + width
        for span in line {
            let room = end - col
            if room <= 0 { break }
            let safe = SafeText.escaped(span.text)  // escapes first, so the cut and "…" fall right
            let text = DisplayWidth.of(safe) > room ? DisplayWidth.truncate(safe, to: room) : safe
            col += put(text, x: col, y: y, role: span.role, maxWidth: room)
        }
        return col - x
    }

    /// Centers `line` in the row of `rect`.
    public mutating func drawCentered(_ line: Line, in rect: Rect, y: Int) {
        let w = line.reduce(0) { $0 + DisplayWidth.of($1.text) }
        let x = rect.x + max(0, (rect.width - w) / 2)
        draw(line, x: x, y: y, width: rect.maxX - x)
    }
}

extension Line {
    public var width: Int { reduce(0) { $0 + DisplayWidth.of($1.text) } }
}

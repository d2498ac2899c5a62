/// A bordered panel with a title on the top edge and an optional badge at its right.
public struct Box: Sendable {
    public var title: String
    public var badge: Span?
    public var borderRole: Role
    public var titleRole: Role

    public init(title: String, badge: Span? = nil, borderRole: Role = .border, titleRole: Role = .title) {
        self.title = title
        self.badge = badge
        self.borderRole = borderRole
        self.titleRole = titleRole
    }

    /// Draws the frame and returns the inside rectangle (one column of padding inside).
    @discardableResult
    public func draw(into buffer: inout CellBuffer, _ rect: Rect) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        buffer.fill(rect, role: .text)
        let top = rect.y, bottom = rect.maxY - 1, left = rect.x, right = rect.maxX - 1
        for x in (left + 1)..<right {
            buffer[x, top] = Cell("─", role: borderRole)
            buffer[x, bottom] = Cell("─", role: borderRole)
        }
        for y in (top + 1)..<bottom {
            buffer[left, y] = Cell("│", role: borderRole)
            buffer[right, y] = Cell("│", role: borderRole)
        }
        buffer[left, top] = Cell("┌", role: borderRole)
        buffer[right, top] = Cell("┐", role: borderRole)
        buffer[left, bottom] = Cell("└", role: borderRole)
        buffer[right, bottom] = Cell("┘", role: borderRole)
        let room = rect.width - 4
        var used = 0
        if room > 0 {
            used = buffer.draw([Span(" \(title) ", titleRole)], x: left + 1, y: top, width: room)
        }
        if let badge, room - used > 4 {
            let text = " \(badge.text) "
            let w = min(DisplayWidth.of(text), room - used - 1)
            buffer.draw([Span(text, badge.role)], x: right - 1 - w, y: top, width: w)
        }
        return Rect(x: left + 2, y: top + 1, width: max(0, rect.width - 4), height: rect.height - 2)
    }
}

/// A bordered panel with a title on the top edge and an optional badge at its right.
public struct Box: Equatable, Sendable {
    public var title: String
    /// Used instead of `title` when the full one and the badge do not both fit.
    public var shortTitle: String?
    public var badge: Span?
    public var borderRole: Role
    public var titleRole: Role

    public init(title: String, shortTitle: String? = nil, badge: Span? = nil, borderRole: Role = .border, titleRole: Role = .title) {
        self.title = title
        self.shortTitle = shortTitle
        self.badge = badge
        self.borderRole = borderRole
        self.titleRole = titleRole
    }

    /// The inside of `rect` once framed: one column of padding within the border.
    public static func inside(_ rect: Rect) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        return Rect(x: rect.x + 2, y: rect.y + 1, width: max(0, rect.width - 4), height: rect.height - 2)
    }

    /// Draws the frame and returns the inside rectangle (one column of padding inside).
    @discardableResult
    public func draw(into buffer: inout CellBuffer, _ rect: Rect) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        buffer.fill(rect, role: .text)
        let top = rect.y, bottom = rect.maxY - 1, left = rect.x, right = rect.maxX - 1
        let horizontal = Cell("─", role: borderRole), vertical = Cell("│", role: borderRole)
        buffer.fillRow(top, from: left + 1, count: right - left - 1, with: horizontal)
        buffer.fillRow(bottom, from: left + 1, count: right - left - 1, with: horizontal)
        for y in (top + 1)..<bottom {
            buffer[left, y] = vertical
            buffer[right, y] = vertical
        }
        buffer[left, top] = Cell("┌", role: borderRole)
        buffer[right, top] = Cell("┐", role: borderRole)
        buffer[left, bottom] = Cell("└", role: borderRole)
        buffer[right, bottom] = Cell("┘", role: borderRole)
        // The badge (state) matters more than the title's last words: it is placed first,
        // and the title shortens to fit beside it.
        let room = rect.width - 4
        var badgeWidth = 0
        if let badge, room > 8 {
            let text = " \(badge.text) "
            badgeWidth = min(DisplayWidth.of(text), room - 4)
            buffer.draw([Span(text, badge.role)], x: right - 1 - badgeWidth, y: top, width: badgeWidth)
        }
        let titleRoom = room - badgeWidth - (badgeWidth > 0 ? 1 : 0)
        if titleRoom > 0 {
            var shown = title
            if let shortTitle, DisplayWidth.of(title) + 2 > titleRoom { shown = shortTitle }
            buffer.draw([Span(" \(shown) ", titleRole)], x: left + 1, y: top, width: titleRoom)
        }
        return Self.inside(rect)
    }
}

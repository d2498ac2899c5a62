public struct Rect: Equatable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    public func clipped(to o: Rect) -> Rect {
        let nx = max(x, o.x), ny = max(y, o.y)
        return Rect(x: nx, y: ny, width: max(0, min(maxX, o.maxX) - nx), height: max(0, min(maxY, o.maxY) - ny))
    }

    /// Shrinks by `d` on every side (the inside of a border).
    public func inset(_ d: Int) -> Rect {
        Rect(x: x + d, y: y + d, width: max(0, width - 2 * d), height: max(0, height - 2 * d))
    }

    /// Splits into a left part of `w` columns and the rest.
    public func splitColumns(_ w: Int) -> (Rect, Rect) {
        let a = min(max(0, w), width)
        return (Rect(x: x, y: y, width: a, height: height), Rect(x: x + a, y: y, width: width - a, height: height))
    }

    /// Splits into a top part of `h` rows and the rest.
    public func splitRows(_ h: Int) -> (Rect, Rect) {
        let a = min(max(0, h), height)
        return (Rect(x: x, y: y, width: width, height: a), Rect(x: x, y: y + a, width: width, height: height - a))
    }
}

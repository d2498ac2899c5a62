/// What each boxed panel drew in the last frame, so the next frame copies the cells of a
/// panel whose frame and lines did not change, and redraws only the rows that did (Elm's
/// `lazy`). The idle dashboard draws a frame every second for its countdowns, and building
/// every panel's cells again was most of that frame; with the cache a tick redraws the few
/// rows whose text moved. Owned by the runner; `view` without one draws everything, and
/// `PanelCacheTests` holds the two to the same cells.
public final class PanelCache {
    struct Entry {
        var rect: Rect
        var box: Box
        var lines: [Line]
        var cells: [Cell]
    }

    private var entries: [String: Entry] = [:]
    /// Panels taken from the cache rather than drawn whole (tests).
    private(set) var hits = 0

    public init() {}

    /// One slot's last key and value. A class, so that reading it back is one class cast
    /// rather than two existential casts that copy the key and the value out.
    private final class Memo<Key, Value> {
        var key: Key
        var value: Value
        init(_ key: Key, _ value: Value) { self.key = key; self.value = value }
    }

    private var memos: [String: AnyObject] = [:]

    func entry(_ slot: String) -> Entry? { entries[slot] }

    /// `make()`'s value, computed again only when `key` differs from the last call's for
    /// `slot` (the footer's key hints: the same every second).
    func memo<Key: Equatable, Value>(_ slot: String, key: Key, _ make: () -> Value) -> Value {
        if let last = memos[slot] as? Memo<Key, Value> {
            if last.key == key { return last.value }
            let value = make()
            last.key = key
            last.value = value
            return value
        }
        let value = make()
        memos[slot] = Memo(key, value)
        return value
    }
    func store(_ slot: String, _ entry: Entry?) { entries[slot] = entry }
    func noteHit() { hits += 1 }
}

extension CellBuffer {
    /// Rows `y..<y+height` as `paint` leaves them in a blank buffer of this width, copied
    /// from the last frame's cells when `key` (everything `paint` reads) is unchanged: the
    /// header and footer rows, the same most seconds. The rows must be blank before.
    /// `paint` gets the buffer and the row it starts at (`y`, or 0 in the scratch rows).
    public mutating func drawRows<Key: Equatable>(y: Int, height: Int, slot: String, key: Key, cache: PanelCache?,
                                                  _ paint: (inout CellBuffer, _ top: Int) -> Void) {
        guard let cache, y >= 0, height > 0, y + height <= self.height else {
            paint(&self, y)
            return
        }
        let width = self.width
        let cells = cache.memo(slot, key: key) { () -> [Cell] in
            var scratch = CellBuffer(width: width, height: height)
            paint(&scratch, 0)
            return scratch.cells
        }
        copy(cells, into: Rect(x: 0, y: y, width: width, height: height))
    }

    /// A `Box` with `lines` inside, one per row, cut to the inside height; returns the
    /// inside. `slot` names the panel in `cache`. A stale panel is dimmed by its caller
    /// afterwards, so it is drawn whole and not kept.
    @discardableResult
    public mutating func drawPanel(_ box: Box, lines: [Line], in rect: Rect, slot: String,
                                   cache: PanelCache?, keep: Bool = true) -> Rect {
        let inside = Box.inside(rect)
        let whole = Rect(x: 0, y: 0, width: width, height: height)
        guard let cache, keep, rect.clipped(to: whole) == rect, rect.width > 0, rect.height > 0 else {
            cache?.store(slot, nil)
            box.draw(into: &self, rect)
            for (i, line) in lines.prefix(inside.height).enumerated() {
                draw(line, x: inside.x, y: inside.y + i, width: inside.width)
            }
            return inside
        }
        let shown = Array(lines.prefix(inside.height))
        if let last = cache.entry(slot), last.rect == rect, last.box == box {
            copy(last.cells, into: rect)
            cache.noteHit()
            var changed = false
            for i in 0..<inside.height {
                let old = i < last.lines.count ? last.lines[i] : nil
                let new = i < shown.count ? shown[i] : nil
                if old == new { continue }
                changed = true
                fill(Rect(x: inside.x, y: inside.y + i, width: inside.width, height: 1), role: .text)
                if let new { draw(new, x: inside.x, y: inside.y + i, width: inside.width) }
            }
            if !changed { return inside } // the entry still holds these very cells
        } else {
            box.draw(into: &self, rect)
            for (i, line) in shown.enumerated() {
                draw(line, x: inside.x, y: inside.y + i, width: inside.width)
            }
        }
        cache.store(slot, PanelCache.Entry(rect: rect, box: box, lines: shown, cells: cells(in: rect)))
        return inside
    }

    /// The cells of `rect` (inside the buffer), row after row.
    func cells(in rect: Rect) -> [Cell] {
        var out: [Cell] = []
        out.reserveCapacity(rect.width * rect.height)
        for y in rect.y..<(rect.y + rect.height) {
            out.append(contentsOf: cells[(y * width + rect.x)..<(y * width + rect.x + rect.width)])
        }
        return out
    }
}

import ConsoleUI

/// One curses write: `text` fills exactly `columns` columns from (x, y) in one style.
struct DrawRun<StyleKey: Equatable>: Equatable {
    var x: Int
    var y: Int
    var columns: Int
    var text: String
    var style: StyleKey
}

/// Which cells changed between two frames, grouped into runs of adjacent changed cells
/// with one style (one curses call each). Pure, so the diff is tested without curses.
enum FrameDiff {
    /// `previous` nil means draw everything. It must have `current`'s size (the caller
    /// passes nil after a resize). Cells outside `columns` × `rows` are clipped.
    /// `plain(cell)` may name the one scalar a cell is written as when that is all `text`
    /// would give for one column (no padding, no stand-in): it skips building a String per
    /// changed cell. nil sends the cell through `text`.
    static func runs<S: Equatable>(
        previous: CellBuffer?, current: CellBuffer, columns: Int, rows: Int,
        style: (Role) -> S, text: (Cell, Int) -> String, plain: (Cell) -> Unicode.Scalar? = { _ in nil }
    ) -> [DrawRun<S>] {
        let prev = previous.flatMap { $0.width == current.width && $0.height == current.height ? $0 : nil }
        let limitX = max(0, min(columns, current.width))
        let limitY = max(0, min(rows, current.height))
        var out: [DrawRun<S>] = []
        for y in 0..<limitY {
            // Most rows do not change from one second to the next (only a countdown
            // does): one slice comparison skips them, which is most of the idle cost.
            if let prev, current.rowEquals(y, in: prev) { continue }
            if let prev, !current.rowHasWide(y), !prev.rowHasWide(y) {
                narrowRow(y, previous: prev, current: current, limit: limitX, style: style, text: text, plain: plain, into: &out)
                continue
            }
            let newOwners = owners(current, y: y, limit: limitX)
            let oldOwners = prev.map { owners($0, y: y, limit: limitX) }
            var run: DrawRun<S>?
            var x = 0
            while x < limitX {
                let span = self.span(current, x: x, y: y, limit: limitX)
                var changed = true
                if let prev, let oldOwners {
                    changed = (x..<(x + span)).contains { c in
                        oldOwners[c] != newOwners[c] || prev[c, y] != current[c, y]
                    }
                }
                if changed {
                    let cell = current[x, y]
                    let key = style(cell.role)
                    let piece = text(cell, span)
                    if var r = run, r.style == key, r.x + r.columns == x {
                        r.text += piece
                        r.columns += span
                        run = r
                    } else {
                        if let r = run { out.append(r) }
                        run = DrawRun(x: x, y: y, columns: span, text: piece, style: key)
                    }
                } else if let r = run {
                    out.append(r)
                    run = nil
                }
                x += span
            }
            if let r = run { out.append(r) }
        }
        return out
    }

    /// A changed row where every cell is one column in both frames (the usual case: the
    /// countdown's digits): the runs come straight from comparing cells, with none of the
    /// general path's per-column layout arrays. Same runs as the general path gives.
    static func narrowRow<S: Equatable>(
        _ y: Int, previous: CellBuffer, current: CellBuffer, limit: Int,
        style: (Role) -> S, text: (Cell, Int) -> String, plain: (Cell) -> Unicode.Scalar? = { _ in nil },
        into out: inout [DrawRun<S>]
    ) {
        var run: DrawRun<S>?
        var lastRole: Role?
        var lastKey: S?
        for x in 0..<limit {
            let cell = current[x, y]
            guard cell != previous[x, y] else {
                if let r = run { out.append(r); run = nil }
                continue
            }
            // Neighbouring cells nearly always share a role: one style lookup per run.
            let role = cell.role
            let key: S
            if role == lastRole, let lastKey { key = lastKey } else { key = style(role); lastRole = role; lastKey = key }
            if run == nil || run!.style != key {
                if let r = run { out.append(r) }
                run = DrawRun(x: x, y: y, columns: 0, text: "", style: key)
            }
            if let scalar = plain(cell) {
                run!.text.unicodeScalars.append(scalar)
            } else {
                run!.text += text(cell, 1)
            }
            run!.columns += 1
        }
        if let r = run { out.append(r) }
    }

    /// Columns one cell takes when drawn: 2 for a wide grapheme whose right half is in the
    /// buffer and on screen, else 1 (a wide grapheme at the edge gets a stand-in).
    static func span(_ b: CellBuffer, x: Int, y: Int, limit: Int) -> Int {
        let cell = b[x, y]
        guard !cell.continuation, x + 1 < limit, b[x + 1, y].continuation,
              DisplayWidth.of(cell.grapheme) == 2 else { return 1 }
        return 2
    }

    /// For each column of row y, the column where the glyph covering it starts; a change
    /// in this layout (a wide character appearing or going) forces a rewrite.
    static func owners(_ b: CellBuffer, y: Int, limit: Int) -> [Int] {
        var result = [Int](repeating: 0, count: limit)
        var x = 0
        while x < limit {
            let s = span(b, x: x, y: y, limit: limit)
            for c in x..<(x + s) { result[c] = x }
            x += s
        }
        return result
    }
}

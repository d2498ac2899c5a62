import ProxyAdmin
#if canImport(Glibc)
import Glibc
#endif

/// An in-memory screen (ratatui's Buffer): views draw into it, the terminal diffs two
/// of them and writes only what changed. Tests compare `text` with a few lines.
public struct CellBuffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should sit (an input field), or nil to hide it.
    public var cursor: (x: Int, y: Int)? {
        get { cursorX.map { ($0, cursorY) } }
        set { cursorX = newValue?.x; cursorY = newValue?.y ?? 0 }
    }
    private var cursorX: Int?
    private var cursorY = 0

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        @inlinable get { cells[y * width + x] } // the frame diff reads cells across modules
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Writes `text` at (x, y), clipped to `maxWidth` columns and the buffer's edge.
    /// Returns the number of columns written.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, role: Role, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        if let written = putASCII(text, x: x, y: y, role: role, limit: limit) { return written }
        // Text from outside may hold controls, ESC or bidi overrides: they are drawn as
        // visible escapes, never passed to the terminal (the one sanitiser, `SafeText`).
        guard SafeText.isSafe(text) else {
            return put(SafeText.escaped(String(text)), x: x, y: y, role: role, maxWidth: maxWidth)
        }
        var col = x
        for ch in text {
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }
            if col + w > limit { break }
            if col >= 0 {
                self[col, y] = Cell(ch, role: role)
                if w == 2 { self[col + 1, y] = Cell(" ", role: role, continuation: true) }
            }
            col += w
        }
        return col - x
    }

    /// Printable ASCII is one cell per byte, and the box lines, bullets and dashes a frame
    /// is made of are one cell per scalar (`DisplayWidth.isSingleColumnGrapheme`): skipping
    /// grapheme breaking and width lookup for them is most of the cost of building a
    /// frame. Nil when `text` has anything else.
    private mutating func putASCII(_ text: some StringProtocol, x: Int, y: Int, role: Role, limit: Int) -> Int? {
        let utf8 = text.utf8
        let row = y * width
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return cells.withUnsafeMutableBufferPointer { p in
                var col = x
                for byte in utf8 {
                    if col >= limit { break }
                    if col >= 0 { p[row + col] = Cell(scalar: UInt32(byte), role: role) }
                    col += 1
                }
                return col - x
            }
        }
        let scalars = text.unicodeScalars
        guard scalars.allSatisfy({ DisplayWidth.isSingleColumnGrapheme($0.value) }) else { return nil }
        return cells.withUnsafeMutableBufferPointer { p in
            var col = x
            for scalar in scalars {
                if col >= limit { break }
                if col >= 0 { p[row + col] = Cell(scalar: scalar.value, role: role) }
                col += 1
            }
            return col - x
        }
    }

    /// Whether row `y` holds the same cells in both buffers (same width assumed): one
    /// cheap check lets the frame diff skip the rows a second did not change.
    public func rowEquals(_ y: Int, in other: CellBuffer) -> Bool {
        guard width == other.width, y >= 0, y < height, y < other.height else { return false }
        guard width > 0 else { return true }
        let start = y * width
        // A cell is one UInt64 with no padding, so a row compares as bytes (libc's
        // vectorised memcmp): this runs for every row of every frame.
        return cells.withUnsafeBufferPointer { a in
            other.cells.withUnsafeBufferPointer { b in
                memcmp(a.baseAddress! + start, b.baseAddress! + start, width * MemoryLayout<Cell>.stride) == 0
            }
        }
    }

    /// OR of `bits(i)` for i in 0..<count, in blocks of 8 with no branch inside a block (a
    /// few vector operations each); stops at the first block that is not zero.
    @inline(__always)
    static func anyBits(_ count: Int, _ bits: (Int) -> UInt64) -> UInt64 {
        var i = 0
        while i + 8 <= count {
            var block: UInt64 = 0
            for k in i..<(i + 8) { block |= bits(k) }
            if block != 0 { return block }
            i += 8
        }
        var rest: UInt64 = 0
        while i < count { rest |= bits(i); i += 1 }
        return rest
    }

    /// Whether row `y` has a wide grapheme (a continuation cell). Rows without one map
    /// cell to column one to one, which lets the frame diff skip its layout bookkeeping.
    public func rowHasWide(_ y: Int) -> Bool {
        guard y >= 0, y < height else { return false }
        let start = y * width
        return cells.withUnsafeBufferPointer { p in
            Self.anyBits(width) { i in p[start + i].bits & Cell.continuationBit } != 0
        }
    }

    /// Sets `count` cells of row `y` from column `x` to `cell`, clipped to the buffer.
    public mutating func fillRow(_ y: Int, from x: Int, count: Int, with cell: Cell) {
        guard y >= 0, y < height else { return }
        let start = max(0, x), end = min(width, x + count)
        guard end > start else { return }
        let row = y * width
        cells.withUnsafeMutableBufferPointer { p in (p.baseAddress! + row + start).update(repeating: cell, count: end - start) }
    }

    /// Writes `source` (what `cells(in:)` gave for a rectangle of this size) into `rect`.
    mutating func copy(_ source: [Cell], into rect: Rect) {
        precondition(source.count == rect.width * rect.height, "copy: \(source.count) cells for \(rect)")
        let width = self.width
        cells.withUnsafeMutableBufferPointer { p in
            source.withUnsafeBufferPointer { s in
                for row in 0..<rect.height {
                    (p.baseAddress! + (rect.y + row) * width + rect.x)
                        .update(from: s.baseAddress! + row * rect.width, count: rect.width)
                }
            }
        }
    }

    /// Paints every cell of the rectangle with `grapheme` in `role`.
    public mutating func fill(_ rect: Rect, with grapheme: Character = " ", role: Role) {
        let r = rect.clipped(to: Rect(x: 0, y: 0, width: width, height: height))
        guard r.width > 0, r.height > 0 else { return }
        let cell = Cell(grapheme, role: role) // built once: this runs for every cell, every frame
        let width = self.width
        cells.withUnsafeMutableBufferPointer { p in
            for y in r.y..<(r.y + r.height) {
                (p.baseAddress! + y * width + r.x).update(repeating: cell, count: r.width)
            }
        }
    }

    /// Re-roles the rectangle, keeping its text (selection highlight, dimming stale data).
    public mutating func restyle(_ rect: Rect, role: Role) {
        let r = rect.clipped(to: Rect(x: 0, y: 0, width: width, height: height))
        guard r.width > 0, r.height > 0 else { return }
        let width = self.width
        cells.withUnsafeMutableBufferPointer { p in
            for y in r.y..<(r.y + r.height) {
                for x in r.x..<(r.x + r.width) { p[y * width + x].role = role }
            }
        }
    }

    /// The screen as plain text, one line per row, trailing blanks trimmed.
    public var text: String {
        var lines: [String] = []
        lines.reserveCapacity(height)
        for y in 0..<height {
            var line = ""
            for x in 0..<width {
                let c = cells[y * width + x]
                if !c.continuation { line.append(c.grapheme) }
            }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// The role painted at the first cell of `needle` on any row (for tests about colour).
    public func role(of needle: String) -> Role? {
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (y, row) in rows.enumerated() {
            guard let range = row.firstRange(of: needle) else { continue }
            let x = DisplayWidth.of(row[row.startIndex..<range.lowerBound])
            return self[x, y].role
        }
        return nil
    }

    public static func == (a: CellBuffer, b: CellBuffer) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursorX == b.cursorX && a.cursorY == b.cursorY
    }
}

import ConsoleUI

/// The text written for one cell, fitted to exactly the columns the buffer gave it.
/// ConsoleUI measures with its own `DisplayWidth`; curses and the terminal use the C
/// library's `wcwidth`. Where they disagree, padding or a stand-in keeps every later
/// column in its place instead of shifting the rest of the row.
enum CellText {
    /// `width` is the terminal's width of one scalar (`wcwidth`: -1 unprintable, 0 combining).
    static func fit(_ cell: Cell, columns: Int, asciiOnly: Bool, width: (Unicode.Scalar) -> Int) -> String {
        if cell.continuation { return blank(columns) } // right half whose left half is gone
        let g = cell.grapheme
        if asciiOnly { return AsciiFallback.cellText(for: g, columns: columns) }
        if g.isASCII, let v = g.unicodeScalars.first?.value, g.unicodeScalars.count == 1 {
            return v >= 0x20 && v != 0x7F ? String(g) + blank(columns - 1) : "?" + blank(columns - 1)
        }
        var total = 0
        for s in g.unicodeScalars {
            let w = width(s)
            if w < 0 { return "?" + blank(columns - 1) }
            total += w
        }
        if total == columns { return String(g) }
        if total == 0 { return blank(columns) }
        if total < columns { return String(g) + blank(columns - total) }
        // Too wide here (a wide character cut at the edge, an emoji sequence curses sums up).
        if let first = g.unicodeScalars.first, width(first) == columns { return String(first) }
        return "?" + blank(columns - 1)
    }

    /// The scalar `fit(cell, columns: 1, …)` would return on its own, when it would:
    /// printable ASCII, or (not ASCII-only) one scalar the terminal also gives one column.
    /// nil for anything `fit` pads, replaces or stands in for.
    static func plainScalar(_ cell: Cell, asciiOnly: Bool, width: (Unicode.Scalar) -> Int) -> Unicode.Scalar? {
        guard let s = cell.singleScalar else { return nil }
        if s.value < 0x80 { return s.value >= 0x20 && s.value != 0x7F ? s : nil }
        return !asciiOnly && width(s) == 1 ? s : nil
    }

    private static func blank(_ n: Int) -> String { String(repeating: " ", count: max(0, n)) }
}

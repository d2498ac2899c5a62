/// The geometry the Mappings and Models tables share: a `Box`, a header row inside it,
/// then the page of rows the selection is on. The view draws with it and a mouse click is
/// mapped back through it, so the two cannot drift apart.
enum PagedTable {
    /// Where a list view's table and detail go on a screen of this size: below the app's
    /// header (two lines) and the view's own two lines (source, filter), above the footer.
    static func body(_ size: ScreenSize) -> Rect {
        Rect(x: 0, y: 4, width: size.width, height: size.height - 5)
    }

    /// Rows of data a box of this height shows (its borders and the header row taken off).
    static func visibleRows(box: Rect) -> Int { box.height - 3 }

    /// The first row of the page holding `selection`: the table moves page by page, which
    /// keeps rows still while the selection walks down them.
    static func firstRow(selection: Int, visibleRows: Int) -> Int {
        visibleRows > 0 ? (selection / visibleRows) * visibleRows : 0
    }

    /// The index of the row under a click at (x, y), or nil for the borders, the header,
    /// an empty line below the last row, or outside the box.
    static func rowIndex(atX x: Int, y: Int, box: Rect, selection: Int, count: Int) -> Int? {
        let visible = visibleRows(box: box)
        let row = y - (box.y + 2)
        guard visible > 0, (0..<visible).contains(row), x > box.x, x < box.x + box.width - 1 else { return nil }
        let index = firstRow(selection: selection, visibleRows: visible) + row
        return index < count ? index : nil
    }
}

/// The shared list keys on a selection: ↑↓ j k one row, PgUp PgDn ^U ^D a page, Home End
/// g G the ends. Nil for any other action, so a view handles the rest itself.
func movedSelection(_ selection: Int, by action: Action, count: Int, page: Int) -> Int? {
    let last = max(0, count - 1)
    return switch action {
    case .moveUp: max(0, min(last, selection - 1))
    case .moveDown: min(last, selection + 1)
    case .pageUp: max(0, min(last, selection - max(1, page)))
    case .pageDown: min(last, selection + max(1, page))
    case .moveTop: 0
    case .moveBottom: last
    default: nil
    }
}

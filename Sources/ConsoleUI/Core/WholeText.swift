/// `v`: the selected row shown whole, every value in full and wrapped, in a panel over
/// the view — the way to read what a table cell cuts with "…". The view says what its
/// selected row holds (`ViewSpec.whole`), at draw time, so the panel follows new polls.
public struct WholeText: Equatable, Sendable {
    /// The panel's first line on screen.
    public var offset = 0
}

/// What `v` shows for one row: a title and lines (label, value), drawn wrapped.
struct WholeContent {
    var title: String
    var lines: [Line]

    /// One "label  value" line per field, the labels in one column.
    static func fields(_ title: String, _ fields: [(String, Span)]) -> WholeContent {
        let width = (fields.map { DisplayWidth.of($0.0) }.max() ?? 0) + 2
        return WholeContent(title: title, lines: fields.map { [Span($0.0.padding(width), .label), $0.1] })
    }

    /// The panel over the view's body, and the lines wrapped to it.
    func layout(_ size: ScreenSize) -> (rect: Rect, lines: [Line]) {
        let width = min(size.width - 4, 100)
        let wrapped = LineWrap.wrap(lines, width: max(1, width - 4))  // under the label column
        let height = min(size.height - 4, wrapped.count + 3)
        return (Rect(x: (size.width - width) / 2, y: max(1, (size.height - height) / 2), width: width, height: height), wrapped)
    }
}

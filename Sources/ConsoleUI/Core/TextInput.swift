/// The one input field (the `e` interval, the `c` header line, the `/` filters, the `:`
/// command line). A prefilled value is shown selected, and the first character typed
/// replaces it, so `e`, `1`, `2`, Enter means 12 h, not 612 h. Editing is a shell's:
/// ←/→, Home/End (^A/^E), Backspace/Del, ^U (to the start), ^W (the word before the
/// cursor). Paste arrives as many `.char` keys.
public struct TextInput: Equatable, Sendable {
    private var storage: String
    /// Insertion point, in characters from the start.
    public private(set) var cursor: Int
    /// The whole value is selected: typing replaces it, Backspace clears it.
    public private(set) var selected = false
    /// Longest text kept: a runaway paste must not grow the state without bound.
    public var limit: Int

    /// Setting the text (history, completion, clearing) puts the cursor at its end.
    public var text: String {
        get { storage }
        set {
            storage = newValue
            cursor = newValue.count
            selected = false
        }
    }

    public init(_ text: String = "", limit: Int = 4096, selected: Bool = false) {
        storage = text
        cursor = text.count
        self.limit = limit
        self.selected = selected && !text.isEmpty
    }

    /// A field opened over a value it already holds: shown selected, replaced by typing.
    public mutating func selectAll() {
        cursor = storage.count
        selected = !storage.isEmpty
    }

    public enum Outcome: Equatable, Sendable {
        case edited, submitted, cancelled, ignored
    }

    /// Applies one key. Enter submits, Esc cancels; the caller decides what those mean.
    public mutating func apply(_ key: Key) -> Outcome {
        switch key {
        case .enter: return .submitted
        case .escape: return .cancelled
        case .left: move(to: cursor - 1)
        case .right: move(to: cursor + 1)
        case .home, .ctrl("a"): move(to: 0)
        case .end, .ctrl("e"): move(to: storage.count)
        case .backspace:
            if selected { clear() } else if cursor > 0 { remove(cursor - 1..<cursor) }
        case .delete:
            if selected { clear() } else if cursor < storage.count { remove(cursor..<cursor + 1) }
        case .ctrl("u"):
            if selected { clear() } else { remove(0..<cursor) }
        case .ctrl("w"):
            if selected { clear() } else { remove(wordStart()..<cursor) }
        case .tab:
            return insert(" ")
        case .char(let c):
            // A pasted line break ends nothing: every field is one line.
            return insert(c.isNewline ? " " : c)
        default:
            return .ignored
        }
        return .edited
    }

    /// A filter field: Enter keeps the text, Esc clears it; either closes the field.
    public mutating func applyAsFilter(_ key: Key, editing: inout Bool) {
        switch apply(key) {
        case .submitted: editing = false
        case .cancelled:
            text = ""
            editing = false
        case .edited, .ignored: break
        }
    }

    private mutating func move(to position: Int) {
        selected = false
        cursor = min(max(0, position), storage.count)
    }

    private mutating func clear() { text = "" }

    private mutating func remove(_ range: Range<Int>) {
        let lower = storage.index(storage.startIndex, offsetBy: range.lowerBound)
        let upper = storage.index(storage.startIndex, offsetBy: range.upperBound)
        storage.removeSubrange(lower..<upper)
        cursor = range.lowerBound
        selected = false
    }

    private mutating func insert(_ c: Character) -> Outcome {
        if selected { clear() }
        guard storage.count < limit else { return .ignored }
        storage.insert(c, at: storage.index(storage.startIndex, offsetBy: cursor))
        cursor += 1
        return .edited
    }

    /// Where ^W stops: back over spaces, then over the word before them.
    private func wordStart() -> Int {
        let chars = Array(storage.prefix(cursor))
        var i = chars.count
        while i > 0, chars[i - 1] == " " { i -= 1 }
        while i > 0, chars[i - 1] != " " { i -= 1 }
        return i
    }
}

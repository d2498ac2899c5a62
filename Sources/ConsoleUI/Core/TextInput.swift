/// A one-line text field (the filter, the header line): typing appends, Backspace deletes
/// the last character, Ctrl-U clears. Paste arrives as many `.char` keys.
public struct TextInput: Equatable, Sendable {
    public var text: String
    /// Longest text kept: a runaway paste must not grow the state without bound.
    public var limit: Int

    public init(_ text: String = "", limit: Int = 4096) {
        self.text = text
        self.limit = limit
    }

    public enum Outcome: Equatable, Sendable {
        case edited, submitted, cancelled, ignored
    }

    /// Applies one key. Enter submits, Esc cancels; the caller decides what those mean.
    public mutating func apply(_ key: Key) -> Outcome {
        switch key {
        case .enter: return .submitted
        case .escape: return .cancelled
        case .backspace, .delete:
            if !text.isEmpty { text.removeLast() }
            return .edited
        case .ctrl("u"):
            text = ""
            return .edited
        case .tab:
            return append(" ")
        case .char(let c):
            // A pasted line break ends nothing: the header line is one line.
            return append(c.isNewline ? " " : c)
        default:
            return .ignored
        }
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

    private mutating func append(_ c: Character) -> Outcome {
        guard text.count < limit else { return .ignored }
        text.append(c)
        return .edited
    }
}

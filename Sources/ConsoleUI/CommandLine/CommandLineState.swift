/// The `:` line at the bottom: what is typed, earlier commands (↑↓), and the last error
/// or the completion candidates, shown above it.
public struct CommandLineState: Equatable, Sendable {
    public var input = TextInput(limit: 256)
    /// Earlier commands, oldest first (this session).
    public var history: [String] = []
    /// Position while walking the history with ↑↓; nil = editing a new line.
    public var historyIndex: Int?
    /// Shown above the line: an error in red, or completion candidates.
    public var message: String?
    public var messageIsError = false
    public var isOpen = false

    public init() {}
}

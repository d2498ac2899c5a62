import ConsoleUI

/// How the terminal layer should look: the theme to paint roles with, and the two
/// operator switches for terminals that cannot show colour or box-drawing characters.
public struct TerminalOptions: Sendable {
    public var theme: Theme
    /// No colour at all, only attributes (also implied by a non-empty `NO_COLOR`).
    public var noColor: Bool
    /// Draw box-drawing and symbol characters as ASCII (also forced when no UTF-8 locale exists).
    public var asciiOnly: Bool
    /// `--mouse`: clicks and the wheel arrive as keys (off by default: it takes the
    /// terminal's own selection away).
    public var mouse: Bool

    public init(theme: Theme, noColor: Bool = false, asciiOnly: Bool = false, mouse: Bool = false) {
        self.theme = theme
        self.noColor = noColor
        self.asciiOnly = asciiOnly
        self.mouse = mouse
    }
}

/// Why the terminal could not be taken over.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// stdin or stdout is not a terminal (piped, redirected, or no tty in CI).
    case notATerminal
    /// ncurses could not set up the terminal type (unknown or missing `TERM`).
    case cannotInitialize(terminalType: String)
    /// A system call failed while setting up pipes or handlers.
    case systemCall(String, errno: Int32)

    public var description: String {
        switch self {
        case .notATerminal:
            "stdin and stdout must be a terminal (use the one-shot commands for scripts)"
        case .cannotInitialize(let term):
            "cannot initialise the terminal \"\(term)\" (is TERM set to a type terminfo knows?)"
        case .systemCall(let call, let errno):
            "\(call) failed (errno \(errno))"
        }
    }
}

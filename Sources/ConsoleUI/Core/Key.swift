/// A key press as the UI sees it: the terminal layer turns curses codes into these, so
/// key handling is testable without a terminal.
public enum Key: Hashable, Sendable {
    case char(Character)
    /// Ctrl plus a letter, lower-case: Ctrl-R is `.ctrl("r")`.
    case ctrl(Character)
    case up, down, left, right
    case tab, backTab
    case enter, escape, backspace, delete
    case home, end, pageUp, pageDown
    case function(Int)
    /// `--mouse`: a click or a wheel step at a cell.
    case mouse(MouseEvent)
    case resize
    case unknown(Int32)

    /// How the key is written in help and footers.
    public var label: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "^" + c.uppercased()
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "BS"
        case .delete: "Del"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let n): "F\(n)"
        case .mouse(let m): "mouse \(m.kind) at \(m.x),\(m.y)"
        case .resize: "resize"
        case .unknown(let code): "key \(code)"
        }
    }
}

public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case click, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int
    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

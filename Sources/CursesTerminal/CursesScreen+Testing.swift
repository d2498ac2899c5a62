import CNcurses
import ConsoleUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Read-back for tests: what curses holds in its window, not what was sent to a terminal.
extension CursesScreen {
    /// Row `y` of the curses window as text (right halves of wide characters skipped),
    /// trailing blanks trimmed.
    func windowRow(_ y: Int) -> String {
        let width = size.width
        var buffer = [wchar_t](repeating: 0, count: width + 1)
        let n = cn_row_text(window, Int32(y), &buffer, Int32(width))
        guard n > 0 else { return "" }
        var s = String(String.UnicodeScalarView(buffer[0..<Int(n)].compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))
        while s.last == " " { s.removeLast() }
        return s
    }

    /// The style curses holds for the cell at (x, y).
    func windowStyle(x: Int, y: Int) -> CursesStyle? {
        var ch: wchar_t = 0
        var attributes: attr_t = 0
        var pair: Int32 = 0
        guard cn_cell_at(window, Int32(y), Int32(x), &ch, &attributes, &pair) == OK else { return nil }
        return CursesStyle(attributes: attributes & ~cn_a_color(), pair: pair)
    }

    func style(for role: Role) -> CursesStyle { styles[role] ?? .plain }

    /// Where curses' cursor sits after the last `draw`.
    var windowCursor: (x: Int, y: Int) { (Int(getcurx(window)), Int(getcury(window))) }

    /// What a SIGWINCH does inside ncurses: new size, KEY_RESIZE queued.
    func simulateResize(columns: Int, rows: Int) {
        _ = resizeterm(Int32(rows), Int32(columns))
    }

    /// Tests: a screen on /dev/null of the given terminal type, without signal handlers.
    static func onDevNull(options: TerminalOptions, terminalType: String = "xterm-256color",
                          noColorEnvironment: Bool = false) throws -> CursesScreen {
        guard let input = fopen("/dev/null", "r"), let output = fopen("/dev/null", "w") else {
            throw TerminalError.systemCall("fopen /dev/null", errno: errno)
        }
        return try CursesScreen(options: options, input: input, output: output, terminalType: terminalType,
                                noColorEnvironment: noColorEnvironment, installHandlers: false,
                                ownedFiles: [input, output], assumeUTF8Locale: true)
    }
}

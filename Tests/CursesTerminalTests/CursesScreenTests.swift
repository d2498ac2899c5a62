import ConsoleUI
import Testing
@testable import CursesTerminal

/// Real ncurses on /dev/null (never `initscr`, which exits without a terminal). Serialized:
/// ncurses has one current screen per process.
@Suite(.serialized)
struct CursesScreenTests {
    private func screen(_ options: TerminalOptions = TerminalOptions(theme: .default),
                        terminal: String = "xterm-256color", noColorEnvironment: Bool = false) throws -> CursesScreen {
        try CursesScreen.onDevNull(options: options, terminalType: terminal, noColorEnvironment: noColorEnvironment)
    }

    private func sample(width: Int, height: Int) -> CellBuffer {
        var b = CellBuffer(width: width, height: height)
        b.put("┌─ synctop ─┐", x: 0, y: 0, role: .border)
        b.put("中文 ok ✓", x: 2, y: 1, role: .ok)
        b.put("selected", x: 0, y: 2, role: .selected)
        return b
    }

    @Test func drawsWhatTheBufferHolds() throws {
        let s = try screen()
        defer { s.restore() }
        let (w, h) = s.size
        #expect(w >= 20 && h >= 5)
        #expect(s.colorDepth == .indexed256)
        #expect(!s.asciiOnly) // C.UTF-8 exists here
        #expect(CursesScreen.localeIsUTF8())
        s.draw(sample(width: w, height: h))
        #expect(s.windowRow(0) == "┌─ synctop ─┐")
        #expect(s.windowRow(1) == "  中文 ok ✓")
        #expect(s.windowRow(2) == "selected")
        #expect(s.windowRow(3) == "")
        #expect(s.style(for: .selected).pair != 0)
        #expect(s.style(for: .selected) != s.style(for: .ok))
        #expect(s.windowStyle(x: 0, y: 2) == s.style(for: .selected))
        #expect(s.windowStyle(x: 2, y: 1) == s.style(for: .ok))
        #expect(s.windowStyle(x: 0, y: 0) == s.style(for: .border))
        #expect(s.style(for: .text) == CursesStyle(plan: StylePlan(), pair: 0))
    }

    @Test func redrawWritesOnlyWhatChanged() throws {
        let s = try screen()
        defer { s.restore() }
        let (w, h) = s.size
        var b = sample(width: w, height: h)
        s.draw(b)
        #expect(s.lastRunCount >= 3)
        s.draw(b)
        #expect(s.lastRunCount == 0)
        b.put("SELECTED", x: 0, y: 2, role: .selected)
        b.put("!", x: 5, y: 5, role: .error)
        s.draw(b)
        #expect(s.lastRunCount == 2)
        #expect(s.windowRow(2) == "SELECTED")
        #expect(s.windowRow(5) == "     !")
        s.invalidate()
        s.draw(b)
        #expect(s.lastRunCount >= 4)
    }

    @Test func resizeQueuesAKeyAndRedrawsEverything() throws {
        let s = try screen()
        defer { s.restore() }
        s.draw(sample(width: s.size.width, height: s.size.height))
        s.simulateResize(columns: 40, rows: 10)
        #expect(s.readKeys() == [.resize])
        #expect(s.size == (40, 10))
        var b = CellBuffer(width: 40, height: 10)
        b.put("after resize", x: 1, y: 9, role: .text)
        s.draw(b)
        #expect(s.lastRunCount == 10) // every row, one style each
        #expect(s.windowRow(0) == "")
        #expect(s.windowRow(9) == " after resize")
        s.draw(b)
        #expect(s.lastRunCount == 0)
    }

    @Test func bufferLargerThanTheScreenIsClipped() throws {
        let s = try screen()
        defer { s.restore() }
        s.simulateResize(columns: 10, rows: 3)
        _ = s.readKeys()
        var b = CellBuffer(width: 20, height: 6)
        b.put("0123456789abcdefghij", x: 0, y: 0, role: .text)
        b.put("123456789中", x: 0, y: 1, role: .text) // 中 would straddle the edge
        s.draw(b)
        #expect(s.windowRow(0) == "0123456789")
        #expect(s.windowRow(1) == "123456789?")
    }

    @Test func cursorFollowsTheBuffer() throws {
        let s = try screen()
        defer { s.restore() }
        var b = CellBuffer(width: s.size.width, height: s.size.height)
        b.put("input: abc", x: 0, y: 1, role: .text)
        b.cursor = (x: 10, y: 1)
        s.draw(b)
        #expect(s.windowCursor == (10, 1))
    }

    @Test func noColorFromTheEnvironmentKeepsAttributes() throws {
        let s = try screen(noColorEnvironment: true)
        defer { s.restore() }
        #expect(s.colorDepth == .none)
        #expect(s.style(for: .selected) == CursesStyle(plan: StylePlan(reverse: true), pair: 0))
        #expect(s.style(for: .error) == CursesStyle(plan: StylePlan(bold: true), pair: 0))
        var b = CellBuffer(width: s.size.width, height: s.size.height)
        b.put("row", x: 0, y: 0, role: .selected)
        s.draw(b)
        #expect(s.windowStyle(x: 0, y: 0) == s.style(for: .selected))
    }

    @Test func noColorOption() throws {
        let s = try screen(TerminalOptions(theme: .default, noColor: true))
        defer { s.restore() }
        #expect(s.colorDepth == .none)
        #expect(s.style(for: .ok).pair == 0)
    }

    /// The dashboard drawn by real ncurses under every shipped theme and colour depth: the
    /// same text, and each cell painted with its role's style as that theme makes it.
    @Test(arguments: Theme.shippedSources.map(\.name))
    func dashboardUnderEachTheme(name: String) throws {
        let source = try #require(Theme.shippedSources.first { $0.name == name }).source
        let theme = try Theme.parse(source, file: name).get()
        for terminal in ["xterm-256color", "xterm-16color", "xterm", "vt100"] {
            let s = try screen(TerminalOptions(theme: theme), terminal: terminal)
            defer { s.restore() }
            var b = CellBuffer(width: s.size.width, height: s.size.height)
            b.put("┌ Model cost map ─", x: 0, y: 0, role: .border)
            b.put("● scheduled", x: 0, y: 1, role: .ok)
            b.put("OVERDUE", x: 0, y: 2, role: .overdue)
            b.put("+12 new", x: 0, y: 3, role: .diffAdded)
            b.put("selected row", x: 0, y: 4, role: .selected)
            s.draw(b)
            #expect(s.windowRow(1) == "● scheduled", "\(name) on \(terminal)")
            for (y, role) in [(0, Role.border), (1, .ok), (2, .overdue), (3, .diffAdded), (4, .selected)] {
                #expect(s.windowStyle(x: 2, y: y) == s.style(for: role), "\(name) on \(terminal): \(role)")
                let plan = StylePlan.make(theme.style(role), depth: s.colorDepth, defaultColors: true)
                #expect(s.style(for: role).attributes == CursesStyle(plan: plan, pair: 0).attributes, "\(name) \(terminal) \(role)")
            }
            if s.colorDepth == .none { #expect(Role.allCases.allSatisfy { s.style(for: $0).pair == 0 }, "no colour pairs on \(terminal)") }
        }
    }

    @Test func asciiOnlyDrawsAscii() throws {
        let s = try screen(TerminalOptions(theme: .default, asciiOnly: true))
        defer { s.restore() }
        #expect(s.asciiOnly)
        var b = CellBuffer(width: s.size.width, height: s.size.height)
        b.put("┌─┐ ● … ✓ ⚠ 中|", x: 0, y: 0, role: .text)
        s.draw(b)
        #expect(s.windowRow(0) == "+-+ * ~ + ! ? |")
    }

    @Test(arguments: [("xterm", ColorDepth.eight), ("xterm-16color", .sixteen), ("xterm-direct", .direct), ("vt100", .none)])
    func colourDepthFromTerminfo(terminal: String, depth: ColorDepth) throws {
        let s = try screen(terminal: terminal)
        defer { s.restore() }
        #expect(s.colorDepth == depth)
        if depth == .eight {
            // bright-black on 8 colours is black + bold, not invisible black.
            #expect(s.style(for: .border).attributes == CursesStyle(plan: StylePlan(bold: true), pair: 0).attributes)
            #expect(s.style(for: .border).pair != 0)
        }
    }

    @Test func unknownTerminalThrows() {
        #expect(throws: TerminalError.cannotInitialize(terminalType: "no-such-terminal-xyz")) {
            try screen(terminal: "no-such-terminal-xyz")
        }
    }

    @Test func restoreIsIdempotentAndEndsDrawing() throws {
        let s = try screen()
        s.restore()
        s.restore()
        s.draw(sample(width: s.size.width, height: s.size.height))
        #expect(s.lastRunCount == 0)
        #expect(s.readKeys() == [])
    }

    @Test func nothingToReadIsNoKeys() throws {
        let s = try screen()
        defer { s.restore() }
        #expect(s.readKeys() == [])
    }
}

import CNcurses
import ConsoleUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal, taken over by ncurses: draws `CellBuffer`s (only what changed) and reads
/// keys. Main thread only; one at a time. Call `restore()` before exiting.
public final class CursesScreen {
    /// The colours this terminal gets (none under `NO_COLOR` / `noColor`).
    public let colorDepth: ColorDepth
    /// Whether symbols are drawn as ASCII (asked for, or forced by a non-UTF-8 locale).
    public let asciiOnly: Bool

    private let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    private let ownedFiles: [UnsafeMutablePointer<FILE>]
    private(set) var styles: [Role: CursesStyle]
    private let defaultColors: Bool
    private var previous: CellBuffer?
    private var drawnSize: (width: Int, height: Int)?
    private var needsFullRedraw = true
    private var cursorShown = false
    private var active = true
    /// Curses writes made by the last `draw` (tests check the diff).
    private(set) var lastRunCount = 0

    /// Takes over the terminal on stdin/stdout. Throws when they are not a terminal or
    /// terminfo does not know `TERM`. Installs the restore handlers.
    public convenience init(options: TerminalOptions) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        // Fresh FILEs on fds 0 and 1: the C globals stdin/stdout are off limits under
        // strict concurrency, and ncurses only needs the descriptors.
        guard let input = fdopen(STDIN_FILENO, "r"), let output = fdopen(STDOUT_FILENO, "w") else {
            throw TerminalError.systemCall("fdopen", errno: errno)
        }
        let noColorVariable = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        try self.init(options: options, input: input, output: output, terminalType: nil,
                      noColorEnvironment: noColorVariable, installHandlers: true, ownedFiles: [])
    }

    /// `newterm` on the given streams. `terminalType` nil means `TERM`. Tests pass
    /// /dev/null and `installHandlers: false` (never `initscr`: without a terminal it exits).
    /// `assumeUTF8Locale`: tests draw Unicode whatever locale the test runner has.
    init(options: TerminalOptions, input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>,
         terminalType: String?, noColorEnvironment: Bool, installHandlers: Bool,
         ownedFiles: [UnsafeMutablePointer<FILE>], assumeUTF8Locale: Bool = false) throws {
        let utf8 = TerminalLocale.prepare() || (assumeUTF8Locale && TerminalLocale.isUTF8())
        let created: OpaquePointer? = if let terminalType {
            newterm(terminalType, output, input)
        } else {
            newterm(nil, output, input)
        }
        guard let created, let window = cn_stdscr() else {
            for file in ownedFiles { fclose(file) }
            let name = terminalType ?? getenv("TERM").map { String(cString: $0) } ?? "(TERM unset)"
            throw TerminalError.cannotInitialize(terminalType: name)
        }
        _ = set_term(created)
        screen = created
        self.window = window
        self.ownedFiles = ownedFiles
        asciiOnly = options.asciiOnly || !utf8

        _ = cbreak() // not raw: Ctrl-C stays SIGINT and Ctrl-Z keeps job control
        _ = noecho()
        _ = nonl()
        _ = intrflush(window, false)
        _ = keypad(window, true)
        _ = nodelay(window, true)
        // No typeahead checks during updates: they cost two poll(2) calls per frame, and
        // keys are read right after every frame anyway (idle CPU, issue 2).
        _ = typeahead(-1)
        if options.mouse {
            _ = mousemask(cn_mouse_mask(), nil)
            _ = mouseinterval(0)  // report presses at once, no click-detection delay
        }
        if getenv("ESCDELAY") == nil { _ = set_escdelay(25) } // a lone Esc must not lag
        Self.passFlowControlKeys(fd: fileno(input))
        _ = curs_set(0)

        var depth = ColorDepth.none
        var defaultColors = false
        if !(options.noColor || noColorEnvironment), has_colors() {
            _ = start_color()
            defaultColors = use_default_colors() == OK
            let rgb = tigetflag("RGB") > 0 || tigetnum("RGB") > 0
            depth = ColorDepth.detect(colors: Int(cn_colors()), rgb: rgb, noColor: false)
        }
        colorDepth = depth
        self.defaultColors = defaultColors
        styles = Self.makeStyles(theme: options.theme, depth: depth, defaultColors: defaultColors)
        Self.bufferWholeFrames(window)
        // `endwin` above also left keypad-transmit mode, and ncurses only re-enters it at the
        // next `wget_wch` — which comes after a key is already waiting. So the first arrow
        // key came in the terminal's other encoding (`ESC [ B`, not terminfo's `ESC O B`) and
        // read as Esc, `[`, `B`: Esc went one view back. `keypad` sends smkx at once.
        _ = keypad(window, true)

        RestoreHandlers.setCursesActive(true)
        if installHandlers {
            do { try RestoreHandlers.installAll() } catch { restore(); throw error }
        }
    }

    deinit {
        restore()
        delscreen(screen)
        for file in ownedFiles { fclose(file) }
    }

    /// Whether the process locale is UTF-8 (after `init`, or `TerminalLocale.prepare()`).
    public static func localeIsUTF8() -> Bool { TerminalLocale.isUTF8() }

    public var size: (width: Int, height: Int) {
        (Int(cn_getmaxx(window)), Int(cn_getmaxy(window)))
    }

    /// Writes what differs from the last frame (everything after a resize or
    /// `invalidate()`), places or hides the cursor, then refreshes once.
    public func draw(_ buffer: CellBuffer) {
        guard isLive else { return }
        let (columns, rows) = size
        let full = needsFullRedraw || previous == nil || drawnSize.map { $0 != (columns, rows) } ?? true
        if full { _ = werase(window) }

        let ascii = asciiOnly
        let runs = FrameDiff.runs(
            previous: full ? nil : previous, current: buffer, columns: columns, rows: rows,
            style: { styles[$0] ?? .plain },
            text: { cell, span in
                CellText.fit(cell, columns: span, asciiOnly: ascii) { Int(cn_wcwidth(wchar_t(bitPattern: $0.value))) }
            },
            plain: { cell in CellText.plainScalar(cell, asciiOnly: ascii) { Int(cn_wcwidth(wchar_t(bitPattern: $0.value))) } })
        for run in runs {
            var text = run.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
            _ = cn_set_style(window, run.style.attributes, run.style.pair)
            _ = cn_put(window, Int32(run.y), Int32(run.x), &text, Int32(text.count))
        }
        _ = cn_set_style(window, cn_a_normal(), 0)
        lastRunCount = runs.count

        if let cursor = buffer.cursor, cursor.x >= 0, cursor.y >= 0,
           cursor.x < min(columns, buffer.width), cursor.y < min(rows, buffer.height) {
            if !cursorShown { _ = curs_set(1); cursorShown = true }
            _ = wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else if cursorShown {
            _ = curs_set(0)
            cursorShown = false
        }
        _ = wrefresh(window)
        previous = buffer
        drawnSize = (columns, rows)
        needsFullRedraw = false
    }

    /// Every key pending right now (never blocks). `.resize` means the size changed and
    /// the next `draw` repaints everything.
    public func readKeys() -> [Key] {
        guard isLive else { return [] }
        if RestoreHandlers.takeContinued() { _ = keypad(window, true) }  // see installContinueHandler
        var keys: [Key] = []
        var code: wint_t = 0
        while keys.count < 1024 { // a paste of megabytes still lets the loop breathe
            let status = wget_wch(window, &code)
            guard let key = KeyDecoding.decode(status: status, code: UInt32(code)) else { break }
            if key == .resize { needsFullRedraw = true }
            keys.append(key)
        }
        return keys
    }

    /// Repaints the whole screen on the next `draw` (Ctrl-L after line noise).
    public func invalidate() {
        guard isLive else { return }
        needsFullRedraw = true
        _ = clearok(window, true)
    }

    /// Gives the terminal back (`endwin`: normal screen, echo, cursor). Idempotent; after
    /// it, `draw` and `readKeys` do nothing.
    public func restore() {
        guard isLive else { active = false; return }
        active = false
        RestoreHandlers.setCursesActive(false)
        _ = set_term(screen)
        // A blank alternate screen first: tmux (3.3a, measured) otherwise copies rows of
        // it into the shell's screen on exit when the window grew while we ran.
        _ = werase(window)
        _ = wrefresh(window)
        _ = endwin()
    }

    /// Curses calls after `endwin` would silently re-enter curses mode, so everything
    /// checks this: not restored, and not ended by a handler either.
    private var isLive: Bool { active && RestoreHandlers.cursesActive }

    /// ncurses flushes its output after every cursor move until the screen has once been
    /// suspended and resumed (its `_endwin` stays "initial", meant for programs that call
    /// `mvcur` without `doupdate`): a frame that changes eight places took eight write(2)
    /// calls, each waking the terminal. One `endwin` + refresh before anything is drawn,
    /// the same path as coming back from Ctrl-Z, leaves it "running", and a frame goes out
    /// in one write (idle CPU, issue 2; `strace -e write` shows it).
    private static func bufferWholeFrames(_ window: UnsafeMutablePointer<WINDOW>) {
        _ = endwin()
        _ = wrefresh(window)
    }

    /// Ctrl-S/Ctrl-Q (flow control) and Ctrl-V/Ctrl-O (IEXTEN) would otherwise be eaten
    /// by the tty; with these off they arrive as keys. `def_prog_mode` makes ncurses keep
    /// this when it comes back from Ctrl-Z.
    private static func passFlowControlKeys(fd: Int32) {
        var mode = termios()
        guard tcgetattr(fd, &mode) == 0 else { return }
        mode.c_iflag &= ~tcflag_t(IXON)
        mode.c_lflag &= ~tcflag_t(IEXTEN)
        guard tcsetattr(fd, TCSANOW, &mode) == 0 else { return }
        _ = def_prog_mode()
    }

    /// `:theme NAME`: the roles' styles again, and everything redrawn with them.
    public func apply(theme: Theme) {
        guard isLive else { return }
        styles = Self.makeStyles(theme: theme, depth: colorDepth, defaultColors: defaultColors)
        invalidate()
    }

    /// Each role's attributes and colour pair, decided at start and on `:theme`.
    private static func makeStyles(theme: Theme, depth: ColorDepth, defaultColors: Bool) -> [Role: CursesStyle] {
        var pairs = PairCache(capacity: depth == .none ? 0 : Int(cn_color_pairs()))
        var broken = Set<Int32>()
        var result: [Role: CursesStyle] = [:]
        for role in Role.allCases {
            let plan = StylePlan.make(theme.style(role), depth: depth, defaultColors: defaultColors)
            var pair: Int32 = 0
            if depth > .none {
                let (number, isNew) = pairs.pair(foreground: plan.foreground, background: plan.background)
                if isNew, init_extended_pair(number, plan.foreground, plan.background) == ERR { broken.insert(number) }
                pair = broken.contains(number) ? 0 : number
            }
            result[role] = CursesStyle(plan: plan, pair: pair)
        }
        return result
    }
}

/// A role as curses paints it.
struct CursesStyle: Equatable {
    var attributes: attr_t
    var pair: Int32

    static let plain = CursesStyle(attributes: cn_a_normal(), pair: 0)

    init(attributes: attr_t, pair: Int32) {
        self.attributes = attributes
        self.pair = pair
    }

    init(plan: StylePlan, pair: Int32) {
        var a = cn_a_normal()
        if plan.bold { a |= cn_a_bold() }
        if plan.dim { a |= cn_a_dim() }
        if plan.underline { a |= cn_a_underline() }
        if plan.reverse { a |= cn_a_reverse() }
        self.init(attributes: a, pair: pair)
    }
}

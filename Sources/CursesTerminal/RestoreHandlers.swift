import CNcurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The terminal must never be left in the alternate screen with echo off. Three paths lead
// out: every signal whose default action ends the process (`terminateSignals`) becomes a
// byte in a pipe that `waitForEvent` turns into `.terminate` (the app then calls
// `restore()` and exits 128+N); a crash signal calls `endwin` and dies at once by the
// default action; `atexit` calls `endwin` if the app exited without `restore()`.

/// What the handlers read and write. Signal handlers are C function pointers without
/// context and must not lock or allocate, so this lives in raw memory reached through a
/// global constant; raw memory also has no dynamic exclusivity check a handler could
/// trip over.
private struct HandlerState {
    var pipeRead: Int32 = -1
    var pipeWrite: Int32 = -1
    var cursesActive = false
    /// A terminate signal is in the pipe and not yet taken by `waitForEvent`.
    var terminatePending = false
    var pipeInstalled = false
    var atexitInstalled = false
    var crashInstalled = false
    /// `SYNCTOP_BACKTRACE` was set: chain to Swift's backtracer after restoring.
    var chainCrash = false
    var terminateInstalled = false
    var windowChangeInstalled = false
    var continueInstalled = false
    /// SIGCONT was taken from the pipe: the next `readKeys` turns keypad mode on again.
    var continuedPending = false
}

// nonisolated(unsafe): the pointers themselves never change (a lazy global, initialised
// thread-safely on first use, before any handler that reads them is installed); the
// memory behind them is shared with signal handlers on purpose (see HandlerState).
nonisolated(unsafe) private let state: UnsafeMutablePointer<HandlerState> = {
    let p = UnsafeMutablePointer<HandlerState>.allocate(capacity: 1)
    p.initialize(to: HandlerState())
    return p
}()

/// The actions our handlers replaced, indexed by signal number, for chaining.
private let signalSlots = 65
nonisolated(unsafe) private let previousActions: UnsafeMutablePointer<sigaction> = {
    let p = UnsafeMutablePointer<sigaction>.allocate(capacity: signalSlots)
    p.initialize(repeating: sigaction(), count: signalSlots)
    return p
}()

enum RestoreHandlers {
    /// Every signal whose default action ends the process, except the crash signals below
    /// (and SIGPIPE, which the app ignores; SIGKILL and SIGSTOP cannot be caught).
    static let terminateSignals: [Int32] = [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM,
                                            SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGSYS]
    static let crashSignals: [Int32] = [SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE]

    /// The read end of the signal pipe, or -1 before `installSignalPipe`.
    static var signalReadFD: Int32 { state.pointee.pipeRead }

    /// Marks curses as running (handlers will call `endwin`) or ended.
    static func setCursesActive(_ active: Bool) { state.pointee.cursesActive = active }

    /// False once anything (a handler, `atexit`) has ended curses.
    static var cursesActive: Bool { state.pointee.cursesActive }

    /// Everything a real terminal session needs; each part only once per process.
    static func installAll() throws {
        try installSignalPipe()
        installAtExit()
        installCrashHandlers()
        installTerminateHandlers()
        installWindowChangeHandler()
        installContinueHandler()
    }

    static func installSignalPipe() throws {
        guard !state.pointee.pipeInstalled else { return }
        let (r, w) = try makePipe()
        state.pointee.pipeRead = r
        state.pointee.pipeWrite = w
        state.pointee.pipeInstalled = true
    }

    static func installAtExit() {
        guard !state.pointee.atexitInstalled else { return }
        state.pointee.atexitInstalled = true
        atexit { endCursesNow() }
    }

    static func installCrashHandlers() {
        guard !state.pointee.crashInstalled else { return }
        state.pointee.crashInstalled = true
        state.pointee.chainCrash = getenv("SYNCTOP_BACKTRACE").map { $0.pointee != 0 } ?? false
        installAlternateStack()
        for sig in crashSignals {
            _ = cn_install_handler(sig, handleCrash, SA_ONSTACK, previousActions + Int(sig))
        }
    }

    /// Installed after curses started, so ours replace the ones ncurses puts on SIGINT/SIGTERM.
    static func installTerminateHandlers() {
        guard !state.pointee.terminateInstalled else { return }
        state.pointee.terminateInstalled = true
        for sig in terminateSignals {
            _ = cn_install_handler(sig, handleTerminate, SA_RESTART, previousActions + Int(sig))
        }
    }

    /// Wraps ncurses' own SIGWINCH handler (which makes `wget_wch` return KEY_RESIZE) so
    /// the resize also wakes `poll`, even when it arrives outside it.
    static func installWindowChangeHandler() {
        guard !state.pointee.windowChangeInstalled else { return }
        state.pointee.windowChangeInstalled = true
        _ = cn_install_handler(SIGWINCH, handleWindowChange, SA_RESTART, previousActions + Int(SIGWINCH))
    }

    /// After Ctrl-Z and `fg`, ncurses' SIGTSTP handler redraws but leaves keypad-transmit
    /// mode off (its `endwin` sent rmkx) until the next `wget_wch`, so the first arrow key
    /// read as Esc `[` `B`. SIGCONT wakes the loop through the pipe, and `readKeys` sends
    /// smkx again (`takeContinued`).
    static func installContinueHandler() {
        guard !state.pointee.continueInstalled else { return }
        state.pointee.continueInstalled = true
        _ = cn_install_handler(SIGCONT, handleContinue, SA_RESTART, previousActions + Int(SIGCONT))
    }

    /// Called by `waitForEvent` when it takes SIGCONT from the pipe.
    static func noteContinued() { state.pointee.continuedPending = true }

    /// Whether the process was continued since the last call.
    static func takeContinued() -> Bool {
        defer { state.pointee.continuedPending = false }
        return state.pointee.continuedPending
    }

    /// Tests only: puts the previous actions of `terminateSignals` back.
    static func uninstallTerminateHandlers() {
        guard state.pointee.terminateInstalled else { return }
        for sig in terminateSignals { _ = cn_restore_handler(sig, previousActions + Int(sig)) }
        state.pointee.terminateInstalled = false
        state.pointee.terminatePending = false
    }

    /// Empties the signal pipe, calling `body` with each signal number in arrival order.
    static func takeSignals(_ body: (Int32) -> Void) {
        guard state.pointee.pipeRead >= 0 else { return }
        state.pointee.terminatePending = false
        drainPipe(state.pointee.pipeRead) { body(Int32($0)) }
    }

    /// Crash handlers run on the faulting thread's stack unless an alternate one exists;
    /// a stack overflow would then fault again before `endwin`. Main thread only, which
    /// is where curses runs.
    private static func installAlternateStack() {
        var current = stack_t()
        guard sigaltstack(nil, &current) == 0, current.ss_flags & Int32(SS_DISABLE) != 0 else { return }
        let size = 64 * 1024
        guard let memory = malloc(size) else { return }
        var stack = stack_t(ss_sp: memory, ss_flags: 0, ss_size: size)
        _ = sigaltstack(&stack, nil)
    }
}

/// `endwin` once, from wherever: handlers, `atexit`, or the emergency exit.
private func endCursesNow() {
    guard state.pointee.cursesActive else { return }
    state.pointee.cursesActive = false
    _ = endwin()
}

private func writeSignalByte(_ sig: Int32) {
    var byte = UInt8(truncatingIfNeeded: sig)
    _ = write(state.pointee.pipeWrite, &byte, 1)
}

private func handleTerminate(_ sig: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    let savedErrno = errno
    defer { errno = savedErrno }
    if state.pointee.terminatePending {
        // The loop has not taken the first one (hung, or busy): restore and die now.
        endCursesNow()
        cn_default_and_raise(sig)
        return
    }
    state.pointee.terminatePending = true
    writeSignalByte(sig)
}

private func handleContinue(_ sig: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    let savedErrno = errno
    defer { errno = savedErrno }
    cn_chain_handler(previousActions + Int(sig), sig, info, context)
    writeSignalByte(sig)
}

private func handleWindowChange(_ sig: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    let savedErrno = errno
    defer { errno = savedErrno }
    cn_chain_handler(previousActions + Int(sig), sig, info, context)
    writeSignalByte(sig)
}

/// Minimal on purpose: `endwin` (not async-signal-safe, but the accepted price for a usable
/// terminal after a crash), one line on stderr, then the default action at once. Not
/// chained to Swift's backtracer unless `SYNCTOP_BACKTRACE` asks: it held the dead process
/// ~31 s while symbolicating (and waited for a key on a terminal), which an operator sees
/// as a hang. A fault repeats when the handler returns; a signal sent by `kill` or `raise`
/// does not, so it is raised again.
private func handleCrash(_ sig: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    endCursesNow()
    let chain = state.pointee.chainCrash
    cn_write_crash_note(sig, chain ? 1 : 0)
    if chain { cn_chain_handler(previousActions + Int(sig), sig, info, context) }
    cn_default_and_raise(sig)
}

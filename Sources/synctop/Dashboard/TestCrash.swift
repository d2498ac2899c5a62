import ConsoleUI
import ProxyAdmin

/// For the end-to-end crash tests only (`SignalEndToEndTests`): `SYNCTOP_TEST_CRASH=main`
/// (or `=thread`) makes the dashboard hit a Swift `fatalError` once the first live frame is
/// on screen, on the main thread (or on a thread of its own), so the crash handler is
/// checked against a real trap, not only a signal sent by `kill`. Unset, it does nothing.
struct TestCrash {
    private var mode = Environment.all()["SYNCTOP_TEST_CRASH"]

    mutating func afterFrame(_ state: AppState) {
        guard let mode, state.lastPollAt != nil else { return }
        self.mode = nil
        switch mode {
        case "main": fatalError("SYNCTOP_TEST_CRASH=main")
        case "thread": PThread.start(detached: true) { fatalError("SYNCTOP_TEST_CRASH=thread") }
        default: break
        }
    }
}

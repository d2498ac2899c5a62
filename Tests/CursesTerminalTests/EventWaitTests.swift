#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import CursesTerminal

/// Serialized: the signal pipe is process-wide, and one test's signal must not be
/// taken by another test's wait.
@Suite(.serialized)
struct EventWaitTests {
    /// A pipe standing in for the keyboard.
    private final class FakeInput {
        let readFD: Int32
        var writeFD: Int32
        init() throws { (readFD, writeFD) = try makePipe() }
        func type(_ text: String) { var bytes = Array(text.utf8); _ = write(writeFD, &bytes, bytes.count) }
        func hangUp() { close(writeFD); writeFD = -1 }
        deinit { close(readFD); if writeFD >= 0 { close(writeFD) } }
    }

    @Test func timesOut() throws {
        let wakeup = try Wakeup()
        let input = try FakeInput()
        let start = ContinuousClock.now
        #expect(waitForEvent(wakeup: wakeup, inputFD: input.readFD, timeoutMilliseconds: 60) == .timeout)
        #expect(ContinuousClock.now - start >= .milliseconds(50))
    }

    @Test func wakeupWakesOnceForABurst() throws {
        let wakeup = try Wakeup()
        let input = try FakeInput()
        for _ in 0..<5 { wakeup.signal() }
        #expect(waitForEvent(wakeup: wakeup, inputFD: input.readFD, timeoutMilliseconds: 1000) == .wakeup)
        #expect(waitForEvent(wakeup: wakeup, inputFD: input.readFD, timeoutMilliseconds: 0) == .timeout)
    }

    @Test func wakeupFromAnotherTask() async throws {
        let wakeup = try Wakeup()
        let input = try FakeInput()
        Task.detached {
            try? await Task.sleep(for: .milliseconds(30))
            wakeup.signal()
        }
        #expect(waitForEvent(wakeup: wakeup, inputFD: input.readFD, timeoutMilliseconds: 5000) == .wakeup)
    }

    @Test func signalNeverBlocksOnAFullPipe() throws {
        let wakeup = try Wakeup()
        for _ in 0..<100_000 { wakeup.signal() } // far beyond the pipe's 64 KiB
        #expect(wakeup.drain() > 0)
    }

    @Test func keysAreInput() throws {
        let wakeup = try Wakeup()
        let input = try FakeInput()
        input.type("q")
        #expect(waitForEvent(wakeup: wakeup, inputFD: input.readFD, timeoutMilliseconds: 1000) == .input)
    }

    @Test func closedInputIsHangup() throws {
        let wakeup = try Wakeup()
        let input = try FakeInput()
        input.hangUp()
        #expect(waitForEvent(wakeup: wakeup, inputFD: input.readFD, timeoutMilliseconds: 1000) == .hangup)
    }

    @Test func terminateSignalsArriveThroughThePipe() throws {
        let wakeup = try Wakeup()
        let input = try FakeInput()
        try RestoreHandlers.installSignalPipe()
        RestoreHandlers.installTerminateHandlers()
        defer { RestoreHandlers.uninstallTerminateHandlers() }
        for sig in RestoreHandlers.terminateSignals {
            // Process-directed, like `kill` from outside: this test runs on a pool thread
            // that blocks signals, so `raise` would leave it pending here forever.
            kill(getpid(), sig)
            #expect(waitForEvent(wakeup: wakeup, inputFD: input.readFD, timeoutMilliseconds: 1000) == .terminate(sig))
        }
        // A terminate signal wins over pending keys and wakeups.
        input.type("x")
        wakeup.signal()
        kill(getpid(), SIGTERM)
        // The handler runs on another thread a moment later; wait until its byte is there.
        var signalPipe = pollfd(fd: RestoreHandlers.signalReadFD, events: Int16(POLLIN), revents: 0)
        #expect(poll(&signalPipe, 1, 1000) == 1)
        #expect(waitForEvent(wakeup: wakeup, inputFD: input.readFD, timeoutMilliseconds: 1000) == .terminate(SIGTERM))
        #expect(waitForEvent(wakeup: wakeup, inputFD: input.readFD, timeoutMilliseconds: 1000) == .input)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the idle loop woke up.
public enum TerminalEvent: Equatable, Sendable {
    /// Keys are waiting (or the window was resized): call `readKeys()`.
    case input
    /// Someone called `Wakeup.signal()` (a network result is in the mailbox).
    case wakeup
    case timeout
    /// The terminal went away (SSH dropped, stdin closed): exit through `restore()`.
    case hangup
    /// SIGINT, SIGTERM, SIGHUP or SIGQUIT arrived: exit through `restore()`.
    case terminate(Int32)
}

/// Sleeps in `poll()` until a key, a wakeup, a signal or the timeout (-1 waits forever).
/// The idle loop's only wait; costs nothing while nothing happens.
public func waitForEvent(wakeup: Wakeup, timeoutMilliseconds: Int32) -> TerminalEvent {
    waitForEvent(wakeup: wakeup, inputFD: STDIN_FILENO, timeoutMilliseconds: timeoutMilliseconds)
}

/// The same on any input fd, so tests can use a pipe for the keyboard.
func waitForEvent(wakeup: Wakeup, inputFD: Int32, timeoutMilliseconds: Int32) -> TerminalEvent {
    let signalFD = RestoreHandlers.signalReadFD
    let deadline: Int64? = timeoutMilliseconds >= 0 ? monotonicMilliseconds() + Int64(timeoutMilliseconds) : nil
    while true {
        var fds = [
            pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeup.readFD, events: Int16(POLLIN), revents: 0),
        ]
        if signalFD >= 0 { fds.append(pollfd(fd: signalFD, events: Int16(POLLIN), revents: 0)) }
        let wait = deadline.map { Int32(clamping: max(0, $0 - monotonicMilliseconds())) } ?? -1
        let ready = poll(&fds, nfds_t(fds.count), wait)
        if ready < 0 {
            if errno == EINTR { continue } // a signal: ours left a byte in the pipe
            return .hangup // poll itself failed (a closed fd): nothing sensible is left to wait on
        }
        if ready == 0 { return .timeout }

        if fds.count > 2, fds[2].revents != 0 {
            var terminate: Int32?
            var resized = false
            RestoreHandlers.takeSignals { sig in
                if sig == SIGWINCH {
                    resized = true
                } else if sig == SIGCONT {
                    RestoreHandlers.noteContinued()
                    resized = true  // back from Ctrl-Z: readKeys turns keypad mode on again
                } else if terminate == nil {
                    terminate = sig
                }
            }
            if let terminate { return .terminate(terminate) }
            if resized { return .input } // wget_wch now returns KEY_RESIZE
        }
        let input = Int32(fds[0].revents)
        // Hangup wins over pending bytes: a dead tty can report both forever.
        if input & Int32(POLLHUP | POLLERR | POLLNVAL) != 0 { return .hangup }
        if input & Int32(POLLIN) != 0 { return atEndOfFile(inputFD) ? .hangup : .input }
        if fds[1].revents != 0 {
            wakeup.drain()
            return .wakeup
        }
    }
}

/// Readable with nothing to read is end of file (a tty in cbreak mode never reports that
/// otherwise). An fd that cannot answer FIONREAD counts as having input.
private func atEndOfFile(_ fd: Int32) -> Bool {
    var available: Int32 = 0
    guard ioctl(fd, UInt(FIONREAD), &available) == 0 else { return false }
    return available == 0
}

private func monotonicMilliseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
}

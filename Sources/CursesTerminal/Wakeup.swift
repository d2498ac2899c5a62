#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A self-pipe that wakes the idle loop: a network task that finished calls `signal()`,
/// and `waitForEvent` returns `.wakeup`. Both ends are non-blocking, so `signal()` never
/// blocks; a full pipe already means a wakeup is pending.
public final class Wakeup: Sendable {
    let readFD: Int32
    let writeFD: Int32

    public init() throws {
        (readFD, writeFD) = try makePipe()
    }

    /// Safe from any thread or task.
    public func signal() {
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1) // EAGAIN: the pipe is full, a wakeup is pending anyway
    }

    /// Empties the pipe so one burst of signals wakes the loop once.
    @discardableResult
    func drain() -> Int { drainPipe(readFD) }

    deinit {
        close(readFD)
        close(writeFD)
    }
}

/// A non-blocking, close-on-exec pipe (pipe + fcntl, which Darwin has too).
func makePipe() throws -> (read: Int32, write: Int32) {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { throw TerminalError.systemCall("pipe", errno: errno) }
    for fd in fds {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }
    return (fds[0], fds[1])
}

/// Reads a non-blocking fd until it is empty; returns how many bytes were read.
@discardableResult
func drainPipe(_ fd: Int32, into sink: (UInt8) -> Void = { _ in }) -> Int {
    var buffer = [UInt8](repeating: 0, count: 64)
    var total = 0
    while true {
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n > 0 {
            total += n
            for b in buffer[0..<n] { sink(b) }
            continue
        }
        if n < 0, errno == EINTR { continue }
        return total
    }
}

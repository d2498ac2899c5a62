#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// What commands print (`printOut`) is written here, not with `print`: with SIGPIPE
/// ignored (`Entry`), a reader that went away (`synctop models | head -3`) shows up as
/// EPIPE, which stdio's `print` would swallow line after line. Here the first EPIPE stops all output quietly:
/// nobody is left to read it, and the command still finishes what it started (a reload's
/// history record) and exits as it would have. Other errors (a full disk under
/// `> file`) are said once on stderr.
enum StandardOutput {
    private static let closed = Atomic<Bool>(false)

    /// Whether a reader has gone away (EPIPE seen); later output is dropped.
    static var readerGone: Bool { closed.load(ordering: .relaxed) }

    static func write(_ text: String, terminator: String = "\n") {
        var whole = text
        whole += terminator
        whole.withUTF8 { buffer in _ = write(buffer, to: STDOUT_FILENO) }
    }

    /// Writes all of `buffer`; false when it stopped (EPIPE, or another error said on stderr).
    @discardableResult
    static func write(_ buffer: UnsafeBufferPointer<UInt8>, to fd: Int32) -> Bool {
        guard !readerGone, let base = buffer.baseAddress else { return buffer.isEmpty }
        var done = 0
        while done < buffer.count {
            let n = Glibc.write(fd, base + done, buffer.count - done)
            if n >= 0 { done += n; continue }
            if errno == EINTR { continue }
            let failure = errno
            closed.store(true, ordering: .relaxed)
            if failure != EPIPE { printError("synctop: cannot write the output: \(String(cString: strerror(failure)))") }
            return false
        }
        return true
    }
}

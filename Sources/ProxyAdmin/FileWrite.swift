#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing synctop's own files (cost-map snapshots, history) where a full disk or the
/// process's file-size limit (`ulimit -f`) may stop it: the failure comes back as an errno
/// to report, never as the end of the process.
///
/// A write past `ulimit -f` makes the kernel send SIGXFSZ to the writing thread, whose
/// default action ends the process (and the dashboard treats it as a request to quit). So
/// SIGXFSZ is blocked on the calling thread while writing: the write fails with EFBIG, and
/// the signal stays pending on that thread until it is taken here. One that another process
/// sent (`kill -XFSZ`, process-directed) is sent on to the process, which then ends as
/// for any other terminating signal.
public enum FileWrite {
    /// `write(2)`'s shape: bytes written, or -1 with `errno` set. Tests pass a failing one.
    public typealias Call = @Sendable (_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int

    public static let system: Call = { fd, bytes, count in write(fd, bytes, count) }

    /// Writes all of `bytes` (retrying short writes and EINTR); nil when done, else the
    /// errno that stopped it; `written` says how far it got either way.
    public static func all(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, call: Call = system) -> (errno: Int32?, written: Int) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return (nil, 0) }
        return withFileSizeSignalHeld {
            var written = 0
            while written < bytes.count {
                let n = call(fd, base + written, bytes.count - written)
                if n > 0 { written += n; continue }
                if n < 0, errno == EINTR { continue }
                return (n == 0 ? EIO : errno, written)
            }
            return (nil, written)
        }
    }

    /// The system's reason, and what to do where there is something to do.
    public static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        switch code {
        case EFBIG: return text + " (the file-size limit, `ulimit -f`, is too small for it: raise it)"
        case ENOSPC: return text + " (the disk is full: free some space there)"
        case EDQUOT: return text + " (your disk quota is used up: free some space or raise the quota)"
        case EROFS: return text + " (the file system is read-only)"
        default: return text
        }
    }

    /// Runs `body` with SIGXFSZ blocked on this thread; then takes any SIGXFSZ the kernel
    /// sent this thread meanwhile, forwards one from another process, and restores the mask.
    static func withFileSizeSignalHeld<T>(_ body: () -> T) -> T {
        var xfsz = sigset_t()
        sigemptyset(&xfsz)
        sigaddset(&xfsz, SIGXFSZ)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &xfsz, &previous)
        let result = body()
        let savedErrno = errno
        var fromElsewhere = false
        var pending = sigset_t()
        while sigpending(&pending) == 0, sigismember(&pending, SIGXFSZ) == 1 {
            var info = siginfo_t()
            var now = timespec()
            guard sigtimedwait(&xfsz, &info, &now) == SIGXFSZ else { break }
            // The kernel's own (write past the limit) carries our pid; a `kill` its sender's.
            if info._sifields._kill.si_pid != getpid() { fromElsewhere = true }
        }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        if fromElsewhere { kill(getpid(), SIGXFSZ) }
        errno = savedErrno
        return result
    }
}

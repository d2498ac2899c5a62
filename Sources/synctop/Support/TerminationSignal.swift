#if canImport(Glibc)
import Glibc
#endif

/// Suspends until SIGINT, SIGTERM or SIGHUP arrives (`simulate` runs until stopped).
///
/// A handler writes the signal number to a pipe (async-signal-safe) and a plain thread
/// reads it. Blocking the signals and calling `sigwait` instead does not work here: the
/// mask is per thread, NIO's threads leave them unblocked, and an ignored signal that
/// reaches one of those is dropped, so the simulator never stopped on SIGTERM.
func waitForTerminationSignal() async {
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { return }
    terminationPipeWriteEnd = fds[1]
    let readEnd = fds[0]
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { signal in
        var byte = UInt8(truncatingIfNeeded: signal)
        _ = write(terminationPipeWriteEnd, &byte, 1)
    }
    action.sa_flags = SA_RESTART
    sigemptyset(&action.sa_mask)
    for s in [SIGINT, SIGTERM, SIGHUP] { sigaction(s, &action, nil) }
    await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
        let box = Unmanaged.passRetained(PipeReader(fd: readEnd, done: done))
        var thread = pthread_t()
        let rc = pthread_create(&thread, nil, { raw in
            let me = Unmanaged<PipeReader>.fromOpaque(raw!).takeRetainedValue()
            var byte: UInt8 = 0
            while read(me.fd, &byte, 1) < 0 && errno == EINTR {}
            me.done.resume()
            return nil
        }, box.toOpaque())
        if rc == 0 { pthread_detach(thread) } else { box.takeRetainedValue().done.resume() }
    }
}

/// Written once before the handler is installed, then only read by it.
nonisolated(unsafe) private var terminationPipeWriteEnd: Int32 = -1

private final class PipeReader: @unchecked Sendable {
    let fd: Int32
    let done: CheckedContinuation<Void, Never>
    init(fd: Int32, done: CheckedContinuation<Void, Never>) {
        self.fd = fd
        self.done = done
    }
}

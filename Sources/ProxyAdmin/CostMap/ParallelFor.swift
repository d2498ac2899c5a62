#if canImport(Glibc)
import Glibc
#endif

/// `DispatchQueue.concurrentPerform` on threads of its own, joined before it returns. A
/// libdispatch pool thread, once started, makes libdispatch's pool monitor wake once a
/// second for the rest of the process: a dashboard that diffed one cost map would pay for
/// it every second after.
enum ParallelFor {
    /// Runs `body(0..<iterations)`, one iteration per thread, the first on the caller's.
    static func run(iterations: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard iterations > 1 else {
            if iterations == 1 { body(0) }
            return
        }
        var threads: [pthread_t] = []
        for i in 1..<iterations {
            if let thread = PThread.start(detached: false, { body(i) }) {
                threads.append(thread)
            } else {
                body(i) // no thread to be had: do it here
            }
        }
        body(0)
        for thread in threads { pthread_join(thread, nil) }
    }
}

#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Runs blocking jobs (socket exchanges) on threads of their own, so they never occupy one
/// of Swift concurrency's few cooperative threads (two on a two-core machine).
///
/// Threads are kept, parked on a condition variable, once their job is done: the idle
/// dashboard polls four endpoints every 10 s, and creating and ending four threads per
/// poll was most of a poll's CPU (`Tests/Benchmarks/run`). A parked thread costs nothing
/// until it is handed a job. The pool grows when every thread is busy and never holds
/// more parked threads than `maxParked`.
public enum BlockingThread {
    static let maxParked = 8

    /// True in a task that already runs on a thread of its own (the dashboard's poll
    /// thread): its blocking jobs run right there. Handing each poll to a pool thread and
    /// back cost two thread wake-ups, which on a virtual machine is most of an idle poll.
    @TaskLocal public static var callerMayBlock = false

    static func run(_ body: @escaping @Sendable () -> Void) {
        if callerMayBlock { return body() }
        if pool.handOff(body) { return }
        started.add(1, ordering: .relaxed)
        if PThread.start(detached: true, { BlockingThread.pool.serve(body) }) == nil {
            body()  // no thread to be had: block here rather than fail
        }
    }

    /// `body`'s value, computed on a blocking thread (or right here under
    /// `callerMayBlock`) while the calling task waits without holding its thread.
    static func value<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            run { continuation.resume(returning: body()) }
        }
    }

    /// How many threads are parked now (tests).
    static var parkedCount: Int { pool.parkedCount }

    /// How many threads `run` has started so far (tests: a job on a parked thread starts none).
    static var threadsStarted: Int { started.load(ordering: .relaxed) }
    private static let started = Atomic<Int>(0)

    private static let pool = Pool()

    /// Parked threads and the jobs handed to them.
    private final class Pool: @unchecked Sendable {
        private let lock = ConditionLock()
        private var parked = 0
        private var waiting: [@Sendable () -> Void] = []

        var parkedCount: Int { lock.withLock { parked } }

        /// Gives `body` to a parked thread; false when none is free (start a new one).
        func handOff(_ body: @escaping @Sendable () -> Void) -> Bool {
            lock.withLock {
                guard parked > waiting.count else { return false }
                waiting.append(body)
                lock.signal()
                return true
            }
        }

        /// A pool thread's life: its first job, then jobs handed off while it is parked;
        /// it ends when the pool already has enough parked threads.
        func serve(_ first: @Sendable () -> Void) {
            first()
            lock.lock()
            while parked < BlockingThread.maxParked {
                parked += 1
                while waiting.isEmpty { lock.wait() }
                parked -= 1
                let next = waiting.removeFirst()
                lock.unlock()
                next()
                lock.lock()
            }
            lock.unlock()
        }
    }
}

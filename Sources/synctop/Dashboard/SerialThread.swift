import ProxyAdmin

/// A thread of our own that runs closures one after another, in the order given; started
/// by the first one. Used instead of a `DispatchQueue` (the history file) and for the
/// dashboard's executors: any libdispatch pool thread would start libdispatch's pool
/// monitor, which then wakes once a second for the life of the process.
final class SerialThread: @unchecked Sendable {
    private let lock = ConditionLock()
    private var work: [() -> Void] = [] // guarded by `lock`
    private var started = false         // guarded by `lock`

    init() {}

    func async(_ body: @escaping @Sendable () -> Void) {
        lock.withLock {
            work.append(body)
            if !started { started = true; start() }
            lock.signal()
        }
    }

    /// Returns once everything given before it has run.
    func sync() {
        let done = ConditionLock()
        nonisolated(unsafe) var finished = false
        async { done.withLock { finished = true; done.signal() } }
        done.lock()
        while !finished { done.wait() }
        done.unlock()
    }

    /// Called with `lock` held. The thread keeps its owner for good.
    private func start() {
        let started = PThread.start(detached: true) { self.serve() }
        precondition(started != nil, "cannot start a thread (pthread_create failed)")
    }

    private func serve() -> Never {
        while true {
            lock.lock()
            while work.isEmpty { lock.wait() }
            let batch = work
            work.removeAll(keepingCapacity: true)
            lock.unlock()
            for body in batch { body() }
        }
    }
}

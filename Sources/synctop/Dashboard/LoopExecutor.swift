#if canImport(Glibc)
import Glibc
#endif
import ProxyAdmin

/// A `TaskExecutor` on one thread of its own that lives as long as the dashboard. The
/// periodic polls run here: on Swift's global pool every poll (one per 10 s) woke worker
/// threads that had ended after their idle timeout, and creating them again was a large
/// part of the idle dashboard's CPU. The thread sleeps on a `ConditionLock` between jobs.
final class LoopExecutor: TaskExecutor, @unchecked Sendable {
    private let lock = ConditionLock()
    private var jobs: [UnownedJob] = []

    init() {
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque() // the thread keeps the executor
        let rc = pthread_create(&thread, nil, { context in
            Unmanaged<LoopExecutor>.fromOpaque(context!).takeUnretainedValue().serve()
        }, context)
        precondition(rc == 0, "cannot start the dashboard's poll thread (pthread_create: \(rc))")
        pthread_detach(thread)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        lock.withLock {
            jobs.append(job)
            lock.signal()
        }
    }

    private func serve() -> Never {
        let executor = asUnownedTaskExecutor()
        while true {
            lock.lock()
            while jobs.isEmpty { lock.wait() }
            let batch = jobs
            jobs.removeAll(keepingCapacity: true)
            lock.unlock()
            for job in batch { job.runSynchronously(on: executor) }
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// A `TaskExecutor` on one thread of its own that lives as long as the dashboard. The
/// periodic polls run here: on Swift's global pool every poll (one per 10 s) woke worker
/// threads that had ended after their idle timeout, and creating them again was a large
/// part of the idle dashboard's CPU. The thread sleeps on a condition variable between jobs.
final class LoopExecutor: TaskExecutor, @unchecked Sendable {
    // Heap-allocated: pthread objects must not move, and `&storedProperty` promises no address.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var jobs: [UnownedJob] = []

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
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
        pthread_mutex_lock(mutex)
        jobs.append(job)
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
    }

    private func serve() -> Never {
        let executor = asUnownedTaskExecutor()
        while true {
            pthread_mutex_lock(mutex)
            while jobs.isEmpty { pthread_cond_wait(condition, mutex) }
            let batch = jobs
            jobs.removeAll(keepingCapacity: true)
            pthread_mutex_unlock(mutex)
            for job in batch { job.runSynchronously(on: executor) }
        }
    }
}

/// A `TaskExecutor` on one `SerialThread` that lives as long as the dashboard. The
/// periodic polls run on one (on Swift's global pool every poll woke worker threads that
/// had ended after their idle timeout, and creating them again was a large part of the idle
/// dashboard's CPU), the rest of the dashboard's network and file work on another: nothing
/// the dashboard starts runs on libdispatch's pool (`SerialThread` says why).
final class LoopExecutor: TaskExecutor, @unchecked Sendable {
    private let thread: SerialThread

    init() { thread = SerialThread() }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        thread.async { job.runSynchronously(on: executor) }
    }
}

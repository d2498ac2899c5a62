import Foundation
import Synchronization
import Testing
@testable import ProxyAdmin

/// The blocking-job pool: jobs run side by side (a poll's four reads overlap), and threads
/// are kept for the next jobs instead of being created again (idle CPU).
@Suite(.serialized)
struct BlockingThreadTests {
    @Test func jobsRunSideBySideAndTheirThreadsAreReused() throws {
        let first = Mutex<Set<UInt>>([])
        let running = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        let parkedBefore = BlockingThread.parkedCount
        for _ in 0..<3 {
            BlockingThread.run {
                first.withLock { _ = $0.insert(UInt(pthread_self())) }
                running.signal()
                release.wait()
                done.signal()
            }
        }
        // All three are under way at once: none waits behind another.
        for _ in 0..<3 { #expect(running.wait(timeout: .now() + 5) == .success) }
        #expect(first.withLock { $0.count } == 3)
        for _ in 0..<3 { release.signal() }
        for _ in 0..<3 { #expect(done.wait(timeout: .now() + 5) == .success) }

        // They park once done: the threads parked before (which took jobs first) and the
        // ones started for the rest, as many as the pool keeps.
        let expected = min(BlockingThread.maxParked, max(parkedBefore, 3))
        let deadline = Date().addingTimeInterval(5)
        while BlockingThread.parkedCount < expected, Date() < deadline { usleep(1000) }
        #expect(BlockingThread.parkedCount >= expected)

        // ...and the next job runs on a parked thread, not a new one.
        let parkedNow = BlockingThread.parkedCount
        let startedBefore = BlockingThread.threadsStarted
        let again = DispatchSemaphore(value: 0)
        let reusedThread = Mutex<UInt>(0)
        BlockingThread.run {
            reusedThread.withLock { $0 = UInt(pthread_self()) }
            again.signal()
        }
        #expect(again.wait(timeout: .now() + 5) == .success)
        #expect(parkedNow > 0)
        // Counted, not compared with the first three threads: a thread another test left
        // running can park meanwhile and take the job (CI saw it), which is reuse too.
        #expect(BlockingThread.threadsStarted == startedBefore, "ran on a parked thread, not a new one")
        #expect(reusedThread.withLock { $0 } != 0)
    }

    /// In a task marked `callerMayBlock` (the dashboard's poll thread) a job runs on the
    /// caller's own thread, before `run` returns; unmarked, it runs elsewhere.
    @Test func aTaskThatMayBlockRunsItsJobsInPlace() async {
        let here = UInt(pthread_self())
        let ran = Mutex<UInt>(0)
        BlockingThread.$callerMayBlock.withValue(true) {
            BlockingThread.run { ran.withLock { $0 = UInt(pthread_self()) } }
        }
        #expect(ran.withLock { $0 } == here, "ran in place, before run returned")

        let elsewhere = DispatchSemaphore(value: 0)
        let other = Mutex<UInt>(0)
        BlockingThread.run {
            other.withLock { $0 = UInt(pthread_self()) }
            elsewhere.signal()
        }
        #expect(elsewhere.wait(timeout: .now() + 5) == .success)
        #expect(other.withLock { $0 } != here)
    }
}

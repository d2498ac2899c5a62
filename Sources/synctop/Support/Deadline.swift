#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin

/// Runs `count` pieces of work side by side and returns when all have finished or
/// `seconds` have passed, whichever comes first; a piece still running is nil. Unlike a
/// task group, nothing waits for a read that ignores cancellation: the command that
/// asked prints what it has and exits. (`check` must answer within its timeout even
/// when a pod hangs.)
enum Deadline {
    static func gather<T: Sendable>(_ count: Int, seconds: Double, _ work: @escaping @Sendable (Int) async -> T) async -> [T?] {
        guard count > 0 else { return [] }
        let box = Box<T>(count: count)
        return await withCheckedContinuation { (done: CheckedContinuation<[T?], Never>) in
            box.start(done)
            for i in 0..<count {
                Task.detached { box.finish(i, await work(i)) }
            }
            Task.detached {
                try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1e9))
                box.expire()
            }
        }
    }

    private final class Box<T: Sendable>: @unchecked Sendable {
        private let lock = ConditionLock()
        private var values: [T?]
        private var left: Int
        private var continuation: CheckedContinuation<[T?], Never>?

        init(count: Int) { values = Array(repeating: nil, count: count); left = count }

        func start(_ c: CheckedContinuation<[T?], Never>) { lock.withLock { continuation = c } }

        func finish(_ i: Int, _ value: T) {
            let resume: (CheckedContinuation<[T?], Never>, [T?])? = lock.withLock {
                guard continuation != nil else { return nil }
                values[i] = value
                left -= 1
                guard left == 0, let c = continuation else { return nil }
                continuation = nil
                return (c, values)
            }
            if let (c, v) = resume { c.resume(returning: v) }
        }

        func expire() {
            let resume: (CheckedContinuation<[T?], Never>, [T?])? = lock.withLock {
                guard let c = continuation else { return nil }
                continuation = nil
                return (c, values)
            }
            if let (c, v) = resume { c.resume(returning: v) }
        }
    }
}

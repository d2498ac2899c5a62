import ConsoleUI
import Synchronization
import CursesTerminal

/// Where network tasks leave their results for the UI loop: append under a lock, then
/// wake the loop through the self-pipe (or let the next tick collect it).
final class Mailbox: Sendable {
    private let queue = Mutex<[Msg]>([])
    private let wakeup: Wakeup

    init(wakeup: Wakeup) { self.wakeup = wakeup }

    /// `wake: false` leaves `msg` for the loop's next wake-up (within a second).
    func post(_ msg: Msg, wake: Bool = true) {
        queue.withLock { $0.append(msg) }
        if wake { wakeup.signal() }
    }

    func drain() -> [Msg] {
        queue.withLock { q in
            defer { q.removeAll() }
            return q
        }
    }
}

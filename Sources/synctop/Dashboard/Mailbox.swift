import ConsoleUI
import Synchronization
import CursesTerminal

/// Where network tasks leave their results for the UI loop: append under a lock, then
/// wake the loop through the self-pipe.
final class Mailbox: Sendable {
    private let queue = Mutex<[Msg]>([])
    private let wakeup: Wakeup

    init(wakeup: Wakeup) { self.wakeup = wakeup }

    func post(_ msg: Msg) {
        queue.withLock { $0.append(msg) }
        wakeup.signal()
    }

    func drain() -> [Msg] {
        queue.withLock { q in
            defer { q.removeAll() }
            return q
        }
    }
}

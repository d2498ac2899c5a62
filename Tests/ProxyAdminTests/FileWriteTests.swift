import Foundation
import Synchronization
import Testing
@testable import ProxyAdmin

/// Issue 17: a full disk or `ulimit -f` while writing a snapshot or a history record is an
/// error that says why, never a crash, and leaves no temporary file or partial line.
@Suite struct FileWriteTests {
    /// A `write(2)` that takes `accept` bytes, then fails with `code` (ENOSPC, EFBIG).
    static func failing(after accept: Int, _ code: Int32) -> FileWrite.Call {
        let taken = Mutex(0)
        return { fd, bytes, count in
            let n = taken.withLock { total -> Int in
                let n = min(count, accept - total)
                total += max(n, 0)
                return n
            }
            if n > 0 { return write(fd, bytes, n) }
            errno = code
            return -1
        }
    }

    func names(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    @Test func aFullDiskLeavesNoSnapshotAndNoTemporaryFile() throws {
        let dir = HistoryScratchDirectory()
        defer { dir.remove() }
        var store = CostMapSnapshotStore(root: dir.path, proxyURL: "http://127.0.0.1:4000")
        let good = try store.save(Array(#"{"m": {"mode": "chat"}}"#.utf8), at: Date(timeIntervalSince1970: 1_800_000_000))
        store.writeCall = Self.failing(after: 10, ENOSPC)
        #expect {
            try store.save(Array(repeating: UInt8(ascii: " "), count: 100_000), at: Date(timeIntervalSince1970: 1_800_000_100))
        } throws: { error in
            "\(error)".contains("No space left on device (the disk is full: free some space there)")
                && "\(error)".contains(store.directory)
        }
        #expect(names(in: store.directory) == [URL(fileURLWithPath: good.path).lastPathComponent], "only the earlier snapshot")
        #expect(store.latest() == good)
    }

    @Test func aFileSizeLimitIsNamedWithWhatToDo() {
        #expect(FileWrite.reason(EFBIG).contains("ulimit -f"))
        #expect(FileWrite.reason(EDQUOT).contains("quota"))
        #expect(FileWrite.reason(EACCES) == String(cString: strerror(EACCES)))
    }

    @Test func aFailedHistoryAppendTakesItsPartialLineBack() throws {
        let dir = HistoryScratchDirectory()
        defer { dir.remove() }
        var store = HistoryStore(path: dir.file("history.jsonl"))
        try store.append(historySample(1, message: "kept"))
        let before = historyFileText(store.path)
        store.writeCall = Self.failing(after: 7, EFBIG)
        #expect {
            try store.append(historySample(2, message: "lost"))
        } throws: { error in
            "\(error)".contains("File too large (the file-size limit, `ulimit -f`, is too small for it: raise it)")
        }
        #expect(historyFileText(store.path) == before, "the partial line is cut back")
        store.writeCall = FileWrite.system
        try store.append(historySample(3, message: "after"))
        #expect(try store.read().records.map(\.message) == ["kept", "after"])
    }

    /// What the kernel does on a write past `ulimit -f`: SIGXFSZ to the writing thread,
    /// whose default action ends the process (and this test run with it). Held and taken.
    /// On a thread of its own with SIGXFSZ open, as the dashboard's writers have it (the
    /// test runner's pool threads block every signal).
    @Test func aFileSizeSignalToTheWritingThreadIsTakenNotFatal() throws {
        let seen = Mutex<(result: Int32, pendingAfter: Bool, blockedAfter: Bool)?>(nil)
        let thread = try #require(PThread.start(detached: false) {
            var xfsz = sigset_t()
            sigemptyset(&xfsz)
            sigaddset(&xfsz, SIGXFSZ)
            pthread_sigmask(SIG_UNBLOCK, &xfsz, nil)
            let result = FileWrite.withFileSizeSignalHeld { () -> Int32 in
                pthread_kill(pthread_self(), SIGXFSZ)
                return 7
            }
            var pending = sigset_t(), mask = sigset_t()
            sigpending(&pending)
            pthread_sigmask(SIG_BLOCK, nil, &mask)
            seen.withLock { $0 = (result, sigismember(&pending, SIGXFSZ) == 1, sigismember(&mask, SIGXFSZ) == 1) }
        })
        pthread_join(thread, nil)
        let after = try #require(seen.withLock { $0 })
        #expect(after.result == 7)
        #expect(!after.pendingAfter, "nothing left pending")
        #expect(!after.blockedAfter, "the thread's mask is as it was")
    }

    @Test func temporaryFilesOfDeadWritersAreRemoved() throws {
        let dir = HistoryScratchDirectory()
        defer { dir.remove() }
        let store = CostMapSnapshotStore(root: dir.path, proxyURL: "http://127.0.0.1:4000")
        try store.save(Array(#"{"a": {"mode": "chat"}}"#.utf8), at: Date(timeIntervalSince1970: 1_800_000_000))
        var dead: Int32 = 4_000_000
        while kill(dead, 0) == 0 || errno != ESRCH { dead -= 1 }
        let abandoned = store.directory + "/1800000000500.json.part-\(dead)"
        let live = store.directory + "/1800000000600.json.part-\(getppid())"
        for path in [abandoned, live] { #expect(FileManager.default.createFile(atPath: path, contents: Data("{".utf8))) }
        try store.save(Array(#"{"b": {"mode": "chat"}}"#.utf8), at: Date(timeIntervalSince1970: 1_800_000_100))
        #expect(!FileManager.default.fileExists(atPath: abandoned), "its writer is gone")
        #expect(FileManager.default.fileExists(atPath: live), "its writer may still be writing")
    }
}

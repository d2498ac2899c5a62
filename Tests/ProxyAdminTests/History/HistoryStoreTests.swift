import Foundation
import Synchronization
import Testing
@testable import ProxyAdmin

@Suite struct HistoryStoreTests {
    @Test func defaultPathFollowsXDG() {
        #expect(HistoryStore.defaultPath(environment: ["XDG_STATE_HOME": "/var/state", "HOME": "/home/op"])
            == "/var/state/synctop/history.jsonl")
        #expect(HistoryStore.defaultPath(environment: ["XDG_STATE_HOME": "/var/state/", "HOME": "/home/op"])
            == "/var/state/synctop/history.jsonl")
        #expect(HistoryStore.defaultPath(environment: ["HOME": "/home/op"])
            == "/home/op/.local/state/synctop/history.jsonl")
        // Empty or relative XDG_STATE_HOME is ignored (XDG base directory spec).
        #expect(HistoryStore.defaultPath(environment: ["XDG_STATE_HOME": "", "HOME": "/home/op"])
            == "/home/op/.local/state/synctop/history.jsonl")
        #expect(HistoryStore.defaultPath(environment: ["XDG_STATE_HOME": "state", "HOME": "/home/op/"])
            == "/home/op/.local/state/synctop/history.jsonl")
    }

    @Test func missingFileIsAnEmptyHistory() throws {
        let dir = HistoryScratchDirectory()
        defer { dir.remove() }
        let result = try HistoryStore(path: dir.file("nope/history.jsonl")).read()
        #expect(result.records.isEmpty)
        #expect(result.skippedLines == 0)
    }

    @Test func appendsInOrderOneLineEach() throws {
        let dir = HistoryScratchDirectory()
        defer { dir.remove() }
        let store = HistoryStore(path: dir.file("history.jsonl"))
        let records = (0..<5).map { historySample(Double($0), message: "record \($0)\nwith a newline inside") }
        for r in records { try store.append(r) }
        let text = historyFileText(store.path)
        #expect(text == records.map { $0.jsonLine + "\n" }.joined())
        let back = try store.read()
        #expect(back.records == records)
        #expect(back.skippedLines == 0)
    }

    @Test func createsFile0600AndDirectories0700() throws {
        let dir = HistoryScratchDirectory()
        defer { dir.remove() }
        let path = dir.file("state/synctop/history.jsonl")
        try HistoryStore(path: path).append(historySample())
        #expect(historyMode(path) == 0o600)
        #expect(historyMode(dir.file("state/synctop")) == 0o700)
        #expect(historyMode(dir.file("state")) == 0o700)
        // Appending again keeps the mode.
        try HistoryStore(path: path).append(historySample(1))
        #expect(historyMode(path) == 0o600)
    }

    /// A writer killed mid-line leaves bytes without a newline. The next append must start on a
    /// fresh line: every earlier record survives, the torn line is one skipped line, and the new
    /// record is intact.
    @Test func writerKilledMidLine() throws {
        let dir = HistoryScratchDirectory()
        defer { dir.remove() }
        let store = HistoryStore(path: dir.file("history.jsonl"))
        let before = [historySample(0), historySample(1, job: .betaHeaders, action: .schedule, hours: 2)]
        for r in before { try store.append(r) }

        let torn = String(historySample(2, message: "this one was being written").jsonLine.prefix(57))
        historyAppendRaw(torn, to: store.path)
        // Reading now: the torn tail does not hide what came before.
        let mid = try store.read()
        #expect(mid.records == before)
        #expect(mid.skippedLines == 1)

        let after = historySample(3, action: .cancel, message: "cancelled")
        try store.append(after)
        let back = try store.read()
        #expect(back.records == before + [after])
        #expect(back.skippedLines == 1)
        let lines = historyFileText(store.path).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 5) // 2 records, the torn line, the new record, "" after the last "\n"
        #expect(lines[2] == torn)
        #expect(lines[3] == after.jsonLine)
        #expect(lines[4] == "")

        // A torn first line in an otherwise empty file behaves the same.
        let lone = HistoryStore(path: dir.file("lone.jsonl"))
        historyAppendRaw("{\"time\":\"2026-", to: lone.path)
        try lone.append(after)
        let loneBack = try lone.read()
        #expect(loneBack.records == [after])
        #expect(loneBack.skippedLines == 1)
    }

    @Test func garbageLinesAreCountedNotFatal() throws {
        let dir = HistoryScratchDirectory()
        defer { dir.remove() }
        let store = HistoryStore(path: dir.file("history.jsonl"))
        let a = historySample(0), b = historySample(1), c = historySample(2)
        historyAppendRaw(a.jsonLine + "\n" + "garbage\n" + "\n" + b.jsonLine + "\r\n" + "{\"x\":1}\n"
                         + "\0\0\0\0\n" + c.jsonLine + "\n", to: store.path)
        let back = try store.read()
        #expect(back.records == [a, b, c])
        #expect(back.skippedLines == 3) // garbage, {"x":1}, the NULs; the blank line is not counted
    }

    /// Several writers at once, each with its own open file description (every append opens the
    /// file), plus a reader: every line parses, counts are exact, each writer's records keep
    /// their order, and the reader never sees a half-written record.
    @Test func concurrentWritersInterleaveWholeRecords() throws {
        let dir = HistoryScratchDirectory()
        defer { dir.remove() }
        let path = dir.file("history.jsonl")
        let writers = 6, perWriter = 300
        // ~1 KB per line, so a line is not trivially small.
        let filler = String(repeating: "abcdefghij", count: 100)
        let shared = ConcurrentRun()

        for w in 0..<writers {
            Thread {
                defer { shared.finished.add(1, ordering: .sequentiallyConsistent) }
                let store = HistoryStore(path: path)
                shared.startTogether(threads: writers + 1)
                for n in 0..<perWriter {
                    let job: SyncJob = (w + n) % 2 == 0 ? .costMap : .betaHeaders
                    let r = historySample(Double(n), job: job, message: "writer \(w) seq \(n) \(filler)")
                    do { try store.append(r) } catch { shared.fail("\(error)") }
                }
                shared.writersDone.add(1, ordering: .sequentiallyConsistent)
            }.start()
        }
        Thread {
            defer { shared.finished.add(1, ordering: .sequentiallyConsistent) }
            let store = HistoryStore(path: path)
            shared.startTogether(threads: writers + 1)
            var lastCount = 0
            while shared.writersDone.load(ordering: .sequentiallyConsistent) < writers {
                do {
                    let (records, skipped) = try store.read()
                    shared.reads.add(1, ordering: .relaxed)
                    shared.skippedSeen.add(skipped, ordering: .relaxed)
                    if records.count < lastCount { shared.fail("reader went backwards") }
                    lastCount = records.count
                } catch {
                    shared.fail("read: \(error)")
                }
            }
        }.start()
        while shared.finished.load(ordering: .sequentiallyConsistent) < writers + 1 { usleep(2000) }

        #expect(shared.failures.withLock { $0 } == [])
        #expect(shared.skippedSeen.load(ordering: .relaxed) == 0)
        #expect(shared.reads.load(ordering: .relaxed) > 0)

        let text = historyFileText(path)
        #expect(text.hasSuffix("\n"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == writers * perWriter)
        let (records, skipped) = try HistoryStore(path: path).read()
        #expect(skipped == 0)
        #expect(records.count == writers * perWriter)
        for w in 0..<writers {
            let mine = records.filter { $0.message.hasPrefix("writer \(w) seq ") }
            let seqs = mine.map { Int($0.message.split(separator: " ")[3])! }
            #expect(seqs == Array(0..<perWriter), "writer \(w)'s records are missing, repeated or out of order")
            #expect(mine.allSatisfy { $0.message.hasSuffix(filler) })
        }
    }

    @Test func errorsNameThePathAndTheReason() throws {
        let dir = HistoryScratchDirectory()
        defer { dir.remove() }
        // The would-be directory is a regular file.
        historyAppendRaw("x", to: dir.file("plain"))
        let blocked = dir.file("plain/synctop/history.jsonl")
        do {
            try HistoryStore(path: blocked).append(historySample())
            Issue.record("append under a regular file succeeded")
        } catch {
            let text = "\(error)"
            #expect(text.contains(dir.file("plain")))
            #expect(text.contains("Not a directory"))
        }
        do {
            _ = try HistoryStore(path: blocked).read()
            Issue.record("read under a regular file succeeded")
        } catch {
            #expect(error == .cannotRead(path: blocked, reason: "Not a directory"))
            #expect("\(error)" == "cannot read history file \(blocked): Not a directory")
        }
        // A directory where the file should be.
        #expect(mkdir(dir.file("isdir"), 0o700) == 0)
        #expect(throws: HistoryError.cannotRead(path: dir.file("isdir"), reason: "not a regular file")) {
            try HistoryStore(path: dir.file("isdir")).read()
        }
        #expect(throws: HistoryError.cannotWrite(path: dir.file("isdir"), reason: "Is a directory")) {
            try HistoryStore(path: dir.file("isdir")).append(historySample())
        }
    }
}

/// What the threads of the concurrency test share.
private final class ConcurrentRun: Sendable {
    let failures = Mutex<[String]>([])
    let ready = Atomic<Int>(0)
    let writersDone = Atomic<Int>(0)
    let finished = Atomic<Int>(0)
    let reads = Atomic<Int>(0)
    let skippedSeen = Atomic<Int>(0)

    func fail(_ why: String) { failures.withLock { $0.append(why) } }

    /// Returns once `threads` threads have called it, so they all start at once.
    func startTogether(threads: Int) {
        ready.add(1, ordering: .sequentiallyConsistent)
        while ready.load(ordering: .sequentiallyConsistent) < threads { sched_yield() }
    }
}

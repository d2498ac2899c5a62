import Foundation
@testable import ProxyAdmin

/// A fresh directory under the system temp dir, removed by `remove()`.
struct HistoryScratchDirectory {
    let path: String

    init() {
        var template = Array((NSTemporaryDirectory() + "synctop-history-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in
            mkdtemp(buffer.baseAddress!).map { String(cString: $0) }
        }
        path = made ?? { preconditionFailure("mkdtemp failed") }()
    }

    func file(_ name: String) -> String { path + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// File contents as text (the raw bytes, for looking at lines).
func historyFileText(_ path: String) -> String {
    (FileManager.default.contents(atPath: path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
}

/// Appends raw bytes without any of the store's care: what a writer killed mid-line leaves.
func historyAppendRaw(_ text: String, to path: String) {
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    precondition(fd >= 0, "open \(path) failed")
    defer { close(fd) }
    let bytes = Array(text.utf8)
    let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    precondition(n == bytes.count)
}

/// Permission bits of a path, via stat(2).
func historyMode(_ path: String) -> UInt32? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return UInt32(info.st_mode) & 0o7777
}

/// 2026-11-21 00:00:00 UTC plus `seconds`.
func historyTime(_ seconds: Double) -> Date {
    Date(timeIntervalSince1970: 1_795_219_200 + seconds)
}

func historySample(
    _ seconds: Double = 0, job: SyncJob = .costMap, action: HistoryRecord.Action = .reload,
    outcome: HistoryRecord.Outcome = .success, hours: Int? = nil, status: Int? = 200, ms: Int? = 840,
    message: String = "reloaded 2345 models", proxy: String = "http://localhost:4000"
) -> HistoryRecord {
    HistoryRecord(
        time: historyTime(seconds), proxy: proxy, job: job, action: action,
        parameters: .init(hours: hours), outcome: outcome, httpStatus: status, durationMs: ms, message: message)
}

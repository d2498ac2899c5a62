import ConsoleUI
import ProxyAdmin

/// Appends history records off the UI thread, one at a time, with the key masked out of
/// every message. Failures are reported, never fatal: losing a history line must not
/// stop an operator.
final class HistoryWriter: Sendable {
    let store: HistoryStore
    private let apiKey: String?
    /// Not a `DispatchQueue`: see `SerialThread`.
    private let queue = SerialThread()

    init(store: HistoryStore, apiKey: String?) {
        self.store = store
        self.apiKey = apiKey
    }

    static func standard(apiKey: String?) -> HistoryWriter {
        HistoryWriter(store: HistoryStore(path: HistoryStore.defaultPath(environment: Environment.all())), apiKey: apiKey)
    }

    func append(_ record: HistoryRecord, onError: @escaping @Sendable (String) -> Void = { printError("synctop: \($0)") }) {
        let record = record.redacting(key: apiKey)
        queue.async { [store] in
            do { try store.append(record) } catch { onError("history not written: \(error)") }
        }
    }

    /// Reads the file after every queued append, off the UI thread.
    func load(_ done: @escaping @Sendable (Result<HistoryFile, HistoryLoadError>) -> Void) {
        queue.async { [store] in
            do {
                let (records, skipped) = try store.read()
                done(.success(HistoryFile(records: records, skippedLines: skipped)))
            } catch {
                done(.failure(HistoryLoadError("\(error)")))
            }
        }
    }

    /// Waits until every queued record is written (before a command exits).
    func flush() { queue.sync() }
}

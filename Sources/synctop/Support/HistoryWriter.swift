import ConsoleUI
import ProxyAdmin

/// Appends history records off the UI thread, one at a time, with the key masked out of
/// every message. Failures are reported, never fatal: losing a history line must not
/// stop an operator.
final class HistoryWriter: Sendable {
    /// nil when there is no state folder (`UserDirectory`); `unavailable` says why.
    let store: HistoryStore?
    private let unavailable: String
    private let apiKey: String?
    /// Not a `DispatchQueue`: see `SerialThread`.
    private let queue = SerialThread()

    init(store: HistoryStore?, apiKey: String?, unavailable: String = "") {
        self.store = store
        self.apiKey = apiKey
        self.unavailable = unavailable
    }

    static func standard(apiKey: String?) -> HistoryWriter {
        let environment = Environment.all()
        let why = UserDirectory.resolve(.state, environment: environment).failure.map { "the state folder is \($0)" } ?? ""
        return HistoryWriter(store: HistoryStore.defaultPath(environment: environment).map(HistoryStore.init(path:)), apiKey: apiKey,
                             unavailable: why)
    }

    func append(_ record: HistoryRecord, onError: @escaping @Sendable (String) -> Void = { printError("synctop: \($0)") }) {
        let record = record.redacting(key: apiKey)
        guard let store else { return onError("history not written: \(unavailable)") }
        queue.async {
            do { try store.append(record) } catch { onError("history not written: \(error)") }
        }
    }

    /// Reads the file after every queued append, off the UI thread.
    func load(_ done: @escaping @Sendable (Result<HistoryFile, HistoryLoadError>) -> Void) {
        guard let store else { return done(.failure(HistoryLoadError("no history: \(unavailable)"))) }
        queue.async {
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

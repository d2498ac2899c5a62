#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ConsoleUI
import ProxyAdmin

/// The dashboard's cost-map I/O: fetch `/public/litellm_model_cost_map`, keep it as a
/// snapshot, decode it, and diff it with a snapshot from before — all off the UI loop.
struct CostMapFetcher: Sendable {
    var client: ProxyAdminClient
    /// Or why there is no cache folder (`UserDirectory`): then nothing is kept or diffed.
    var store: Result<CostMapSnapshotStore, UserDirectory.Unavailable>
    var url: String

    init(client: ProxyAdminClient, proxyURL: String, environment: [String: String]) {
        self.client = client
        store = CostMapSnapshotStore.defaultRoot(environment: environment).map { CostMapSnapshotStore(root: $0, proxyURL: proxyURL) }
        url = proxyURL + Endpoint.costMap.path
    }

    /// Keeps `bytes` as the newest snapshot, or says why not (the reason alone).
    private func save(_ bytes: [UInt8]) -> Result<CostMapSnapshotStore.Snapshot, CostMapLoadError> {
        switch store {
        case .failure(let why):
            return .failure(CostMapLoadError("the cache folder is \(why)"))
        case .success(let store):
            do throws(CostMapSnapshotStore.StoreError) {
                return .success(try store.save(bytes, at: Date()))
            } catch {
                return .failure(CostMapLoadError(error.description))
            }
        }
    }

    func load(generation: Int, diffAgainst base: CostMapBase, mailbox: Mailbox, on executor: any TaskExecutor) {
        let me = self
        Task.detached(executorPreference: executor) {
            let started = Date()
            // Which snapshot is "before" is decided first: this fetch may become the newest.
            let before: CostMapSnapshotStore.Snapshot? = switch base {
            case .none: nil
            case .newestSnapshot: me.store.value?.latest()
            case .snapshot(let s): s
            }
            let bytes: [UInt8]
            switch await me.client.call(.costMap) {
            case .success(let b): bytes = b
            case .failure(let error):
                mailbox.post(.costMapLoaded(generation: generation, .failure(CostMapLoadError(error.summary)), at: Date()))
                return
            }
            mailbox.post(.costMapProgress(generation: generation, .decoding(bytes: bytes.count)))
            let map: CostMap
            do {
                map = try CostMap.parse(bytes)
            } catch {
                let why = CostMapLoadError("the proxy's cost map is not readable: \(error)")
                mailbox.post(.costMapLoaded(generation: generation, .failure(why), at: Date()))
                return
            }
            let problem = me.save(bytes).failure?.message
            var fetch = CostMapFetch(map: map, byteCount: bytes.count, url: me.url, snapshotProblem: problem,
                                     durationMs: Int(Date().timeIntervalSince(started) * 1000))
            // The old map lives only for the diff, here, never next to the new one in the UI.
            if let before, let old = try? me.store.value?.read(before), let oldMap = try? CostMap.parse(old) {
                fetch.diff = CostMapDiff(old: oldMap, new: map)
                fetch.previousSavedAt = before.savedAt
            }
            mailbox.post(.costMapLoaded(generation: generation, .success(fetch), at: Date()))
        }
    }

    /// Fetches and keeps a snapshot without decoding.
    func snapshotOnly() async -> Result<CostMapSnapshotStore.Snapshot, CostMapLoadError> {
        switch await client.call(.costMap) {
        case .success(let bytes):
            return save(bytes).mapError { CostMapLoadError("cost map snapshot not kept: \($0.message)") }
        case .failure(let error):
            return .failure(CostMapLoadError("cost map snapshot not taken: \(error.summary)"))
        }
    }
}

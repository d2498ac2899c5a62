#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ConsoleUI
import ProxyAdmin

/// The dashboard's cost-map I/O: fetch `/public/litellm_model_cost_map`, keep it as a
/// snapshot, decode it off the main thread, and hand back the snapshot from before when a
/// diff is wanted.
struct CostMapFetcher: Sendable {
    var client: ProxyAdminClient
    var store: CostMapSnapshotStore
    var url: String

    init(client: ProxyAdminClient, proxyURL: String, environment: [String: String]) {
        self.client = client
        store = CostMapSnapshotStore(root: CostMapSnapshotStore.defaultRoot(environment: environment), proxyURL: proxyURL)
        var base = proxyURL
        while base.hasSuffix("/") { base.removeLast() }
        url = base + Endpoint.costMap.path
    }

    func load(generation: Int, diffWithLastSnapshot: Bool, mailbox: Mailbox) {
        let me = self
        Task.detached {
            let started = Date()
            // The "before" side is read first: the fetch below may become the newest snapshot.
            let previous = diffWithLastSnapshot ? me.store.latest().flatMap { s in (try? me.store.read(s)).map { (s, $0) } } : nil
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
            var problem: String?
            do throws(CostMapSnapshotStore.StoreError) { try me.store.save(bytes, at: Date()) } catch { problem = error.description }
            var fetch = CostMapFetch(map: map, byteCount: bytes.count, url: me.url, snapshotProblem: problem,
                                     durationMs: Int(Date().timeIntervalSince(started) * 1000))
            if let (snapshot, old) = previous, let oldMap = try? CostMap.parse(old) {
                fetch.previous = oldMap
                fetch.previousSavedAt = snapshot.savedAt
            }
            mailbox.post(.costMapLoaded(generation: generation, .success(fetch), at: Date()))
        }
    }

    /// Fetches and keeps a snapshot without decoding; a problem comes back as text.
    func snapshotOnly() async -> String? {
        switch await client.call(.costMap) {
        case .success(let bytes):
            do {
                try store.save(bytes, at: Date())
                return nil
            } catch {
                return "cost map snapshot not kept: \(error.description)"
            }
        case .failure(let error):
            return "cost map snapshot not taken: \(error.summary)"
        }
    }
}

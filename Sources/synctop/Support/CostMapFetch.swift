import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin

/// The cost map a proxy is using now (`GET /public/litellm_model_cost_map`, no key
/// needed): the bytes as sent, for a snapshot, and parsed.
struct FetchedCostMap {
    var bytes: [UInt8]
    var map: CostMap
    var fetchedAt: Date
}

extension ConnectionOptions {
    /// Fetches and parses, or prints why not and exits as `status` does (69, 77, 70; an
    /// answer that is not a cost map is an unreadable answer, 70).
    func fetchCostMap(_ settings: ConnectionSettings, catalogOnly: Bool = false) async throws -> FetchedCostMap {
        let (client, transport) = try client(settings)
        let result = await client.call(catalogOnly ? .catalogCostMap : .costMap)
        await transport.shutdown()
        let failure: ProxyError
        switch result {
        case .success(let bytes):
            do {
                return FetchedCostMap(bytes: bytes, map: try CostMap.parse(bytes), fetchedAt: Date())
            } catch {
                failure = .badResponse("\(Endpoint.costMap.path): \(error)")
            }
        case .failure(let e):
            failure = e
        }
        printError("synctop: \(failure.summary)")
        throw ExitStatus.of(failure)
    }
}

/// Where this proxy's cost-map snapshots live (`$XDG_CACHE_HOME/synctop/cost-maps/...`),
/// or why there is no such folder.
func costMapSnapshots(proxyURL: String) -> Result<CostMapSnapshotStore, UserDirectory.Unavailable> {
    CostMapSnapshotStore.defaultRoot(environment: Environment.all()).map { CostMapSnapshotStore(root: $0, proxyURL: proxyURL) }
}

/// `models` and `price` keep what they fetched for a later `diff --since-last`. Best
/// effort: a full disk or a read-only home must not fail a read.
func saveSnapshotQuietly(_ fetched: FetchedCostMap, proxyURL: String) {
    do {
        try costMapSnapshots(proxyURL: proxyURL).get().save(fetched.bytes, at: fetched.fetchedAt)
    } catch let why as UserDirectory.Unavailable {
        printError("synctop: warning: no snapshot kept: the cache folder is \(why)")
    } catch {
        printError("synctop: warning: \(error)")
    }
}

import Synchronization

/// Gathers what a beta-header preview needs — the mapping at the source (its bytes kept,
/// to remember once a reload has loaded them) and the proxy's deployments — and computes it.
public enum BetaHeaderPreviewer {
    public struct Outcome: Sendable {
        public var preview: BetaHeaderPreview
        /// The source's bytes when they parse: what the proxy will hold after the reload.
        public var loadedBytes: [UInt8]?
        public init(preview: BetaHeaderPreview, loadedBytes: [UInt8]?) { self.preview = preview; self.loadedBytes = loadedBytes }
    }

    public static func preview(client: ProxyAdminClient, source: BetaHeaderSource, before: BetaHeaderMapping, comparedWith: String,
                               timeoutSeconds: Int, fetch: @escaping BetaHeaderLoader.Fetch = BetaHeaderLoader.liveFetch) async -> Outcome {
        let kept = Mutex<[UInt8]>([])
        let keepingFetch: BetaHeaderLoader.Fetch = { (url: String, seconds: Int) async throws(HTTPGet.Failure) -> [UInt8] in
            let bytes = try await fetch(url, seconds)
            kept.withLock { $0 = bytes }
            return bytes
        }
        let keepingRead: BetaHeaderLoader.ReadFile = { (path: String) throws(SettingsError) -> [UInt8]? in
            let bytes = try BetaHeaderLoader.liveReadFile(path)
            kept.withLock { $0 = bytes ?? [] }
            return bytes
        }
        async let info = client.call(.modelInfo)
        let loaded: Result<BetaHeaderMapping, BetaHeaderLoadError>
        do {
            loaded = .success(try await BetaHeaderLoader.loadExactly(source, fetch: keepingFetch, readFile: keepingRead, timeoutSeconds: timeoutSeconds))
        } catch {
            loaded = .failure(error)
        }
        var deployments: [Deployment] = []
        if case .success(let bytes) = await info { deployments = (try? Deployment.parseList(bytes)) ?? [] }
        let preview = BetaHeaderPreview.compute(source: source.locationText, loaded: loaded, bundled: BetaHeaderLoader.bundled,
                                                before: before, comparedWith: comparedWith, deployments: deployments)
        let bytes: [UInt8]? = (try? loaded.get()).map { _ in kept.withLock { $0 } }
        return Outcome(preview: preview, loadedBytes: source.location == .bundled ? nil : bytes)
    }
}

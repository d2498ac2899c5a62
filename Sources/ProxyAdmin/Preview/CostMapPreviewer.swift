/// Gathers what a cost-map preview needs — the proxy's source URL, its served map, its
/// deployments, the file at that URL — and computes the preview. Reads only: nothing is
/// sent that changes the proxy.
public enum CostMapPreviewer {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The proxy did not answer a read the preview needs.
        case proxy(ProxyError, what: String)
        /// synctop could not fetch the file the proxy will fetch.
        case fetch(url: String, why: String)
        /// The proxy reads its bundled copy (`LITELLM_LOCAL_MODEL_COST_MAP`): nothing to fetch.
        case localOnly

        public var description: String {
            switch self {
            case .proxy(let e, let what): "cannot read \(what) from the proxy: \(e.summary)"
            case .fetch(let url, let why):
                "synctop could not fetch \(url): \(why) — synctop may sit elsewhere in the network than the proxy, which may still reach it; give a reachable copy with --source-url"
            case .localOnly:
                "the proxy is forced to its bundled cost map (LITELLM_MODEL_COST_MAP / LITELLM_LOCAL_MODEL_COST_MAP): a reload reads that copy again, there is no file to preview"
            }
        }
    }

    /// `sourceURL` overrides the proxy's `url` (synctop may reach the file elsewhere);
    /// `version` the proxy's LiteLLM release (guessed from its answers when nil).
    /// The preview, and the served map it was computed against (after the reload, the
    /// served map's diff from this one is what happened).
    public struct Outcome: Sendable {
        public var preview: CostMapPreview
        public var served: CostMap
        public init(preview: CostMapPreview, served: CostMap) { self.preview = preview; self.served = served }
    }

    public static func preview(client: ProxyAdminClient, sourceURL override: String?, version: String?,
                               timeoutSeconds: Int) async -> Result<Outcome, Failure> {
        let source: CostMapSource
        switch await client.costMapSource() {
        case .success(let s): source = s
        case .failure(let e): return .failure(.proxy(e, what: "the cost map's source (/model/cost_map/source)"))
        }
        if override == nil, source.isEnvForced == true, source.source == "local" { return .failure(.localOnly) }
        guard let url = override ?? source.url, !url.isEmpty else {
            return .failure(.fetch(url: "(none)", why: "the proxy names no source URL"))
        }
        async let health = client.health()
        async let servedBytes = client.call(.catalogCostMap)
        async let infoBytes = client.call(.modelInfo)
        let fileResult: Result<[UInt8], HTTPGet.Failure>
        do { fileResult = .success(try await HTTPGet.fetch(url, timeoutSeconds: timeoutSeconds)) } catch { fileResult = .failure(error) }
        let served: CostMap
        switch await servedBytes {
        case .success(let bytes):
            do { served = try CostMap.parse(bytes) } catch { return .failure(.proxy(.badResponse("\(error)"), what: "the served cost map")) }
        case .failure(let e): return .failure(.proxy(e, what: "the served cost map (/public/litellm_model_cost_map)"))
        }
        var deployments: [Deployment] = []
        var deploymentsError: String?
        switch await infoBytes {
        case .success(let bytes):
            do { deployments = try Deployment.parseList(bytes) } catch { deploymentsError = error.description }
        case .failure(let e): deploymentsError = "/model/info: \(e.summary)"
        }
        let reported = (try? await health.get())?.version.flatMap(LiteLLMRelease.rules(for:))
        let release = version ?? reported ?? LiteLLMRelease.guess(source: source, served: served)
        let guessed = version == nil && reported == nil
        let bytes: [UInt8]
        switch fileResult {
        case .success(let b): bytes = b
        case .failure(let why): return .failure(.fetch(url: url, why: why.description))
        }
        let file: CostMap
        do {
            file = try CostMap.parse(bytes)
        } catch {
            let reason: String
            switch error {
            case .syntax(let e): reason = "invalid JSON: \(e)"
            case .notAnObject(let kind): reason = "expected a JSON object, got \(kind)"
            }
            return .success(Outcome(preview: CostMapPreview.unreadable(sourceURL: url, reason: reason, version: release, versionGuessed: guessed,
                                                                       servedCount: source.modelCount ?? served.modelCount), served: served))
        }
        return .success(Outcome(preview: CostMapPreview.compute(sourceURL: url, served: served, file: file, deployments: deployments,
                                                                deploymentsError: deploymentsError, version: release, versionGuessed: guessed,
                                                                proxyModelCount: source.modelCount),
                                served: served))
    }
}

extension CostMapPreview {
    /// A file LiteLLM cannot read at all: the reload would answer 502 and change nothing.
    static func unreadable(sourceURL: String, reason: String, version: String, versionGuessed: Bool, servedCount: Int) -> CostMapPreview {
        var counts = Counts(CostMapDiff(old: CostMap(entries: []), new: CostMap(entries: [])))
        counts.oldCount = servedCount
        counts.newCount = servedCount
        return CostMapPreview(sourceURL: sourceURL, version: version, versionGuessed: versionGuessed, verdict: .refused(reason),
                              fileEntries: 0, aliasRows: 0, diff: counts, anomalies: [], deploymentsChecked: 0)
    }
}

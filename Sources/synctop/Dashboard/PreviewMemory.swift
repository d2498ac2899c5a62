#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ConsoleUI
import ProxyAdmin
import Synchronization

/// The latest reload preview's full outcome (the served map it was computed against, the
/// mapping bytes it fetched), kept by the runner: the state holds only what is shown. A
/// reload sent after the preview finished takes it, to say afterwards "as previewed".
final class PreviewMemory: Sendable {
    enum Kept: Sendable {
        case costMap(CostMapPreviewer.Outcome)
        case betaHeaders(BetaHeaderPreviewer.Outcome)
    }

    private let latest = Mutex<(generation: Int, job: SyncJob?, kept: Kept?)>((0, nil, nil))

    func begin(_ generation: Int, job: SyncJob) { latest.withLock { $0 = (generation, job, nil) } }

    func finish(_ generation: Int, _ kept: Kept) {
        latest.withLock { if $0.generation == generation { $0.kept = kept } }
    }

    /// The finished preview of `job`, once.
    func take(_ job: SyncJob) -> Kept? {
        latest.withLock { value in
            guard value.job == job, let kept = value.kept else { return nil }
            value.kept = nil
            return kept
        }
    }
}

extension DashboardRunner {
    /// Reads only; on the preview thread, not the work thread, so a `y` pressed meanwhile
    /// is sent at once instead of waiting behind the preview's download.
    func startPreview(_ job: SyncJob, _ generation: Int, mailbox: Mailbox) {
        let client = client, source = mappingSource, proxy = config.proxyURL, previews = previews, costMapURL = costMapURL
        previews.begin(generation, job: job)
        Task.detached(executorPreference: previewExecutor) {
            let result: PreviewResult
            switch job {
            case .costMap:
                switch await CostMapPreviewer.preview(client: client, sourceURL: costMapURL, version: nil, timeoutSeconds: client.timeoutSeconds) {
                case .success(let o):
                    previews.finish(generation, .costMap(o))
                    result = .costMap(o.preview)
                case .failure(let f):
                    result = .failed(f.description)
                }
            case .betaHeaders:
                let (before, comparedWith) = LastSeenMapping.read(proxyURL: proxy)
                let o = await BetaHeaderPreviewer.preview(client: client, source: source, before: before, comparedWith: comparedWith,
                                                          timeoutSeconds: client.timeoutSeconds)
                previews.finish(generation, .betaHeaders(o))
                result = .betaHeaders(o.preview)
            }
            mailbox.post(.previewFinished(generation: generation, result))
        }
    }

    /// After a reload the proxy accepted: what it did against what was previewed.
    static func checkPreview(_ kept: PreviewMemory.Kept, outcome: ActionOutcome, client: ProxyAdminClient, proxy: String) async -> (text: String, warning: Bool) {
        switch kept {
        case .costMap(let o):
            guard !o.preview.refused else {
                return ("the proxy accepted a file the preview expected it to refuse: its release validates otherwise", true)
            }
            guard case .success(let bytes) = await client.call(.catalogCostMap), let map = try? CostMap.parse(bytes) else {
                return ("cannot read the served map again to compare with the preview", true)
            }
            let happened = CostMapPreview.Counts(CostMapDiff(old: o.served, new: AliasRows.served(map, version: o.preview.version)))
            let text = o.preview.compare(with: happened)
            return (text, !text.hasPrefix("as previewed"))
        case .betaHeaders(let o):
            if let warning = o.preview.check(providersCount: outcome.count, bundled: BetaHeaderLoader.bundled) { return (warning, true) }
            if let bytes = o.loadedBytes, o.preview.fallbackReason == nil { LastSeenMapping.save(bytes, proxyURL: proxy) }
            return ("as previewed (providers_count \(outcome.count.map(String.init) ?? "?"))", false)
        }
    }
}

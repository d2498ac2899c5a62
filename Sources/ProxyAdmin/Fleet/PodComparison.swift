#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What several pods of one proxy say, side by side, and where they differ — in words an
/// operator can act on. Pure: the pods' snapshots in, the disagreements out. What each pod
/// keeps in its own memory and what it shares through the database is in the shared
/// LiteLLM README ("Several pods of one proxy"): the cost-map schedule and `last_run` are
/// shared; the loaded map (`loaded_at`, `source_revision`, model count, fallback) and the
/// beta-header `last_run` are each pod's.
public enum PodComparison {
    public struct Disagreement: Equatable, Sendable {
        public var job: SyncJob
        public var field: String
        /// Pod URL → the value it reported ("—" for none).
        public var values: [(pod: String, value: String)]
        public var message: String
        /// For `source_revision`: seconds since the newest load the others have not followed.
        public var waitedSeconds: Int?

        public static func == (a: Disagreement, b: Disagreement) -> Bool {
            a.job == b.job && a.field == b.field && a.message == b.message
                && a.values.map(\.pod) == b.values.map(\.pod) && a.values.map(\.value) == b.values.map(\.value)
        }
    }

    /// LiteLLM's default `proxy_config_reload_interval_seconds`: how often a pod re-reads
    /// the shared schedule row and applies another pod's reload.
    public static let checkIntervalSeconds = 30

    public static func disagreements(_ pods: [(pod: String, snapshot: ProxySnapshot)], now: Date) -> [Disagreement] {
        let answering = pods.filter { $0.snapshot.source.value != nil || $0.snapshot.costMap.value != nil }
        guard answering.count >= 2 else { return [] }
        var out: [Disagreement] = []

        // The loaded cost map, per pod.
        let revisions = answering.map { ($0.pod, $0.snapshot.source.value?.sourceRevision ?? $0.snapshot.costMap.value?.sourceRevision) }
        if Set(revisions.map { $0.1 ?? "—" }).count > 1 {
            out.append(revisionDisagreement(answering, revisions: revisions, now: now))
        }
        let counts = answering.map { ($0.pod, $0.snapshot.source.value?.modelCount.map(String.init) ?? "—") }
        if Set(counts.map(\.1)).count > 1, Set(revisions.map { $0.1 ?? "—" }).count == 1 {
            out.append(Disagreement(job: .costMap, field: "model_count", values: counts,
                                    message: "pods serve different numbers of models from the same file: their own deployments differ (each pod adds its config's deployments)"))
        }
        let fallbacks = answering.map { ($0.pod, $0.snapshot.source.value?.fallbackReason ?? "—") }
        if Set(fallbacks.map(\.1)).count > 1 {
            let stuck = fallbacks.filter { $0.1 != "—" }.map { PodName.short($0.0) }
            out.append(Disagreement(job: .costMap, field: "fallback_reason", values: fallbacks,
                                    message: "\(stuck.joined(separator: ", ")) fell back to bundled prices while other pods loaded the source: that pod's fetch failed (only its log says why)"))
        }
        // The shared schedule: different answers mean the pods do not share one database.
        for job in SyncJob.allCases {
            let values = answering.compactMap { p in
                p.snapshot.status(of: job).value.map { (p.pod, $0.scheduled ? "every \($0.intervalHours.map(String.init) ?? "?") h" : "not scheduled") }
            }
            if Set(values.map(\.1)).count > 1 {
                out.append(Disagreement(job: job, field: "schedule", values: values,
                                        message: "pods disagree on the \(job.shortTitle.lowercased()) schedule, which lives in the shared database: are they on different databases?"))
            }
        }
        // Beta headers: each pod's own last reload.
        // Runs within two minutes of each other are one reload of every pod (`--all-pods`).
        let betaStatus = answering.compactMap { p in p.snapshot.betaHeaders.value.map { (p.pod, $0.lastRun) } }
        let betaRuns = betaStatus.map { ($0.0, $0.1.map(ProxyTimestamp.format) ?? "—") }
        let times = betaStatus.compactMap(\.1)
        let spread = (times.max() ?? .distantPast).timeIntervalSince(times.min() ?? .distantPast)
        if times.count != betaStatus.count && !times.isEmpty || spread > 120 {
            out.append(Disagreement(job: .betaHeaders, field: "last_run", values: betaRuns,
                                    message: "pods loaded the beta-header mapping at different times: a reload reaches the pod that answered it and at most one other; `synctop reload beta-headers --all-pods` reloads each"))
        }
        return out
    }

    /// "pod 10.0.0.12:4000 has not applied the 09:14 cost-map reload yet — pods re-check the
    /// database every 30 s by default; 40 s so far", or, past a few checks, that it may be
    /// failing to fetch.
    static func revisionDisagreement(_ pods: [(pod: String, snapshot: ProxySnapshot)], revisions: [(String, String?)], now: Date) -> Disagreement {
        // The newest load is the reload the others have to follow.
        let loads = pods.map { ($0.pod, $0.snapshot.source.value?.loadedAt) }
        let newest = loads.compactMap { $0.1 }.max()
        let leader = loads.first { $0.1 == newest }?.0
        let leaderRevision = revisions.first { $0.0 == leader }?.1 ?? nil
        let behind = revisions.filter { $0.1 != leaderRevision }.map { PodName.short($0.0) }
        // The reload is the first load of that revision. A pod that followed it later (its
        // own check, up to 30 s on) must not restart the clock for those still behind.
        let reload = zip(loads, revisions).filter { $0.1.1 == leaderRevision }.compactMap { $0.0.1 }.min()
        var message: String
        var waitedSeconds: Int?
        if let reload {
            let waited = Int(now.timeIntervalSince(reload))
            waitedSeconds = waited
            let when = ProxyTimestamp.clockUTC(reload)
            message = "\(behind.joined(separator: ", ")) \(behind.count == 1 ? "has" : "have") not applied the \(when) cost-map reload yet — pods re-check the database every \(checkIntervalSeconds) s by default; \(TimeText.seconds(waited)) so far"
            if waited > 4 * checkIntervalSeconds { message += ": past a few checks, its fetch may be failing (see that pod's log)" }
        } else {
            message = "pods hold different cost maps (\(behind.joined(separator: ", ")) differ)"
        }
        return Disagreement(job: .costMap, field: "source_revision", values: revisions.map { ($0.0, $0.1.map { String($0.prefix(12)) } ?? "—") },
                            message: message, waitedSeconds: waitedSeconds)
    }
}

extension ProxyTimestamp {
    /// `09:14` UTC, for messages that name a reload.
    static func clockUTC(_ date: Date) -> String {
        let s = Int(date.timeIntervalSince1970.rounded(.down))
        let h = (s / 3600) % 24, m = (s / 60) % 60
        return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m) + " UTC"
    }
}

enum TimeText {
    /// `40 s`, `3 min 5 s`.
    static func seconds(_ s: Int) -> String {
        s < 60 ? "\(max(0, s)) s" : "\(s / 60) min \(s % 60) s"
    }
}

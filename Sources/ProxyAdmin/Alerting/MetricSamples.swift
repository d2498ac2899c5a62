#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The Prometheus metrics of one round of reads, as plain values: which series, with
/// which labels, hold what. Pure (tests read it without a registry); the exporter turns it
/// into the text format. Every series carries `context` and `pod` ("" for the context's
/// service URL), job series also `job`. A value the proxy did not give is no sample.
public struct MetricSample: Equatable, Sendable {
    public var name: String
    public var labels: [(String, String)]
    public var value: Double

    public static func == (a: MetricSample, b: MetricSample) -> Bool {
        a.name == b.name && a.value == b.value && a.labels.map(\.0) == b.labels.map(\.0) && a.labels.map(\.1) == b.labels.map(\.1)
    }
}

public enum MetricSamples {
    public static let help: [String: String] = [
        "synctop_proxy_up": "1 when the target answered its health read, else 0.",
        "synctop_job_scheduled": "1 when the job is scheduled on the proxy.",
        "synctop_job_interval_seconds": "The job's schedule interval.",
        "synctop_job_last_run_timestamp_seconds": "When the job last ran (Unix time).",
        "synctop_job_next_run_timestamp_seconds": "When the proxy will run the job next (Unix time).",
        "synctop_job_overdue_seconds": "Seconds the job is past its next run (0 when not late).",
        "synctop_cost_map_models": "Models in the cost map the target serves.",
        "synctop_cost_map_fallback": "1 when the target serves its bundled prices because its fetch failed.",
        "synctop_cost_map_loaded_timestamp_seconds": "When the target loaded its cost map (Unix time).",
        "synctop_pods_agree": "1 when every pod of the context answered and agrees, else 0.",
        "synctop_poll_duration_seconds": "How long the target's four reads took.",
        "synctop_poll_errors_total": "Reads that failed, by kind (unreachable, timeout, auth, proxy).",
    ]

    public static func of(_ inputs: [CheckInput], now: Date) -> [MetricSample] {
        var out: [MetricSample] = []
        for input in inputs {
            out += target(input.service, context: input.context, pod: "", now: now)
            guard let pods = input.pods else { continue }
            for pod in pods { out += target(pod, context: input.context, pod: URLText.display(pod.url), now: now) }
            let answered = pods.compactMap { p in p.snapshot.map { (pod: p.url, snapshot: $0) } }
            let whole = pods.allSatisfy { $0.snapshot != nil && $0.errors.isEmpty }
            let agree = whole && PodComparison.disagreements(answered, now: now).isEmpty
            out.append(MetricSample(name: "synctop_pods_agree", labels: [("context", input.context)], value: agree ? 1 : 0))
        }
        return out
    }

    static func target(_ r: CheckInput.Reading, context: String, pod: String, now: Date) -> [MetricSample] {
        let base = [("context", context), ("pod", pod)]
        func s(_ name: String, _ v: Double, job: SyncJob? = nil) -> MetricSample {
            MetricSample(name: name, labels: base + (job.map { [("job", $0.jsonKey)] } ?? []), value: v)  // cost_map, as in every JSON
        }
        var out = [s("synctop_proxy_up", r.snapshot?.health.value != nil ? 1 : 0),
                   s("synctop_poll_duration_seconds", r.durationSeconds)]
        guard let snap = r.snapshot else { return out }
        for job in SyncJob.allCases {
            guard let st = snap.status(of: job).value else { continue }
            out.append(s("synctop_job_scheduled", st.scheduled ? 1 : 0, job: job))
            if let h = st.intervalHours, st.scheduled { out.append(s("synctop_job_interval_seconds", Double(h) * 3600, job: job)) }
            if let last = st.lastRun { out.append(s("synctop_job_last_run_timestamp_seconds", last.timeIntervalSince1970, job: job)) }
            if let next = st.nextRun { out.append(s("synctop_job_next_run_timestamp_seconds", next.timeIntervalSince1970, job: job)) }
            if let late = HealthCheck.overdueSeconds(st, job: job, now: now) { out.append(s("synctop_job_overdue_seconds", Double(late), job: job)) }
        }
        if let src = snap.source.value {
            if let n = src.modelCount { out.append(s("synctop_cost_map_models", Double(n))) }
            out.append(s("synctop_cost_map_fallback", src.isFallback ? 1 : 0))
            if let at = src.loadedAt { out.append(s("synctop_cost_map_loaded_timestamp_seconds", at.timeIntervalSince1970)) }
        }
        return out
    }

    /// The kind a failed read counts under in `synctop_poll_errors_total`.
    public static func errorKind(_ e: ProxyError) -> String {
        if case .timeout = e { return "timeout" }
        switch e.kind {
        case .unreachable: return "unreachable"
        case .auth: return "auth"
        case .proxy: return "proxy"
        }
    }
}

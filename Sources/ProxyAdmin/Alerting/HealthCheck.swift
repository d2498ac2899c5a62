#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `synctop check`'s judgement: one context's reads in, its findings out, worst first.
/// Pure, so every condition is tested without a proxy. Never a write: what it knows comes
/// from the four status reads of each target and what synctop itself stored.
public enum HealthCheck {
    public static func findings(_ input: CheckInput, thresholds t: CheckThresholds, now: Date) -> [CheckFinding] {
        var out = service(input, t, now: now)
        if let pods = input.pods { out += self.pods(pods, context: input.context, t, now: now) }
        return out.sorted { $0.severity > $1.severity }
    }

    /// Seconds a job is past its next run (0 when not late), nil when its status is unknown.
    public static func overdueSeconds(_ status: JobStatus?, job: SyncJob, now: Date) -> Int? {
        guard let status else { return nil }
        switch JobPhase(status: status, now: now, job: job) {
        case .overdue(let since): return max(0, Int(now.timeIntervalSince(since)))
        case .due(let since): return since.map { max(0, Int(now.timeIntervalSince($0))) } ?? 0
        default: return 0
        }
    }

    // MARK: - The service URL

    static func service(_ input: CheckInput, _ t: CheckThresholds, now: Date) -> [CheckFinding] {
        let ctx = input.context
        func f(_ s: CheckSeverity, _ code: String, _ m: String) -> CheckFinding { CheckFinding(s, context: ctx, code: code, m) }
        guard let snapshot = input.service.snapshot else {
            let e = input.service.error ?? .badResponse("no answer")
            return [f(.critical, code(e), unreachableText(e))]
        }
        var out: [CheckFinding] = []
        // A proxy that answers nothing useful to this key: one line, not four.
        if let auth = input.service.errors.first(where: { $0.kind == .auth }) {
            return [f(.critical, "key_rejected", "key rejected: \(auth.summary)")]
        }
        if case .success(let h) = snapshot.health {
            if !h.alive { out.append(f(.critical, "not_alive", "the proxy says it is not alive")) }
            if h.databaseConnected == false {
                let expected = !t.expected.isEmpty
                out.append(f(expected ? .critical : .warning, "no_database",
                             "no database: schedules and reloads need one" + (expected ? " (schedules are expected)" : "")))
            }
        }
        for (read, e) in snapshot.failedReads {
            if case .noDatabase = e, out.contains(where: { $0.code == "no_database" }) { continue }
            out.append(f(e.kind == .unreachable ? .critical : .warning, "read_failed", "\(read) read failed: \(e.summary)"))
        }
        if let source = snapshot.source.value, source.isFallback {
            out.append(f(.critical, "cost_map_fallback", "cost map on bundled prices (fetch failed: \(source.fallbackReason ?? "reason not given"))"))
        }
        for job in SyncJob.allCases {
            guard let status = snapshot.status(of: job).value else { continue }
            if let hours = t.expected[job] {
                if !status.scheduled {
                    out.append(f(.critical, "\(job.jsonKey)_unscheduled", "\(job.shortTitle.lowercased()) not scheduled (expected every \(hours) h)"))
                    continue
                }
                if let actual = status.intervalHours, actual != hours {
                    out.append(f(.warning, "\(job.jsonKey)_interval", "\(job.shortTitle.lowercased()) every \(actual) h (expected \(hours) h)"))
                }
            }
            if let late = overdueSeconds(status, job: job, now: now), late > t.warnOverdueSeconds {
                let severity: CheckSeverity = late > t.critOverdueSeconds ? .critical : .warning
                out.append(f(severity, "\(job.jsonKey)_overdue", "\(job.shortTitle.lowercased()) overdue by \(span(late))"))
            }
        }
        if let snap = input.newestSnapshot, snap.models > 0, let models = snapshot.source.value?.modelCount, models < snap.models {
            let lost = snap.models - models
            let fraction = Double(lost) / Double(snap.models)
            if fraction > t.maxDrop {
                out.append(f(.critical, "cost_map_models_dropped",
                             "cost map lost \(ModelNumberText.grouped(lost)) of \(ModelNumberText.grouped(snap.models)) models (\(percent(fraction))) since synctop's snapshot of \(minute(snap.savedAt))"))
            }
        }
        if let beta = input.betaReload, beta.answered != beta.sourceProviders {
            out.append(f(.warning, "beta_headers_fallback_suspected",
                         "beta-header reload of \(minute(beta.at)) answered providers_count \(beta.answered), its source has \(beta.sourceProviders): the proxy probably fell back to its bundled mapping"))
        }
        return out
    }

    // MARK: - Pods

    static func pods(_ pods: [CheckInput.Reading], context ctx: String, _ t: CheckThresholds, now: Date) -> [CheckFinding] {
        var out: [CheckFinding] = []
        for pod in pods {
            let name = PodName.short(pod.url)
            func f(_ s: CheckSeverity, _ code: String, _ m: String) -> CheckFinding { CheckFinding(s, context: ctx, pod: pod.url, code: code, "pod \(name): " + m) }
            guard let snapshot = pod.snapshot else {
                out.append(f(.critical, code(pod.error ?? .badResponse("no answer")), unreachableText(pod.error ?? .badResponse("no answer"))))
                continue
            }
            let failed = pod.errors
            if !failed.isEmpty {
                let timeout = failed.contains { if case .timeout = $0 { true } else { false } }
                out.append(f(.warning, timeout ? "pod_hanging" : "read_failed", "answers only part of its reads: \(failed.map(\.summary).joined(separator: "; "))"))
            }
            if let source = snapshot.source.value, source.isFallback {
                out.append(f(.critical, "cost_map_fallback", "cost map on bundled prices (fetch failed: \(source.fallbackReason ?? "reason not given"))"))
            }
        }
        let answered = pods.compactMap { p in p.snapshot.map { (pod: p.url, snapshot: $0) } }
        for d in PodComparison.disagreements(answered, now: now) {
            switch d.field {
            case "source_revision":
                let waited = d.waitedSeconds ?? Int.max
                guard waited > t.podsGraceSeconds else { continue } // still converging
                out.append(CheckFinding(.critical, context: ctx, code: "pods_revision", "pods disagree: \(d.message)"))
            case "schedule":
                out.append(CheckFinding(.critical, context: ctx, code: "pods_schedule", "pods disagree: \(d.message)"))
            case "last_run":
                out.append(CheckFinding(.warning, context: ctx, code: "pods_beta_headers", "pods disagree: \(d.message)"))
            default:
                continue // model counts (own deployments) and fallbacks (said per pod above)
            }
        }
        return out
    }

    // MARK: - Words

    static func code(_ e: ProxyError) -> String {
        switch e.kind {
        case .unreachable: "unreachable"
        case .auth: "key_rejected"
        case .proxy: "proxy_error"
        }
    }

    static func unreachableText(_ e: ProxyError) -> String {
        switch e.kind {
        case .unreachable: e.summary.hasPrefix("proxy unreachable") ? e.summary : "proxy unreachable: \(e.summary)"
        case .auth: "key rejected: \(e.summary)"
        case .proxy: e.summary
        }
    }

    /// `3h 5m`, `45m`, `30s`.
    static func span(_ seconds: Int) -> String {
        if seconds >= 3600 { return "\(seconds / 3600)h \(seconds % 3600 / 60)m" }
        if seconds >= 60 { return "\(seconds / 60)m" }
        return "\(seconds)s"
    }

    /// `2026-12-06 02:27 UTC`.
    static func minute(_ date: Date) -> String {
        let iso = ProxyTimestamp.format(date)
        return String(iso.prefix(16)).replacing("T", with: " ") + " UTC"
    }

    static func percent(_ fraction: Double) -> String {
        "\(Int((fraction * 100).rounded()))%"
    }
}

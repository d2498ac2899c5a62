/// How a write's result is told: one line for people, JSON for scripts, and for each
/// failure what to do next.
public enum ActionReport {
    public static func text(_ action: JobAction, outcome: ActionOutcome, durationMs: Int) -> String {
        var line = "\(action.job.title): \(outcome.message.isEmpty ? "done" : outcome.message)"
        var facts: [String] = []
        if case .reload(let job) = action, let n = outcome.count {
            facts.append("\(ModelNumberText.grouped(n)) \(job == .costMap ? "models" : "providers")")
        }
        facts.append("\(durationMs) ms")
        line += " (\(facts.joined(separator: ", ")))"
        return line
    }

    public static func json(_ action: JobAction, proxy: String, result: Result<ActionOutcome, ProxyError>, durationMs: Int) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("action", .string(action.verb)),
            ("job", .string(action.job.jsonKey)),
            ("proxy", .string(proxy)),
        ]
        if case .schedule(_, let h) = action { pairs.append(("hours", .int(h))) }
        pairs.append(("duration_ms", .int(durationMs)))
        switch result {
        case .success(let o):
            pairs.append(("ok", .bool(true)))
            pairs.append(("message", .string(o.message)))
            pairs.append(("count", .optional(o.count)))
            pairs.append(("timestamp", o.timestamp.map { .string(ProxyTimestamp.format($0)) } ?? .null))
        case .failure(let e):
            pairs.append(("ok", .bool(false)))
            pairs.append(("error", StatusReport.error(e)))
        }
        return .object(pairs)
    }

    /// The failure in words, with the next step.
    public static func explain(_ error: ProxyError, action: JobAction) -> String {
        switch error {
        case .noDatabase:
            "this proxy has no database; schedules and reloads need one (its /health/readiness says db: Not connected)"
        case .forbidden(let role):
            "the key's role is \(role ?? "unknown"); \(action.verb) needs a proxy_admin key"
        case .unauthorized(let why):
            "\(why) — check --key-file / LITELLM_PROXY_API_KEY"
        case .timeout(let s):
            "no answer in \(s) s; the \(action.verb) may still have happened — check with `synctop status`"
        default:
            error.summary
        }
    }
}

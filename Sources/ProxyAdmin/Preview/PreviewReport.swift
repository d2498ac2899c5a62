/// `synctop preview` (and the dashboard's confirmation dialog): the previews as lines of
/// text, anomalies first, and as JSON with stable keys.
public enum PreviewReport {
    public static func lines(_ p: CostMapPreview, proxy: String) -> [String] {
        var out = ["Preview: model cost map reload on \(proxy)",
                   "  source    \(p.sourceURL)"]
        let rules = "LiteLLM \(p.version)\(p.versionGuessed ? " (guessed from its answers; --litellm-version to set)" : "")"
        switch p.verdict {
        case .loads(let n):
            out.append("  check     loads: \(ModelNumberText.grouped(n)) entries (sample_spec not counted)\(p.aliasRows > 0 ? ", \(ModelNumberText.grouped(p.aliasRows)) alias_of rows" : "") — as \(rules) validates")
            out.append("  change    \(p.diff.summary) (\(ModelNumberText.grouped(p.diff.oldCount)) → \(ModelNumberText.grouped(p.diff.newCount)) models)")
        case .refused(let why):
            out.append("  check     REFUSED: \(why)")
            out.append("            LiteLLM will refuse this file and keep its current prices: integrity validation (\(rules)); the reload would answer 502")
        }
        if p.deploymentsChecked > 0 || p.deploymentsError != nil {
            out.append("  served    \(p.deploymentsChecked) deployment\(p.deploymentsChecked == 1 ? "" : "s") checked\(p.deploymentsError.map { " (\($0))" } ?? "")")
        }
        if !p.refused {
            if p.anomalies.isEmpty {
                out.append("  anomalies none")
            } else {
                out.append("  anomalies \(p.anomalies.count):")
                out += p.anomalies.map { "    ! \($0.text)" }
            }
        }
        return out
    }

    public static func json(_ p: CostMapPreview, proxy: String) -> JSONValue {
        var verdict: [(String, JSONValue)] = []
        switch p.verdict {
        case .loads(let n): verdict = [("loads", .bool(true)), ("entries", .int(n)), ("reason", .null)]
        case .refused(let why): verdict = [("loads", .bool(false)), ("entries", .int(p.fileEntries)), ("reason", .string(why))]
        }
        return .object([
            ("proxy", .string(proxy)),
            ("job", .string(SyncJob.costMap.jsonKey)),
            ("source", .string(p.sourceURL)),
            ("litellm_version", .string(p.version)),
            ("litellm_version_guessed", .bool(p.versionGuessed)),
            ("validation", .object(verdict)),
            ("alias_rows", .int(p.aliasRows)),
            ("added", .int(p.diff.added)), ("removed", .int(p.diff.removed)),
            ("repriced", .int(p.diff.repriced)), ("other_changed", .int(p.diff.otherChanged)),
            ("old_count", .int(p.diff.oldCount)), ("new_count", .int(p.diff.newCount)),
            ("deployments_checked", .int(p.deploymentsChecked)),
            ("deployments_error", .optional(p.deploymentsError)),
            ("anomalies", .array(p.anomalies.map { a in
                .object([("kind", .string(a.kind.rawValue)), ("model", .string(a.model)),
                         ("deployments", .array(a.deployments.map(JSONValue.string))), ("message", .string(a.text))])
            })),
        ])
    }

    public static func lines(_ p: BetaHeaderPreview, proxy: String) -> [String] {
        var out = ["Preview: Anthropic beta-header reload on \(proxy)",
                   "  source    \(p.source)"]
        if let why = p.fallbackReason {
            out.append("  check     FALLBACK: \(why)")
            out.append("            LiteLLM will load its bundled mapping instead and still answer 200 (providers_count \(p.expectedProvidersCount)); only its log says so")
        } else if let why = p.notReached {
            out.append("  check     UNKNOWN: synctop \(why)")
            out.append("            the proxy may reach it (it can sit elsewhere in the network); if it cannot either, it loads its bundled mapping and still answers 200 (providers_count \(p.expectedProvidersCount))")
            out.append("            give synctop a copy it can read: --beta-headers-url URL or --beta-headers-file PATH")
        } else {
            out.append("  check     loads: providers_count will be \(p.expectedProvidersCount)")
        }
        out.append("  against   \(p.comparedWith)")
        if p.notReached != nil { out.append("  if the proxy falls back too:") }
        if p.providers.isEmpty {
            out.append("  change    no provider receives anything different\(p.addedBetas > 0 ? " (+\(p.addedBetas) betas listed)" : "")")
        }
        for provider in p.providers {
            let used = provider.deployments.isEmpty ? "" : " — used by \(provider.deployments.joined(separator: ", "))"
            out.append("  \(provider.provider)\(used)")
            if !provider.dropped.isEmpty { out.append("    ! dropped (was forwarded): \(provider.dropped.joined(separator: ", "))") }
            for r in provider.renamed { out.append("    ~ \(r.beta) now sent as \(r.to)") }
            if !provider.nowForwarded.isEmpty { out.append("    + now forwarded: \(provider.nowForwarded.joined(separator: ", "))") }
        }
        return out
    }

    public static func json(_ p: BetaHeaderPreview, proxy: String) -> JSONValue {
        .object([
            ("proxy", .string(proxy)),
            ("job", .string(SyncJob.betaHeaders.jsonKey)),
            ("source", .string(p.source)),
            ("fallback_reason", .optional(p.fallbackReason)),
            ("source_reached", .bool(p.notReached == nil)),
            ("not_reached_reason", .optional(p.notReached)),
            ("expected_providers_count", .int(p.expectedProvidersCount)),
            ("compared_with", .string(p.comparedWith)),
            ("added_betas", .int(p.addedBetas)), ("removed_betas", .int(p.removedBetas)),
            ("providers", .array(p.providers.map { c in
                .object([("provider", .string(c.provider)), ("deployments", .array(c.deployments.map(JSONValue.string))),
                         ("dropped", .array(c.dropped.map(JSONValue.string))),
                         ("renamed", .array(c.renamed.map { .object([("beta", .string($0.beta)), ("to", .string($0.to))]) })),
                         ("now_forwarded", .array(c.nowForwarded.map(JSONValue.string)))])
            })),
        ])
    }
}

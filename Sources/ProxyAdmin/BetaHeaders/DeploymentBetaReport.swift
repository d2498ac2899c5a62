/// Output of `check-headers`: which release's rules were applied and why, then per
/// deployment (or provider) its route, the `anthropic-beta` header it sends on and the
/// `anthropic_beta` body field. Text for a terminal or a pipe, and JSON.
public enum DeploymentBetaReport {
    /// Which rules, and how synctop chose them.
    public struct Rules: Sendable, Equatable {
        /// The release whose rules apply ("1.109.1", "1.110.2").
        public var release: String
        /// "--litellm-version", "the proxy at … reports 1.110.2", or why the default applies.
        public var basis: String

        public init(release: String, basis: String) {
            self.release = release
            self.basis = basis
        }

        public var rules: BetaRules { BetaRules(release: release) }
    }

    // MARK: text

    public static func text(_ checks: [DeploymentBetaCheck], rules: Rules, placement: BetaPlacement? = nil) -> String {
        var lines = [rulesLine(rules)]
        if let first = checks.first {
            lines.append(first.betas.isEmpty ? "no betas in the line" : "betas: " + first.betas.joined(separator: ", "))
        }
        for check in checks {
            lines.append("")
            lines.append(title(check))
            if let route = routeText(check) { lines.append("  route   " + route) }
            if placement != .body { lines += headerLines(check) }
            if placement != .header { lines += placementLines("body    ", check.body, field: "the anthropic_beta body field") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func rulesLine(_ r: Rules) -> String {
        switch r.rules {
        case .perDeployment: "rules: LiteLLM \(r.release)'s, per deployment on /v1/messages (\(r.basis))"
        case .mappingOnly:
            "rules: LiteLLM \(r.release)'s, the provider's column of the mapping file (\(r.basis))"
        }
    }

    static func title(_ c: DeploymentBetaCheck) -> String {
        let t = c.target
        var where_: [String] = []
        if let model = t.model { where_.append(t.provider + "/" + model) } else if t.name != nil { where_.append(t.provider) }
        // A password in api_base is never shown.
        if let base = t.apiBase { where_.append("at " + URLText.display(base)) }
        let name = t.name ?? t.provider
        return where_.isEmpty ? name : "\(name)  " + where_.joined(separator: " ")
    }

    /// One line on how the deployment's betas are decided; nil under the column rules.
    static func routeText(_ c: DeploymentBetaCheck) -> String? {
        guard let route = c.route else {
            let column = BetaHeaderMapping.mappingOnlyColumn(c.target)
            return column.exactlyEquals(c.target.provider) ? nil : "the \(column) column"
        }
        switch route {
        case .verbatim(let config, let normalises):
            return "\(config): nothing filtered (=)" + (normalises ? ", the config sorts the betas and drops repeats" : ", sent on as is")
        case .filtered(let config, let row, let unlisted, let keep):
            var text = "\(config): the \(row) row"
            text += unlisted == .forward ? ", betas it does not list forwarded as sent (»)" : ", betas it does not list dropped"
            if let keep {
                text += keep.keeps ? "; keeps \(PerTurnControl.beta) as sent: " : "; keeps nothing: "
                text += keep.description
            }
            return text
        case .translated where c.target.provider.exactlyEquals("bedrock_converse"):
            return "the row of Bedrock's Converse route (bedrock/converse/…), which /v1/messages translates to LiteLLM's chat API"
        case .translated:
            return "no native /v1/messages config: LiteLLM translates the request to its chat API"
        case .unmodelled(let why):
            return "not modelled by synctop: \(why)"
        }
    }

    static func headerLines(_ c: DeploymentBetaCheck) -> [String] {
        if !c.proxyPassesBetas, c.route?.config != nil {
            let ifPassed = c.headerValueIfPassed.map { $0.isEmpty ? "(empty)" : $0 } ?? "the header removed"
            return ["  header  nothing of the client's: the proxy hands anthropic-beta only to anthropic, bedrock, bedrock_mantle and vertex_ai",
                    "          deployments (azure_ai and databricks on their native route); with general_settings.",
                    "          forward_client_headers_to_llm_api on it would send: \(ifPassed)"]
        }
        switch c.header {
        case .verbatim(let value):
            return ["  header  " + (value.isEmpty ? "(empty, sent on as it came)" : value)]
        case .filtered(let check):
            return placementLines("header  ", check, field: "the anthropic-beta header")
        case .notModelled(let why, let reference):
            var lines = ["  header  synctop cannot say: \(why)"]
            let said = reference.removesField ? "nothing" : reference.forwardedLine
            lines.append("          (the \(reference.resolvedProvider) column alone would forward: \(said))")
            return lines
        }
    }

    static func placementLines(_ label: String, _ check: BetaHeaderCheck, field: String) -> [String] {
        var lines: [String] = []
        if check.removesField {
            let why = check.hasColumn || !check.passedUnlisted.isEmpty ? "nothing left" : "no \(check.resolvedProvider) column: nothing passes"
            lines.append("  \(label)removes \(field) (\(why))")
        } else {
            lines.append("  \(label)\(check.forwardedLine)")
        }
        let indent = "          "
        if !check.kept.isEmpty { lines.append(indent + "kept     " + check.kept.joined(separator: ", ") + " (the model's own, as sent)") }
        if !check.passedUnlisted.isEmpty {
            lines.append(indent + "as sent  " + check.passedUnlisted.joined(separator: ", ") + " (not in the \(check.resolvedProvider) row)")
        }
        if !check.renamed.isEmpty { lines.append(indent + "renamed  " + check.renamed.map { "\($0.beta) → \($0.to)" }.joined(separator: ", ")) }
        if !check.dropped.isEmpty {
            lines.append(indent + "dropped  " + check.dropped.map { d in
                let reason = d.isHeaderOnly && d.reason == .unknown ? "header-only" : d.reason.rawValue
                return "\(d.beta) (\(reason))"
            }.joined(separator: ", "))
        }
        return lines
    }

    // MARK: JSON

    /// `{"source": {...}, "litellm_version", "litellm_version_basis", "checks": [...]}`: the
    /// mapping the checks were made against (as `mappings --json` names it; null when not
    /// given), whose rules and why, then one object per check and placement with
    /// `check-headers`' documented keys (provider, placement, forwarded, dropped, renamed,
    /// resolved_provider, removed) and the rules'.
    public static func json(_ checks: [DeploymentBetaCheck], rules: Rules, placement: BetaPlacement? = nil,
                            load: BetaHeaderLoad? = nil) -> JSONValue {
        var out: [JSONValue] = []
        for c in checks {
            if placement != .body { out.append(object(c, .header, rules)) }
            if placement != .header { out.append(object(c, .body, rules)) }
        }
        return .object([
            ("source", load.map(BetaHeaderReport.sourceJSON) ?? .null),
            ("litellm_version", .string(rules.release)),
            ("litellm_version_basis", .string(rules.basis)),
            ("checks", .array(out)),
        ])
    }

    static func object(_ c: DeploymentBetaCheck, _ placement: BetaPlacement, _ rules: Rules) -> JSONValue {
        let check: BetaHeaderCheck
        var forwarded: [String]
        var note: String?
        var headerValue: String?
        switch (placement, c.header) {
        case (.body, _):
            check = c.body
            forwarded = check.forwarded
        case (.header, .verbatim(let value)):
            check = BetaHeaderCheck(provider: c.target.provider, resolvedProvider: c.target.provider, placement: .header, betas: c.betas,
                                    forwarded: [], dropped: [], renamed: [], hasColumn: true)
            forwarded = BetaHeaderLine.parts(value)
            headerValue = value
        case (.header, .filtered(let filtered)):
            check = filtered
            forwarded = filtered.forwarded
            headerValue = c.headerValue
        case (.header, .notModelled(let why, let reference)):
            check = reference
            forwarded = reference.forwarded
            note = why
        }
        var keepBasis: String?
        var config: String?
        var row: String? = check.resolvedProvider
        var unlisted = UnlistedBetas.drop
        let routeName: String
        switch c.route {
        case nil: routeName = "column"
        case .verbatim(let name, _)?: routeName = "verbatim"; config = name; if placement == .header { row = nil }
        case .filtered(let name, _, let u, let keep)?:
            routeName = "filtered"; config = name; keepBasis = keep?.description
            if placement == .header { unlisted = u }
        case .translated?: routeName = "translated"
        case .unmodelled?: routeName = "unmodelled"
        }
        var pairs: [(String, JSONValue)] = [
            ("provider", .string(c.target.provider)),
            ("placement", .string(placement.rawValue)),
            ("forwarded", .array(forwarded.map(JSONValue.string))),
            ("dropped", .array(check.dropped.map { d in
                .object([("beta", .string(d.beta)), ("reason", .string(d.reason.rawValue)), ("header_only", .bool(d.isHeaderOnly))])
            })),
            ("renamed", .array(check.renamed.map { .object([("beta", .string($0.beta)), ("to", .string($0.to))]) })),
            ("resolved_provider", .string(check.resolvedProvider)),
            ("removed", .bool(placement == .header && note == nil ? headerValue == nil || !c.proxyPassesBetas : forwarded.isEmpty)),
            ("rules", .string(rules.release)),
            ("rules_basis", .string(rules.basis)),
            ("deployment", .optional(c.target.name)),
            ("model", .optional(c.target.model)),
            ("api_base", .optional(c.target.apiBase.map(URLText.display))),
            ("route", .string(routeName)),
            ("config", .optional(config)),
            ("row", .optional(row)),
            ("unlisted", .string(unlisted.rawValue)),
            ("kept", .array(check.kept.map(JSONValue.string))),
            ("keep_basis", .optional(placement == .header ? keepBasis : nil)),
            ("forwarded_unlisted", .array(check.passedUnlisted.map(JSONValue.string))),
        ]
        if placement == .header {
            pairs.append(("header_value", .optional(c.proxyPassesBetas ? headerValue : nil)))
            pairs.append(("proxy_passes_header", .bool(c.proxyPassesBetas)))
            pairs.append(("header_value_if_passed", .optional(headerValue)))
        }
        pairs.append(("note", .optional(note)))
        return .object(pairs)
    }
}

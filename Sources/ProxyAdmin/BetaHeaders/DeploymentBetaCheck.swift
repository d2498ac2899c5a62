/// What one deployment (or one provider) receives for one `anthropic-beta` line under one
/// release's rules: the HTTP header on `/v1/messages` and the `anthropic_beta` body field.
public struct DeploymentBetaCheck: Sendable, Equatable {
    public enum Header: Sendable, Equatable {
        /// Nothing filtered: the value sent on (the line as sent, a pasted `anthropic-beta:`
        /// prefix removed, or its distinct betas sorted when the config rewrites it).
        case verbatim(String)
        /// Filtered: the check says what is left.
        case filtered(BetaHeaderCheck)
        /// Not decided by the filter synctop repeats (translated or unmodelled route): why,
        /// and the row's plain answer for reference.
        case notModelled(String, reference: BetaHeaderCheck)
    }

    public var target: BetaTarget
    public var rules: BetaRules
    /// 1.110.2's route; nil under the mapping-only rules.
    public var route: MessagesRoute?
    /// The betas read from the line, in order, duplicates kept.
    public var betas: [String]
    /// What the handler makes of the header when it gets one.
    public var header: Header
    /// The proxy hands the client's header to this deployment's handler (1.110.2: not to
    /// every provider by default; see `MessagesRoute.proxyPassesClientBetas`).
    public var proxyPassesBetas = true
    /// The `anthropic_beta` body field given the line's betas as a list: the deployment's
    /// row (`resolve_beta_provider` in 1.110.2), body placement, unlisted dropped, nothing kept.
    public var body: BetaHeaderCheck

    /// The header's value as sent on; nil when LiteLLM removes it, the proxy does not pass
    /// it on, or synctop cannot say.
    public var headerValue: String? {
        proxyPassesBetas ? headerValueIfPassed : nil
    }

    /// The header's value if the proxy passes the client's header on.
    public var headerValueIfPassed: String? {
        switch header {
        case .verbatim(let line): line
        case .filtered(let c): c.removesField ? nil : c.forwardedLine
        case .notModelled: nil
        }
    }
}

extension BetaHeaderMapping {
    /// `line` for `target` under `rules`.
    public func check(line: String, target: BetaTarget, rules: BetaRules) -> DeploymentBetaCheck {
        let betas = BetaHeaderLine.parts(line)
        switch rules {
        case .mappingOnly:
            let column = Self.mappingOnlyColumn(target)
            return DeploymentBetaCheck(
                target: target, rules: rules, route: nil, betas: betas,
                header: .filtered(check(betas: betas, provider: column, placement: .header, options: .plain)),
                body: check(betas: betas, provider: column, placement: .body, options: .plain))
        case .perDeployment:
            let route = MessagesRoute.of(target)
            let bodyRow = MessagesRoute.resolveBetaProvider(target.provider, apiBase: target.apiBase)
            let body = check(betas: betas, provider: bodyRow, placement: .body, options: .plain)
            let header: DeploymentBetaCheck.Header
            switch route {
            case .verbatim(_, let normalises):
                // `_update_headers_with_anthropic_beta` leaves a header with no beta as it is.
                let sent = String(Substring(BetaHeaderLine.withoutPrefix(line)))
                header = .verbatim(normalises && !betas.isEmpty ? Self.distinctSorted(betas).joined(separator: ",") : sent)
            case .filtered(_, let row, let unlisted, _):
                header = .filtered(check(betas: betas, provider: row, placement: .header,
                                         options: BetaFilterOptions(unlisted: unlisted, keep: route.keep)))
            case .translated:
                header = .notModelled("LiteLLM translates /v1/messages for this deployment to its chat API, where this filter does not run",
                                      reference: check(betas: betas, provider: Self.mappingOnlyColumn(target), placement: .header, options: .plain))
            case .unmodelled(let why):
                header = .notModelled(why, reference: check(betas: betas, provider: Self.mappingOnlyColumn(target), placement: .header, options: .plain))
            }
            var result = DeploymentBetaCheck(target: target, rules: rules, route: route, betas: betas, header: header, body: body)
            result.proxyPassesBetas = MessagesRoute.proxyPassesClientBetas(target)
            return result
        }
    }

    /// `sorted(set(betas))`: distinct by code point, in code-point order.
    static func distinctSorted(_ betas: [String]) -> [String] {
        Set(betas.map(ExactKey.init)).map(\.string).sorted { $0.precedesByCodePoint($1) }
    }

    /// The column 1.100.5 and 1.109.1 filter a deployment with: its provider's; Bedrock's
    /// Converse route takes `bedrock_converse`.
    public static func mappingOnlyColumn(_ target: BetaTarget) -> String {
        if target.provider.exactlyEquals("bedrock"), let m = target.model, m.startsWithExactly("converse/") { return "bedrock_converse" }
        return target.provider
    }
}

import ArgumentParser
import ProxyAdmin

/// `synctop check-headers "<line>"`: what each provider — or one deployment, or every
/// deployment the proxy serves — receives for an anthropic-beta line, by the rules of the
/// proxy's LiteLLM release.
struct CheckHeadersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-headers",
        abstract: "What LiteLLM forwards to each provider or deployment for an anthropic-beta header line.",
        discussion: """
        The line is split on commas and trimmed; an "anthropic-beta:" prefix is accepted. The rules are \
        the proxy's LiteLLM release's: --litellm-version, else the version the proxy reports (readiness \
        says it only with a database), else 1.109.1's; the first line says which. Up to 1.109.1 the \
        provider's column of the mapping decides: betas not in it, or null, are dropped, the rest renamed, \
        deduplicated and sorted; the anthropic_beta body field differs by the <provider>_header_only \
        columns. From 1.110.2 /v1/messages decides per deployment: native Anthropic, GitHub Copilot, \
        Bedrock Claude Platform, Bedrock Mantle and OpenAI-like endpoints get the betas unfiltered (but the \
        proxy hands the client's header only to anthropic, bedrock, bedrock_mantle, vertex_ai, azure_ai and \
        databricks deployments unless general_settings.forward_client_headers_to_llm_api is on); an \
        anthropic deployment on an Azure AI Foundry host (--api-base) takes the azure_ai row and forwards \
        betas that row does not list; Bedrock Invoke Claude 4.5 and newer (--model) keep \
        per-turn-control-2026-07-01. Without --model a Claude model on the provider's usual route is \
        assumed. --deployments asks the proxy's /model/info and answers for each deployment. The mapping \
        is read as `synctop mappings` reads it. Exit codes: 0 ok, 64 usage (empty line), and as for \
        status when --deployments cannot read the proxy.
        """
    )

    @Argument(help: ArgumentHelp("The anthropic-beta header value, e.g. \"context-1m-2025-08-07,files-api-2025-04-14\".", valueName: "line"))
    var line: String

    @Option(help: ArgumentHelp("Only this provider (an alias, or a name without a column, works too).", valueName: "provider"))
    var provider: String?

    @Option(help: ArgumentHelp("The deployment's model, as in litellm_params.model (bedrock/invoke/us.anthropic.claude-...); its prefix names the provider.", valueName: "name"))
    var model: String?

    @Option(help: ArgumentHelp("The deployment's api_base (an Azure AI Foundry host changes an anthropic deployment's row in 1.110.2).", valueName: "url"))
    var apiBase: String?

    @Flag(help: "Answer for every deployment the proxy serves (its /model/info).")
    var deployments = false

    @Option(help: ArgumentHelp("Only this placement: header or body.", valueName: "placement"))
    var placement: PlacementArgument?

    @Option(help: ArgumentHelp("Apply this LiteLLM release's rules (1.100.5, 1.109.1, 1.110.2; default: the proxy's reported version, else 1.109.1).", valueName: "version"))
    var litellmVersion: String?

    @Flag(help: "Write JSON: {\"source\": {\"location\", \"origin\", \"bundled\", \"fallback_reason\"}, \"litellm_version\", \"litellm_version_basis\", \"checks\": [{\"provider\", \"placement\", \"forwarded\": [...], \"dropped\": [{\"beta\", \"reason\"}], \"renamed\", \"rules\", \"route\", \"row\", \"header_value\", ...}]}.")
    var json = false

    @OptionGroup var source: MappingSourceOptions
    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard !BetaHeaderLine.parts(line).isEmpty else { throw ValidationError("the header line holds no beta") }
        if let v = litellmVersion, CostMapValidation.bundledEntries[v] == nil {
            throw ValidationError("--litellm-version: \(v) is not one synctop knows (\(CostMapValidation.bundledEntries.keys.sorted().joined(separator: ", ")))")
        }
        if deployments, provider != nil || model != nil || apiBase != nil {
            throw ValidationError("--deployments answers for the proxy's deployments: give it without --provider, --model and --api-base")
        }
    }

    func run() async throws {
        let config = try connection.loadConfig(printWarnings: true)
        let timeout = try connection.timeoutSeconds()
        let load = await BetaHeaderLoader.load(source.source(config: config), fetch: { (url: String, seconds: Int) async throws(HTTPGet.Failure) -> [UInt8] in
            try await DownloadProgress.fetch(url, timeoutSeconds: seconds)
        }, timeoutSeconds: timeout)
        if let failure = load.failure {
            printError("synctop: warning: \(failure); checking against synctop's bundled copy, which may differ from what the proxy loaded")
        }
        let mapping = load.mapping
        let proxy = try await readProxy()
        let rules = chooseRules(reported: proxy.version, why: proxy.why)
        let targets: [BetaTarget]
        if deployments {
            targets = try proxy.targets()
        } else if let one = BetaTarget.fromFlags(provider: provider, model: model, apiBase: apiBase) {
            targets = [one]
        } else {
            targets = mapping.providers.map { BetaTarget(provider: $0, model: model, apiBase: apiBase) }
        }
        let checks = targets.map { mapping.check(line: line, target: $0, rules: rules.rules) }
        if json {
            printOut(DeploymentBetaReport.json(checks, rules: rules, placement: placement?.value, load: load).rendered(pretty: true))
        } else {
            printOut(DeploymentBetaReport.text(checks, rules: rules, placement: placement?.value), terminator: "")
        }
    }

    /// What the proxy said: its version, and with --deployments its deployments.
    struct ProxyAnswers {
        var version: String?
        /// Why there is no version (for the rules line).
        var why: String
        var deployments: Result<[Deployment], ExitCode>?

        func targets() throws -> [BetaTarget] {
            guard let deployments else { return [] }
            let all = try deployments.get()
            let targets = all.compactMap(BetaTarget.init(deployment:))
            for d in all where BetaTarget(deployment: d) == nil {
                printError("synctop: warning: deployment \(d.modelName) (\(d.model)) names no provider; left out")
            }
            return targets
        }
    }

    /// Asks the proxy for its version (readiness) unless --litellm-version says it, and for
    /// its deployments with --deployments. Without --url, --context or --deployments a proxy
    /// that cannot be reached only means the default rules.
    func readProxy() async throws -> ProxyAnswers {
        let explicit = !connection.urls.isEmpty || connection.context != nil || deployments
        guard litellmVersion == nil || deployments else { return ProxyAnswers(why: "--litellm-version") }
        let settings: ConnectionSettings
        if explicit {
            settings = try connection.settings()
        } else {
            guard let quiet = try? connection.settings(quiet: true) else {
                return ProxyAnswers(why: "no proxy configured to ask its version")
            }
            settings = quiet
        }
        let (client, transport) = try connection.client(settings, readOnly: true)
        defer { Task { await transport.shutdown() } }
        async let health = client.health()
        var answers = ProxyAnswers(why: "")
        if deployments {
            switch await client.call(.modelInfo) {
            case .success(let bytes):
                do { answers.deployments = .success(try Deployment.parseList(bytes)) } catch {
                    printError("synctop: \(settings.proxyName): \(error)")
                    answers.deployments = .failure(ExitStatus.proxy)
                }
            case .failure(let e):
                printError("synctop: cannot read the deployments (/model/info) from \(settings.proxyName): \(e.summary)")
                answers.deployments = .failure(ExitStatus.of(e))
            }
        }
        switch await health {
        case .success(let h):
            answers.version = h.version
            if h.version == nil { answers.why = "the proxy at \(settings.proxyName) does not report its version (readiness has it only with a database)" }
        case .failure(let e):
            answers.why = "the proxy at \(settings.proxyName) did not answer: \(e.summary)"
        }
        return answers
    }

    /// --litellm-version, else the reported version's rules, else 1.109.1's, with why.
    func chooseRules(reported: String?, why: String) -> DeploymentBetaReport.Rules {
        if let v = litellmVersion { return .init(release: v, basis: "--litellm-version \(v)") }
        if let reported, let known = LiteLLMRelease.rules(for: reported) {
            return .init(release: known, basis: known == reported ? "the proxy reports \(reported)" : "the proxy reports \(reported): \(known)'s rules, the newest synctop knows not newer")
        }
        let hint = "--litellm-version \(BetaRules.perDeploymentSince) for its per-deployment rules"
        if let reported { return .init(release: "1.109.1", basis: "the proxy reports \(reported), older than any release synctop knows; \(hint)") }
        return .init(release: "1.109.1", basis: "default: \(why); \(hint)")
    }
}

enum PlacementArgument: String, ExpressibleByArgument, CaseIterable {
    case header, body
    var value: BetaPlacement { self == .header ? .header : .body }
}

import ArgumentParser
import ProxyAdmin

/// `synctop check-headers "<line>"`: what each provider would receive, as LiteLLM's
/// `filter_and_transform_beta_headers` decides it.
struct CheckHeadersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-headers",
        abstract: "What LiteLLM would forward to each provider for an anthropic-beta header line.",
        discussion: """
        The line is split on commas and trimmed; an "anthropic-beta:" prefix is accepted. For each \
        provider column of the mapping (or only --provider, resolved through provider_aliases; a \
        provider without a column forwards nothing) and each placement — the anthropic-beta HTTP header \
        and the anthropic_beta body field, which differ by the <provider>_header_only columns — it \
        prints what is forwarded, what is renamed, and what is dropped and why (unknown, unsupported). \
        The mapping is read as `synctop mappings` reads it. Exit codes: 0 ok, 64 usage (empty line).
        """
    )

    @Argument(help: ArgumentHelp("The anthropic-beta header value, e.g. \"context-1m-2025-08-07,files-api-2025-04-14\".", valueName: "line"))
    var line: String

    @Option(help: ArgumentHelp("Only this provider (an alias, or a name without a column, works too).", valueName: "provider"))
    var provider: String?

    @Option(help: ArgumentHelp("Only this placement: header or body.", valueName: "placement"))
    var placement: PlacementArgument?

    @Flag(help: "Write JSON: [{\"provider\", \"placement\", \"forwarded\": [...], \"dropped\": [{\"beta\", \"reason\"}], \"renamed\"}].")
    var json = false

    @OptionGroup var source: MappingSourceOptions
    @OptionGroup var download: TimeoutOption
    @OptionGroup var configFile: ConfigOption

    func validate() throws {
        guard !BetaHeaderLine.parts(line).isEmpty else { throw ValidationError("the header line holds no beta") }
    }

    func run() async throws {
        let load = await BetaHeaderLoader.load(source.source(config: try configFile.load(printWarnings: true)),
                                               fetch: download.fetch, timeoutSeconds: download.seconds)
        if let failure = load.failure {
            printError("synctop: warning: \(failure); checking against synctop's bundled copy, which may differ from what the proxy loaded")
        }
        let mapping = load.mapping
        var checks = provider.map { p in BetaPlacement.allCases.map { mapping.check(line: line, provider: p, placement: $0) } }
            ?? mapping.checkAll(line: line)
        if let placement { checks = checks.filter { $0.placement == placement.value } }
        if json {
            printOut(BetaHeaderReport.checkJSON(checks).rendered(pretty: true))
        } else {
            printOut(BetaHeaderReport.checkText(checks), terminator: "")
        }
    }
}

enum PlacementArgument: String, ExpressibleByArgument, CaseIterable {
    case header, body
    var value: BetaPlacement { self == .header ? .header : .body }
}

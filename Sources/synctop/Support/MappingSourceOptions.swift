import ArgumentParser
import ProxyAdmin

/// Where the beta-header mapping is read: the proxy does not expose the one it loaded,
/// so synctop reads the same source the proxy does.
struct MappingSourceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("URL of the beta-header mapping (default: LITELLM_ANTHROPIC_BETA_HEADERS_URL, then LiteLLM's GitHub URL).",
                               valueName: "url"))
    var betaHeadersURL: String?

    @Option(help: ArgumentHelp("Read the beta-header mapping from this file instead.", valueName: "path"))
    var betaHeadersFile: String?

    func validate() throws {
        if betaHeadersURL != nil, betaHeadersFile != nil {
            throw ValidationError("give --beta-headers-url or --beta-headers-file, not both")
        }
    }

    /// The source, with `fallbackURL` (the demo's simulator) in place of LiteLLM's default.
    func source(fallbackURL: String? = nil) -> BetaHeaderSource {
        let resolved = BetaHeaderSource.resolve(fileFlag: betaHeadersFile, urlFlag: betaHeadersURL, environment: Environment.all())
        if let fallbackURL, resolved.origin == .defaultValue { return BetaHeaderSource(location: .url(fallbackURL), origin: .urlFlag) }
        return resolved
    }
}

import ArgumentParser
import ConsoleUI
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

    /// The source, with `fallbackURL` (the demo's simulator) in place of LiteLLM's default;
    /// the config file's `beta_headers_file` / `beta_headers_url` come after flags and
    /// environment, before the default.
    func source(fallbackURL: String? = nil, config: ConfigFile = ConfigFile()) -> BetaHeaderSource {
        let resolved = BetaHeaderSource.resolve(fileFlag: betaHeadersFile, urlFlag: betaHeadersURL, environment: Environment.all())
        guard resolved.origin == .defaultValue else { return resolved }
        if let file = config.betaHeadersFile { return BetaHeaderSource(location: .file(file), origin: .configFile) }
        if let url = config.betaHeadersURL { return BetaHeaderSource(location: .url(url), origin: .configFile) }
        if let fallbackURL { return BetaHeaderSource(location: .url(fallbackURL), origin: .urlFlag) }
        return resolved
    }
}

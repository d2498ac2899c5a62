import ArgumentParser
import ProxyAdmin

/// `synctop mappings [--provider P] [--json]` and `synctop mappings diff OLD NEW`.
struct MappingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mappings",
        abstract: "Print the Anthropic beta-header mapping: which beta each provider forwards, renames or drops.",
        discussion: """
        The proxy does not expose the mapping it loaded, so synctop reads the same source: \
        --beta-headers-file, --beta-headers-url, LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS=true (the bundled \
        copy), LITELLM_ANTHROPIC_BETA_HEADERS_URL, else LiteLLM's GitHub URL. When the source cannot be \
        read or fails LiteLLM's validation, synctop's bundled copy is printed and a warning says so. \
        Exit codes: 0 ok (also with the bundled copy), 64 usage (unknown --provider).
        """,
        subcommands: [Show.self, Diff.self],
        defaultSubcommand: Show.self
    )

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the mapping (the default).")

        @Option(help: ArgumentHelp("Only this provider's column (an alias in provider_aliases works too).", valueName: "provider"))
        var provider: String?

        @Flag(help: "Write JSON: {\"source\", \"providers\", \"betas\": [{\"beta\", \"supported_by\", \"cells\"}], ...}.")
        var json = false

        @OptionGroup var source: MappingSourceOptions
        @OptionGroup var download: TimeoutOption
    @OptionGroup var configFile: ConfigOption

        func run() async throws {
            let load = await BetaHeaderLoader.load(source.source(config: try configFile.load(printWarnings: true)),
                                                   fetch: download.fetch, timeoutSeconds: download.seconds)
            if let failure = load.failure {
                printError("synctop: warning: \(failure); showing synctop's bundled copy, which may differ from what the proxy loaded")
            }
            let mapping = load.mapping
            if let provider {
                guard mapping.hasProvider(mapping.resolve(provider: provider)) else {
                    printError("synctop: no column for provider \"\(provider)\"; the mapping has: \(mapping.providers.joined(separator: ", "))")
                    throw ExitStatus.usage
                }
            }
            if json {
                printOut(BetaHeaderReport.mappingsJSON(mapping, provider: provider, load: load).rendered(pretty: true))
            } else {
                printOut(BetaHeaderReport.mappingsText(mapping, provider: provider, load: load), terminator: "")
            }
        }
    }

    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "What changed between two mappings (files or http(s) URLs): betas, columns, cells, aliases.",
            discussion: "Exit codes: 0 ok (with or without differences), 64 unreadable file, 65 not a valid mapping, 69 URL unreachable."
        )

        @Argument(help: ArgumentHelp("The old mapping: a file or an http(s) URL.", valueName: "old"))
        var old: String

        @Argument(help: ArgumentHelp("The new mapping: a file or an http(s) URL.", valueName: "new"))
        var new: String

        @Flag(help: "Write JSON: {\"old\", \"new\", \"added_betas\", \"removed_betas\", \"added_columns\", ...}.")
        var json = false

        @OptionGroup var download: TimeoutOption

        func run() async throws {
            let before = try await loadExactly(old, download)
            let after = try await loadExactly(new, download)
            let diff = BetaHeaderDiff(from: before, to: after)
            if json {
                printOut(BetaHeaderReport.diffJSON(diff, old: old, new: new).rendered(pretty: true))
            } else {
                printOut(BetaHeaderReport.diffText(diff, old: old, new: new), terminator: "")
            }
        }
    }
}

/// A `diff` argument, read as given: no fallback to the bundled copy.
func loadExactly(_ argument: String, _ download: TimeoutOption) async throws -> BetaHeaderMapping {
    let source = BetaHeaderSource.argument(argument)
    let mapping: BetaHeaderMapping
    do {
        mapping = try await BetaHeaderLoader.loadExactly(source, fetch: download.fetch, timeoutSeconds: download.seconds)
    } catch {
        printError("synctop: \(error)")
        switch error {
        case .invalid: throw ExitStatus.dataError
        case .unreadable: throw source.location == .file(argument) ? ExitStatus.usage : ExitStatus.unreachable
        case .notReached: throw ExitStatus.unreachable
        }
    }
    if let problem = mapping.shapeProblem() {
        printError("synctop: \(argument) is \(problem)")
        throw ExitStatus.dataError
    }
    return mapping
}

import ArgumentParser
import ProxyAdmin

/// `synctop models [--filter S] [--sort COL] [--reverse] [--json]`: every model of the
/// cost map the proxy is using, one per line.
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List every model of the proxy's cost map: provider, mode, prices per 1M tokens, context window.",
        discussion: """
        Reads GET /public/litellm_model_cost_map (no key needed). Prices are dollars per 1M tokens \
        (input_cost_per_token × 1,000,000); "-" means the map has no such value. What was fetched \
        is kept as a snapshot for `synctop diff --since-last`. \
        Exit codes: 0 ok (also when nothing matches), 64 usage, 69 unreachable, 77 auth, 70 proxy-side error.
        """
    )

    @Option(help: ArgumentHelp("Only models whose name or provider contains this (case-insensitive).", valueName: "text"))
    var filter: String = ""

    @Option(help: ArgumentHelp("Sort by this column: \(ModelColumn.allCases.map(\.rawValue).joined(separator: ", ")). "
                               + "Names A→Z, numbers largest first; missing values last.", valueName: "column"))
    var sort: ModelColumn = .model

    @Flag(help: "Reverse the sort order (missing values stay last).")
    var reverse = false

    @Flag(help: "Write JSON: {\"proxy\", \"total\", \"count\", \"models\": [{\"model\", \"provider\", \"mode\", \"input_per_million\", ...}]}.")
    var json = false

    @Flag(help: "Only the fetched catalog: leave out what the proxy registers at run time (an entry per deployment id). LiteLLM 1.109.1 and newer; older ones ignore it.")
    var catalogOnly = false

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let settings = try connection.settings(warnKeyInClear: false)
        let fetched = try await connection.fetchCostMap(settings, catalogOnly: catalogOnly)
        // A snapshot is the whole served map, the baseline `diff --since-last` compares.
        if !catalogOnly { saveSnapshotQuietly(fetched, proxyURL: settings.proxyName) }
        let query = ModelQuery(filter: filter, sort: sort, descending: sort.descendingByDefault != reverse)
        let rows = query.rows(of: fetched.map)
        if json {
            printOut(CostMapReport.modelsJSON(fetched.map, rows: rows, query: query, proxy: settings.proxyName).rendered(pretty: true))
        } else {
            printOut(CostMapReport.modelsText(fetched.map, rows: rows), terminator: "")
            if rows.isEmpty { printError("synctop: no model matches \"\(filter)\" (\(ModelNumberText.grouped(fetched.map.modelCount)) models)") }
        }
    }
}

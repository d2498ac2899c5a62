import ArgumentParser
import ProxyAdmin

/// `synctop price MODEL [--json]`: every field the proxy's cost map holds for one model,
/// to verify what a request will be charged.
struct PriceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "price",
        abstract: "Print every field of one model in the proxy's cost map (verify pricing).",
        discussion: """
        The name must match exactly (as the proxy looks it up). Each field is printed as the map \
        holds it, then each per-token price × 1M as a derived line. What was fetched is kept as a \
        snapshot for `synctop diff --since-last`. \
        Exit codes: 0 ok, 66 no such model (up to 10 close names are printed on stderr), \
        64 usage, 69 unreachable, 77 auth, 70 proxy-side error.
        """
    )

    @Argument(help: ArgumentHelp("The model name, as in `synctop models`.", valueName: "model"))
    var model: String

    @Flag(help: "Write JSON: the table's columns, then \"entry\" with every field as given.")
    var json = false

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let settings = try connection.settings(warnKeyInClear: false)
        let fetched = try await connection.fetchCostMap(settings)
        saveSnapshotQuietly(fetched, proxyURL: settings.proxyName)
        guard let entry = fetched.map[model] else {
            let close = fetched.map.suggestions(for: model)
            var message = "synctop: no model \"\(model)\" in the cost map (\(fetched.map.entries.count) models)"
            if !close.isEmpty { message += "; did you mean:\n" + close.map { "  " + $0 }.joined(separator: "\n") }
            printError(message)
            throw ExitStatus.notFound
        }
        if json {
            printOut(CostMapReport.priceJSON(entry, proxy: settings.proxyName).rendered(pretty: true))
        } else {
            printOut(CostMapReport.priceText(entry), terminator: "")
        }
    }
}

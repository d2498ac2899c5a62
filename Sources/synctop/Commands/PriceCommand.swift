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
            var message = "synctop: no model \"\(model)\" in the cost map (\(ModelNumberText.grouped(fetched.map.modelCount)) models)"
            if !close.isEmpty { message += "; did you mean:\n" + close.map { "  " + $0 }.joined(separator: "\n") }
            printError(message)
            throw ExitStatus.notFound
        }
        // A pointer row's prices are its target's.
        let shown = entry.aliasOf.flatMap { fetched.map[$0] }.flatMap { $0.aliasOf == nil ? $0 : nil } ?? entry
        let notes = CostMapReport.notes(entry, in: fetched.map)
        if json {
            var doc = CostMapReport.priceJSON(shown, proxy: settings.proxyName)
            if case .object(var pairs) = doc {
                pairs.insert(("alias_of", .optional(entry.aliasOf)), at: 1)
                pairs.insert(("notes", .array(notes.map(JSONValue.string))), at: 2)
                doc = .object(pairs)
            }
            printOut(doc.rendered(pretty: true))
        } else {
            for note in notes { printOut("# " + note) }
            printOut(CostMapReport.priceText(shown), terminator: "")
        }
    }
}

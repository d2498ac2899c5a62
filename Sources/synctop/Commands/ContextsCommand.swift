import ArgumentParser
import ConsoleUI
import ProxyAdmin

/// `synctop contexts`: the proxies config.toml names, the current one marked. Reads the
/// config only; sends nothing.
struct ContextsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contexts",
        abstract: "List the proxies (contexts) of config.toml; * marks the current one.",
        discussion: "A context is a [contexts.NAME] table: url, key_env or key_file, ca_file, read_only, accent, and pods, pods_dns or pods_command. Use one with --context NAME."
    )

    @Flag(help: "Write JSON: {\"current\", \"contexts\": [{\"name\", \"url\", \"key\", \"pods\", ...}]}.")
    var json = false

    @OptionGroup var configFile: ConfigOption

    func run() async throws {
        let file = try configFile.load(printWarnings: true)
        if json {
            printOut(ContextsReport.json(file).rendered(pretty: true))
        } else if file.contexts.isEmpty {
            printOut("no contexts in \(file.path ?? "config.toml"): add [contexts.NAME] tables with url = \"…\" (README, \"Contexts\")")
        } else {
            printOut(ContextsReport.text(file), terminator: "")
        }
    }
}

enum ContextsReport {
    static func keyText(_ c: ContextConfig) -> String {
        if let env = c.keyEnv { return "$" + env }
        if let file = c.keyFile { return file }
        return "LITELLM_PROXY_API_KEY"
    }

    static func podsText(_ c: ContextConfig) -> String {
        if !c.pods.isEmpty { return "\(c.pods.count) pods" }
        if let dns = c.podsDNS { return "pods from DNS \(dns)" }
        if c.podsCommand != nil { return "pods from a command" }
        return "—"
    }

    static func text(_ file: ConfigFile) -> String {
        let rows = file.contexts.map { c in
            [(c.name == file.currentContext ? "* " : "  ") + c.name, URLText.display(c.url), keyText(c), podsText(c),
             c.readOnly == true ? "read-only" : ""]
        }
        let header = ["  CONTEXT", "URL", "KEY", "PODS", ""]
        let all = [header] + rows
        let widths = (0..<header.count).map { i in all.map { $0[i].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { i, cell in i == row.count - 1 ? cell : cell.padding(to: widths[i]) }.joined(separator: "  ")
                .trimmingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
    }

    static func json(_ file: ConfigFile) -> JSONValue {
        .object([
            ("current", .optional(file.currentContext)),
            ("contexts", .array(file.contexts.map { c in
                .object([
                    ("name", .string(c.name)),
                    ("url", .string(URLText.display(c.url))),
                    ("key_env", .optional(c.keyEnv)),
                    ("key_file", .optional(c.keyFile)),
                    ("ca_file", .optional(c.caFile)),
                    ("read_only", .bool(c.readOnly ?? false)),
                    ("accent", .optional(c.accent)),
                    ("pods", .array(c.pods.map { .string(URLText.display($0)) })),
                    ("pods_dns", .optional(c.podsDNS)),
                    ("pods_command", .optional(c.podsCommand)),
                ])
            })),
        ])
    }
}

extension String {
    func padding(to width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

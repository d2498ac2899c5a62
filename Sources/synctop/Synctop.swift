import ArgumentParser

@main
struct Synctop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synctop",
        abstract: "A terminal console for a LiteLLM proxy's two sync jobs: the model cost map and the Anthropic beta-header mapping.",
        discussion: """
        The proxy URL comes from --url, else LITELLM_PROXY_URL, else base_url in ~/.litellm/config.json, \
        else http://localhost:4000. The key comes from --key-file, else LITELLM_PROXY_API_KEY, else \
        LITELLM_MASTER_KEY; it is never taken on the command line and never shown in full.

        Exit codes (every command):
          0   success
          64  usage error (bad flag, URL or key file)
          69  proxy unreachable (connection refused, DNS, timeout)
          77  authentication or permission (401, 403, key rejected)
          65  a file or URL that is not a valid mapping or cost map (mappings diff, diff)
          66  no such model in the cost map (price)
          70  proxy-side error (5xx, database missing, unreadable answer)
          74  a cost-map snapshot could not be written or read (diff --since-last)
          1   declined at a confirmation prompt (nothing sent)
          128+N  the dashboard was ended by signal N
        """,
        subcommands: [DashboardCommand.self, StatusCommand.self, ReloadCommand.self, ScheduleCommand.self, CancelCommand.self,
                      HistoryCommand.self, MappingsCommand.self, CheckHeadersCommand.self, InfoCommand.self,
                      ModelsCommand.self, PriceCommand.self, CostMapDiffCommand.self,
                      DemoCommand.self, SimulateCommand.self],
        defaultSubcommand: DashboardCommand.self
    )

    /// `status` in its plain forms skips the argument parser's start-up cost (`StatusFastPath`).
    static func main() async {
        if let status = StatusFastPath.command(Array(CommandLine.arguments.dropFirst())) {
            await StatusFastPath.run(status)
        }
        await main(nil)
    }
}

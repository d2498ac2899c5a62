import ArgumentParser
import CursesTerminal
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// The process entry: synchronous, so that the dashboard's loop runs on the main thread
/// itself. An async `main` runs everything on libdispatch's main queue, which on Linux is
/// drained by a pool worker; once a worker has existed, libdispatch's pool monitor wakes
/// once a second for the life of the process (about 5 ms of CPU a minute here, a sixth of
/// the idle dashboard's budget). Commands with an async `run` go through the async path.
@main
enum Entry {
    static func main() {
        // Process-wide: a closed pipe or socket is an EPIPE where we write (`StandardOutput`,
        // the transports), never a silent death mid-command.
        _ = signal(SIGPIPE, SIG_IGN)
        StaticNameService.useBuiltInModulesOnly()
        CrashGuard.install()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let status = StatusFastPath.command(arguments) {
            runAsync(drainingMainQueue: false) { await StatusFastPath.run(status) }
        }
        let command: ParsableCommand
        do {
            command = try Synctop.parseAsRoot(arguments)
        } catch {
            RootHelp.printIfRequested(by: error)
            CheckExit.unknownIfCheck(arguments, error)
            Synctop.exit(withError: error)
        }
        if var blocking = command as? MainThreadCommand {
            do { try blocking.runOnMainThread() } catch { Synctop.exit(withError: error) }
            Synctop.exit()
        }
        let drainingMainQueue = command is MainActorCommand
        nonisolated(unsafe) var parsed = command // used by the one task below, then never again
        runAsync(drainingMainQueue: drainingMainQueue) {
            do {
                if var async = parsed as? AsyncParsableCommand { try await async.run() } else { try parsed.run() }
            } catch {
                // `--help` parses to swift-argument-parser's help command, whose run throws.
                RootHelp.printIfRequested(by: error)
                if parsed is CheckCommand { CheckExit.unknownIfCheck(arguments, error) }
                Synctop.exit(withError: error)
            }
        }
    }

    /// Runs `body` as a task, then exits. The main thread drains libdispatch's main queue
    /// (`dispatchMain`) only for a command that hops to the main actor; otherwise it waits
    /// as libdispatch's main thread does once `dispatchMain` has ended it: in `sigsuspend`
    /// with no signal blocked, so SIGTERM reaches `simulate` even from a parent that left it
    /// blocked (the other threads block it). Why not always `dispatchMain`: it ends the main
    /// thread with `pthread_exit`, whose forced unwind reads the binary's unwind tables —
    /// about 0.4 MB of `status --json`'s peak RSS, and the same for `check` every minute.
    private static func runAsync(drainingMainQueue: Bool, _ body: @escaping @Sendable () async -> Void) -> Never {
        Task {
            await body()
            Synctop.exit()
        }
        if drainingMainQueue { dispatchMain() }
        var none = sigset_t()
        sigemptyset(&none)
        while true { sigsuspend(&none) }
    }
}

/// An async command whose work runs on the main actor (the demo runs the dashboard there
/// with `MainActor.run`), which on Linux needs the main thread draining the main queue.
protocol MainActorCommand: AsyncParsableCommand {}

/// A command whose work blocks the calling thread (the dashboard): run on the main
/// thread, outside Swift concurrency's executors.
protocol MainThreadCommand: ParsableCommand {
    mutating func runOnMainThread() throws
}

/// `synctop --help` (and `-h`, `help`): the root's help, then the dashboard's options —
/// `synctop` alone runs the dashboard, so its options are the root's too, and
/// swift-argument-parser lists a default subcommand's options only under its own help.
enum RootHelp {
    /// Whether parsing stopped to show the root command's help (not a subcommand's, not
    /// `--version`).
    static func isRequested(by error: any Error) -> Bool {
        guard Synctop.exitCode(for: error) == .success else { return false }
        // The same text, but for the ends (the error's message is trimmed).
        return Synctop.fullMessage(for: error).trimmingCharacters(in: " \n") == Synctop.helpMessage().trimmingCharacters(in: " \n")
    }

    /// Prints the root help with the dashboard's options and exits 0, when that is what
    /// `error` asks for; else returns.
    static func printIfRequested(by error: any Error) {
        guard isRequested(by: error) else { return }
        printOut(text(), terminator: "")
        Synctop.exit()
    }

    static func text() -> String {
        var out = Synctop.helpMessage()
        while out.hasSuffix("\n") { out.removeLast() }
        out += "\n\n" + dashboardOptions()
        return out
    }

    /// The OPTIONS section of `synctop help dashboard`, titled for the root.
    static func dashboardOptions() -> String {
        let dashboard = Synctop.helpMessage(for: DashboardCommand.self)
        var lines = dashboard.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("OPTIONS:") }) else { return "" }
        // --version and --help are the root's own, listed above.
        lines = lines[(start + 1)...].filter { !$0.hasPrefix("  --version ") && !$0.hasPrefix("  -h, --help ") }
        while lines.last?.trimmingCharacters(in: " ").isEmpty == true { lines.removeLast() }
        return (["DASHBOARD OPTIONS (synctop with no command, or synctop dashboard):"] + lines).joined(separator: "\n") + "\n"
    }
}

struct Synctop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synctop",
        abstract: "A terminal console for a LiteLLM proxy's two sync jobs: the model cost map and the Anthropic beta-header mapping.",
        usage: """
        synctop [<dashboard options>]
        synctop <subcommand> [<options>]
        """,
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
        version: SynctopVersion.current,
        subcommands: [DashboardCommand.self, StatusCommand.self, ReloadCommand.self, ScheduleCommand.self, CancelCommand.self,
                      HistoryCommand.self, MappingsCommand.self, CheckHeadersCommand.self, InfoCommand.self,
                      ModelsCommand.self, PriceCommand.self, CostMapDiffCommand.self, PreviewCommand.self,
                      ContextsCommand.self, CheckCommand.self, MetricsCommand.self, ServeMetricsCommand.self, DemoCommand.self, SimulateCommand.self],
        defaultSubcommand: DashboardCommand.self
    )
}


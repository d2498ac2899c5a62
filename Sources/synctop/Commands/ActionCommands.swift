import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import ProxyAdmin

extension SyncJob: ExpressibleByArgument {}

/// What `reload` and `cancel` take: the job, the proxy, and whether to skip the question.
struct ConfirmedActionArguments: ParsableArguments {
    @Argument(help: "cost-map or beta-headers") var job: SyncJob
    @OptionGroup var connection: ConnectionOptions
    @Flag(help: "Do not ask for confirmation.") var yes = false
    @Flag(help: "Write the result as JSON.") var json = false

    func run(_ action: JobAction) async throws {
        try await ActionRunner(connection: connection, json: json).run(action, confirm: !yes)
    }

    static let discussion = "Asks for confirmation on a terminal unless --yes; without a terminal it refuses to act without --yes. Exit codes as for status."
}

/// `synctop reload JOB`: reload one file on the proxy now.
struct ReloadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload",
        abstract: "Reload the cost map or the beta-header mapping on the proxy now.",
        discussion: ConfirmedActionArguments.discussion
    )

    @OptionGroup var arguments: ConfirmedActionArguments

    @Flag(help: "beta-headers only: reload on every pod of the context, one after another (the mapping lives in each pod's memory).")
    var allPods = false

    func validate() throws {
        if allPods && arguments.job != .betaHeaders {
            throw ValidationError("--all-pods is for beta-headers: a cost-map reload is stored in the shared database and every pod applies it within its check interval")
        }
    }

    func run() async throws {
        if allPods { return try await AllPodsReload(arguments: arguments).run() }
        try await arguments.run(.reload(arguments.job))
    }
}

/// `synctop schedule JOB --hours N`: set (or change) the reload interval.
struct ScheduleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Make the proxy reload the cost map or the beta-header mapping every N hours.",
        discussion: "N is a whole number of hours from 1 to 8760, checked before anything is sent. Exit codes as for status."
    )

    @Argument(help: "cost-map or beta-headers") var job: SyncJob
    @Option(help: "Whole hours between reloads (1 to 8760).") var hours: String
    @OptionGroup var connection: ConnectionOptions
    @Flag(help: "Write the result as JSON.") var json = false

    func validate() throws {
        if case .failure(let why) = HoursInput.parse(hours) { throw ValidationError("--hours: \(why)") }
    }

    func run() async throws {
        guard case .success(let h) = HoursInput.parse(hours) else { throw ExitStatus.usage }
        try await ActionRunner(connection: connection, json: json).run(.schedule(job, hours: h), confirm: false)
    }
}

/// `synctop cancel JOB`: stop the periodic reload.
struct CancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel the proxy's periodic reload of the cost map or the beta-header mapping.",
        discussion: ConfirmedActionArguments.discussion
    )

    @OptionGroup var arguments: ConfirmedActionArguments

    func run() async throws { try await arguments.run(.cancel(arguments.job)) }
}

/// What the three write commands share: confirm, send once, report, exit code.
struct ActionRunner {
    var connection: ConnectionOptions
    var json: Bool

    func run(_ action: JobAction, confirm: Bool) async throws {
        let settings = try connection.settings()
        let history = HistoryWriter.standard(apiKey: settings.apiKey)
        defer { history.flush() }
        if confirm {
            guard isatty(0) == 1 else {
                let why = "refusing to \(action.verb) without a terminal to confirm on; add --yes"
                history.append(.refused(action, proxy: settings.proxyName, reason: why, at: Date()))
                printError("synctop: \(why)")
                throw ExitStatus.usage
            }
            guard Confirmation.ask(action.question(proxy: settings.proxyName)) else {
                history.append(.refused(action, proxy: settings.proxyName, reason: "declined at the confirmation", at: Date()))
                printError("synctop: nothing done")
                throw ExitCode(1)
            }
        }
        let (client, transport) = try connection.client(settings)
        let reply = await client.perform(action)
        await transport.shutdown()
        history.append(.of(action, proxy: settings.proxyName, reply: reply, at: Date()))
        let result = reply.result
        let ms = reply.durationMs
        switch result {
        case .success(let outcome):
            if json {
                printOut(ActionReport.json(action, proxy: settings.proxyName, result: result, durationMs: ms).rendered(pretty: true))
            } else {
                printOut(ActionReport.text(action, outcome: outcome, durationMs: ms))
            }
        case .failure(let error):
            if json {
                printOut(ActionReport.json(action, proxy: settings.proxyName, result: result, durationMs: ms).rendered(pretty: true))
            }
            printError("synctop: \(action.verb) \(action.job.rawValue) failed: \(ActionReport.explain(error, action: action))")
            throw ExitStatus.of(error)
        }
    }
}

/// A yes/no question on the terminal; anything but y/yes is no.
enum Confirmation {
    static func ask(_ question: String) -> Bool {
        var prompt = question + " [y/N] "
        prompt.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
        guard let answer = readLine() else { return false }
        let word = answer.split(whereSeparator: \.isWhitespace).first.map { $0.lowercased() } ?? ""
        return word == "y" || word == "yes"
    }
}

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

/// `reload beta-headers --all-pods`: the beta-header mapping lives in each pod's memory and
/// a reload reaches the pod that answered it and at most one other, so the only way to be
/// sure every pod holds the new mapping is to ask each one. One confirmation, then each pod
/// in turn, a result line and a history record per pod; exit non-zero if any failed.
struct AllPodsReload {
    var arguments: ConfirmedActionArguments

    func run() async throws {
        let action = JobAction.reload(.betaHeaders)
        let (context, settings, pods) = try await FleetStatus.discoverPods(arguments.connection)
        let history = HistoryWriter.standard(apiKey: settings.apiKey)
        defer { history.flush() }
        if !arguments.yes {
            guard isatty(0) == 1 else {
                printError("synctop: refusing to reload \(pods.count) pods without a terminal to confirm on; add --yes")
                throw ExitStatus.usage
            }
            guard Confirmation.ask("Reload the Anthropic beta-header mapping on each of the \(pods.count) pods of \(context.name), one after another?") else {
                printError("synctop: nothing done")
                throw ExitCode(1)
            }
        }
        let timeout = try arguments.connection.timeoutSeconds()
        var worst: ExitCode?
        var rows: [JSONValue] = []
        for pod in pods {
            let target = TargetID(context: context.name, pod: pod)
            let reply: ActionReply
            do throws(ProxyError) {
                let transport = try ConnectionOptions.transport(for: pod, caFile: settings.caFile ?? arguments.connection.caFile)
                let client = ProxyAdminClient(transport: transport, apiKey: settings.apiKey, timeoutSeconds: timeout)
                reply = await client.perform(action)
                await transport.shutdown()
            } catch {
                reply = ActionReply(result: .failure(error), httpStatus: nil, durationMs: 0)
            }
            history.append(.of(action, proxy: URLText.display(pod), reply: reply, at: Date()))
            switch reply.result {
            case .success(let outcome):
                if !arguments.json { printOut("\(target): ✓ " + ActionReport.text(action, outcome: outcome, durationMs: reply.durationMs)) }
            case .failure(let error):
                if !arguments.json { printOut("\(target): ✗ \(ActionReport.explain(error, action: action))") }
                let code = ExitStatus.of(error)
                if worst.map({ FleetStatus.severity(code) > FleetStatus.severity($0) }) ?? true { worst = code }
            }
            if case .object(let parts) = ActionReport.json(action, proxy: URLText.display(pod), result: reply.result, durationMs: reply.durationMs) {
                rows.append(.object([("pod", .string(URLText.display(pod)))] + parts))
            }
        }
        if arguments.json {
            printOut(JSONValue.object([("context", .string(context.name)), ("pods", .array(rows))]).rendered(pretty: true))
        }
        if let worst {
            printError("synctop: the beta-header reload failed on at least one pod of \(context.name); the others were reloaded")
            throw worst
        }
    }
}

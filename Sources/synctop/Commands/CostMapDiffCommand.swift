import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ConsoleUI
import ProxyAdmin

/// `synctop diff OLD NEW` (two cost maps, files or URLs) and `synctop diff --since-last`
/// (the proxy's map now against the newest snapshot synctop kept of it).
struct CostMapDiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two cost maps: models added, removed, re-priced, and every changed field.",
        discussion: """
        `diff OLD NEW` compares two files or http(s) URLs. `diff --since-last` fetches the proxy's \
        map and compares it with the newest snapshot synctop kept of that proxy (the dashboard, `models` and \
        `price` keep one each time; the newest 5 per proxy stay under $XDG_CACHE_HOME/synctop, \
        default ~/.cache/synctop). With no snapshot yet it saves the map as the baseline and says \
        so; otherwise it saves nothing, so it shows the same change until something snapshots again. \
        Exit codes: 0 ok (with or without differences), 64 usage or unreadable file, 65 not a valid \
        cost map, 69 URL or proxy unreachable, 77 auth, 70 proxy-side error, 74 snapshot not writable or readable.
        """
    )

    @Argument(help: ArgumentHelp("The old cost map: a file or an http(s) URL.", valueName: "old"))
    var old: String?

    @Argument(help: ArgumentHelp("The new cost map: a file or an http(s) URL.", valueName: "new"))
    var new: String?

    @Flag(help: "Compare the proxy's cost map now with the newest snapshot of it (no OLD NEW).")
    var sinceLast = false

    @Flag(help: "Write JSON: {\"old\", \"new\", \"summary\", \"counts\", \"added\", \"removed\", \"changed\": [{\"model\", \"fields\"}]}.")
    var json = false

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        if sinceLast, old != nil || new != nil { throw ValidationError("--since-last compares with the proxy: give it no OLD NEW") }
        if !sinceLast, old == nil || new == nil { throw ValidationError("give OLD and NEW (files or URLs), or --since-last") }
    }

    func run() async throws {
        if sinceLast { return try await sinceLastSnapshot() }
        guard let old, let new else { throw ExitStatus.usage }
        let timeout = try connection.timeoutSeconds()
        let diff = CostMapDiff(old: try await loadCostMap(old, timeout: timeout),
                               new: try await loadCostMap(new, timeout: timeout))
        output(diff, old: old, new: new)
    }

    private func sinceLastSnapshot() async throws {
        let settings = try connection.settings(warnKeyInClear: false)
        let fetched = try await connection.fetchCostMap(settings)
        // Never a baseline (or a diff) of something that is not a cost map.
        if let problem = fetched.map.shapeProblem() {
            printError("synctop: the proxy's answer at \(settings.proxyName)\(Endpoint.costMap.path) is \(problem)")
            throw ExitStatus.proxy
        }
        let store: CostMapSnapshotStore
        switch costMapSnapshots(proxyURL: settings.proxyName) {
        case .success(let s): store = s
        case .failure(let why):
            printError("synctop: no snapshots: the cache folder is \(why)")
            throw ExitStatus.ioError
        }
        guard let snapshot = store.latest() else { return try saveBaseline(fetched, store: store, proxy: settings.proxyName) }
        let before: CostMap
        do {
            before = try CostMap.parse(try store.read(snapshot))
        } catch let error as CostMapSnapshotStore.StoreError {
            printError("synctop: \(error)")
            throw ExitStatus.ioError
        } catch {
            printError("synctop: the snapshot \(snapshot.path) is not a valid cost map: \(error); delete it to start a new baseline")
            throw ExitStatus.dataError
        }
        if let problem = before.shapeProblem() {
            printError("synctop: the snapshot \(snapshot.path) is \(problem) Delete it to start a new baseline.")
            throw ExitStatus.dataError
        }
        let diff = CostMapDiff(old: before, new: fetched.map)
        let now = Date()
        let label = "snapshot of \(TimeText.clock(snapshot.savedAt, now: now, zone: .system)) "
            + "(\(TimeText.relative(snapshot.savedAt, now: now)))"
        output(diff, old: json ? snapshot.path : label, new: settings.proxyName, prefix: [
            ("proxy", .string(settings.proxyName)),
            ("baseline_saved", .bool(false)),
            ("snapshot", Self.snapshotJSON(snapshot)),
        ])
    }

    private func saveBaseline(_ fetched: FetchedCostMap, store: CostMapSnapshotStore, proxy: String) throws {
        let saved: CostMapSnapshotStore.Snapshot
        do {
            saved = try store.save(fetched.bytes, at: fetched.fetchedAt)
        } catch {
            printError("synctop: \(error)")
            throw ExitStatus.ioError
        }
        let count = fetched.map.modelCount
        if json {
            printOut(JSONValue.object([
                ("proxy", .string(proxy)),
                ("baseline_saved", .bool(true)),
                ("snapshot", Self.snapshotJSON(saved)),
                ("models", .int(count)),
            ]).rendered(pretty: true))
        } else {
            printOut("no snapshot of \(proxy) yet: saved its cost map (\(ModelNumberText.grouped(count)) models) as the baseline, \(saved.path)")
            printOut("run `synctop diff --since-last` again after a reload to see what changed")
        }
    }

    private func output(_ diff: CostMapDiff, old: String, new: String, prefix: [(String, JSONValue)] = []) {
        if json {
            printOut(CostMapReport.diffJSON(diff, old: old, new: new, prefix: prefix).rendered(pretty: true))
        } else {
            printOut(CostMapReport.diffText(diff, old: old, new: new), terminator: "")
        }
    }

    static func snapshotJSON(_ s: CostMapSnapshotStore.Snapshot) -> JSONValue {
        .object([("path", .string(s.path)), ("saved_at", .string(ProxyTimestamp.format(s.savedAt)))])
    }
}

/// A `diff` argument read as given, with `mappings diff`'s exit codes: 64 unreadable file,
/// 69 unreachable URL, 65 not a cost map.
func loadCostMap(_ argument: String, timeout: Int) async throws -> CostMap {
    let lower = argument.lowercased()
    let bytes: [UInt8]
    if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
        do {
            bytes = try await DownloadProgress.fetch(argument, timeoutSeconds: timeout)
        } catch {
            printError("synctop: \(argument): \(error)")
            throw ExitStatus.unreachable
        }
    } else {
        let read: [UInt8]?
        do {
            read = try LocalFile.readBytes(argument, limit: 64 << 20)
        } catch {
            printError("synctop: \(error)")
            throw ExitStatus.usage
        }
        guard let read else {
            printError("synctop: \(argument): no such file")
            throw ExitStatus.usage
        }
        bytes = read
    }
    let map: CostMap
    do {
        map = try CostMap.parse(bytes)
    } catch {
        printError("synctop: \(argument): \(error)")
        throw ExitStatus.dataError
    }
    if let problem = map.shapeProblem() {
        printError("synctop: \(argument): \(problem)")
        throw ExitStatus.dataError
    }
    return map
}

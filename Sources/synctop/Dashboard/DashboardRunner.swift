#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ConsoleUI
import CursesTerminal
import ProxyAdmin
#if canImport(Glibc)
import Glibc
#endif

/// The one loop: wait (key, wakeup, or the next second) → messages → `update` → effects
/// started as detached tasks → `view` → the screen draws the difference (at once, or with
/// the next second's frame when nothing is waiting for it: `drawsAtOnce`). Runs on the main
/// thread, which blocks in `poll()`; network work never runs here.
struct DashboardRunner {
    var client: ProxyAdminClient
    var config: DashboardConfig
    var terminal: TerminalOptions
    var history: HistoryWriter
    var mappingSource: BetaHeaderSource
    var costMaps: CostMapFetcher
    /// config.toml's `cost_map_url`: the file a cost-map preview fetches instead of the
    /// proxy's source URL.
    var costMapURL: String?
    /// The client for each fleet target (another context's, or a pod's); nil when the
    /// target cannot be reached at all (its key is not set), with the reason.
    var fleetClient: @Sendable (TargetID, String) -> Result<ProxyAdminClient, ProxyError> = { _, _ in .failure(.readOnly) }
    /// Where polls run: one long-lived thread, not the global pool, whose socket waits
    /// may block it (`BlockingThread.callerMayBlock`): no thread hand-offs per poll (idle CPU).
    let pollExecutor = LoopExecutor()
    /// Everything else the dashboard starts (writes, the mapping and cost-map fetches,
    /// snapshots), one job after another on a thread of its own.
    let workExecutor = LoopExecutor()
    /// Reload previews: a thread of their own, so a `y` pressed during a preview's
    /// download is sent at once; not the global pool (its monitor would wake every second).
    let previewExecutor = LoopExecutor()
    /// The latest reload preview's full outcome, for "as previewed" after the reload.
    let previews = PreviewMemory()

    /// How the loop ended: a quit (with the signal that asked, if one did), or a switch to
    /// another context (`runDashboard` starts its dashboard).
    enum Exit {
        case ended(signal: Int32?)
        case switchContext(String)
    }

    func run() throws -> Exit {
        let wakeup = try Wakeup()
        let mailbox = Mailbox(wakeup: wakeup)
        let screen = try CursesScreen(options: terminal)
        defer { screen.restore() }
        let size = screen.size
        var state = AppState(config: config, now: Date(), size: ScreenSize(width: size.width, height: size.height))
        var pending: [Msg] = [.tick(Date())]
        var firstFrame = FirstFrameProbe()
        var testCrash = TestCrash()
        var endedBy: Int32?
        var drawNow = true
        let panels = PanelCache() // a tick redraws only the panel rows whose text moved
        while true {
            var effects: [Effect] = []
            for msg in pending {
                if drawsAtOnce(msg, in: state) { drawNow = true }
                effects += update(&state, msg)
            }
            pending.removeAll()
            for effect in effects {
                switch effect {
                case .quit:
                    history.flush()
                    return .ended(signal: endedBy)
                case .switchContext(let name):
                    history.flush()
                    return .switchContext(name)
                case .pollTarget(let id, let url, let generation): startTargetPoll(id, url: url, generation, mailbox: mailbox)
                case .reloadBetaOnPods(let pods): startPodReloads(pods, mailbox: mailbox)
                case .discoverPods(let context, let source):
                    let timeout = client.timeoutSeconds
                    Task.detached {
                        let found = await PodDiscovery.pods(source, timeoutSeconds: timeout)
                        mailbox.post(.podsDiscovered(context: context, found, at: Date()))
                    }
                case .poll(let generation):
                    startPoll(generation, wake: !pollAnswerCanWait(generation, in: state), mailbox: mailbox)
                case .perform(let action, let generation): startAction(action, generation, mailbox: mailbox)
                case .preview(let job, let generation): startPreview(job, generation, mailbox: mailbox)
                case .record(let record): history.append(record) { mailbox.post(.notice($0)) }
                case .loadHistory: history.load { mailbox.post(.historyLoaded($0)) }
                case .loadMappings(let generation): startMappingsLoad(generation, mailbox: mailbox)
                case .loadCostMap(let generation, let base):
                    costMaps.load(generation: generation, diffAgainst: base, mailbox: mailbox, on: workExecutor)
                case .setTheme(let name):
                    switch ThemeCatalog.standard().load(name) {
                    case .success(let theme):
                        screen.apply(theme: theme)
                        mailbox.post(.notice("theme \(name)"))
                    case .failure(let e):
                        mailbox.post(.notice(e.message))
                    }
                case .snapshotCostMap:
                    let costMaps = costMaps
                    Task.detached(executorPreference: workExecutor) {
                        if case .failure(let problem) = await costMaps.snapshotOnly() { mailbox.post(.notice(problem.message)) }
                    }
                }
            }
            if drawNow {
                screen.draw(view(state, zone: .system, cache: panels))
                firstFrame.noteDrawn(state)
                testCrash.afterFrame(state)
                drawNow = false
            }

            let now = Date().timeIntervalSince1970
            let toNextSecond = Int32(((now.rounded(.down) + 1 - now) * 1000).rounded(.up)) + 1
            switch waitForEvent(wakeup: wakeup, timeoutMilliseconds: toNextSecond) {
            case .input:
                drawNow = true
                for key in screen.readKeys() {
                    if key == .resize {
                        let s = screen.size
                        pending.append(.resized(ScreenSize(width: s.width, height: s.height)))
                    } else {
                        pending.append(.key(key))
                    }
                }
            case .timeout:
                drawNow = true // a new second: the countdowns move
            case .wakeup:
                break // the messages it brought decide (`drawsAtOnce`)
            case .hangup:
                endedBy = SIGHUP
                pending.append(.terminate)
            case .terminate(let signal):
                endedBy = signal
                pending.append(.terminate)
            }
            pending += mailbox.drain()
            pending.append(.tick(Date()))
        }
    }

    /// Sends one write; its answer comes back as `.actionFinished`. Never retried.
    private func startAction(_ action: JobAction, _ generation: Int, mailbox: Mailbox) {
        let client = client
        let costMaps = costMaps
        let previewed: PreviewMemory.Kept? = if case .reload(let job) = action { previews.take(job) } else { nil }
        let proxy = config.proxyURL
        Task.detached(executorPreference: workExecutor) {
            // The "before" of what a cost-map reload changes: a snapshot taken just now.
            if action == .reload(.costMap) {
                switch await costMaps.snapshotOnly() {
                case .success(let snapshot): mailbox.post(.costMapBaseline(snapshot))
                case .failure(let problem): mailbox.post(.notice(problem.message))
                }
            }
            let reply = await client.perform(action)
            mailbox.post(.actionFinished(generation: generation, reply: reply, at: Date()))
            if let previewed, case .success(let outcome) = reply.result {
                let (text, warning) = await Self.checkPreview(previewed, outcome: outcome, client: client, proxy: proxy)
                mailbox.post(.previewChecked(action.job, text: text, warning: warning))
            }
        }
    }

    private func startMappingsLoad(_ generation: Int, mailbox: Mailbox) {
        let source = mappingSource
        let timeout = client.timeoutSeconds  // --timeout bounds the mapping fetch too
        Task.detached(executorPreference: workExecutor) {
            let load = await BetaHeaderLoader.load(source, timeoutSeconds: timeout)
            mailbox.post(.mappingsLoaded(generation: generation, load: load, at: Date()))
        }
    }

    /// A fleet target's poll, each on a task of its own: a pod that hangs until the
    /// timeout never holds up another's row.
    private func startTargetPoll(_ id: TargetID, url: String, _ generation: Int, mailbox: Mailbox) {
        let made = fleetClient(id, url)
        Task.detached {
            let snapshot: ProxySnapshot
            switch made {
            case .success(let client):
                snapshot = await client.snapshot()
                await client.transport.shutdown()
            case .failure(let error):
                snapshot = ProxySnapshot(costMap: .failure(error), betaHeaders: .failure(error), source: .failure(error), health: .failure(error))
            }
            mailbox.post(.targetPolled(id, generation: generation, snapshot: snapshot, at: Date()), wake: false)
        }
    }

    /// The beta-header reload on each pod in turn, a result per pod.
    private func startPodReloads(_ pods: [TargetID], mailbox: Mailbox) {
        let clients = pods.map { ($0, fleetClient($0, $0.pod ?? "")) }
        Task.detached(executorPreference: workExecutor) {
            for (id, made) in clients {
                let reply: ActionReply
                switch made {
                case .success(let client):
                    reply = await client.perform(.reload(.betaHeaders))
                    await client.transport.shutdown()
                case .failure(let error):
                    reply = ActionReply(result: .failure(error), httpStatus: nil, durationMs: 0)
                }
                mailbox.post(.podActionFinished(id, reply: reply, at: Date()))
            }
        }
    }

    /// `wake: false` for a poll the clock started: its answer waits for the next frame
    /// anyway (`drawsAtOnce`), so it does not wake the loop a second time that second.
    private func startPoll(_ generation: Int, wake: Bool, mailbox: Mailbox) {
        let client = client
        Task.detached(executorPreference: pollExecutor) {
            // The poll thread is the dashboard's own: its socket waits may block it.
            let snapshot = await BlockingThread.$callerMayBlock.withValue(true) { await client.snapshot() }
            mailbox.post(.pollFinished(generation: generation, snapshot: snapshot, at: Date()), wake: wake)
        }
    }
}

/// For the benchmark: with `SYNCTOP_BENCH_FIRST_FRAME=path`, writes the wall-clock time
/// (ns since the epoch) at which the first frame holding live data was drawn.
struct FirstFrameProbe {
    private var path = Environment.all()["SYNCTOP_BENCH_FIRST_FRAME"]

    mutating func noteDrawn(_ state: AppState) {
        guard let p = path, state.lastPollAt != nil else { return }
        path = nil
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        let ns = Int(ts.tv_sec) * 1_000_000_000 + Int(ts.tv_nsec)
        if let f = fopen(p, "w") {
            fputs("\(ns)\n", f)
            fclose(f)
        }
    }
}

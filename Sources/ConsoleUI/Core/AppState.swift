#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin

/// What the dashboard is told at start and never changes while it runs.
public struct DashboardConfig: Equatable, Sendable {
    public var proxyURL: String
    /// e.g. `sk-…a1b2`, or "no key".
    public var maskedKey: String
    public var pollIntervalSeconds: Int
    /// Backoff never waits longer than this (or the interval, if that is longer).
    public var maxBackoffSeconds: Int
    /// `--read-only`: action keys only say so; no write is ever sent.
    public var readOnly: Bool
    /// The key travels over plain http to another host: the header says so in red.
    public var keyInClear = false
    /// The key tables, remapped by `config.toml` if it says so.
    public var keyMaps: KeyMaps
    /// Theme names `:theme` completes (shipped and the user's).
    public var themeNames: [String] = Theme.shippedSources.map(\.name)
    /// config.toml's contexts (the Contexts view) and the one this dashboard shows.
    public var contexts: [FleetContext] = []
    public var currentContext: String?
    /// The current context's `accent`: the header's colour.
    public var accent: String?
    /// The view the dashboard opens on (`demo --fleet`: the Pods view).
    public var startScreen: Screen = .dashboard
    /// `--litellm-version`: the release whose beta-header rules the Mappings view marks,
    /// when the proxy does not report its version (readiness says it only with a database).
    public var litellmVersion: String?

    public init(proxyURL: String, maskedKey: String, pollIntervalSeconds: Int = 10, maxBackoffSeconds: Int = 60,
                readOnly: Bool = false, keyMaps: KeyMaps = .standard) {
        self.proxyURL = proxyURL
        self.maskedKey = maskedKey
        self.pollIntervalSeconds = max(2, pollIntervalSeconds)
        self.maxBackoffSeconds = maxBackoffSeconds
        self.readOnly = readOnly
        self.keyMaps = keyMaps
    }
}

public struct ScreenSize: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
}

/// Something that happened, for the events panel.
public struct Event: Equatable, Sendable {
    public var time: Date
    public var text: String
    public var role: Role
}

/// The whole state of the dashboard. Only `update` changes it.
public struct AppState: Equatable, Sendable {
    public var config: DashboardConfig
    public var now: Date
    public var size: ScreenSize

    public var costMap = Tracked<JobStatus>()
    public var betaHeaders = Tracked<JobStatus>()
    public var source = Tracked<CostMapSource>()
    public var health = Tracked<Health>()

    public var lastSuccessfulPoll: Date?
    /// Why the latest poll failed; nil once a poll succeeds.
    public var lastPollError: ProxyError?
    public var lastPollAt: Date?
    public var consecutiveFailures = 0
    /// Generation of the poll under way; a result with another tag is dropped.
    public var pollInFlight: Int?
    public var pollGeneration = 0
    /// The poll under way was started by the clock, not by a key, a command or an action:
    /// nobody is waiting for its answer (`drawsAtOnce`).
    public var pollIsScheduled = false
    public var nextPollAt: Date

    public var screen: Screen = .dashboard
    public var history = HistoryState()
    public var mappings = MappingsState()
    public var models = ModelsState()
    public var commandLine = CommandLineState()
    public var selected: SyncJob = .costMap
    public var showHelp = false
    /// The help's first line on screen (it scrolls when taller than the screen).
    public var helpOffset = 0
    /// The last write refused for the key's role (`writesOff`).
    public var roleRefusal: RoleRefusal?
    /// `v`'s panel over the view: its selected row whole.
    public var wholeText: WholeText?
    public var dialog: Dialog?
    /// The open reload dialog's preview.
    public var reloadPreview: ReloadPreview?
    public var previewGeneration = 0
    /// The reload just confirmed had a finished preview (the runner checks it afterwards).
    public var previewTaken = false
    /// The Events view's first line on screen.
    public var eventsOffset = 0
    public var actionInFlight: ActionInFlight?
    public var actionGeneration = 0
    public var banner: Banner?
    /// An action finished while a poll was under way: poll again as soon as it returns.
    public var pollQueued = false
    /// When reloads synctop itself sent took effect (the proxy's answer timestamp), so
    /// the next poll does not count them as runs the proxy did by itself.
    public var ownRuns: [SyncJob: Date] = [:]
    /// The latest `last_run` any poll showed per job: a value at or before it is never a
    /// new run (a value moving back, or returning after a cancel).
    public var latestRunSeen: [SyncJob: Date] = [:]
    /// Whether answers alternate between proxy processes (a load balancer, no pods set).
    public var processes = ProcessEvidence()
    /// The Contexts and Pods views' targets.
    public var fleet = FleetState()
    var fleetSeeded = false
    public var events: [Event] = []
    public var notice: String?
    public var quitting = false

    public static let maxEvents = 200

    public init(config: DashboardConfig, now: Date, size: ScreenSize) {
        self.config = config
        self.now = now
        self.size = size
        screen = config.startScreen
        nextPollAt = now
    }

    public func job(_ job: SyncJob) -> Tracked<JobStatus> {
        switch job {
        case .costMap: costMap
        case .betaHeaders: betaHeaders
        }
    }

    /// The last poll failed and old values are on screen.
    public var isStale: Bool { lastPollError != nil && lastSuccessfulPoll != nil }
}

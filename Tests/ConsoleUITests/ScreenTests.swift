import Foundation
import Testing
@testable import ConsoleUI
@testable import ProxyAdmin

/// The dashboard rendered into a cell buffer and compared, as text, with the screens in
/// Screens/. `SYNCTOP_RECORD_SCREENS=1 swift test --filter ScreenTests` rewrites them
/// (then read every changed file before committing).
@Suite struct ScreenTests {
    typealias S = Scenarios
    static let sizes = [ScreenSize(width: 80, height: 24), ScreenSize(width: 120, height: 40)]

    static func scenarios() -> [(String, AppState)] {
        var stale = S.polled(S.snapshot())
        let later = S.now.addingTimeInterval(125)
        _ = update(&stale, .tick(later))
        _ = update(&stale, .pollFinished(generation: stale.pollInFlight!, snapshot: S.failing(.unreachable("connection refused")), at: later))

        var help = S.polled(S.snapshot())
        _ = update(&help, .key(.char("?")))

        var selected = S.polled(S.snapshot(cost: S.notScheduled, beta: S.overdue))
        _ = update(&selected, .key(.tab))

        return [
            ("scheduled", S.polled(S.snapshot())),
            ("never-run", S.polled(S.snapshot(cost: S.neverRun, beta: S.notScheduled))),
            ("overdue", selected),
            ("no-database", S.polled(S.snapshot(cost: S.notScheduled, beta: S.notScheduled, source: S.oldSource, health: S.healthNoDB))),
            ("fallback", S.polled(S.snapshot(source: S.fallbackSource))),
            ("unreachable-stale", stale),
            ("unreachable-first", S.polled(S.failing(.unreachable("connection refused")))),
            ("unauthorized", S.polled(S.failing(.unauthorized("the API key was not accepted by the proxy (wrong or revoked key)"),
                                                health: .success(S.healthDB)))),
            ("forbidden", S.polled(S.failing(.forbidden(role: "internal_user"), health: .success(S.healthDB)))),
            ("help", help),
        ]
    }

    /// Issue 20: every other view, overlay and dialog, with content longer than the
    /// screen, at 80×24 and at the smallest size laid out (60×15).
    static let smallSizes = [ScreenSize(width: 80, height: 24), minimumSize]

    static func viewScenarios() -> [(String, AppState)] {
        var history = S.polled(S.snapshot())
        let records = (1...40).map { i in
            HistoryRecord(time: S.ago(Double(i) * 3600), proxy: i % 3 == 0 ? "http://10.0.0.12:4000" : "http://localhost:4000",
                          job: i % 2 == 0 ? .costMap : .betaHeaders, action: i % 5 == 0 ? .schedule : .reload,
                          parameters: i % 5 == 0 ? .init(hours: 6) : .init(), outcome: i % 7 == 0 ? .failure : .success,
                          httpStatus: i % 7 == 0 ? 500 : 200, durationMs: 10 * i,
                          message: i % 7 == 0 ? "the reload failed: the proxy could not load the file from its source; the proxy kept its current data (timed out)" : "record \(i)")
        }
        _ = update(&history, .historyLoaded(.success(HistoryFile(records: records, skippedLines: 0))))
        history.screen = .history
        var historyEnd = history
        _ = update(&historyEnd, .key(.char("G")))
        var whole = history
        for _ in 0..<6 { _ = update(&whole, .key(.char("j"))) }
        _ = update(&whole, .key(.char("v")))

        var events = S.polled(S.snapshot())
        for i in 1...30 {
            logEvent(&events, S.ago(Double(100 - i)), "event \(i): " + (i % 4 == 0 ? String(repeating: "a long explanation of what happened ", count: 4) : "short"), i % 4 == 0 ? .warning : .text)
        }
        events.screen = .events

        var pods = FleetUpdateTests.fleetState()
        let started = update(&pods, .tick(S.now)).compactMap { if case .pollTarget(let id, _, let g) = $0 { (id, g) } else { nil } }
        for (i, (id, generation)) in started.enumerated() {
            _ = update(&pods, .targetPolled(id, generation: generation,
                                            snapshot: FleetUpdateTests.snapshot(revision: i == 0 ? "abc1234" : "def5678", loadedAt: S.ago(Double(i) * 60)), at: S.now))
        }
        pods.screen = .pods
        var contexts = pods
        contexts.screen = .contexts

        var confirm = S.polled(S.snapshot())
        _ = update(&confirm, .key(.char("x")))
        var interval = S.polled(S.snapshot())
        _ = update(&interval, .key(.char("e")))
        var reload = S.polled(S.snapshot())
        _ = update(&reload, .key(.char("r")))
        var dashboardWhole = S.polled(S.snapshot(source: S.fallbackSource))
        _ = update(&dashboardWhole, .key(.char("v")))

        return [
            ("history", history), ("history-end", historyEnd), ("history-whole", whole),
            ("events", events), ("pods", pods), ("contexts", contexts),
            ("dialog-cancel", confirm), ("dialog-interval", interval), ("dialog-reload", reload),
            ("dashboard-whole", dashboardWhole),
        ]
    }

    @Test(arguments: smallSizes)
    func viewsOverlaysAndDialogsMatch(size: ScreenSize) throws {
        try Self.compare(Self.viewScenarios(), size: size)
        try Self.compare(Self.scenarios().filter { ["help", "scheduled", "fallback"].contains($0.0) }, size: minimumSize)
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Screens")

    @Test(arguments: sizes)
    func screensMatch(size: ScreenSize) throws {
        try Self.compare(Self.scenarios(), size: size)
    }

    /// Renders each scenario at `size` and compares it with Screens/<name>-<W>x<H>.txt (or
    /// rewrites the file under SYNCTOP_RECORD_SCREENS=1).
    static func compare(_ scenarios: [(String, AppState)], size: ScreenSize) throws {
        let record = ProcessInfo.processInfo.environment["SYNCTOP_RECORD_SCREENS"] == "1"
        for (name, base) in scenarios {
            var state = base
            state.size = size
            let text = view(state, zone: .utc).text
            let file = directory.appendingPathComponent("\(name)-\(size.width)x\(size.height).txt")
            if record {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try (text + "\n").write(to: file, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: file, encoding: .utf8)
            #expect(text + "\n" == expected, "screen \(name) at \(size.width)x\(size.height) differs from \(file.lastPathComponent)")
        }
    }

    /// Facts each screen must show, independent of the recorded text.
    @Test func screensSayWhatMatters() {
        let all = Dictionary(uniqueKeysWithValues: Self.scenarios().map { ($0.0, view($0.1, zone: .utc)) })
        let t = all.mapValues(\.text)
        #expect(t["scheduled"]!.contains("every 6 h"))
        #expect(t["scheduled"]!.contains("in 5h 19m"))
        #expect(t["scheduled"]!.contains("5:19:00"), "countdown")
        #expect(t["scheduled"]!.contains("df2adeb"))
        #expect(!t["scheduled"]!.contains("df2adebb7dfc7b62068e2d56a679e276d719d6e6"), "revision shortened")
        #expect(t["never-run"]!.contains("never run"))
        #expect(t["overdue"]!.contains("OVERDUE by 10m"))
        #expect(all["overdue"]!.role(of: "OVERDUE by") == .overdue)
        #expect(t["no-database"]!.contains("db: not connected"))
        #expect(t["no-database"]!.contains("Loaded    —"), "1.100.5 omits loaded_at: a dash, not an error")
        #expect(t["fallback"]!.contains("FALLBACK"))
        #expect(t["fallback"]!.contains("timed out after 5s"))
        #expect(all["fallback"]!.role(of: "⚠ remote fetch failed") == .warning)
        #expect(t["fallback"]!.contains("Remote fetch failed: timed out after 5s"), "the reason is wrapped, never cut")
        #expect(t["unreachable-stale"]!.contains("STALE"))
        #expect(t["unreachable-stale"]!.contains("proxy unreachable: connection refused"))
        #expect(all["unreachable-stale"]!.role(of: "every 6 h") == .stale, "old values dimmed")
        #expect(t["unreachable-stale"]!.contains("stale: last read 2m 5s ago"))
        #expect(t["unauthorized"]!.contains("key was not accepted"))
        #expect(t["forbidden"]!.contains("internal_user"))
        #expect(t["help"]!.contains("poll the proxy now"))
        for (name, text) in t { #expect(!text.contains("sk-master"), "\(name): key never in full") }
    }

    @Test func everySizeRendersWithoutTrapping() {
        let state = S.polled(S.snapshot(source: S.fallbackSource))
        for w in [0, 1, 2, 10, 59, 60, 61, 79, 80, 81, 100, 200, 300] {
            for h in [0, 1, 2, 5, 14, 15, 16, 24, 40, 80] {
                var s = state
                s.size = ScreenSize(width: w, height: h)
                let b = view(s, zone: .utc)
                #expect(b.width == w && b.height == h)
            }
        }
    }

    @Test func wrapKeepsEveryWord() {
        let text = "Remote fetch failed: HTTPSConnectionPool(host='raw.githubusercontent.com', port=443) timed out"
        for width in [10, 20, 33, 70] {
            let lines = TextWrap.wrap(text, width: width)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
        }
    }

    @Test func tooSmallSaysSo() {
        var s = S.polled(S.snapshot())
        s.size = ScreenSize(width: 59, height: 20)
        #expect(view(s).text.contains("terminal too small: 59×20"))
        s.size = ScreenSize(width: 60, height: 14)
        #expect(view(s).text.contains("needs at least 60×15"))
        s.size = ScreenSize(width: 60, height: 15)
        #expect(!view(s).text.contains("too small"))
    }

    @Test func countdownTicksWithTheClockAlone() {
        var s = S.polled(S.snapshot())
        let first = view(s).text
        _ = update(&s, .tick(S.now.addingTimeInterval(1)))
        let second = view(s).text
        #expect(first.contains("5:19:00"))
        #expect(second.contains("5:18:59"))
    }

    /// The header's "polled" time carries an age only once the data is late (two poll
    /// intervals without an answer): on time it would only tick beside the footer's
    /// "poll in Ns".
    @Test func headerShowsThePollAgeOnlyWhenLate() {
        var s = S.polled(S.snapshot())
        _ = update(&s, .tick(S.now.addingTimeInterval(9)))
        #expect(view(s).text.contains("polled 05:51:25\n"))
        #expect(!view(s).text.contains("ago)"))
        // The next poll hangs: at 2 × 10 s the header says how old the data is.
        _ = update(&s, .tick(S.now.addingTimeInterval(19)))
        #expect(s.pollInFlight != nil)
        #expect(!view(s).text.contains("ago)"))
        _ = update(&s, .tick(S.now.addingTimeInterval(20)))
        #expect(view(s).text.contains("polled 05:51:25 (20s ago) · polling"))
    }
}

extension ScreenSize: CustomTestStringConvertible {
    public var testDescription: String { "\(width)x\(height)" }
}

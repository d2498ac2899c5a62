import Foundation
import Testing
@testable import ConsoleUI
@testable import ProxyAdmin

/// The Mappings view's state: reading the source, keeping the last good mapping, the
/// filter, sort and scroll, the header check, and the diff after a reload.
@Suite struct MappingsUpdateTests {
    typealias S = Scenarios

    /// Two providers; `bedrock` renames one beta and lacks another.
    static let old = try! BetaHeaderMapping(parsing: """
    {"description": "old", "anthropic": {"a-1": "a-1", "b-2": "b-2", "c-3": "c-3"},
     "bedrock": {"a-1": "a-1", "b-2": "bee-2", "c-3": null}}
    """)
    /// `bedrock` now forwards c-3; a new column and a new beta.
    static let new = try! BetaHeaderMapping(parsing: """
    {"description": "old", "anthropic": {"a-1": "a-1", "b-2": "b-2", "c-3": "c-3", "d-4": "d-4"},
     "bedrock": {"a-1": "a-1", "b-2": "bee-2", "c-3": "c-3"}, "vertex_ai": {"a-1": "a-1"}}
    """)
    static let url = BetaHeaderSource(location: .url("http://127.0.0.1:9/map.json"), origin: .urlFlag)

    static func good(_ m: BetaHeaderMapping) -> BetaHeaderLoad { BetaHeaderLoad(mapping: m, source: url, failure: nil) }
    static let failed = BetaHeaderLoad(mapping: BetaHeaderLoader.bundled, source: url,
                                       failure: .unreadable(source: "http://127.0.0.1:9/map.json", reason: "connection refused"))

    /// A state whose mapping read came back with `load`.
    static func loaded(_ load: BetaHeaderLoad, screen: Screen = .mappings) -> AppState {
        var s = S.state()
        _ = update(&s, .tick(S.now))
        _ = update(&s, .mappingsLoaded(generation: s.mappings.loadInFlight!, load: load, at: S.now))
        s.screen = screen
        return s
    }

    @Test func theFirstTickReadsTheMappingOnce() {
        var s = S.state()
        #expect(update(&s, .tick(S.now)) == [.poll(generation: 1), .loadMappings(generation: 1), .snapshotCostMap])
        #expect(update(&s, .tick(S.now.addingTimeInterval(1))) == [], "not read again every second")
    }

    @Test func aStaleReadIsDropped() {
        var s = S.state()
        _ = update(&s, .tick(S.now))
        _ = update(&s, .mappingsLoaded(generation: 99, load: Self.good(Self.new), at: S.now))
        #expect(s.mappings.shown == nil)
        #expect(s.mappings.loadInFlight == 1)
    }

    @Test func aFailedReadKeepsTheLastGoodMappingAndSaysWhy() {
        var s = Self.loaded(Self.good(Self.old))
        _ = update(&s, .key(.ctrl("r")))
        _ = update(&s, .mappingsLoaded(generation: s.mappings.loadInFlight!, load: Self.failed, at: S.now.addingTimeInterval(60)))
        #expect(s.mappings.mapping == Self.old, "the last good mapping stays")
        #expect(s.mappings.shownAt == S.now)
        #expect(s.mappings.lastFailure?.contains("connection refused") == true)
        #expect(s.events.last?.text.contains("keeping the mapping read before") == true)
        s.size = ScreenSize(width: 160, height: 40)
        let text = view(s, zone: .utc).text
        #expect(text.contains("✗ cannot read http://127.0.0.1:9/map.json: connection refused"))
        #expect(text.contains("showing the copy read"))
    }

    @Test func withNoGoodReadTheBundledCopyIsShownAndNamed() {
        let s = Self.loaded(Self.failed)
        #expect(s.mappings.mapping == BetaHeaderLoader.bundled)
        let text = view(s, zone: .utc).text
        #expect(text.contains("bundled copy — may differ from what the proxy loaded"))
        #expect(view(s, zone: .utc).role(of: "bundled copy") == .warning)
    }

    @Test func aSuccessfulBetaHeaderReloadRereadsAndDiffs() {
        var s = Self.loaded(Self.good(Self.old), screen: .dashboard)
        _ = update(&s, .key(.tab)) // the beta-header panel
        _ = update(&s, .key(.char("r")))
        let sent = update(&s, .key(.char("y")))
        guard case .perform(.reload(.betaHeaders), let generation) = sent.first else {
            Issue.record("no reload sent: \(sent)")
            return
        }
        let reply = ActionReply(result: .success(ActionOutcome(message: "reloaded", timestamp: S.now)), httpStatus: 200, durationMs: 12)
        let effects = update(&s, .actionFinished(generation: generation, reply: reply, at: S.now))
        #expect(effects.contains(.loadMappings(generation: 2)))
        #expect(s.mappings.diffBase == Self.old)
        _ = update(&s, .mappingsLoaded(generation: 2, load: Self.good(Self.new), at: S.now))
        let diff = try! #require(s.mappings.changes?.diff)
        #expect(diff.addedColumns == ["vertex_ai"])
        #expect(diff.addedBetas == ["d-4"])
        #expect(diff.changedCellCount == 2, "anthropic gained d-4, bedrock's c-3 went null → forwarded")
        #expect(s.banner?.text.contains("mapping: +1 column(s) (vertex_ai), +1 beta(s), 2 cell(s) changed in anthropic, bedrock") == true)
        #expect(s.events.contains { $0.text.hasPrefix("beta headers reload: +1 column(s)") })
        _ = update(&s, .key(.char("2")))
        _ = update(&s, .key(.char("d")))
        #expect(s.mappings.mode == .changes)
        let text = view(s, zone: .utc).text
        #expect(text.contains("+ vertex_ai"))
        #expect(text.contains("~ c-3: unsupported (null) → forwarded"))
    }

    /// Issue 19: a beta-header reload answered with another `providers_count` than the
    /// source's is the silent fallback to the bundled copy; the same count says nothing.
    @Test(arguments: [0, 3])
    func aProvidersCountOtherThanTheSourcesIsAFallback(offset: Int) {
        var s = Self.loaded(Self.good(Self.old), screen: .dashboard)
        _ = update(&s, .key(.tab))
        _ = update(&s, .key(.char("r")))
        guard case .perform(_, let generation) = update(&s, .key(.char("y"))).first else { Issue.record("no reload sent"); return }
        let count = BetaHeaderPreview.providersCount(Self.new) + offset
        let reply = ActionReply(result: .success(ActionOutcome(message: "reloaded", count: count, timestamp: S.now)), httpStatus: 200, durationMs: 12)
        _ = update(&s, .actionFinished(generation: generation, reply: reply, at: S.now))
        _ = update(&s, .mappingsLoaded(generation: 2, load: Self.good(Self.new), at: S.now))
        let warned = s.events.contains { $0.text.contains("fell back to its bundled mapping") }
        #expect(warned == (offset != 0), "\(s.events.map(\.text))")
    }

    @Test func aCostMapReloadDoesNotRereadTheMapping() {
        var s = Self.loaded(Self.good(Self.old), screen: .dashboard)
        _ = update(&s, .key(.char("r")))
        guard case .perform(_, let generation) = update(&s, .key(.char("y"))).first else { return }
        let reply = ActionReply(result: .success(ActionOutcome(message: "reloaded", timestamp: S.now)), httpStatus: 200, durationMs: 12)
        let effects = update(&s, .actionFinished(generation: generation, reply: reply, at: S.now))
        #expect(!effects.contains { if case .loadMappings = $0 { true } else { false } })
        #expect(s.mappings.diffBase == nil)
    }

    @Test func filterIsCaseInsensitiveAndEscClearsIt() {
        var s = Self.loaded(Self.good(Self.new))
        _ = update(&s, .key(.char("/")))
        #expect(s.mappings.editingFilter)
        for c in "B-" { _ = update(&s, .key(.char(c))) }
        #expect(s.mappings.rows == ["b-2"])
        _ = update(&s, .key(.char("q")))
        #expect(!s.quitting, "q is typed into the filter, it does not quit")
        #expect(s.mappings.rows.isEmpty)
        _ = update(&s, .key(.backspace))
        _ = update(&s, .key(.enter))
        #expect(!s.mappings.editingFilter)
        #expect(s.mappings.rows == ["b-2"], "Enter keeps the filter")
        _ = update(&s, .key(.escape))
        #expect(s.mappings.rows.count == 4, "Esc in the table clears it")
    }

    @Test func sortTogglesBetweenNameAndSupport() {
        var s = Self.loaded(Self.good(Self.new))
        #expect(s.mappings.rows == ["a-1", "b-2", "c-3", "d-4"])
        _ = update(&s, .key(.char("s")))
        #expect(s.mappings.rows == ["a-1", "b-2", "c-3", "d-4"].sorted {
            (Self.new.supportCount(beta: $0), $1) > (Self.new.supportCount(beta: $1), $0)
        })
        #expect(s.mappings.rows.first == "a-1", "a-1 is on all three providers")
        #expect(s.mappings.rows.last == "d-4", "d-4 only on anthropic")
    }

    @Test func selectionAndColumnsStayInBounds() {
        var s = Self.loaded(Self.good(Self.new))
        _ = update(&s, .key(.up))
        #expect(s.mappings.selection == 0)
        _ = update(&s, .key(.char("G")))
        #expect(s.mappings.selection == 3)
        _ = update(&s, .key(.down))
        #expect(s.mappings.selection == 3)
        // All three columns fit at this size: nothing to scroll to (the real mapping at
        // 80 columns does scroll: MappingTableLayoutTests).
        for _ in 0..<10 { _ = update(&s, .key(.right)) }
        #expect(s.mappings.columnOffset == 0)
        s.mappings.columnOffset = 2
        for _ in 0..<10 { _ = update(&s, .key(.char("h"))) }
        #expect(s.mappings.columnOffset == 0)
    }

    @Test func theHeaderCheckRunsOnEnterAndAnEmptyLineIsRefused() {
        var s = Self.loaded(Self.good(Self.new))
        _ = update(&s, .key(.char("c")))
        #expect(s.mappings.editingCheck)
        _ = update(&s, .key(.enter))
        #expect(s.mappings.editingCheck, "an empty line keeps the field open")
        #expect(s.notice?.contains("paste an anthropic-beta header line") == true)
        for c in "c-3, b-2,zz" { _ = update(&s, .key(.char(c))) }
        _ = update(&s, .key(.enter))
        #expect(s.mappings.mode == .check)
        let bedrock = s.mappings.checkResults.first { $0.provider == "bedrock" && $0.placement == .header }
        #expect(bedrock?.forwarded == ["bee-2", "c-3"])
        #expect(bedrock?.dropped.map(\.beta) == ["zz"])
        let text = view(s, zone: .utc).text
        #expect(text.contains("3 beta(s) read: c-3, b-2, zz"))
        #expect(text.contains("renamed b-2 → bee-2"))
        #expect(text.contains("dropped zz: unknown to bedrock"))
        _ = update(&s, .key(.escape))
        #expect(s.mappings.mode == .table)
    }

    @Test func aReadMappingRecomputesTheCheckShown() {
        var s = Self.loaded(Self.good(Self.old))
        _ = update(&s, .key(.char("c")))
        for c in "c-3" { _ = update(&s, .key(.char(c))) }
        _ = update(&s, .key(.enter))
        #expect(s.mappings.checkResults.first { $0.provider == "bedrock" }?.forwarded == [])
        _ = update(&s, .key(.ctrl("r")))
        _ = update(&s, .mappingsLoaded(generation: s.mappings.loadInFlight!, load: Self.good(Self.new), at: S.now))
        #expect(s.mappings.checkResults.first { $0.provider == "bedrock" }?.forwarded == ["c-3"])
    }

    @Test func bundledDiffNeedsARealSource() {
        var s = Self.loaded(Self.failed)
        _ = update(&s, .key(.char("b")))
        #expect(s.mappings.changes == nil)
        #expect(s.notice?.contains("bundled copy") == true)
        var t = Self.loaded(Self.good(Self.old))
        _ = update(&t, .key(.char("b")))
        #expect(t.mappings.mode == .changes)
        #expect(t.mappings.changes?.title == "bundled copy → current source")
    }
}

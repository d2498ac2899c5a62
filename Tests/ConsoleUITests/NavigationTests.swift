import Foundation
import Testing
@testable import ConsoleUI
@testable import ProxyAdmin

/// Issue 20: every view behaves the same way — the list keys, Esc one level back and
/// never quitting, q quitting, `v` showing a cut row whole, `/` on a diff filtering the
/// diff, and pages that wrap instead of cutting.
@Suite struct NavigationTests {
    typealias S = Scenarios

    /// The shared list keys, and the action each must reach, in every view with a list.
    static let listKeys: [(Key, Action)] = [
        (.up, .moveUp), (.char("k"), .moveUp), (.down, .moveDown), (.char("j"), .moveDown),
        (.pageUp, .pageUp), (.ctrl("u"), .pageUp), (.pageDown, .pageDown), (.ctrl("d"), .pageDown),
        (.home, .moveTop), (.char("g"), .moveTop), (.end, .moveBottom), (.char("G"), .moveBottom),
    ]

    @Test(arguments: ViewRegistry.all.filter { $0.screen != .dashboard }.map(\.name))
    func everyListViewAnswersTheSharedNavigationKeys(_ name: String) throws {
        let spec = try #require(ViewRegistry.spec(named: name))
        for (key, action) in Self.listKeys {
            #expect(spec.keys.action(for: key) == action, "\(name): \(key.label) should \(action)")
        }
        #expect(spec.keys.action(for: .char("q")) == .quit, "\(name): q quits")
        #expect(spec.keys.action(for: .escape) != .quit, "\(name): Esc never quits")
    }

    /// Esc, pressed again and again from any view with its filters set, comes back to the
    /// dashboard one level at a time and never quits.
    @Test(arguments: ViewRegistry.all.map(\.name))
    func escGoesBackToTheDashboardAndNeverQuits(_ name: String) throws {
        let spec = try #require(ViewRegistry.spec(named: name))
        var s = MappingsUpdateTests.loaded(MappingsUpdateTests.good(MappingsUpdateTests.new), screen: spec.screen)
        s.history.job = .costMap
        for _ in 0..<6 {
            let effects = update(&s, .key(.escape))
            #expect(!effects.contains(.quit) && !s.quitting, "\(name): Esc quit")
        }
        #expect(s.screen == .dashboard, "\(name): six Esc did not reach the dashboard")
    }

    @Test func escInHistoryClearsTheFiltersFirst() {
        var s = S.polled(S.snapshot())
        s.screen = .history
        s.history.job = .costMap
        s.history.outcome = .failure
        _ = update(&s, .key(.escape))
        #expect(s.screen == .history && s.history.job == nil && s.history.outcome == nil)
        _ = update(&s, .key(.escape))
        #expect(s.screen == .dashboard)
    }

    @Test func escInMappingsStepsBackThenLeaves() {
        var s = MappingsUpdateTests.loaded(MappingsUpdateTests.good(MappingsUpdateTests.new))
        _ = update(&s, .key(.char("/")))
        _ = update(&s, .key(.char("b")))
        _ = update(&s, .key(.enter))
        #expect(s.mappings.filter.text == "b")
        _ = update(&s, .key(.escape))
        #expect(s.screen == .mappings && s.mappings.filter.text.isEmpty, "the filter goes first")
        _ = update(&s, .key(.escape))
        #expect(s.screen == .dashboard)
    }

    /// `/` typed while the mapping's changes are open filters the changes, not the table.
    @Test func slashOnMappingChangesFiltersTheChanges() {
        var s = MappingsUpdateTests.loaded(MappingsUpdateTests.good(MappingsUpdateTests.old))
        s.mappings.changes = MappingChanges(diff: BetaHeaderDiff(from: MappingsUpdateTests.old, to: MappingsUpdateTests.new),
                                            title: "what the reload changed", at: S.now)
        s.mappings.mode = .changes
        _ = update(&s, .key(.char("/")))
        #expect(s.mappings.editingDiffFilter && !s.mappings.editingFilter)
        for c in "d-4" { _ = update(&s, .key(.char(c))) }
        _ = update(&s, .key(.enter))
        #expect(s.mappings.mode == .changes && s.mappings.filter.text.isEmpty, "the table's filter is untouched")
        let text = s.mappings.changeLines.map { $0.map(\.text).joined() }
        #expect(text.contains("  + d-4"))
        #expect(text.contains("2 change(s) match \"d-4\""), "the new beta and its anthropic cell")
        #expect(!text.contains("Columns added") && !text.contains("bedrock: 1 change(s)"), "other changes are filtered out: \(text)")
        #expect(view(s, zone: .utc).text.contains("filter: d-4"))
        _ = update(&s, .key(.escape))
        #expect(s.mappings.mode == .changes && s.mappings.diffFilter.text.isEmpty, "Esc clears the diff filter first")
        _ = update(&s, .key(.escape))
        #expect(s.mappings.mode == .table)
    }

    @Test func slashOnCostMapChangesFiltersByModelName() {
        let old = ModelsUpdateTests.map(#"{"gpt-4o": {"input_cost_per_token": 1e-6}, "claude-3": {"input_cost_per_token": 1e-6}}"#)
        let new = ModelsUpdateTests.map(#"{"gpt-4o": {"input_cost_per_token": 2e-6}, "claude-3": {"input_cost_per_token": 3e-6}, "claude-4": {}}"#)
        var changes = CostMapChanges(diff: CostMapDiff(old: old, new: new), title: "t", since: nil, at: S.now)
        #expect(changes.rows.count == 2 + 3 + 2 + 2 * 2, "summary, counts; new (blank, heading, 1); changed (blank, heading, 2 × (model, field))")
        changes.setFilter("CLAUDE")
        #expect(changes.rows.contains(.heading("New models (1 of 1)")))
        #expect(changes.rows.contains(.heading("Changed models (1 of 2, 2 re-priced)")))
        #expect(!changes.rows.contains(.changed(changes.diff.changed.firstIndex { $0.name == "gpt-4o" }!)))
        changes.setFilter("nothing-like-this")
        #expect(changes.rows.contains(.heading("no changed model matches \"nothing-like-this\"")))
    }

    /// `v` shows the selected row whole; Esc closes it, q quits from it.
    @Test func vShowsTheSelectedRowWhole() {
        var s = MappingsUpdateTests.loaded(MappingsUpdateTests.good(MappingsUpdateTests.new))
        _ = update(&s, .key(.char("v")))
        #expect(s.wholeText != nil)
        let text = view(s, zone: .utc).text
        #expect(text.contains("Beta a-1") && text.contains("vertex_ai") && text.contains("Esc, Enter or v closes"), "\(text)")
        _ = update(&s, .key(.escape))
        #expect(s.wholeText == nil && s.screen == .mappings, "Esc closes the panel only")
        _ = update(&s, .key(.char("v")))
        #expect(update(&s, .key(.char("q"))) == [.quit])
    }

    @Test func vOnAHistoryRecordShowsItsWholeMessage() {
        var s = S.polled(S.snapshot())
        let long = String(repeating: "the proxy said something long ", count: 8) + "END"
        let record = HistoryRecord(time: S.now, proxy: "http://localhost:4000", job: .costMap, action: .reload,
                                   outcome: .failure, httpStatus: 500, durationMs: 12, message: long)
        _ = update(&s, .historyLoaded(.success(HistoryFile(records: [record], skippedLines: 0))))
        s.screen = .history
        #expect(!view(s, zone: .utc).text.contains("END"), "the list cuts the message")
        _ = update(&s, .key(.char("v")))
        let text = view(s, zone: .utc).text
        #expect(text.contains("END") && text.contains("HTTP status"), "\(text)")
    }

    @Test func vOnTheDashboardShowsTheSelectedJobAndTheSourceWhole() {
        var s = S.polled(S.snapshot())
        _ = update(&s, .key(.char("v")))
        let text = view(s, zone: .utc).text
        #expect(text.contains("Model cost map") && text.contains("every 6 h") && text.contains("http://127.0.0.1:8765/model_prices_and_context_window.json"), "\(text)")
        _ = update(&s, .key(.escape))
        #expect(s.wholeText == nil && !s.quitting)
    }

    @Test func vWithNothingSelectedSaysSo() {
        var s = S.polled(S.snapshot())
        s.screen = .pods
        _ = update(&s, .key(.char("v")))
        #expect(s.wholeText == nil && s.notice == "nothing selected to show")
    }

    @Test func podsAndContextsPageWithPgUpPgDn() {
        var s = FleetUpdateTests.fleetState(size: ScreenSize(width: 120, height: 15))
        s.screen = .contexts
        let count = s.config.contexts.count
        _ = update(&s, .key(.pageDown))
        #expect(s.fleet.contextSelection == min(count - 1, PagedTable.visibleRows(box: PagedTable.body(s.size))))
        _ = update(&s, .key(.end))
        #expect(s.fleet.contextSelection == count - 1)
        _ = update(&s, .key(.ctrl("u")))
        #expect(s.fleet.contextSelection == max(0, count - 1 - PagedTable.visibleRows(box: PagedTable.body(s.size))))
    }
}

/// Pages wrap their lines instead of cutting them.
@Suite struct LineWrapTests {
    func text(_ lines: [Line]) -> [String] { lines.map { $0.map(\.text).joined() } }

    @Test func aLineThatFitsIsKept() {
        #expect(text(LineWrap.wrap([Span("short", .label)], width: 10)) == ["short"])
    }

    @Test func wrapsAtSpacesUnderAPaddedLabel() {
        let line: Line = [Span("max_tokens  ", .label), Span("one two three four five", .value)]
        #expect(text(LineWrap.wrap(line, width: 26)) == ["max_tokens  one two three", "            four five"])
    }

    @Test func wrapsAHeaderValueAtItsCommasButNotANumber() {
        let line: Line = [Span("bedrock  ", .label), Span("aaaa-1,bbbb-2,cccc-3", .value)]
        #expect(text(LineWrap.wrap(line, width: 18)) == ["bedrock  aaaa-1,", "         bbbb-2,", "         cccc-3"])
        #expect(text(LineWrap.wrap([Span("x 1,048,576")], width: 6)) == ["x", "  1,04", "  8,57", "  6"])
    }

    @Test func stylesStayWithTheirWords() {
        let out = LineWrap.wrap([Span("aa ", .label), Span("bb", .error)], width: 3)
        #expect(out.count == 2 && out[1].last == Span("bb", .error))
    }

    @Test func aControlCharacterIsMeasuredEscaped() {
        let out = LineWrap.wrap([Span("a\u{1b}b")], width: 4)
        #expect(!text(out).joined().contains("\u{1b}") && text(out).joined().contains("\\x1"), "\(text(out))")
        #expect(out.allSatisfy { $0.reduce(0) { $0 + DisplayWidth.of($1.text) } <= 4 })
    }

    @Test func neverLoopsOnAWideCharacterInOneColumn() {
        #expect(text(LineWrap.wrap([Span("漢字")], width: 1)) == ["漢", "字"])
        #expect(LineWrap.wrap([Span("x")], width: 0).isEmpty)
    }
}

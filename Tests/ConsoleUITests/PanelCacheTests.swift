import Foundation
import Testing
@testable import ConsoleUI
@testable import ProxyAdmin

/// `view` with the runner's `PanelCache` must draw exactly what `view` without one draws,
/// frame after frame: ticks that move only the countdowns, new data, a selection change, a
/// resize, a failed poll (stale panels), overlays, events coming and going.
@Suite struct PanelCacheTests {
    @Test func cachedFramesEqualFreshFrames() {
        let cache = PanelCache()
        var state = Scenarios.polled(Scenarios.snapshot(), size: ScreenSize(width: 120, height: 40))
        var frames = 0
        func check(_ what: String) {
            frames += 1
            let cached = view(state, cache: cache), fresh = view(state)
            #expect(cached == fresh, "frame \(frames): \(what)\n\(cached.text)\n---\n\(fresh.text)")
        }
        check("first frame")
        for second in 1...5 {
            _ = update(&state, .tick(Scenarios.now.addingTimeInterval(Double(second))))
            check("tick \(second)")
        }
        _ = update(&state, .key(.tab))
        check("selection moved")
        for i in 0..<4 { logEvent(&state, Scenarios.now, "event \(i): cost map reloaded — 3 prices changed", .ok) }
        check("events arrive")
        _ = update(&state, .tick(Scenarios.now.addingTimeInterval(61)))
        check("a minute on")
        _ = update(&state, .key(.char("?")))
        check("help overlay")
        _ = update(&state, .key(.escape))
        check("help closed")
        _ = update(&state, .key(.char("2")))
        check("mappings view: its own footer")
        _ = update(&state, .key(.char("1")))
        _ = update(&state, .key(.escape))
        check("back")
        _ = update(&state, .resized(ScreenSize(width: 80, height: 24)))
        check("narrower")
        _ = update(&state, .resized(ScreenSize(width: 70, height: 30)))
        check("stacked layout")
        _ = update(&state, .tick(Scenarios.now.addingTimeInterval(70)))
        if let generation = state.pollInFlight {
            _ = update(&state, .pollFinished(generation: generation, snapshot: Scenarios.failing(.unreachable("connection refused")),
                                            at: Scenarios.now.addingTimeInterval(70)))
        } else {
            _ = update(&state, .key(.ctrl("r")))
            _ = update(&state, .pollFinished(generation: state.pollInFlight ?? 0, snapshot: Scenarios.failing(.unreachable("connection refused")),
                                            at: Scenarios.now.addingTimeInterval(70)))
        }
        check("poll failed: stale")
        _ = update(&state, .tick(Scenarios.now.addingTimeInterval(71)))
        check("stale tick")
        _ = update(&state, .resized(ScreenSize(width: 120, height: 40)))
        _ = update(&state, .key(.ctrl("r")))
        _ = update(&state, .pollFinished(generation: state.pollInFlight ?? 0,
                                        snapshot: Scenarios.snapshot(cost: Scenarios.overdue, source: Scenarios.fallbackSource),
                                        at: Scenarios.now.addingTimeInterval(72)))
        check("recovered: overdue, fallback")
        _ = update(&state, .tick(Scenarios.now.addingTimeInterval(73)))
        check("tick after recovery")
        #expect(frames == 19)
        #expect(cache.hits >= 20, "ticks reuse the panels (\(cache.hits) hits)")
    }

    /// The steady rows kept between frames follow every text that moves with the clock:
    /// second by second through "just now" → "1m ago", a next run reached (due, then
    /// overdue after the grace minute), an overdue age, "in 59s", a local midnight (the
    /// clock times gain their date) and a stale panel's age. Cached and fresh frames agree
    /// every second.
    @Test func steadyRowsFollowEveryMovingText() {
        typealias S = Scenarios
        let cache = PanelCache()
        // 23:58:30 local at S.now: midnight falls inside the run.
        let zone = LocalZone { _ in 18 * 3600 + 7 * 60 + 5 }
        let cost = JobStatus(scheduled: true, intervalHours: 6, lastRun: S.ago(50), nextRun: S.now.addingTimeInterval(75))
        let source = CostMapSource(source: "remote", url: "http://x/y.json", isEnvForced: false, modelCount: 1, loadedAt: S.ago(45))
        var state = S.polled(S.snapshot(cost: cost, beta: S.overdue, source: source), size: ScreenSize(width: 120, height: 40))
        var drawn = 0
        for second in 1...260 {
            let now = S.now.addingTimeInterval(Double(second))
            _ = update(&state, .tick(now))
            if second == 200, let generation = state.pollInFlight {
                _ = update(&state, .pollFinished(generation: generation, snapshot: S.failing(.unreachable("refused")), at: now))
            }
            let cached = view(state, zone: zone, cache: cache), fresh = view(state, zone: zone)
            #expect(cached == fresh, "second \(second)\n\(cached.text)\n---\n\(fresh.text)")
            drawn += 1
            if cached != fresh { break }
        }
        #expect(drawn == 260)
    }

    /// A panel with the same frame is copied and only its changed rows are drawn; a new
    /// frame (title) draws it whole.
    @Test func anUnchangedFrameIsCopiedAndOnlyChangedRowsDrawn() {
        let cache = PanelCache()
        var buffer = CellBuffer(width: 30, height: 6)
        let rect = Rect(x: 0, y: 0, width: 30, height: 6)
        buffer.drawPanel(Box(title: "A"), lines: [[Span("one")], [Span("two")]], in: rect, slot: "a", cache: cache)
        #expect(cache.entry("a")?.lines.count == 2)
        // Paint over the inside: a copy from the cache restores it, a redraw of only the
        // changed row leaves the unchanged row as the cache had it.
        var second = CellBuffer(width: 30, height: 6)
        second.drawPanel(Box(title: "A"), lines: [[Span("one")], [Span("TWO")]], in: rect, slot: "a", cache: cache)
        #expect(cache.hits == 1)
        #expect(second.text.contains("one") && second.text.contains("TWO") && !second.text.contains("two"))
        #expect(second == { var b = CellBuffer(width: 30, height: 6); b.drawPanel(Box(title: "A"), lines: [[Span("one")], [Span("TWO")]], in: rect, slot: "a", cache: nil); return b }())
    }

    @Test func aNewFrameOrAStalePanelIsDrawnWhole() {
        let cache = PanelCache()
        var buffer = CellBuffer(width: 30, height: 6)
        let rect = Rect(x: 0, y: 0, width: 30, height: 6)
        buffer.drawPanel(Box(title: "A"), lines: [[Span("one")]], in: rect, slot: "a", cache: cache)
        buffer.drawPanel(Box(title: "B"), lines: [[Span("one")]], in: rect, slot: "a", cache: cache)
        #expect(cache.hits == 0 && buffer.text.contains("B"))
        buffer.drawPanel(Box(title: "B"), lines: [[Span("one")]], in: rect, slot: "a", cache: cache, keep: false)
        #expect(cache.hits == 0 && cache.entry("a") == nil)
    }
}

import Foundation
import Testing
@testable import ConsoleUI
@testable import ProxyAdmin

/// The Models view's state changes: opening fetches once, progress, keep-last-good,
/// filter/sort/selection, the diff after synctop's own reload and after the proxy's.
@Suite struct ModelsUpdateTests {
    typealias S = Scenarios

    /// Odd entries on purpose: a string price, a missing provider, a nested object, a
    /// non-object entry, token counts as a float and as a string.
    static let oldJSON = """
    {"sample_spec": {"input_cost_per_token": "set to 0"},
     "gpt-4o": {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 2.5e-06, "output_cost_per_token": 1e-05, "max_input_tokens": 128000, "max_output_tokens": 16384},
     "claude-sonnet-4-5": {"litellm_provider": "anthropic", "mode": "chat", "input_cost_per_token": "3e-06", "output_cost_per_token": 1.5e-05, "max_input_tokens": 200000.0, "max_output_tokens": "64000"},
     "orphan-model": {"mode": "embedding", "input_cost_per_token": 1e-07, "tiers": {"above_200k": {"input": 6e-06}}},
     "weird": "not an object",
     "old-model": {"litellm_provider": "openai", "input_cost_per_token": 1e-06}}
    """
    static let newJSON = """
    {"gpt-4o": {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 2e-06, "output_cost_per_token": 1e-05, "max_input_tokens": 128000, "max_output_tokens": 16384},
     "claude-sonnet-4-5": {"litellm_provider": "anthropic", "mode": "chat", "input_cost_per_token": "3e-06", "output_cost_per_token": 1.5e-05, "max_input_tokens": 200000.0, "max_output_tokens": "64000", "supports_vision": true},
     "orphan-model": {"mode": "embedding", "input_cost_per_token": 1e-07, "tiers": {"above_200k": {"input": 6e-06}}},
     "weird": "not an object",
     "new-model": {"litellm_provider": "bedrock", "mode": "chat", "input_cost_per_token": 4e-06}}
    """
    static func map(_ json: String) -> CostMap { try! CostMap.parse(Array(json.utf8)) }
    /// A fetch as the runner hands it over: with the diff against `previous` when one was asked for.
    static func fetch(_ json: String, previous: String? = nil) -> CostMapFetch {
        let now = map(json)
        return CostMapFetch(map: now, byteCount: json.utf8.count, url: "http://localhost:4000/public/litellm_model_cost_map",
                            diff: previous.map { CostMapDiff(old: map($0), new: now) },
                            previousSavedAt: previous == nil ? nil : S.now.addingTimeInterval(-3600))
    }

    /// On the Models view with `json` loaded.
    static func loaded(_ json: String = oldJSON) -> AppState { loaded(fetch(json)) }

    static func loaded(_ fetch: CostMapFetch) -> AppState {
        var s = S.polled(S.snapshot())
        _ = update(&s, .key(.char("3")))
        _ = update(&s, .costMapLoaded(generation: s.models.loadInFlight!, .success(fetch), at: S.now))
        return s
    }

    func names(_ s: AppState) -> [String] { s.models.rows.map { s.models.map!.entries[$0].name } }

    @Test func openingFetchesOnceWithProgress() {
        var s = S.polled(S.snapshot())
        #expect(update(&s, .key(.char("3"))) == [.loadCostMap(generation: 1, diffAgainst: .none)])
        #expect(s.screen == .models && s.models.progress == .fetching)
        #expect(view(s, zone: .utc).text.contains("fetching the cost map from the proxy…"))
        _ = update(&s, .costMapProgress(generation: 1, .decoding(bytes: 3_176_369)))
        #expect(view(s, zone: .utc).text.contains("decoding 3,101 KB…"))
        #expect(update(&s, .key(.char("1"))) == [])
        #expect(update(&s, .key(.char("3"))) == [], "not fetched twice while one is under way")
        _ = update(&s, .costMapLoaded(generation: 1, .success(Self.fetch(Self.oldJSON)), at: S.now))
        #expect(s.models.progress == nil && s.models.map?.entries.count == 5, "sample_spec left out")
        _ = update(&s, .key(.char("1")))
        #expect(update(&s, .key(.char("3"))) == [], "kept: not fetched again on every visit")
    }

    @Test func aFailedFetchKeepsWhatIsShown() {
        var s = Self.loaded()
        #expect(update(&s, .key(.ctrl("r"))) == [.loadCostMap(generation: 2, diffAgainst: .none)])
        _ = update(&s, .costMapLoaded(generation: 2, .failure(CostMapLoadError("proxy unreachable: connection refused")), at: S.now))
        #expect(s.models.map?.entries.count == 5)
        #expect(s.models.lastFailure == "proxy unreachable: connection refused")
        let screen = view(s, zone: .utc).text
        #expect(screen.contains("✗ proxy unreachable: connection refused") && screen.contains("gpt-4o"))
        _ = update(&s, .costMapLoaded(generation: 1, .success(Self.fetch(Self.newJSON)), at: S.now))
        #expect(s.models.map?["new-model"] == nil, "a stale answer is ignored")
    }

    @Test func filterSortAndSelection() {
        var s = Self.loaded()
        #expect(names(s) == ["claude-sonnet-4-5", "gpt-4o", "old-model", "orphan-model", "weird"])
        for key: Key in [.char("/"), .char("O"), .char("P"), .char("e")] { _ = update(&s, .key(key)) }
        #expect(names(s) == ["gpt-4o", "old-model"], "case-insensitive over model and provider (openai)")
        _ = update(&s, .key(.enter))
        #expect(!s.models.editingFilter && s.models.filter.text == "OPe")
        _ = update(&s, .key(.escape))
        #expect(names(s).count == 5, "Esc clears the filter")
        _ = update(&s, .key(.char("s")))  // provider ▲
        #expect(names(s) == ["claude-sonnet-4-5", "gpt-4o", "old-model", "orphan-model", "weird"])
        _ = update(&s, .key(.char("s")))  // mode ▲
        _ = update(&s, .key(.char("s")))  // input ▼, missing last
        #expect(names(s) == ["claude-sonnet-4-5", "gpt-4o", "old-model", "orphan-model", "weird"])
        _ = update(&s, .key(.char("S")))  // input ▲, missing still last
        #expect(names(s) == ["orphan-model", "old-model", "gpt-4o", "claude-sonnet-4-5", "weird"])
        _ = update(&s, .key(.char("G")))
        #expect(s.models.selectedEntry?.name == "weird")
        _ = update(&s, .key(.enter))
        #expect(s.models.mode == .detail)
        #expect(view(s, zone: .utc).text.contains("(not an object)"))
    }

    @Test func ownReloadDiffsAgainstTheSnapshotFromBefore() {
        var s = Self.loaded()
        _ = update(&s, .key(.char("1")))
        _ = update(&s, .key(.char("r")))
        _ = update(&s, .key(.char("y")))
        // The runner took a snapshot just before the reload went out.
        let baseline = CostMapSnapshotStore.Snapshot(path: "/cache/synctop/cost-maps/x/1.json", savedAt: S.now)
        _ = update(&s, .costMapBaseline(baseline))
        // Meanwhile the source moves on a poll (our reload, still in flight): no second diff.
        var moving = S.snapshot()
        moving.source = .success(CostMapSource(source: "remote", modelCount: 4, sourceRevision: "eeeeeee5"))
        _ = update(&s, .tick(S.now.addingTimeInterval(1)))
        if let g = s.pollInFlight {
            #expect(!update(&s, .pollFinished(generation: g, snapshot: moving, at: S.now.addingTimeInterval(1)))
                .contains { if case .loadCostMap = $0 { true } else { false } }, "a move during our own reload is not 'the proxy's'")
        }
        let done = S.now.addingTimeInterval(2)
        let reply = ActionReply(result: .success(ActionOutcome(message: "Price data reloaded successfully! 4 models updated.", count: 4, timestamp: done)),
                                httpStatus: 200, durationMs: 30)
        let effects = update(&s, .actionFinished(generation: 1, reply: reply, at: done))
        #expect(effects.contains(.loadCostMap(generation: 2, diffAgainst: .snapshot(baseline))), "against the snapshot taken before it")
        _ = update(&s, .costMapLoaded(generation: 2, .success(Self.fetch(Self.newJSON, previous: Self.oldJSON)), at: done))
        let summary = "+1 new, −1 removed, 1 re-priced, 1 other change"
        #expect(s.banner?.text.hasSuffix(" · " + summary) == true, "\(s.banner?.text ?? "")")
        #expect(s.events.last?.text == "cost map reload: \(summary) (3, d: details)")
        #expect(s.models.map?["new-model"] != nil)
        _ = update(&s, .key(.char("3")))
        _ = update(&s, .key(.char("d")))
        let screen = view(s, zone: .utc).text
        #expect(screen.contains("+ new-model") && screen.contains("− old-model") && screen.contains("~ gpt-4o"))
        #expect(screen.contains("input_cost_per_token per 1M: $2.50 → $2.00 (−20%)"), "per 1M, as everywhere else: \(screen)")
        #expect(screen.contains("supports_vision: (absent) → true"))
        #expect(!screen.contains("orphan-model") && !screen.contains("weird"), "unchanged entries (1 == 1.0 too) are not listed")
        // The source moving on the next poll is our own reload, not the proxy's schedule.
        var moved = S.snapshot()
        moved.source = .success(CostMapSource(source: "remote", modelCount: 4))
        _ = update(&s, .pollFinished(generation: s.pollInFlight ?? 0, snapshot: moved, at: done.addingTimeInterval(1)))
        #expect(s.models.loadInFlight == nil)
    }

    @Test func theProxyChangingByItselfIsDiffed() {
        var s = Self.loaded()  // polled once with Scenarios.source (revision df2adeb…, 3412 models)
        var after = S.snapshot()
        after.source = .success(CostMapSource(source: "remote", modelCount: 4, sourceRevision: "bbbbbbb2"))
        _ = update(&s, .tick(S.now.addingTimeInterval(60)))
        let effects = update(&s, .pollFinished(generation: s.pollInFlight!, snapshot: after, at: S.now.addingTimeInterval(60)))
        #expect(effects == [.loadCostMap(generation: 2, diffAgainst: .newestSnapshot)])
        var unchanged = after
        unchanged.costMap = .success(S.scheduled)
        _ = update(&s, .tick(S.now.addingTimeInterval(70)))
        #expect(update(&s, .pollFinished(generation: s.pollInFlight!, snapshot: unchanged, at: S.now.addingTimeInterval(70))) == [],
                "a poll where nothing moved fetches nothing")
        _ = update(&s, .costMapLoaded(generation: 2, .success(Self.fetch(Self.newJSON, previous: Self.oldJSON)), at: S.now.addingTimeInterval(71)))
        #expect(s.events.last?.text == "cost map changed on the proxy (revision df2adeb → bbbbbbb, 3,412 → 4 models): +1 new, −1 removed, 1 re-priced, 1 other change (3, d: details)")
        #expect(s.models.changes?.title == "what changed on the proxy")
        // With no snapshot from before, it says so instead of inventing a diff.
        after.source = .success(CostMapSource(source: "remote", modelCount: 6, sourceRevision: "ccccccc3"))
        _ = update(&s, .tick(S.now.addingTimeInterval(90)))
        _ = update(&s, .pollFinished(generation: s.pollInFlight!, snapshot: after, at: S.now.addingTimeInterval(90)))
        _ = update(&s, .costMapLoaded(generation: 3, .success(Self.fetch(Self.newJSON)), at: S.now.addingTimeInterval(91)))
        #expect(s.events.last?.text == "cost map: no earlier snapshot to compare with; this copy is kept for next time")
    }
}

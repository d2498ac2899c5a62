import Foundation
import Testing
@testable import ConsoleUI
@testable import ProxyAdmin

/// The Models view at 80×24 and 200×50 over the real cost maps (LiteLLM 1.100.5 and
/// 1.109.1, as the simulator's seed holds them), compared as text with Screens/models-*.txt.
/// Record with `SYNCTOP_RECORD_SCREENS=1 swift test --filter ModelsScreenTests`.
@Suite struct ModelsScreenTests {
    typealias S = Scenarios
    typealias U = ModelsUpdateTests
    static let sizes = [ScreenSize(width: 80, height: 24), ScreenSize(width: 200, height: 50), minimumSize]

    static func seed(_ release: String) -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/ProxySimulator/Seed/litellm-\(release)/model_prices_and_context_window.json")
        return try! String(contentsOf: url, encoding: .utf8)
    }
    // Parsed once: the debug build takes a while over 3 MB.
    static let old = U.fetch(seed("1.100.5"))
    static let new = U.fetch(seed("1.109.1"))

    static func scenarios() -> [(String, AppState)] {
        var loading = S.polled(S.snapshot())
        _ = update(&loading, .key(.char("3")))
        _ = update(&loading, .costMapProgress(generation: 1, .decoding(bytes: 3_176_369)))

        var failed = loading
        _ = update(&failed, .costMapLoaded(generation: 1, .failure(CostMapLoadError("proxy unreachable: connection refused")), at: S.now))

        let table = U.loaded(new)
        var filtered = table
        for key: Key in [.char("/")] + "claude-opus".map(Key.char) + [.enter, .char("s"), .char("s"), .char("s"), .char("j")] {
            _ = update(&filtered, .key(key))
        }
        var typing = filtered
        _ = update(&typing, .key(.char("/")))
        var detail = filtered
        _ = update(&detail, .key(.enter))

        var changes = U.loaded(new)
        changes.models.loadInFlight = 9
        changes.models.diffReason = .ownReload
        var reloaded = new
        reloaded.diff = CostMapDiff(old: old.map, new: new.map)
        reloaded.previousSavedAt = S.now.addingTimeInterval(-3600)
        _ = update(&changes, .costMapLoaded(generation: 9, .success(reloaded), at: S.now))
        var changedFields = changes
        _ = update(&changes, .key(.char("d")))
        _ = update(&changedFields, .key(.char("d")))
        _ = update(&changedFields, .key(.char("G")))
        return [
            ("models-loading", loading),
            ("models-failed", failed),
            ("models-table", table),
            ("models-filtered", filtered),
            ("models-typing", typing),
            ("models-detail", detail),
            ("models-changes", changes),
            ("models-changes-end", changedFields),
        ]
    }

    @Test(arguments: sizes)
    func screensMatch(size: ScreenSize) throws {
        try ScreenTests.compare(Self.scenarios(), size: size)
    }

    /// What each screen must show, whatever the recorded text says.
    @Test func screensSayWhatMatters() {
        let t = Dictionary(uniqueKeysWithValues: Self.scenarios().map { name, s in
            var state = s
            state.size = ScreenSize(width: 200, height: 50)
            return (name, view(state, zone: .utc).text)
        })
        #expect(t["models-loading"]!.contains("decoding 3,101 KB…"))
        #expect(t["models-failed"]!.contains("✗ proxy unreachable: connection refused"))
        // 1.109.1's file: 4,553 keys; LiteLLM counts all but fallback_generalizations (its
        // reload answers models_count 4552), sample_spec included though it has no row.
        #expect(t["models-table"]!.contains("Models · 4,552 models (sample_spec counted, not listed) · by model ▲"))
        #expect(t["models-filtered"]!.contains("in $/1M ▼"), "sorted by input price, most expensive first")
        // Prices line up on the point, token limits exact and grouped.
        #expect(t["models-filtered"]!.contains("chat  15.00002  75.0001 "))
        #expect(t["models-filtered"]!.contains("chat  15.00     75.00   "))
        #expect(t["models-filtered"]!.contains(" 200,000  32,000 "))
        #expect(t["models-detail"]!.contains("$1,071.40 / 1M tokens") && t["models-detail"]!.contains("200,000"))
        #expect(!t["models-detail"]!.contains("200000") && !t["models-filtered"]!.contains("200k"), "one format: no bare or shortened counts")
        #expect(t["models-changes"]!.contains("+1,517 new, −375 removed, 762 re-priced, 1,852 other changes "))
        #expect(t["models-changes"]!.contains("│ 3,410 → 4,552 models "), "the counts on a line of their own")
        #expect(t["models-changes"]!.contains("New models (1,517)"))
        #expect(t["models-changes-end"]!.contains(" → "), "field changes old → new")
    }

    /// Every size from tiny to huge draws every scenario without trapping.
    @Test func everySizeDraws() {
        for (_, base) in Self.scenarios() {
            for w in stride(from: 0, through: 240, by: 17) {
                for h in stride(from: 0, through: 70, by: 7) {
                    var s = base
                    s.size = ScreenSize(width: w, height: h)
                    _ = view(s, zone: .utc)
                }
            }
        }
    }
}

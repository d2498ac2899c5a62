import Foundation
import Testing
@testable import ConsoleUI
@testable import ProxyAdmin

/// The proxy's model count reads the same, grouped, wherever a view shows it: the
/// dashboard's source panel, the Pods table, a fleet row (the "N → M models" event:
/// ModelsUpdateTests.theProxyChangingByItselfIsDiffed).
@Suite struct CountFormatTests {
    typealias S = Scenarios
    typealias F = FleetUpdateTests

    @Test func theDashboardShowsTheProxysModelCountGrouped() {
        let s = S.polled(S.snapshot())  // model_count 3412
        let text = view(s, zone: .utc).text
        #expect(text.contains("Models 3,412") && !text.contains("3412"), "\(text)")
    }

    @Test func aFleetRowAndThePodsTableGroupIt() {
        var source = S.source
        source.modelCount = 4879
        #expect(FleetCells.source(source).0 == "remote · 4,879")

        var s = F.fleetState(size: ScreenSize(width: 160, height: 30))
        for (id, _, generation) in F().polls(update(&s, .tick(S.now))) where id.pod != nil {
            var snap = F.snapshot(revision: "aaa", loadedAt: S.now)
            snap.source = .success(source)
            _ = update(&s, .targetPolled(id, generation: generation, snapshot: snap, at: S.now))
        }
        _ = update(&s, .key(.char("5")))
        #expect(s.screen == .pods)
        let text = view(s, zone: .utc).text
        #expect(text.contains("MODELS") && text.contains(" 4,879 "), "\(text)")
        #expect(!text.contains("4879"), "\(text)")
    }
}

import Foundation
import Testing
@testable import ConsoleUI
@testable import ProxyAdmin

/// The preview in the reload dialog: every wrapped line fits the dialog, so no word is cut
/// off by its edge (a continuation line 2 further in lost "not" from "does not have").
@Suite struct PreviewLinesTests {
    static let anomaly = "deployment bedrock-claude is priced by anthropic.claude-3-sonnet-20240229-v1:0, which the new file does not have: its spend would be recorded as 0"

    static func preview() -> CostMapPreview {
        CostMapPreview(sourceURL: "http://127.0.0.1:46469/_sim/remote/model_prices_and_context_window.json", version: "1.110.2", versionGuessed: true,
                       verdict: .loads(entries: 4551), fileEntries: 4551, aliasRows: 0,
                       diff: CostMapPreview.Counts(CostMapDiff(old: CostMap(entries: []), new: CostMap(entries: []))),
                       anomalies: [CostMapPreview.Anomaly(kind: .lostEntry, model: "anthropic.claude-3-sonnet-20240229-v1:0", deployments: ["bedrock-claude"], text: anomaly)],
                       deploymentsChecked: 2, deploymentsError: nil)
    }

    @Test(arguments: [74, 56, 40, 23])
    func everyLineFitsAndNoWordIsLost(width: Int) {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let lines = PreviewLines(preview: ReloadPreview(job: .costMap, generation: 1, startedAt: now, result: .costMap(Self.preview())), now: now, proxy: "http://127.0.0.1:46469")
            .lines(width: width, room: 60)
        for line in lines {
            let text = line.map(\.text).joined()
            #expect(text.count <= width, "\(text.count) > \(width): \(text)")
        }
        // Long words (the URL) are broken without a space: compare without whitespace.
        let all = lines.map { $0.map(\.text).joined() }.joined().filter { !$0.isWhitespace }
        #expect(all.contains("whichthenewfiledoesnothave:itsspendwouldberecordedas0"), "\(all)")
        #expect(all.contains("http://127.0.0.1:46469/_sim/remote/model_prices_and_context_window.json"), "\(all)")
        #expect(!all.contains("…"), "nothing cut: \(all)")
    }
}

import Foundation
import Testing
@testable import ProxyAdmin

@Suite struct ProxyTimestampTests {
    @Test(arguments: [
        ("2026-11-21T05:51:24.340530+00:00", 1_795_240_284.340530),
        ("2026-11-21T05:51:25.428777", 1_795_240_285.428777),
        ("2026-11-21T05:51:25", 1_795_240_285.0),
        ("2026-11-21T05:51:25Z", 1_795_240_285.0),
        ("2026-11-21T07:51:25+02:00", 1_795_240_285.0),
        ("2026-11-21T00:21:25-05:30", 1_795_240_285.0),
        ("2026-11-21 05:51:25.5", 1_795_240_285.5),
        ("2024-02-29T00:00:00+00:00", 1_709_164_800.0),
        ("1970-01-01T00:00:00", 0.0),
    ])
    func parses(text: String, epoch: Double) throws {
        let d = try #require(ProxyTimestamp.parse(text))
        #expect(abs(d.timeIntervalSince1970 - epoch) < 0.000_01, "\(text)")
    }

    @Test(arguments: ["", "yesterday", "2026-11-21", "2026-13-01T00:00:00", "2026-11-21T25:00:00",
                      "2026-11-21T05:51:25.", "2026-11-21T05:51:25+0", "2026-11-21T05:51:25 junk"])
    func rejects(text: String) {
        #expect(ProxyTimestamp.parse(text) == nil)
    }

    /// Agrees with Foundation's own ISO 8601 parser on many instants.
    @Test func agreesWithFoundation() {
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime]
        var seed: UInt64 = 42
        for _ in 0..<2000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let epoch = Double(seed >> 33 % 4_000_000_000)
            let text = iso.string(from: Date(timeIntervalSince1970: epoch))
            #expect(ProxyTimestamp.parse(text)?.timeIntervalSince1970 == epoch, "\(text)")
        }
    }

    @Test func formatRoundTrips() {
        let d = Date(timeIntervalSince1970: 1_795_240_285.428777)
        let text = ProxyTimestamp.format(d)
        #expect(text == "2026-11-21T05:51:25.428777+00:00")
        #expect(abs(ProxyTimestamp.parse(text)!.timeIntervalSince(d)) < 0.000_002)
    }
}

import Testing
@testable import ProxyAdmin

/// A source synctop cannot reach is not a fallback: the proxy may reach it. A source that
/// answers with something LiteLLM refuses is one.
@Suite struct BetaHeaderPreviewTests {
    static let bundled = BetaHeaderLoader.bundled
    static let unreachable = BetaHeaderLoadError.notReached(source: "https://example.invalid/m.json", reason: "host name example.invalid could not be resolved")
    static let refusedFile = BetaHeaderLoadError.unreadable(source: "s", reason: "the server answered HTTP 404")

    @Test func notReachedIsUnknownNotFallback() {
        let p = BetaHeaderPreview.compute(source: "https://example.invalid/m.json", loaded: .failure(Self.unreachable), bundled: Self.bundled,
                                          before: Self.bundled, comparedWith: "x", deployments: [])
        #expect(p.fallbackReason == nil && p.notReached == Self.unreachable.description)
        #expect(p.expectedProvidersCount == BetaHeaderPreview.providersCount(Self.bundled), "the changes are those of a fallback")
        let lines = PreviewReport.lines(p, proxy: "http://p:4000")
        #expect(lines.contains { $0.hasPrefix("  check     UNKNOWN: synctop cannot read https://example.invalid/m.json") })
        #expect(!lines.contains { $0.contains("FALLBACK") })
        let bundledCount = BetaHeaderPreview.providersCount(Self.bundled)
        #expect(p.check(providersCount: bundledCount, bundled: Self.bundled)?.contains("could not read the source either") == true)
        #expect(p.check(providersCount: bundledCount + 3, bundled: Self.bundled)?.contains("it read the source synctop could not reach") == true)

        let refused = BetaHeaderPreview.compute(source: "s", loaded: .failure(Self.refusedFile), bundled: Self.bundled,
                                                before: Self.bundled, comparedWith: "x", deployments: [])
        #expect(refused.fallbackReason != nil && refused.notReached == nil)
        #expect(PreviewReport.lines(refused, proxy: "p").contains { $0.hasPrefix("  check     FALLBACK: ") })
    }
}

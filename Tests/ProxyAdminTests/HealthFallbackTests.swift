import Testing
@testable import ProxyAdmin

/// Health asks readiness first and falls back to liveliness only when readiness fails.
@Suite struct HealthFallbackTests {
    final class Scripted: ProxyTransport, @unchecked Sendable {
        var answers: [String: ProxyResponse]
        var asked: [String] = []
        init(_ answers: [String: ProxyResponse]) { self.answers = answers }
        func send(_ endpoint: Endpoint, apiKey: String?, timeoutSeconds: Int) async throws(ProxyError) -> ProxyResponse {
            asked.append(endpoint.path)
            guard let a = answers[endpoint.path] else { throw .unreachable("connection refused") }
            return a
        }
    }

    @Test func readinessAloneWhenItAnswers() async {
        let t = Scripted(["/health/readiness": ProxyResponse(status: 200, body: Array(#"{"status":"healthy","db":"connected"}"#.utf8))])
        let h = await ProxyAdminClient(transport: t, apiKey: "k").health()
        #expect(h.value == Health(alive: true, readiness: "healthy", database: "connected"))
        #expect(t.asked == ["/health/readiness"])
    }

    @Test func livelinessWhenReadinessFails() async {
        let t = Scripted(["/health/readiness": ProxyResponse(status: 503, body: Array(#"{"detail":"unhealthy"}"#.utf8)),
                          "/health/liveliness": ProxyResponse(status: 200, body: Array(#""I'm alive!""#.utf8))])
        let h = await ProxyAdminClient(transport: t, apiKey: "k").health()
        #expect(h.value == Health(alive: true))
        #expect(t.asked == ["/health/readiness", "/health/liveliness"])
    }

    @Test func unreachableDoesNotAskTwice() async {
        let t = Scripted([:])
        let h = await ProxyAdminClient(transport: t, apiKey: "k").health()
        #expect(h.failure == .unreachable("connection refused"))
        #expect(t.asked == ["/health/readiness"])
    }
}

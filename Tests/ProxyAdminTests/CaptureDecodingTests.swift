import Foundation
import Testing
@testable import ProxyAdmin

/// Every real answer in the captures decodes, and decodes to the right values.
@Suite struct CaptureDecodingTests {
    @Test func everyStatusBodyDecodes() throws {
        let statuses = try Fixtures.all().filter { $0.path.hasSuffix("_reload/status") && $0.status == 200 }
        #expect(statuses.count >= 20)
        for c in statuses {
            let s = try JSONDecoder().decode(JobStatus.self, from: Data(c.bodyBytes))
            // next_run is last_run + interval whenever both are given.
            if let next = s.nextRun, let last = s.lastRun, let h = s.intervalHours {
                #expect(abs(next.timeIntervalSince(last) - Double(h) * 3600) < 0.001, "\(c.path)")
            }
            if !s.scheduled { #expect(s.nextRun == nil) }
        }
    }

    @Test func costMapStatusWithOffsetAndRevision() throws {
        let c = try Fixtures.captures("litellm-1.109.1-with-db.jsonl")[0]
        let s = try JSONDecoder().decode(JobStatus.self, from: Data(c.bodyBytes))
        #expect(s.scheduled)
        #expect(s.intervalHours == 6)
        #expect(s.lastRun == ProxyTimestamp.parse("2026-11-21T05:51:15.756911Z"))
        #expect(s.nextRun!.timeIntervalSince(s.lastRun!) == 6 * 3600)
        #expect(s.sourceRevision == "df2adebb7dfc7b62068e2d56a679e276d719d6e6")
        #expect(s.etag == nil)
    }

    @Test func naiveBetaHeaderTimesAreUTC() throws {
        let c = try Fixtures.captures("litellm-1.109.1-with-db.jsonl").first {
            $0.path == "/schedule/anthropic_beta_headers_reload/status" && ($0.body.value as? [String: Any])?["scheduled"] as? Bool == true
        }!
        let s = try JSONDecoder().decode(JobStatus.self, from: Data(c.bodyBytes))
        // "2026-11-21T05:51:15.809125" carries no offset and means UTC.
        #expect(s.lastRun == ProxyTimestamp.parse("2026-11-21T05:51:15.809125+00:00"))
        #expect(s.intervalHours == 24)
    }

    @Test func sourceBodiesOfBothReleases() throws {
        let old = try Fixtures.captures("litellm-1.100.5-no-db.jsonl").first { $0.path == "/model/cost_map/source" }!
        let o = try JSONDecoder().decode(CostMapSource.self, from: Data(old.bodyBytes))
        #expect(o.source == "remote")
        #expect(o.modelCount == 3412)
        #expect(o.loadedAt == nil && o.sourceRevision == nil) // 1.100.5 omits them
        #expect(!o.isFallback)

        let new = try Fixtures.captures("litellm-1.109.1-with-db.jsonl").first { $0.path == "/model/cost_map/source" }!
        let n = try JSONDecoder().decode(CostMapSource.self, from: Data(new.bodyBytes))
        #expect(n.loadedAt == ProxyTimestamp.parse("2026-11-21T05:51:15.738583+00:00"))
        #expect(n.sourceRevision?.hasPrefix("df2adeb") == true)
    }

    @Test func readinessBody() throws {
        let c = try Fixtures.all().first { $0.path == "/health/readiness" }!
        let r = try JSONDecoder().decode(ReadinessBody.self, from: Data(c.bodyBytes))
        #expect(r.status == "healthy")
        #expect(Health(alive: true, readiness: r.status, database: r.db).databaseConnected == false)
    }

    @Test func unknownFieldsAreIgnoredAndMissingOptionalsTolerated() throws {
        let body = #"{"scheduled": true, "interval_hours": 6, "brand_new": [1,2], "last_run": null}"#
        let s = try JSONDecoder().decode(JobStatus.self, from: Data(body.utf8))
        #expect(s.scheduled && s.intervalHours == 6 && s.lastRun == nil && s.nextRun == nil)
        let src = try JSONDecoder().decode(CostMapSource.self, from: Data(#"{"source":"local"}"#.utf8))
        #expect(src.source == "local" && src.url == nil && src.modelCount == nil)
    }

    @Test func aBadTimestampIsAnErrorNamingTheField() {
        let body = #"{"scheduled": true, "interval_hours": 6, "last_run": "yesterday"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(JobStatus.self, from: Data(body.utf8)) }
        do {
            _ = try JSONDecoder().decode(JobStatus.self, from: Data(body.utf8))
        } catch {
            #expect(ProxyAdminClient.explain(error).contains("last_run"))
        }
    }

    @Test func everyErrorAnswerClassifies() throws {
        var kinds: [String: ProxyError] = [:]
        for c in try Fixtures.all() where c.status >= 400 {
            let e = ProxyError.classify(status: c.status, body: c.bodyBytes, keySent: c.auth != nil)
            kinds["\(c.litellm) \(c.method) \(c.path) \(c.auth ?? "none")"] = e
            switch (c.status, c.auth) {
            case (401, _): #expect(e.kind == .auth)
            case (400, "Bearer sk-wr"): #expect(e == .keyRejectedWithoutDatabase)
            case (500, nil): #expect(e.kind == .auth, "a no-db proxy's bare 500 for a missing key")
            case (500, _): #expect(e == .noDatabase, "\(c.path)")
            case (400, _): #expect(e == .http(status: 400, detail: "Hours must be greater than 0"))
            case (422, _): #expect(e.summary.contains("hours"))
            default: Issue.record("unexpected capture \(c.status) \(c.path)")
            }
        }
        #expect(kinds.count > 10)
    }

    @Test func forbiddenNamesTheRole() {
        let body = Array(#"{"detail":"Access denied. Admin role required. Current role: internal_user"}"#.utf8)
        #expect(ProxyError.classify(status: 403, body: body, keySent: true) == .forbidden(role: "internal_user"))
        // The route check answers a viewer's write before the endpoint does.
        let route = Array(#"{"error":{"message":"user not allowed to access this route, role= proxy_admin_viewer. Trying to access: /reload/model_cost_map","type":"auth_error","param":"None","code":"403"}}"#.utf8)
        #expect(ProxyError.classify(status: 403, body: route, keySent: true) == .forbidden(role: "proxy_admin_viewer"))
        // Real LiteLLM answers an internal_user key on admin routes with 401, not 403.
        let user = Array(#"{"error":{"message":"Authentication Error, Only proxy admin can be used to generate, delete, update info for new keys/users/teams. Route=/schedule/model_cost_map_reload/status. Your role=internal_user. Your user_id=syncto****er","type":"auth_error","param":"None","code":"401"}}"#.utf8)
        #expect(ProxyError.classify(status: 401, body: user, keySent: true) == .forbidden(role: "internal_user"))
        let none = Array(#"{"error":{"message":"Authentication Error, No api key passed in.","type":"auth_error","param":"None","code":"401"}}"#.utf8)
        #expect(ProxyError.classify(status: 401, body: none, keySent: true).summary.hasPrefix("no API key was sent"))
    }

    @Test func reloadSourceFailureIs502() {
        let body = Array(#"{"detail":"Failed to reload model cost map: timed out. Current pricing data was kept."}"#.utf8)
        let e = ProxyError.classify(status: 502, body: body, keySent: true)
        guard case .sourceUnavailable(let why) = e else { Issue.record("got \(e)"); return }
        #expect(why.contains("Current pricing data was kept"))
    }
}

/// Issue 19: LiteLLM 1.110.2's failure answers (captured from the real proxy), each said in
/// words: a refused cost-map file, an interval so large that the status cannot be computed.
@Suite struct LiteLLM1110FailureTests {
    static func captures() throws -> [Capture] { try Fixtures.captures("litellm-1.110.2-with-db.jsonl") }

    @Test func everyRefusedReloadSaysWhyInWords() throws {
        let refused = try Self.captures().filter { $0.path == "/reload/model_cost_map" && $0.status == 502 }
        #expect(refused.count >= 6, "invalid JSON, [], {}, 3 entries, 2,437 entries, 404, stopped server")
        var meanings: Set<String> = []
        for c in refused {
            let e = ProxyError.classify(status: c.status, body: c.bodyBytes, keySent: true)
            guard case .sourceUnavailable(let why) = e else { Issue.record("\(c.body.value) → \(e)"); continue }
            #expect(e.summary.hasPrefix("the reload failed: ") && e.summary.contains("kept its current data"), "\(e.summary)")
            meanings.insert(ProxyError.sourceMeaning(why))
        }
        #expect(meanings.contains { $0.contains("integrity validation") })
        #expect(meanings.contains { $0.contains("not valid JSON") })
        #expect(meanings.contains { $0.contains("not a JSON object") })
        #expect(meanings.contains { $0.contains("after 3 attempts") })
        #expect(meanings.contains { $0.contains("HTTP error") })
    }

    /// The same refusal with LiteLLM's default source (GitHub), as the simulator words it: the
    /// reason runs past 300 characters and its tail still decides the words.
    @Test func aLongReasonKeepsItsTail() {
        let url = "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json"
        let detail = "Failed to reload model cost map: ConnectError fetching \(url): Cannot connect to host raw.githubusercontent.com:443 "
            + "ssl:<ssl.SSLContext object at 0x7f7f56f3dc70> [Connect call failed ('185.199.108.133', 443)] (after 3 attempts). Current pricing data was kept."
        let body = Array(#"{"detail":"\#(detail)"}"#.utf8)
        let e = ProxyError.classify(status: 502, body: body, keySent: true)
        #expect(e.summary.contains("could not get the file from its source after 3 attempts"), "\(e.summary)")
        #expect(e.summary.contains("Current pricing data was kept"))
    }

    @Test func aHugeIntervalIsExplained() throws {
        let broken = try Self.captures().filter { $0.status == 500 && $0.path.hasSuffix("/status") }
        #expect(!broken.isEmpty)
        for c in broken {
            let e = ProxyError.classify(status: c.status, body: c.bodyBytes, keySent: true)
            #expect(e.summary.contains("interval is so large") && e.summary.contains("--hours 6"), "\(e.summary)")
        }
    }

    @Test func aScheduledBetaJobWithoutARunIsPendingNotDue() {
        let s = JobStatus(scheduled: true, intervalHours: 24, lastRun: nil, nextRun: nil)
        #expect(JobPhase(status: s, now: Date(), job: .betaHeaders) == .firstRunPending)
        #expect(JobPhase(status: s, now: Date(), job: .costMap) == .neverRun, "a cost-map schedule that never ran fires at the next check")
    }
}

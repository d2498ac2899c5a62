import Foundation
import Testing
@testable import ProxyAdmin

@Suite struct HistoryRecordTests {
    @Test func roundTripsEveryShape() throws {
        let records = [
            historySample(0.25),
            historySample(61, job: .betaHeaders, action: .schedule, hours: 6, status: 200, ms: 12,
                          message: "scheduled every 6 h"),
            historySample(3600.5, action: .cancel, outcome: .failure, status: 500, ms: 31,
                          message: "this proxy has no database: schedules and reloads need one"),
            historySample(7200, action: .schedule, outcome: .refused, hours: 99999, status: nil, ms: nil,
                          message: "hours must be a whole number from 1 to 8760"),
            historySample(9000, job: .betaHeaders, action: .observedRun, status: nil, ms: nil,
                          message: "last run 05:51:24 (was 23:51:20)"),
            historySample(-86_400 * 365.0 + 0.000001, action: .reload, outcome: .failure, status: nil, ms: 5000,
                          message: "quotes \" backslash \\ newline \n tab \t bell \u{7} unicode ✓ 日本 🙂"),
            historySample(1.123456, message: ""),
        ]
        for record in records {
            let line = record.jsonLine
            #expect(!line.contains("\n"), "a record must stay on one line")
            let back = try #require(HistoryRecord(jsonLine: line), "did not decode: \(line)")
            #expect(back == record)
            #expect(back.jsonLine == line)
        }
    }

    @Test func lineHasFixedKeyOrderAndFormat() {
        let r = historySample(36_131.25, action: .schedule, hours: 6, status: 200, ms: 840, message: "scheduled")
        #expect(r.jsonLine == #"{"time":"2026-11-21T10:02:11.250000+00:00","proxy":"http://localhost:4000","job":"cost-map","action":"schedule","parameters":{"hours":6},"outcome":"success","http_status":200,"duration_ms":840,"message":"scheduled"}"#)
        let refused = historySample(0, action: .reload, outcome: .refused, status: nil, ms: nil, message: "read-only mode")
        #expect(refused.jsonLine == #"{"time":"2026-11-21T00:00:00.000000+00:00","proxy":"http://localhost:4000","job":"cost-map","action":"reload","parameters":{},"outcome":"refused","http_status":null,"duration_ms":null,"message":"read-only mode"}"#)
        #expect(historySample(action: .observedRun).jsonLine.contains(#""action":"observed_run""#))
    }

    /// The file keeps "cost-map" (older synctops read the same file); `history --json`
    /// spells the job as every JSON output does ("cost_map"), and a line with either
    /// spelling reads back.
    @Test func theFileKeepsItsSpellingTheJSONOutputSpellsTheJobAsEveryJSON() throws {
        for (job, file, json) in [(SyncJob.costMap, "cost-map", "cost_map"), (.betaHeaders, "beta-headers", "beta_headers")] {
            let r = historySample(job: job, action: .schedule, hours: 6, status: 200, ms: 840, message: "scheduled")
            #expect(r.jsonLine.contains(#""job":"\#(file)""#), "\(r.jsonLine)")
            let printed = r.json.rendered()
            #expect(printed.contains(#""job":"\#(json)""#) && !printed.contains(file), "\(printed)")
            #expect(HistoryRecord(jsonLine: r.jsonLine) == r)
            #expect(HistoryRecord(jsonLine: printed) == r, "a line as history --json prints it reads back too")
        }
        #expect(SyncJob(anySpelling: "cost_map") == .costMap && SyncJob(anySpelling: "beta-headers") == .betaHeaders)
        #expect(SyncJob(anySpelling: "cost map") == nil && SyncJob(anySpelling: "Cost-Map") == nil)
    }

    /// A reload keeps the count the proxy answered (a beta-header reload's providers_count
    /// is how `check` spots a silent fallback later); other actions have none.
    @Test func aReloadKeepsItsCountAndReadsItBack() throws {
        let outcome = ActionOutcome(message: "reloaded", count: 8)
        let reload = HistoryRecord.of(.reload(.betaHeaders), proxy: "http://p:4000",
                                      reply: ActionReply(result: .success(outcome), httpStatus: 200, durationMs: 5), at: Date(timeIntervalSince1970: 0))
        #expect(reload.count == 8)
        #expect(reload.jsonLine.hasSuffix(#","message":"reloaded","count":8}"#))
        #expect(HistoryRecord(jsonLine: reload.jsonLine)?.count == 8)
        let schedule = HistoryRecord.of(.schedule(.betaHeaders, hours: 3), proxy: "http://p:4000",
                                        reply: ActionReply(result: .success(outcome), httpStatus: 200, durationMs: 5), at: Date(timeIntervalSince1970: 0))
        #expect(schedule.count == nil && !schedule.jsonLine.contains("count"))
    }

    @Test func unknownFieldsAreIgnoredAndOptionalsMayBeAbsent() throws {
        let later = #"{"v":2,"time":"2026-11-21T10:02:11.250000+00:00","proxy":"http://p:4000","job":"beta-headers","action":"schedule","parameters":{"hours":3,"jitter_minutes":5},"outcome":"failure","http_status":403,"duration_ms":17,"message":"role","operator":{"name":"ann","tty":"pts/3"},"tags":["a",1,null]}"#
        let r = try #require(HistoryRecord(jsonLine: later))
        #expect(r.job == .betaHeaders)
        #expect(r.action == .schedule)
        #expect(r.parameters.hours == 3)
        #expect(r.outcome == .failure)
        #expect(r.httpStatus == 403)
        #expect(r.durationMs == 17)
        #expect(r.message == "role")
        #expect(r.time == historyTime(36_131.25))

        let minimal = #"{"time":"2026-11-21T00:00:00Z","proxy":"http://p","job":"cost-map","action":"observed_run","outcome":"success","message":""}"#
        let m = try #require(HistoryRecord(jsonLine: minimal))
        #expect(m.parameters == .none)
        #expect(m.httpStatus == nil)
        #expect(m.durationMs == nil)
        #expect(m.time == historyTime(0))
    }

    @Test func linesThatAreNotRecordsAreRejected() {
        let good = historySample().jsonLine
        let bad = [
            "",
            "not json",
            String(good.prefix(good.count / 2)), // torn
            good.replacingOccurrences(of: #""action":"reload""#, with: #""action":"purge""#), // future action
            good.replacingOccurrences(of: #""job":"cost-map""#, with: #""job":"pricing""#),
            good.replacingOccurrences(of: #""outcome":"success""#, with: #""outcome":"maybe""#),
            good.replacingOccurrences(of: "2026-11-21T00:00:00.000000+00:00", with: "yesterday"),
            good.replacingOccurrences(of: #","message":"reloaded 2345 models""#, with: ""), // no message
            "[1,2,3]",
        ]
        #expect(HistoryRecord(jsonLine: good) != nil)
        for line in bad {
            #expect(HistoryRecord(jsonLine: line) == nil, "accepted: \(line)")
        }
    }

    /// No field can hold a credential: the encoded keys are exactly the documented ones and
    /// none is named like a key, token or header, at any depth.
    @Test func neverAFieldForTheKey() throws {
        let r = historySample(action: .schedule, outcome: .failure, hours: 4, status: 401, ms: 20,
                              message: "the key is wrong or missing")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.jsonLine.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["time", "proxy", "job", "action", "parameters", "outcome", "http_status",
                                     "duration_ms", "message"])
        var names: [String] = []
        func collect(_ value: Any) {
            if let dict = value as? [String: Any] {
                for (k, v) in dict { names.append(k.lowercased()); collect(v) }
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(object)
        for name in names {
            for word in ["key", "auth", "token", "bearer", "secret", "password", "header"] {
                #expect(!name.contains(word), "field \(name) looks like it could hold a credential")
            }
        }
    }

    @Test func credentialsAreKeptOutOfTheLine() {
        let key = "sk-master-0123456789abcd"
        let r = historySample(message: "proxy said: Received API Key = \(key), twice \(key)",
                              proxy: "https://admin:hunter2@proxy.example:4000/litellm")
            .redacting(key: key)
        #expect(!r.jsonLine.contains(key))
        #expect(r.message == "proxy said: Received API Key = sk-…abcd, twice sk-…abcd")
        #expect(!r.jsonLine.contains("hunter2"))
        #expect(r.proxy == "https://proxy.example:4000/litellm")
        // Nothing to redact: unchanged.
        #expect(historySample().redacting(key: key) == historySample())
        #expect(historySample().redacting(key: nil) == historySample())
        #expect(HistoryRecord.withoutUserInfo("http://localhost:4000/a@b") == "http://localhost:4000/a@b")
    }
}

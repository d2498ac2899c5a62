import Foundation
import Testing
@testable import ProxyAdmin

/// Issue 17: one sanitiser, one redactor, answers classified by what was answered.
@Suite struct SafeTextTests {
    @Test func controlsEscapesAndBidiBecomeVisible() {
        #expect(SafeText.escaped("ok \u{1B}]0;pwned\u{07} done") == "ok \\x1b]0;pwned\\x07 done")
        #expect(SafeText.escaped("abc\u{202E}fed") == "abc\\u202efed")
        #expect(SafeText.escaped("\u{2066}x\u{2069}") == "\\u2066x\\u2069")
        #expect(SafeText.escaped("del\u{7F} c1\u{9B}") == "del\\x7f c1\\x9b")
        #expect(SafeText.escaped("a\nb\tc\r") == "a\\nb\\tc\\r")
        #expect(SafeText.escaped("prix: 3,00 € — ok ✓ 日本") == "prix: 3,00 € — ok ✓ 日本", "printable text is untouched")
    }

    @Test func outputKeepsOurLineBreaksOnly() {
        #expect(SafeText.forOutput("line one\nline \u{1B}[2Jtwo\n") == "line one\nline \\x1b[2Jtwo\n")
    }

    @Test func jsonEscapesWhatATerminalWouldActOn() {
        let json = JSONValue.string("x\u{1B}[31m\u{202E}\u{7F}\u{85}").rendered()
        #expect(json == "\"x\\u001b[31m\\u202e\\u007f\\u0085\"")
    }

    @Test func aCutLineEndsInAnEllipsis() {
        #expect(SafeText.line(String(repeating: "a", count: 400), limit: 10) == "aaaaaaaaaa…")
    }
}

@Suite(.serialized) struct RedactorTests {
    @Test func bodiesAreScrubbedOfTheKey() {
        let key = "sk-live-0123456789abcdef"
        let body = Array(#"{"detail":"bad header Authorization: Bearer sk-live-0123456789abcdef (sk-live-0123456789abcdef)"}"#.utf8)
        let out = String(decoding: Redactor.scrub(body, secret: key), as: UTF8.self)
        #expect(!out.contains(key))
        #expect(out == #"{"detail":"bad header Authorization: Bearer sk-…cdef (sk-…cdef)"}"#)
        let clean = Array("nothing here".utf8)
        #expect(Redactor.scrub(clean, secret: key) == clean)
    }

    @Test func registeredSecretsLeaveEveryLine() {
        Redactor.reset()
        defer { Redactor.reset() }
        Redactor.register(apiKey: "sk-abcdefghijklmnop")
        URLText.registerSecrets(of: "https://ops:hunter22@proxy.example/litellm")
        #expect(SafeText.forOutput("key sk-abcdefghijklmnop, pass hunter22") == "key sk-…mnop, pass ***")
        // By bytes: a combining mark after the key makes it another character, not another key.
        #expect(Redactor.redact("sk-abcdefghijklmnop\u{301} and hunter22hunter22") == "sk-…mnop\u{301} and ******")
        #expect(Redactor.redact("nothing secret") == "nothing secret")
    }

    @Test func urlPasswordsAreShownAsStars() {
        #expect(URLText.display("https://ops:hunter22@proxy:4000/x") == "https://ops:***@proxy:4000/x")
        #expect(URLText.display("http://proxy:4000") == "http://proxy:4000")
        #expect(URLText.display("http://user@proxy") == "http://user@proxy")
    }

    @Test func urlsWithLineBreaksOrSpacesAreRefused() {
        #expect(URLText.forbiddenCharacter(in: "http://h/x\r\nX-Evil: 1") == "\\r")
        #expect(URLText.forbiddenCharacter(in: "http://h/a b") == "a space")
        #expect(URLText.forbiddenCharacter(in: "http://h/a\tb") == "\\t")
        #expect(URLText.forbiddenCharacter(in: "http://h:4000/x?y=1") == nil)
        #expect(throws: SettingsError.self) {
            try ConnectionSettings.resolve(urlFlag: "http://h:4000/x\ny", keyFile: nil, environment: [:], homeDirectory: nil,
                                           readFile: { (_: String) throws(SettingsError) -> String? in nil })
        }
    }
}

@Suite struct AnswerClassificationTests {
    static let nginx502 = Array("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n".utf8)

    @Test func anHTMLErrorPageIsTheFrontsNotTheSources() {
        let e = ProxyError.classify(status: 502, body: Self.nginx502, keySent: true)
        #expect(e == .frontEnd(status: 502, title: "502 Bad Gateway", server: "nginx"))
        #expect(e.summary == "the proxy's front answered 502 Bad Gateway (nginx): LiteLLM behind it is down or restarting")
        #expect(e.kind == .unreachable)
        let gw = Array("<!DOCTYPE html><html><head><title>504 Gateway Time-out</title></head><body>\u{1B}[2J</body></html>".utf8)
        #expect(ProxyError.classify(status: 504, body: gw, keySent: true).summary
                == "the proxy's front answered 504 Gateway Time-out: LiteLLM behind it did not answer in time")
    }

    @Test func aKeylessReadIsNeverNoKeySent() {
        for status in [401, 403, 500] {
            let e = ProxyError.classify(status: status, body: [], keySent: false, endpointTakesKey: false)
            #expect(e.kind == .proxy, "\(status)")
            #expect(!e.summary.contains("no API key was sent"))
        }
        #expect(ProxyError.classify(status: 500, body: [], keySent: false).kind == .proxy, "a bodiless 500 is the proxy's error")
        let litellm = Array(#"{"error":{"message":"Internal server error","type":"internal_server_error"}}"#.utf8)
        #expect(ProxyError.classify(status: 500, body: litellm, keySent: false).kind == .auth, "1.100.5's answer to no key")
    }

    @Test func errorTextFromABodyIsOneSafeLine() {
        let body = Array(#"{"detail":"boom\u001b]0;title\u0007\nsecond line"}"#.utf8)
        let e = ProxyError.classify(status: 500, body: body, keySent: true)
        #expect(e.summary == "proxy answered 500: boom\\x1b]0;title\\x07\\nsecond line")
    }

    @Test func emptyOrWrongShapedStatusIsUnreadable() {
        #expect(throws: (any Error).self) { try JSONDecoderShim.decode(JobStatus.self, from: "{}") }
        #expect(throws: (any Error).self) { try JSONDecoderShim.decode(JobStatus.self, from: #"{"scheduled":"yes"}"#) }
        #expect(throws: (any Error).self) { try JSONDecoderShim.decode(CostMapSource.self, from: "{}") }
    }
}

@Suite struct BoundedReaderTests {
    @Test func anEndlessChunkedStreamStopsAtTheCapWithoutHoldingItTwice() throws {
        var reader = HTTPResponseReader(maxBodyBytes: 1 << 20)
        _ = try reader.append(Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".utf8))
        let chunk = Array("400\r\n".utf8) + [UInt8](repeating: 0x61, count: 0x400) + Array("\r\n".utf8)
        var fed = 0
        #expect(throws: HTTPResponseReader.Failure.tooLarge) {
            while true { _ = try reader.append(chunk); fed += 1 }
        }
        #expect(fed == 1024, "stopped at 1 MB of body")
        #expect(reader.rawBufferedBytes < 1 << 17, "decoded chunks leave the raw buffer")
    }

    @Test func aChunkSizeLineThatNeverEndsIsMalformed() {
        var reader = HTTPResponseReader(maxBodyBytes: 1 << 20)
        #expect(throws: HTTPResponseReader.Failure.self) {
            _ = try reader.append(Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".utf8) + [UInt8](repeating: 0x31, count: 4096))
        }
    }

    @Test func eachEndpointHasItsCap() {
        #expect(Endpoint.jobStatus(.costMap).maxBodyBytes == 1 << 20)
        #expect(Endpoint.costMap.maxBodyBytes == 64 << 20)
    }
}

@Suite struct HistoryDeduplicationTests {
    @Test func oneRunSeenByTwoSynctopsCountsOnce() {
        let run = Date(timeIntervalSince1970: 1_795_240_285.123456)
        let a = HistoryRecord.observedRun(.costMap, proxy: "http://p:4000", lastRun: run)
        let other = HistoryRecord.observedRun(.costMap, proxy: "http://q:4000", lastRun: run)
        let bytes = Array([a.jsonLine, a.jsonLine, other.jsonLine].joined(separator: "\n").utf8)
        let parsed = HistoryStore.parse(bytes)
        #expect(parsed.records == [a, other])
        #expect(parsed.skippedLines == 0)
    }
}

@Suite struct RunEvidenceTests {
    static let last = Date(timeIntervalSince1970: 1_795_240_285)
    static let status = JobStatus(scheduled: true, intervalHours: 6, lastRun: last, nextRun: last.addingTimeInterval(6 * 3600))

    @Test func onTimeIsTheScheduleEarlyIsAnotherClient() {
        #expect(RunEvidence.cause(of: Self.last.addingTimeInterval(6 * 3600 + 30), before: Self.status) == .schedule)
        #expect(RunEvidence.cause(of: Self.last.addingTimeInterval(3600), before: Self.status) == .otherClient)
        #expect(RunEvidence.cause(of: Self.last.addingTimeInterval(60), before: JobStatus(scheduled: false)) == .otherClient)
        #expect(RunEvidence.cause(of: Self.last.addingTimeInterval(60), before: JobStatus(scheduled: false), after: Self.status) == .schedule,
                "a schedule set since the last poll fires at its first check")
    }
}

@Suite struct KeyInClearTests {
    func settings(_ url: String, key: String? = "sk-abcdefghijkl") -> ConnectionSettings {
        ConnectionSettings(baseURL: url, urlOrigin: .flag, apiKey: key, keyOrigin: .flag, keySourceName: nil)
    }

    @Test func onlyPlainHTTPToAnotherHostWithAKey() {
        #expect(settings("http://litellm.prod.internal:4000").keySentInClear)
        #expect(settings("http://10.0.0.11:4000").keySentInClear)
        #expect(settings("http://ops:pw@gateway:4000").keySentInClear)
        #expect(!settings("https://litellm.prod.internal").keySentInClear)
        #expect(!settings("http://127.0.0.1:4000").keySentInClear)
        #expect(!settings("http://127.1.2.3:4000").keySentInClear)
        #expect(!settings("http://localhost:4000").keySentInClear)
        #expect(!settings("http://[::1]:4000").keySentInClear)
        #expect(!settings("http://litellm:4000", key: nil).keySentInClear, "no key, nothing to leak")
    }
}

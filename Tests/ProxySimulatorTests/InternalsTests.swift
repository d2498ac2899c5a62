@testable import ProxySimulator
import Testing

/// The Python-compatibility pieces, against outputs taken from CPython 3.11.
@Suite struct InternalsTests {
    @Test func floatReprMatchesPython() {
        let cases: [(Double, String)] = [
            (3e-06, "3e-06"), (1.5e-05, "1.5e-05"), (0.0001, "0.0001"), (0.00001, "1e-05"),
            (200000.0, "200000.0"), (1e16, "1e+16"), (1234567890123456.0, "1234567890123456.0"),
            (0.1, "0.1"), (-2.5, "-2.5"), (0.0, "0.0"), (-0.0, "-0.0"), (3.75e-06, "3.75e-06"),
            (1.7976931348623157e308, "1.7976931348623157e+308"), (Double.leastNonzeroMagnitude, "5e-324"), (123.456, "123.456"),
            (0.30000000000000004, "0.30000000000000004"), (1e22, "1e+22"), (9999999999999998.0, "9999999999999998.0"),
        ]
        for (value, expected) in cases { #expect(PythonFloatRepr.repr(value) == expected, "\(value)") }
    }

    @Test func isoformatDropsZeroMicroseconds() {
        let micros: Int64 = 1_795_240_284_340_530  // 2026-11-21T05:51:24.340530Z
        #expect(PythonISOFormat.isoformat(micros: micros, withOffset: true) == "2026-11-21T05:51:24.340530+00:00")
        #expect(PythonISOFormat.isoformat(micros: micros, withOffset: false) == "2026-11-21T05:51:24.340530")
        #expect(PythonISOFormat.isoformat(micros: 1_795_240_284_000_000, withOffset: true) == "2026-11-21T05:51:24+00:00")
        #expect(PythonISOFormat.isoformat(micros: 1_795_240_284_000_007, withOffset: false) == "2026-11-21T05:51:24.000007")
        #expect(PythonISOFormat.parse("2026-11-21T05:51:24.340530+00:00") == micros)
        #expect(PythonISOFormat.parse("2026-11-21T05:51:24") == 1_795_240_284_000_000)
        #expect(PythonISOFormat.httpDate(micros: micros) == "Sat, 21 Nov 2026 05:51:24 GMT")
        #expect(PythonISOFormat.isoformat(micros: 0, withOffset: true) == "1970-01-01T00:00:00+00:00")
    }

    @Test func digests() {
        #expect(Digests.sha256Hex("sk-wrong-key") == "fa15715de513b67c4e7f1d37f1ee57fa9aa172a4f3218804114b34df5044a3be")
        #expect(Digests.sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Digests.gitBlobID(Array("hello\n".utf8)) == "ce013625030ba8dba906f756967f9e9ca394464a")
        #expect(Digests.gitBlobID([]) == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")
        let long = [UInt8](repeating: 0x61, count: 1000)  // crosses several 64-byte blocks
        #expect(Digests.gitBlobID(long) == "a50be72b20f0e3f078d252e8e56b11b4bec67509")
    }

    @Test func pythonJSONRoundTripsLikeJSONDumps() throws {
        let source = #"{"b": 1, "a": [1.0, 2e-06, -0, 10, "\u00e9\n\"x\"", null, true], "b": 0.000003, "c": {"d": 1E5}}"#
        let value = try PythonJSONParser.parse(Array(source.utf8))
        let written = String(decoding: PythonJSONWriter.encode(value), as: UTF8.self)
        // A repeated key keeps its first position and the last value, as in a Python dict.
        #expect(written == #"{"b":3e-06,"a":[1.0,2e-06,0,10,"é\n\"x\"",null,true],"c":{"d":100000.0}}"#)
        #expect(String(decoding: PythonJSONWriter.encode(.string("\u{01}\u{7f}/")), as: UTF8.self) == #""\u0001\#u{7f}/""#)
    }

    @Test func pydanticIntegerParsing() {
        let accepted: [(String, Int)] = [("6", 6), ("+5", 5), (" 6 ", 6), ("6\t", 6), ("6.00", 6), ("1_000.0", 1000), ("-0", 0), ("\u{2003}6", 6), ("00006", 6)]
        for (raw, value) in accepted { #expect(QueryValidation.pydanticInt(raw) == value, "\(raw)") }
        for raw in ["1.5", "6.", ".5", "abc", "", "1e3", "0x10", "1__0", "_1", "1_", "+-6", "--6", "inf", "١", "6.0000000000000001", "+", "-"] {
            #expect(QueryValidation.pydanticInt(raw) == nil, "\(raw)")
        }
    }

    @Test func seedDirectoryLookup() throws {
        let found = try SeedData.locateDirectory(override: nil)
        #expect(found.hasSuffix("/Sources/ProxySimulator/Seed"))
        #expect(try SeedData.locateDirectory(override: found) == found)
        #expect(throws: SimulatorError.self) { try SeedData.locateDirectory(override: "/nonexistent/seed") }
        do {
            _ = try SeedData.locateDirectory(override: nil, sourceFile: "/nowhere/SeedData.swift")
            Issue.record("should not find seed data")
        } catch {
            #expect("\(error)".contains("/nowhere/Seed") && "\(error)".contains("SYNCTOP_SEED_DIR"))
        }
    }

    @Test func requestLogIsBounded() throws {
        var state = SimulatorState(seed: try SeedData.load(), configuration: SimulatorConfiguration())
        for index in 0..<10_080 {
            state.log(time: 0, method: "GET", path: "/\(index)", hasAuthorization: false, status: 200)
        }
        #expect(state.requestLog.count == 10_000)
        #expect(state.requestLog.first?.sequence == 81 && state.requestLog.last?.sequence == 10_080)
        #expect(state.requestLog.first?.path == "/80")
    }

    @Test func maskedUserIDs() {
        #expect(AuthQuirks.maskUserID("internal-user-1") == "intern*******-1")
        #expect(AuthQuirks.maskUserID("abcdefgh") == "********")
        #expect(AuthQuirks.maskUserID("abcd") == "***")
        #expect(AuthQuirks.maskUserID(nil) == "***")
    }
}

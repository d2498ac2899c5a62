import Foundation
import Testing
@testable import ProxyAdmin

@Suite struct JSONParserTests {
    private func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

    private func failure(_ text: String) -> JSONSyntaxError? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func scalarsAndContainers() throws {
        #expect(try parse("null") == .null)
        #expect(try parse(" true ") == .bool(true))
        #expect(try parse("\n\tfalse\r\n") == .bool(false))
        #expect(try parse("\"hi\"") == .string("hi"))
        #expect(try parse("[]") == .array([]))
        #expect(try parse("{}") == .object([]))
        #expect(try parse("[1, \"a\", null, [true], {\"k\": {}}]")
            == .array([.int(1), .string("a"), .null, .array([.bool(true)]), .object([("k", .object([]))])]))
    }

    @Test func objectsKeepFileOrder() throws {
        let value = try parse(#"{"zeta": 1, "alpha": 2, "mid": 3}"#)
        #expect(value.objectValue?.map(\.0) == ["zeta", "alpha", "mid"])
    }

    @Test func duplicateKeyKeepsLastValueAtFirstPosition() throws {
        // As Python's json.loads: {"a": 3, "b": 2}.
        let value = try parse(#"{"a": 1, "b": 2, "a": 3}"#)
        #expect(value == .object([("a", .int(3)), ("b", .int(2))]))
    }

    @Test func duplicateKeysInLargeObjectsUseTheIndexToo() throws {
        // Past a dozen keys the parser switches from scanning to an index.
        var text = "{"
        for k in 0..<40 { text += "\"k\(k)\": \(k), " }
        text += "\"k3\": \"late\", \"k39\": null, \"k40\": 40}"
        let pairs = try #require(try parse(text).objectValue)
        #expect(pairs.count == 41)
        #expect(pairs[3].0 == "k3" && pairs[3].1 == .string("late"))
        #expect(pairs[39].0 == "k39" && pairs[39].1 == .null)
        #expect(pairs[40].0 == "k40")
    }

    @Test func canonicallyEquivalentKeysStayDistinct() throws {
        // "é" (U+00E9) and "e" + U+0301 are different dict keys in Python.
        let value = try parse("{\"\u{E9}\": 1, \"e\u{301}\": 2}")
        let pairs = try #require(value.objectValue)
        #expect(pairs.count == 2)
        #expect(Array(pairs[0].0.unicodeScalars) == ["\u{E9}"])
        #expect(Array(pairs[1].0.unicodeScalars) == ["e", "\u{301}"])
        #expect(value["e\u{301}"] == .int(2))
        #expect(value["\u{E9}"] == .int(1))
    }

    @Test func numbers() throws {
        #expect(try parse("0") == .int(0))
        #expect(try parse("-0") == .int(0))
        #expect(try parse("42") == .int(42))
        #expect(try parse("-17") == .int(-17))
        #expect(try parse("9223372036854775807") == .int(Int.max))
        #expect(try parse("-9223372036854775808") == .int(Int.min))
        #expect(try parse("9223372036854775808") == .double(9223372036854775808.0))
        #expect(try parse("123456789012345678901234567890") == .double(1.2345678901234568e29))
        #expect(try parse("1.5") == .double(1.5))
        #expect(try parse("-0.0") == .double(-0.0))
        #expect(try parse("1e2") == .double(100))
        #expect(try parse("1E+2") == .double(100))
        #expect(try parse("2.5e-3") == .double(0.0025))
        #expect(try parse("3e-07") == .double(3e-07))
        #expect(try parse("1.0000000000000002") == .double(1.0000000000000002))
        #expect(try parse("0.1") == .double(0.1))
        #expect(try parse("1e400") == .double(.infinity))
        #expect(try parse("-1e400") == .double(-.infinity))
        #expect(try parse("1e-400") == .double(0))
        // The slow path (more than 2^53 or a power past 22) must still round correctly.
        #expect(try parse("9007199254740993.0") == .double(9007199254740992.0))
        #expect(try parse("1.7976931348623157e308") == .double(.greatestFiniteMagnitude))
        #expect(try parse("5e-324") == .double(.leastNonzeroMagnitude))
    }

    @Test func numbersMatchTheStandardLibraryOnManyRandomTexts() throws {
        var random = BetaRandom(seed: 0x5EED_0001)
        for _ in 0..<5000 {
            var text = random.chance(30) ? "-" : ""
            let intDigits = 1 + random.below(12)
            text += String(1 + random.below(9))
            for _ in 1..<intDigits { text += String(random.below(10)) }
            if random.chance(70) {
                text += "."
                for _ in 0..<(1 + random.below(20)) { text += String(random.below(10)) }
            }
            if random.chance(40) { text += random.pick(["e", "E", "e-", "e+", "E-"]) + String(random.below(40)) }
            let value = try parse(text)
            if let i = Int(text) {
                #expect(value == .int(i), "\(text)")
            } else {
                #expect(value == .double(Double(text)!), "\(text)")
            }
        }
    }

    @Test func escapes() throws {
        #expect(try parse(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
        #expect(try parse(#""\u0041\u00e9\u4e2D""#) == .string("A\u{E9}\u{4E2D}"))
        #expect(try parse(#""\ud83d\ude00""#) == .string("\u{1F600}"))
        #expect(try parse(#""x\ud83dy""#) == .string("x\u{FFFD}y"))
        #expect(try parse(#""\ude00""#) == .string("\u{FFFD}"))
        #expect(try parse(#""\ud83d\u0041""#) == .string("\u{FFFD}A"))
        #expect(try parse("\"caf\u{E9} \u{1F600}\"") == .string("caf\u{E9} \u{1F600}"))
        // Escapes and raw multi-byte text mixed in one string.
        #expect(try parse("\"\u{E9}\\n\u{4E2D}\\u0020\"") == .string("\u{E9}\n\u{4E2D} "))
    }

    @Test func errorsSayLineAndColumn() {
        let e1 = failure("{\n  \"a\": 1\n  \"b\": 2\n}")
        #expect(e1?.description == "line 3, column 3: expected ',' or '}', found '\"'")
        #expect(e1?.line == 3 && e1?.column == 3)

        let e2 = failure("[1, 2,]")
        #expect(e2?.line == 1 && e2?.column == 7)
        #expect(e2?.message == "expected a value after ',' (no trailing commas in JSON)")

        let e3 = failure("{\"a\": 1,}")
        #expect(e3?.message == "expected a key after ',' (no trailing commas in JSON)")
        #expect(e3?.column == 9)

        let e4 = failure("{\"a\" 1}")
        #expect(e4?.message == "expected ':' after the key, found '1'")

        // Columns count Unicode scalars, not bytes.
        let e5 = failure("[\"\u{E9}\u{E9}\", x]")
        #expect(e5?.line == 1 && e5?.column == 8)
        #expect(e5?.message == "unexpected 'x', expected a value")
    }

    @Test func rejectsWhatIsNotJSON() {
        let cases: [(String, String)] = [
            ("", "unexpected end of input, expected a value"),
            ("   ", "unexpected end of input, expected a value"),
            ("{\"a\": 1} x", "unexpected 'x' after the JSON value"),
            ("[1] [2]", "unexpected '[' after the JSON value"),
            ("{'a': 1}", "expected '\"' to start a key, found '''"),
            ("[01]", "numbers may not have leading zeros"),
            ("[1.]", "expected a digit after '.'"),
            ("[-]", "expected a digit after '-'"),
            ("[1e]", "expected a digit in the exponent"),
            ("[.5]", "unexpected '.', expected a value"),
            ("[+1]", "unexpected '+', expected a value"),
            ("[NaN]", "NaN and Infinity are not JSON numbers"),
            ("[Infinity]", "NaN and Infinity are not JSON numbers"),
            ("[tru]", "invalid literal, expected true"),
            ("[nul", "invalid literal, expected null"),
            ("\"abc", "unterminated string"),
            ("\"a\nb\"", "control character U+000A in a string (must be escaped)"),
            ("\"\\x\"", "invalid escape '\\x' in a string"),
            ("\"\\u12G4\"", "invalid \\u escape: expected 4 hex digits"),
            ("[1,", "unexpected end of input, expected a value"),
            ("{\"a\":1", "unexpected end of input, expected ',' or '}'"),
            ("\u{FEFF}{}", "byte order mark (U+FEFF) before the JSON text"),
            ("\u{A0}{}", "unexpected '\u{A0}' (U+00A0), expected a value"),
        ]
        for (text, message) in cases {
            #expect(failure(text)?.message == message, "\(text.debugDescription)")
        }
    }

    @Test func rejectsInvalidUTF8InStrings() {
        for bytes: [UInt8] in [
            [0x22, 0xFF, 0x22],             // not a UTF-8 byte
            [0x22, 0xC3, 0x22],             // truncated
            [0x22, 0xC0, 0xAF, 0x22],       // overlong
            [0x22, 0xED, 0xA0, 0x80, 0x22], // encoded surrogate
            [0x22, 0x5C, 0x6E, 0xE9, 0x22], // after an escape
        ] {
            #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(bytes) }
        }
    }

    @Test func refusesExcessiveNesting() throws {
        let deep = String(repeating: "[", count: JSONParser.maxDepth + 1) + String(repeating: "]", count: JSONParser.maxDepth + 1)
        #expect(failure(deep)?.message == "nesting deeper than \(JSONParser.maxDepth) levels")
        let ok = String(repeating: "[", count: JSONParser.maxDepth) + String(repeating: "]", count: JSONParser.maxDepth)
        _ = try parse(ok)
    }

    @Test func realMappingFilesAgreeWithFoundation() throws {
        for name in [BetaFixtures.old, BetaFixtures.new] {
            let value = try JSONParser.parse(try BetaFixtures.bytes(name))
            let foundation = try BetaFixtures.foundationObject(name)
            let pairs = try #require(value.objectValue)
            #expect(Set(pairs.map(\.0)) == Set(foundation.keys))
            #expect(pairs.count == foundation.count)
            for (key, column) in pairs {
                guard let entries = column.objectValue else {
                    #expect(column.stringValue == foundation[key] as? String)
                    continue
                }
                let expected = try #require(foundation[key] as? [String: Any])
                #expect(entries.count == expected.count)
                for (beta, mapped) in entries {
                    if expected[beta] is NSNull {
                        #expect(mapped == .null, "\(key).\(beta)")
                    } else {
                        #expect(mapped.stringValue == expected[beta] as? String, "\(key).\(beta)")
                    }
                }
            }
        }
    }

    @Test func accessors() throws {
        let value = try parse(#"{"s": "x", "i": 3, "d": 2.5, "b": true, "n": null, "a": [1], "o": {}}"#)
        #expect(value["s"]?.stringValue == "x")
        #expect(value["i"]?.intValue == 3)
        #expect(value["i"]?.doubleValue == 3)
        #expect(value["d"]?.doubleValue == 2.5)
        #expect(value["d"]?.intValue == nil)
        #expect(value["b"]?.boolValue == true)
        #expect(value["n"]?.isNull == true)
        #expect(value["a"]?.arrayValue == [.int(1)])
        #expect(value["o"]?.objectValue?.isEmpty == true)
        #expect(value["missing"] == nil)
        #expect(JSONValue.int(1)["s"] == nil)
    }

    @Test func roundTripsThroughTheWriter() throws {
        let text = #"{"a":[1,2.5,"x\ny",null,true],"b":{"c":"\u0001"}}"#
        #expect(try parse(text).rendered() == text)
    }
}

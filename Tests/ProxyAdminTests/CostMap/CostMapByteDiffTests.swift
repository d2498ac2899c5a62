import Testing
@testable import ProxyAdmin

/// The diff compares entries from their bytes (`JSONMembers`) and parses only the fields
/// that differ; it must say exactly what the tree walk says, and hand the entries it cannot
/// read that way to the tree.
@Suite struct CostMapByteDiffTests {
    @Test func theByteWalkAgreesWithTheTreeOnEveryEntryOfTwoRealMaps() throws {
        let old = try CostMap.parse(try CostMapSeeds.bytes(CostMapSeeds.old))
        let new = try CostMap.parse(try CostMapSeeds.bytes(CostMapSeeds.new))
        var compared = 0, scanned = 0
        for entry in new.entries {
            guard let before = old[entry.name], before.raw != entry.raw else { continue }
            #expect(CostMapDiff.fieldChanges(before, entry) == CostMapDiff.fieldChanges(before.value, entry.value), "\(entry.name)")
            compared += 1
            if members(before.raw) != nil, members(entry.raw) != nil { scanned += 1 }
        }
        #expect(compared > 2_600)
        #expect(scanned == compared, "every real entry takes the byte path")
    }

    @Test func oddEntriesGiveTheTreeAnswer() throws {
        let pairs: [(String, String)] = [
            (#"{"a": 1, "b": "x}\"y", "c": [1, {"d": "]"}]}"#, #"{"a": 1.0, "b": "x}\"y", "c": [1, {"d": "]}"}]}"#),
            (#"{"k\u0065y": 1, "z": 2}"#, #"{"key": 2, "z": 2}"#),  // an escaped key: the tree
            (#"{"p": 1, "p": 2}"#, #"{"p": 2}"#),  // a repeated key: the tree, last value wins
            ("{\n  \"a\" :\t[ 1 ,2 ] ,\n  \"b\": null\n}", #"{"b": false, "a": [1, 2], "new": {}}"#),
            (#"{}"#, #"{"a": true}"#),
            (#"{"gone": "é", "kept": 1}"#, #"{"kept": 1}"#),
            (#"42"#, #"{"a": 1}"#),  // not an object on one side
            (#""s""#, #""t""#),
        ]
        for (a, b) in pairs {
            let x = try entry(a), y = try entry(b)
            #expect(CostMapDiff.fieldChanges(x, y) == CostMapDiff.fieldChanges(x.value, y.value), "\(a) → \(b)")
        }
        let changes = CostMapDiff.fieldChanges(try entry(pairs[0].0), try entry(pairs[0].1))
        #expect(changes.map(\.key) == ["c"], "1 == 1.0; a bracket inside a string is text")
        let added = CostMapDiff.fieldChanges(try entry(pairs[3].0), try entry(pairs[3].1))
        #expect(added.map(\.key) == ["b", "new"])
        #expect(added[0].old == .null && added[0].new == .bool(false))
    }

    @Test func theScanGivesEachMembersBytesAndRefusesWhatItDoesNotRead() throws {
        let text = #" { "a" : "}\\\"" , "bb":[{"x":[]}], "c":-1.5e3 } "#
        let found = try #require(members(Array(text.utf8)))
        let bytes = Array(text.utf8)
        #expect(found.map { String(decoding: bytes[$0.key], as: UTF8.self) } == ["a", "bb", "c"])
        #expect(found.map { String(decoding: bytes[$0.value], as: UTF8.self) } == [#""}\\\"""#, #"[{"x":[]}]"#, "-1.5e3"])
        for refused in [#"[1]"#, #"{"a": 1"#, #"{"a" 1}"#, #"{"a": "x}"#, #"{"a": 1} x"#, #"{"\"": 1}"#, #"{"a": 1, "a": 2}"#, #"{"a": }"#, ""] {
            #expect(members(Array(refused.utf8)) == nil, "\(refused)")
        }
    }

    private func members(_ raw: [UInt8]) -> [JSONMembers.Member]? {
        raw.withUnsafeBufferPointer { JSONMembers($0)?.members }
    }

    private func entry(_ json: String) throws -> ModelEntry {
        ModelEntry(name: "m", value: try JSONParser.parse(json), raw: Array(json.utf8))
    }
}

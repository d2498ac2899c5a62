import Foundation
import Testing
@testable import ProxyAdmin

/// One number format for people: exact, grouped by thousands; money with two decimals at least.
@Suite struct ModelNumberTextTests {
    @Test func countsAreGroupedAndExact() {
        #expect(ModelNumberText.grouped(0) == "0")
        #expect(ModelNumberText.grouped(999) == "999")
        #expect(ModelNumberText.grouped(4877) == "4,877")
        #expect(ModelNumberText.grouped(200_000) == "200,000")
        #expect(ModelNumberText.grouped(1_048_576) == "1,048,576")
        #expect(ModelNumberText.grouped(-1_000_000) == "-1,000,000")
    }

    @Test func moneyGroupsItsWholePartAndKeepsItsDigits() {
        #expect(ModelNumberText.price(3) == "3.00")
        #expect(ModelNumberText.price(0.15) == "0.15")
        #expect(ModelNumberText.price(0.0375) == "0.0375")
        #expect(ModelNumberText.price(15.00002) == "15.00002")
        #expect(ModelNumberText.price(1_000_000 * 0.0010714) == "1,071.40", "the databricks DBU price")
        #expect(ModelNumberText.price(1234567.5) == "1,234,567.50")
        #expect(ModelNumberText.price(-1500) == "-1,500.00")
        #expect(ModelNumberText.price(.infinity) == "—")
    }

    @Test func fieldValuesGroupWholeNumbersOnly() {
        #expect(ModelNumberText.value(.int(200_000)) == "200,000")
        #expect(ModelNumberText.value(.int(32)) == "32")
        #expect(ModelNumberText.value(.double(0.5)) == "0.5")
        #expect(ModelNumberText.value(.string("200000")) == "\"200000\"", "a string stays as the file has it")
        #expect(ModelNumberText.value(.array([.int(1000)])) == "[1000]", "nested values stay compact JSON")
    }

    @Test func aDiffSaysItsCountsGrouped() throws {
        let names = (0..<1200).map { "\"m\($0)\": {}" }
        let old = try CostMapSeeds.map("{" + names.prefix(999).joined(separator: ", ") + "}")
        let new = try CostMapSeeds.map("{" + names.joined(separator: ", ") + "}")
        let diff = CostMapDiff(old: old, new: new)
        #expect(diff.counts == "999 → 1,200 models")
        #expect(diff.summary == "+201 new")
        #expect(CostMapDiff(old: new, new: new).summary == "no change (1,200 models)")
    }
}

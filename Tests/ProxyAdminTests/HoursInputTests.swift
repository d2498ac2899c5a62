import Testing
@testable import ProxyAdmin

@Suite struct HoursInputTests {
    @Test(arguments: [("6", 6), ("1", 1), ("8760", 8760), (" 12 ", 12), ("+24", 24)])
    func accepts(text: String, hours: Int) {
        #expect(HoursInput.parse(text) == .success(hours))
    }

    @Test func refusesWithTheReason() {
        #expect(HoursInput.parse("0") == .failure(.tooSmall(0)))
        #expect(HoursInput.parse("-3") == .failure(.tooSmall(-3)))
        #expect(HoursInput.parse("1.5") == .failure(.notWhole("1.5")))
        #expect(HoursInput.parse("abc") == .failure(.notANumber("abc")))
        #expect(HoursInput.parse("") == .failure(.empty))
        #expect(HoursInput.parse("   ") == .failure(.empty))
        #expect(HoursInput.parse("99999") == .failure(.tooLarge(99999)))
        #expect(HoursInput.parse("99999999999999999999999") == .failure(.tooLarge(Int.max)))
        #expect(HoursInput.parse("1e3") == .failure(.notWhole("1e3")))
        #expect(HoursInput.Rejection.notWhole("1.5").description.contains("whole"))
        #expect(HoursInput.Rejection.tooLarge(9).description.contains("8760"))
    }
}

import Testing
@testable import ConsoleUI

/// The one input field: selected prefill replaced by typing, shell editing keys.
@Suite struct TextInputTests {
    func typed(_ start: TextInput, _ keys: [Key]) -> TextInput {
        var input = start
        for k in keys { _ = input.apply(k) }
        return input
    }

    @Test func aSelectedPrefillIsReplacedByTheFirstCharacter() {
        #expect(typed(TextInput("6", selected: true), [.char("1"), .char("2")]).text == "12")
        #expect(typed(TextInput("6", selected: true), [.backspace]).text == "")
        #expect(typed(TextInput("6", selected: true), [.right, .char("0")]).text == "60", "an arrow keeps the value")
        #expect(typed(TextInput("6"), [.char("0")]).text == "60", "not selected: typing appends")
    }

    @Test func shellEditing() {
        let base = TextInput("claude-3 opus max")
        #expect(typed(base, [.ctrl("w")]).text == "claude-3 opus ")
        #expect(typed(base, [.ctrl("w"), .ctrl("w")]).text == "claude-3 ")
        #expect(typed(base, [.left, .left, .left, .ctrl("u")]).text == "max")
        #expect(typed(base, [.home, .delete, .delete]).text == "aude-3 opus max")
        #expect(typed(base, [.home, .right, .char("X")]).text == "cXlaude-3 opus max")
        #expect(typed(base, [.ctrl("a"), .char(">"), .ctrl("e"), .char("<")]).text == ">claude-3 opus max<")
        var input = base
        _ = input.apply(.left)
        #expect(input.cursor == base.text.count - 1)
    }

    @Test func theFieldShowsTheCursorWhereItIs() {
        var buffer = CellBuffer(width: 30, height: 1)
        var input = TextInput("abcdef")
        _ = input.apply(.home)
        _ = input.apply(.right)
        InputField(prompt: [Span("filter: ")], input: input).draw(into: &buffer, x: 0, y: 0, width: 30)
        #expect(buffer.text == "filter: abcdef")
        #expect(buffer.cursor?.x == 9)
    }

    @Test func aLongValueScrollsToKeepTheCursorInView() {
        var buffer = CellBuffer(width: 12, height: 1)
        let input = TextInput(String(repeating: "x", count: 40) + "END")
        InputField(prompt: [Span(": ")], input: input).draw(into: &buffer, x: 0, y: 0, width: 12)
        #expect(buffer.text.hasSuffix("END"))
        #expect(buffer.cursor!.x <= 11)
    }
}

@Suite struct KeyInClearHeaderTests {
    @Test func theHeaderSaysTheKeyTravelsInClear() {
        var s = Scenarios.polled(Scenarios.snapshot(), size: ScreenSize(width: 120, height: 30))
        #expect(!view(s).text.contains("KEY SENT IN CLEAR"))
        s.config.keyInClear = true
        #expect(view(s).text.contains("KEY SENT IN CLEAR (http)"))
        #expect(view(s).role(of: "KEY SENT IN CLEAR") == .error)
    }
}

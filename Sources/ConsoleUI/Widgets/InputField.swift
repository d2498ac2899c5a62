/// Draws a `TextInput` after a prompt and places the terminal cursor in it: a selected
/// (prefilled) value in the selection colour, and a value longer than the room scrolled
/// so the cursor stays in view. Every input field draws through here.
struct InputField {
    var prompt: Line
    var input: TextInput
    var role: Role = .input

    @discardableResult
    func draw(into buffer: inout CellBuffer, x: Int, y: Int, width: Int) -> Int {
        let promptWidth = prompt.width
        let room = max(1, width - promptWidth - 1)
        let chars = Array(input.text)
        // Scroll: the cursor's column must fit in `room`.
        var start = 0
        while start < input.cursor, DisplayWidth.of(String(chars[start..<input.cursor])) > room - 1 { start += 1 }
        var end = start
        while end < chars.count, DisplayWidth.of(String(chars[start...end])) <= room { end += 1 }
        let shown = String(chars[start..<end])
        let used = buffer.draw(prompt + [Span(shown, input.selected ? .selected : role)], x: x, y: y, width: width)
        let cursorX = x + promptWidth + DisplayWidth.of(String(chars[start..<min(input.cursor, end)]))
        buffer.cursor = (min(cursorX, x + width - 1), y)
        return used
    }
}

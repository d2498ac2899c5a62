/// The open `:` line in place of the footer, and above it the last error (red) or the
/// completion candidates.
struct CommandLineBar {
    var state: CommandLineState

    func draw(into buffer: inout CellBuffer, width: Int, y: Int) {
        guard state.isOpen, width > 2, y >= 0 else { return }
        buffer.fill(Rect(x: 0, y: y, width: width, height: 1), with: " ", role: .input)
        InputField(prompt: [Span(":", .keyHint)], input: state.input).draw(into: &buffer, x: 0, y: y, width: width)
        if let message = state.message, y > 0 {
            buffer.fill(Rect(x: 0, y: y - 1, width: width, height: 1), with: " ", role: .dialog)
            buffer.draw([Span(" " + message, state.messageIsError ? .error : .dim)], x: 0, y: y - 1, width: width)
        }
    }
}

/// Word wrapping by display width; a word longer than a line is split.
public enum TextWrap {
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            var w = DisplayWidth.of(word)
            if currentWidth > 0, currentWidth + 1 + w <= width {
                current += " " + word
                currentWidth += 1 + w
                continue
            }
            if currentWidth > 0 { lines.append(current) }
            while w > width {
                let head = DisplayWidth.truncate(word, to: width, ellipsis: false)
                lines.append(head)
                word = String(word.dropFirst(head.count))
                w = DisplayWidth.of(word)
            }
            current = word
            currentWidth = w
        }
        if currentWidth > 0 { lines.append(current) }
        return lines
    }
}

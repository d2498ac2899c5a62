/// A colour as a theme names it; the terminal layer maps it to the nearest one the
/// terminal has (truecolor, 256, 16, 8, none).
public enum Color: Equatable, Hashable, Sendable {
    case terminalDefault
    /// 0–7 normal, 8–15 bright.
    case ansi(Int)
    /// xterm 256-colour index.
    case indexed(Int)
    case rgb(UInt8, UInt8, UInt8)

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// `default`, `red`, `bright-red`, `color208`, `#1e90ff`.
    public init?(name raw: String) {
        let name = raw.lowercased()
        if name == "default" { self = .terminalDefault; return }
        if let i = Color.names.firstIndex(of: name) { self = .ansi(i); return }
        if name.hasPrefix("bright-"), let i = Color.names.firstIndex(of: String(name.dropFirst(7))) {
            self = .ansi(i + 8); return
        }
        if name.hasPrefix("color"), let n = Int(name.dropFirst(5)), (0...255).contains(n) { self = .indexed(n); return }
        if name.hasPrefix("#"), name.count == 7, let v = UInt32(name.dropFirst(), radix: 16) {
            self = .rgb(UInt8(v >> 16), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)); return
        }
        return nil
    }
}

/// How one role looks: colours plus attributes.
public struct Style: Equatable, Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var dim: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(foreground: Color = .terminalDefault, background: Color = .terminalDefault,
                bold: Bool = false, dim: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
    }

    /// Parses `"cyan bold"`, `"black on cyan"`, `"#ffaa00 on color236 underline"`.
    /// Returns the reason on failure.
    public static func parse(_ spec: String) -> Result<Style, ThemeError.Reason> {
        var style = Style()
        var words = spec.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)[...]
        var sawForeground = false
        while let word = words.popFirst() {
            switch word.lowercased() {
            case "bold": style.bold = true
            case "dim": style.dim = true
            case "underline": style.underline = true
            case "reverse": style.reverse = true
            case "on":
                guard let next = words.popFirst() else { return .failure(.badStyle(spec, "\"on\" needs a colour after it")) }
                guard let c = Color(name: next) else { return .failure(.badColor(next)) }
                style.background = c
            default:
                guard !sawForeground else { return .failure(.badStyle(spec, "unexpected \"\(word)\"")) }
                guard let c = Color(name: word) else { return .failure(.badColor(word)) }
                style.foreground = c
                sawForeground = true
            }
        }
        return .success(style)
    }
}

import ConsoleUI

/// How many colours the terminal can show. ncurses can only emit what terminfo describes,
/// so terminfo decides: `COLORTERM=truecolor` on a 256-colour terminfo still gets 256
/// (run with `TERM=xterm-direct` for 24-bit).
public enum ColorDepth: Int, Comparable, Sendable, CustomStringConvertible {
    case none, eight, sixteen, indexed256, direct

    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        switch self {
        case .none: "no colour"
        case .eight: "8 colours"
        case .sixteen: "16 colours"
        case .indexed256: "256 colours"
        case .direct: "24-bit colour"
        }
    }

    /// `colors` is terminfo's `colors` (ncurses' COLORS); `rgb` is terminfo's `RGB`
    /// capability, which makes ncurses treat colour numbers as 0xRRGGBB.
    static func detect(colors: Int, rgb: Bool, noColor: Bool) -> ColorDepth {
        if noColor { return .none }
        if colors >= 0x100_0000 || (rgb && colors > 256) { return .direct }
        if colors >= 256 { return .indexed256 }
        if colors >= 16 { return .sixteen }
        if colors >= 8 { return .eight }
        return .none
    }
}

/// A theme colour brought down to a number curses accepts. `bright` marks a bright ANSI
/// colour squeezed into 8 colours, which the caller shows with bold (the old convention
/// that makes bold black read as dark grey instead of vanishing).
struct CursesColor: Equatable {
    var number: Int32
    var bright = false

    static let terminalDefault = CursesColor(number: -1)
}

/// Pure mapping from theme colours to what the terminal has: rgb → nearest xterm-256
/// (cube or grey ramp) → nearest of 16 → 8.
enum ColorDegradation {
    /// xterm's default first 16 colours; only used to measure distances.
    static let ansiPalette: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    static func map(_ color: Color, to depth: ColorDepth) -> CursesColor {
        switch (color, depth) {
        case (.terminalDefault, _), (_, .none):
            return .terminalDefault
        case (.ansi(let n), .eight):
            let n = clamp(n, 0, 15)
            return CursesColor(number: Int32(n % 8), bright: n >= 8)
        case (.ansi(let n), .sixteen), (.ansi(let n), .indexed256):
            return CursesColor(number: Int32(clamp(n, 0, 15)))
        case (.ansi(let n), .direct):
            // Direct-colour terminfo addresses only palette 0–7; brights become their rgb.
            let n = clamp(n, 0, 15)
            if n < 8 { return CursesColor(number: Int32(n)) }
            let (r, g, b) = ansiPalette[n]
            return CursesColor(number: direct(r, g, b))
        case (.indexed(let i), .indexed256):
            return CursesColor(number: Int32(clamp(i, 0, 255)))
        case (.indexed(let i), _):
            let i = clamp(i, 0, 255)
            if i < 16 { return map(.ansi(i), to: depth) }
            let (r, g, b) = rgb(ofIndex: i)
            return map(.rgb(r, g, b), to: depth)
        case (.rgb(let r, let g, let b), .direct):
            return CursesColor(number: direct(r, g, b))
        case (.rgb(let r, let g, let b), .indexed256):
            return CursesColor(number: Int32(nearest256(r, g, b)))
        case (.rgb(let r, let g, let b), .sixteen):
            return CursesColor(number: Int32(nearest16(r, g, b)))
        case (.rgb(let r, let g, let b), .eight):
            return map(.ansi(nearest16(r, g, b)), to: .eight)
        }
    }

    /// The colour xterm shows for a 256-colour index.
    static func rgb(ofIndex i: Int) -> (UInt8, UInt8, UInt8) {
        switch i {
        case ..<16: return ansiPalette[max(0, i)]
        case 16..<232:
            let n = i - 16
            return (UInt8(cubeLevels[n / 36]), UInt8(cubeLevels[(n / 6) % 6]), UInt8(cubeLevels[n % 6]))
        default:
            let v = UInt8(8 + 10 * (min(i, 255) - 232))
            return (v, v, v)
        }
    }

    /// Nearest of the 6×6×6 cube and the 24-step grey ramp (as tmux does); the first 16
    /// are skipped because every user's palette differs there.
    static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        func level(_ v: UInt8) -> Int { v < 48 ? 0 : v < 115 ? 1 : (Int(v) - 35) / 40 }
        let (qr, qg, qb) = (level(r), level(g), level(b))
        let cube = (cubeLevels[qr], cubeLevels[qg], cubeLevels[qb])
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let greyStep = average > 238 ? 23 : max(0, (average - 3) / 10)
        let grey = 8 + 10 * greyStep
        let cubeIndex = 16 + 36 * qr + 6 * qg + qb
        if distance(cube, (Int(r), Int(g), Int(b))) <= distance((grey, grey, grey), (Int(r), Int(g), Int(b))) {
            return cubeIndex
        }
        return 232 + greyStep
    }

    static func nearest16(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        var best = 0
        var bestDistance = Int.max
        for (i, p) in ansiPalette.enumerated() {
            let d = distance((Int(p.0), Int(p.1), Int(p.2)), (Int(r), Int(g), Int(b)))
            if d < bestDistance { best = i; bestDistance = d }
        }
        return best
    }

    /// ncurses' direct-colour number. Values below 16 would hit the palette in
    /// xterm-direct16, so near-black is nudged to #000010.
    static func direct(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int32 {
        max(16, Int32(r) << 16 | Int32(g) << 8 | Int32(b))
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return dr * dr + dg * dg + db * db
    }

    private static func clamp(_ v: Int, _ lo: Int, _ hi: Int) -> Int { min(max(v, lo), hi) }
}

import ConsoleUI

/// What one `Style` becomes on this terminal: two curses colour numbers (-1 = the
/// terminal's default) and the attributes. Pure, so the no-colour rules are testable.
struct StylePlan: Equatable {
    var foreground: Int32 = -1
    var background: Int32 = -1
    var bold = false
    var dim = false
    var underline = false
    var reverse = false

    /// `defaultColors` is whether `use_default_colors()` worked; without it -1 is not a
    /// valid colour and the classic white on black stands in.
    static func make(_ style: Style, depth: ColorDepth, defaultColors: Bool) -> StylePlan {
        var plan = StylePlan(bold: style.bold, dim: style.dim, underline: style.underline, reverse: style.reverse)
        guard depth > .none else {
            // Without colour a background is the only thing telling a selected row or a
            // header from plain text, so it becomes reverse video.
            if style.background != .terminalDefault { plan.reverse = true }
            return plan
        }
        let fg = ColorDegradation.map(style.foreground, to: depth)
        let bg = ColorDegradation.map(style.background, to: depth)
        plan.foreground = fg.number
        plan.background = bg.number
        if fg.bright { plan.bold = true }
        if !defaultColors {
            if plan.foreground < 0 { plan.foreground = 7 }
            if plan.background < 0 { plan.background = 0 }
        }
        return plan
    }
}

/// Colour pair numbers by (foreground, background), handed out once each. Pair 0 is the
/// terminal's default pair and is never redefined. When the terminal has no pairs left,
/// the style falls back to pair 0 (attributes still apply).
struct PairCache {
    struct Key: Hashable {
        var foreground: Int32
        var background: Int32
    }

    /// ncurses' COLOR_PAIRS: valid pair numbers are 0..<capacity.
    let capacity: Int
    private var numbers: [Key: Int32] = [:]
    private var nextNumber: Int32 = 1

    init(capacity: Int) { self.capacity = capacity }

    var count: Int { numbers.count }

    /// The pair for these colours; `isNew` means the caller must `init_extended_pair` it.
    mutating func pair(foreground: Int32, background: Int32) -> (number: Int32, isNew: Bool) {
        if foreground == -1, background == -1 { return (0, false) }
        let key = Key(foreground: foreground, background: background)
        if let n = numbers[key] { return (n, false) }
        guard Int(nextNumber) < capacity else { return (0, false) }
        let n = nextNumber
        nextNumber += 1
        numbers[key] = n
        return (n, true)
    }
}

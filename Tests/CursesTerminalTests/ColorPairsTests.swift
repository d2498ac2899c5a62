import ConsoleUI
import Testing
@testable import CursesTerminal

struct StylePlanTests {
    private func style(_ spec: String) throws -> Style { try Style.parse(spec).get() }

    @Test func colours() throws {
        let header = StylePlan.make(try style("white on blue"), depth: .indexed256, defaultColors: true)
        #expect(header == StylePlan(foreground: 7, background: 4))
        let dialog = StylePlan.make(try style("default on color236"), depth: .indexed256, defaultColors: true)
        #expect(dialog == StylePlan(foreground: -1, background: 236))
        let dialog16 = StylePlan.make(try style("default on color236"), depth: .sixteen, defaultColors: true)
        #expect(dialog16 == StylePlan(foreground: -1, background: 0))
    }

    @Test func brightOnEightColoursBecomesBold() throws {
        let border = StylePlan.make(try style("bright-black"), depth: .eight, defaultColors: true)
        #expect(border == StylePlan(foreground: 0, background: -1, bold: true))
        let border16 = StylePlan.make(try style("bright-black"), depth: .sixteen, defaultColors: true)
        #expect(border16 == StylePlan(foreground: 8, background: -1, bold: false))
    }

    @Test func withoutDefaultColoursWhiteOnBlack() throws {
        let text = StylePlan.make(try style("default"), depth: .indexed256, defaultColors: false)
        #expect(text == StylePlan(foreground: 7, background: 0))
    }

    @Test func noColourKeepsAttributesAndReversesBackgrounds() throws {
        let selected = StylePlan.make(try style("black on cyan"), depth: .none, defaultColors: true)
        #expect(selected == StylePlan(reverse: true))
        let overdue = StylePlan.make(try style("red bold reverse"), depth: .none, defaultColors: true)
        #expect(overdue == StylePlan(bold: true, reverse: true))
        let title = StylePlan.make(try style("cyan bold underline"), depth: .none, defaultColors: true)
        #expect(title == StylePlan(bold: true, underline: true))
        let dim = StylePlan.make(try style("default dim"), depth: .none, defaultColors: true)
        #expect(dim == StylePlan(dim: true))
    }
}

struct PairCacheTests {
    @Test func defaultPairIsZeroAndNeverAllocated() {
        var cache = PairCache(capacity: 256)
        #expect(cache.pair(foreground: -1, background: -1) == (0, false))
        #expect(cache.count == 0)
    }

    @Test func eachColourCombinationOnce() {
        var cache = PairCache(capacity: 256)
        #expect(cache.pair(foreground: 1, background: -1) == (1, true))
        #expect(cache.pair(foreground: 1, background: -1) == (1, false))
        #expect(cache.pair(foreground: 2, background: -1) == (2, true))
        #expect(cache.pair(foreground: -1, background: 1) == (3, true))
        #expect(cache.count == 3)
    }

    @Test func fullFallsBackToDefaultPair() {
        var cache = PairCache(capacity: 3) // pairs 0, 1, 2
        #expect(cache.pair(foreground: 1, background: 0) == (1, true))
        #expect(cache.pair(foreground: 2, background: 0) == (2, true))
        #expect(cache.pair(foreground: 3, background: 0) == (0, false))
        #expect(cache.pair(foreground: 1, background: 0) == (1, false))
        var none = PairCache(capacity: 0)
        #expect(none.pair(foreground: 1, background: 0) == (0, false))
    }

    @Test func defaultThemeFitsInEightColourPairs() {
        // The default theme's roles must all get real pairs even on a 64-pair terminal.
        var cache = PairCache(capacity: 64)
        var numbers = Set<Int32>()
        for role in Role.allCases {
            let plan = StylePlan.make(Theme.default.style(role), depth: .eight, defaultColors: true)
            let (n, _) = cache.pair(foreground: plan.foreground, background: plan.background)
            if plan.foreground != -1 || plan.background != -1 { #expect(n != 0, "\(role)") }
            numbers.insert(n)
        }
        #expect(cache.count < Role.allCases.count) // roles with the same colours share a pair
    }
}

/// Every shipped theme, brought down to each colour depth a terminal may have.
struct ShippedThemeDegradationTests {
    @Test(arguments: Theme.shippedSources.map(\.name))
    func everyRoleMapsIntoWhatTheTerminalHas(name: String) throws {
        let source = try #require(Theme.shippedSources.first { $0.name == name }).source
        let theme = try Theme.parse(source, file: name).get()
        for role in Role.allCases {
            let style = theme.style(role)
            for (depth, limit) in [(ColorDepth.eight, 8), (.sixteen, 16), (.indexed256, 256)] {
                let plan = StylePlan.make(style, depth: depth, defaultColors: true)
                #expect((-1..<Int32(limit)).contains(plan.foreground), "\(name) \(role) fg at \(depth)")
                #expect((-1..<Int32(limit)).contains(plan.background), "\(name) \(role) bg at \(depth)")
                #expect(plan.underline == style.underline && plan.reverse == style.reverse && plan.dim == style.dim)
            }
            let mono = StylePlan.make(style, depth: .none, defaultColors: true)
            #expect(mono.foreground == -1 && mono.background == -1, "no colour at all without colours")
            if style.background != .terminalDefault { #expect(mono.reverse, "\(name) \(role): a background becomes reverse video") }
        }
    }

    @Test func rgbThemesMapToTheNearestColour() throws {
        // Solarized's base03-on-cyan selection and Nord's frost: nearest xterm-256 and ANSI.
        let sel = try Style.parse("#002b36 on #2aa198").get()
        let eight = StylePlan.make(sel, depth: .eight, defaultColors: true)
        #expect(eight.foreground == 0 && eight.background == 6, "near-black on cyan")
        let sixteen = StylePlan.make(sel, depth: .sixteen, defaultColors: true)
        #expect([0, 8].contains(sixteen.foreground) && [6, 14].contains(sixteen.background))
        let full = StylePlan.make(sel, depth: .indexed256, defaultColors: true)
        #expect(full.foreground >= 16 && full.background >= 16, "256 colours: the cube or the grey ramp, not the 16 ANSI ones")
    }
}

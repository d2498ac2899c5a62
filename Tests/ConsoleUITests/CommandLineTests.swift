import Testing
@testable import ConsoleUI
@testable import ProxyAdmin

/// The `:` command line: parsing, completion, history, and what each command does.
@Suite struct CommandLineTests {
    typealias S = Scenarios

    @Test func parsing() {
        #expect(Command.parse("reload cost-map") == .success(.reload(.costMap)))
        #expect(Command.parse("  schedule   beta-headers 12 ") == .success(.schedule(.betaHeaders, hours: 12)))
        #expect(Command.parse("cancel cost-map") == .success(.cancel(.costMap)))
        #expect(Command.parse("theme nord") == .success(.theme("nord")))
        #expect(Command.parse("models") == .success(.view(.models)))
        #expect(Command.parse("history") == .success(.view(.history)))
        #expect(Command.parse("q") == .success(.quit))
        #expect(Command.parse("schedule cost-map 0").failure?.message == "the interval must be at least 1 hour")
        #expect(Command.parse("schedule cost-map").failure?.message == "usage: schedule cost-map|beta-headers HOURS")
        #expect(Command.parse("reload prices").failure?.message == "no job \"prices\": cost-map or beta-headers")
        #expect(Command.parse("reload cost-map now").failure?.message == "too many words: usage: reload cost-map|beta-headers")
        #expect(Command.parse("relaod cost-map").failure?.message.hasPrefix("unknown command \"relaod\"; commands: reload, schedule") == true)
        #expect(Command.parse("ctx") == .success(.view(.contexts)), "a view's alias")
        #expect(Command.parse("pods") == .success(.view(.pods)))
        #expect(Command.parse("ctx prod").failure?.message == "too many words: usage: ctx")
        #expect(Command.parse("").failure != nil)
    }

    @Test func completion() {
        let themes = ["default", "nord", "nord-light"]
        #expect(Command.complete("rel", themeNames: themes) == ("reload ", []))
        #expect(Command.complete("reload c", themeNames: themes) == ("reload cost-map ", []))
        #expect(Command.complete("reload ", themeNames: themes) == ("reload ", ["cost-map", "beta-headers"]))
        #expect(Command.complete("reload cost-map ", themeNames: themes) == ("reload cost-map ", []), "one job name only")
        #expect(Command.complete("cancel beta-headers c", themeNames: themes) == ("cancel beta-headers c", []))
        #expect(Command.complete("theme n", themeNames: themes) == ("theme nord", ["nord", "nord-light"]), "as far as unambiguous")
        #expect(Command.complete("h", themeNames: themes) == ("h", ["history", "help"]))
        #expect(Command.complete("zz", themeNames: themes) == ("zz", []))
        #expect(Command.complete("", themeNames: themes).candidates.count == Command.words.count)
    }

    func typed(_ s: inout AppState, _ text: String) -> [Effect] {
        var effects: [Effect] = []
        for c in text { effects += update(&s, .key(.char(c))) }
        return effects
    }

    @Test func commandsDoWhatTheirKeysDo() {
        var s = S.polled(S.snapshot(), size: ScreenSize(width: 120, height: 40))
        _ = update(&s, .key(.char(":")))
        #expect(s.commandLine.isOpen)
        _ = typed(&s, "reload beta-headers")
        #expect(view(s).text.contains(":reload beta-headers"))
        _ = update(&s, .key(.enter))
        #expect(s.dialog == .confirm(.reload(.betaHeaders)), "a reload still asks first")
        _ = update(&s, .key(.char("n")))

        _ = update(&s, .key(.char(":")))
        _ = typed(&s, "schedule cost-map 0")
        _ = update(&s, .key(.enter))
        #expect(s.commandLine.isOpen && s.commandLine.message == "the interval must be at least 1 hour", "the line stays open with the reason")
        #expect(view(s).text.contains(" the interval must be at least 1 hour"))
        _ = update(&s, .key(.backspace))
        let effects = typed(&s, "6") + update(&s, .key(.enter))
        #expect(effects == [.perform(.schedule(.costMap, hours: 6), generation: 1)], "schedule names its hours: sent at once")
        #expect(!s.commandLine.isOpen)

        _ = update(&s, .key(.char(":")))
        _ = update(&s, .key(.up))
        #expect(s.commandLine.input.text == "schedule cost-map 6", "↑ recalls the last command")
        _ = update(&s, .key(.up))
        #expect(s.commandLine.input.text == "schedule cost-map 0")
        _ = update(&s, .key(.down))
        _ = update(&s, .key(.down))
        #expect(s.commandLine.input.text == "", "↓ past the newest is a new line")
        _ = update(&s, .key(.escape))
        #expect(!s.commandLine.isOpen)

        _ = update(&s, .key(.char(":")))
        #expect(typed(&s, "theme nord") + update(&s, .key(.enter)) == [.setTheme("nord")])
        _ = update(&s, .key(.char(":")))
        #expect(typed(&s, "models") + update(&s, .key(.enter)) == [.loadCostMap(generation: 1, diffAgainst: .none)])
        #expect(s.screen == .models)
        _ = update(&s, .key(.char(":")))
        #expect(typed(&s, "q") + update(&s, .key(.enter)) == [.quit])
    }

    @Test func readOnlyStillRefusesWrites() {
        var s = S.polled(S.snapshot())
        s.config.readOnly = true
        _ = update(&s, .key(.char(":")))
        #expect(typed(&s, "schedule cost-map 6") + update(&s, .key(.enter)) == [])
        #expect(s.notice == "read-only mode: actions are off (started with --read-only)")
    }
}

/// `--mouse` in the pure core: a click on a job panel selects it; the wheel moves lists.
@Suite struct MouseUpdateTests {
    @Test func clickSelectsTheJobPanelAndTheWheelMovesTheList() {
        var s = Scenarios.polled(Scenarios.snapshot(), size: ScreenSize(width: 120, height: 40))
        #expect(s.selected == .costMap)
        _ = update(&s, .key(.mouse(MouseEvent(.click, x: 90, y: 4))))
        #expect(s.selected == .betaHeaders, "the right-hand panel")
        _ = update(&s, .key(.mouse(MouseEvent(.click, x: 10, y: 4))))
        #expect(s.selected == .costMap)
        _ = update(&s, .key(.mouse(MouseEvent(.click, x: 10, y: 30))))
        #expect(s.selected == .costMap, "a click outside the job panels changes nothing")

        var m = ModelsUpdateTests.loaded()
        m.size = ScreenSize(width: 120, height: 40)
        _ = update(&m, .key(.mouse(MouseEvent(.wheelDown, x: 5, y: 10))))
        #expect(m.models.selection == 3)
        _ = update(&m, .key(.mouse(MouseEvent(.wheelUp, x: 5, y: 10))))
        #expect(m.models.selection == 0)
        _ = update(&m, .key(.mouse(MouseEvent(.click, x: 10, y: 7))))
        #expect(m.models.selectedEntry?.name == "gpt-4o", "the second row (rows start on line 6)")
    }

    /// The row a click selects is the row the view drew there, on any page of the table.
    @Test func aClickInTheMappingsTableSelectsTheRowDrawnUnderIt() throws {
        var s = MappingsUpdateTests.loaded(MappingsUpdateTests.good(BetaHeaderLoader.bundled))
        s.size = ScreenSize(width: 100, height: 30)
        let rows = s.mappings.rows
        func drawnRows() -> [(index: Int, y: Int)] {
            let lines = view(s).text.split(separator: "\n", omittingEmptySubsequences: false)
            return rows.indices.compactMap { i in lines.firstIndex { $0.hasPrefix("│ \(rows[i]) ") }.map { (i, $0) } }
        }
        let third = try #require(drawnRows().first { $0.index == 2 })
        _ = update(&s, .key(.mouse(MouseEvent(.click, x: 5, y: third.y))))
        #expect(s.mappings.selection == 2)
        _ = update(&s, .key(.mouse(MouseEvent(.click, x: 5, y: third.y - 3))))
        #expect(s.mappings.selection == 2, "the header row and the border select nothing")

        s.mappings.selection = rows.count - 1 // the last page
        let page = drawnRows()
        let top = try #require(page.min { $0.y < $1.y })
        #expect(top.index > 0, "not the first page")
        _ = update(&s, .key(.mouse(MouseEvent(.click, x: 5, y: top.y))))
        #expect(s.mappings.selection == top.index)
    }
}

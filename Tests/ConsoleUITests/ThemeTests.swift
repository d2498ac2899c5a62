import Foundation
import Testing
@testable import ConsoleUI

@Suite struct ThemeTests {
    static let repoThemes = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes")

    @Test func shippedDefaultIsTheBuiltInOne() throws {
        let file = try String(contentsOf: Self.repoThemes.appendingPathComponent("default.toml"), encoding: .utf8)
        #expect(file.trimmingCharacters(in: .whitespacesAndNewlines) == Theme.defaultSource.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func defaultCoversEveryRole() throws {
        let t = try Theme.parse(Theme.defaultSource, file: "default", base: nil).get()
        for role in Role.allCases { #expect(t.styles[role] != nil, "\(role.rawValue) has no style") }
    }

    @Test func stylesParse() throws {
        #expect(try Style.parse("cyan bold").get() == Style(foreground: .ansi(6), bold: true))
        #expect(try Style.parse("black on #1e90ff").get() == Style(foreground: .ansi(0), background: .rgb(0x1e, 0x90, 0xff)))
        #expect(try Style.parse("bright-red on color236 underline reverse").get()
                == Style(foreground: .ansi(9), background: .indexed(236), underline: true, reverse: true))
    }

    @Test func errorsNameFileAndLine() {
        let bad = "name = \"x\"\n[roles]\ntext = \"default\"\nborderz = \"red\"\n"
        guard case .failure(let e) = Theme.parse(bad, file: "mine.toml") else { Issue.record("accepted"); return }
        #expect(e.line == 4 && e.file == "mine.toml")
        #expect(e.description.hasPrefix("mine.toml:4: unknown role \"borderz\""))
        guard case .failure(let c) = Theme.parse("[roles]\ntext = \"purple\"", file: "t") else { Issue.record("accepted"); return }
        #expect(c.description == "t:2: bad colour \"purple\" (use default, red, bright-red, color0-255 or #rrggbb)")
    }

    @Test func leftOutRolesInherit() throws {
        let t = try Theme.parse("[roles]\ntitle = \"red\" # comment\n", file: "t").get()
        #expect(t.style(.title) == Style(foreground: .ansi(1)))
        #expect(t.style(.error) == Theme.default.style(.error))
    }
}

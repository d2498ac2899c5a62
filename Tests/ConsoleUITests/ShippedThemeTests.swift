import Foundation
import Testing
@testable import ConsoleUI

/// The six shipped themes: each file is the compiled-in text, each names every role (a new
/// role without a value in every theme fails here), and `--theme` finds them, user themes
/// first.
@Suite struct ShippedThemeTests {
    static let dir = ThemeTests.repoThemes

    @Test func everyFileIsCompiledInAndEveryCompiledThemeHasItsFile() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.dir.path).filter { $0.hasSuffix(".toml") }.sorted()
        #expect(files == Theme.shippedSources.map { "\($0.name).toml" }.sorted())
        for (name, source) in Theme.shippedSources {
            let file = try String(contentsOf: Self.dir.appendingPathComponent("\(name).toml"), encoding: .utf8)
            #expect(file.trimmingCharacters(in: .newlines) == source.trimmingCharacters(in: .newlines), "themes/\(name).toml differs from the compiled-in copy")
        }
        #expect(Set(ThemeCatalog.shippedNames).isSuperset(of: ["default", "light", "solarized-dark", "nord", "high-contrast", "monochrome"]))
    }

    @Test(arguments: Theme.shippedSources.map(\.name))
    func themeNamesEveryRole(name: String) throws {
        let source = try #require(Theme.shippedSources.first { $0.name == name }).source
        let theme = try Theme.parse(source, file: name, base: nil).get()  // no inheritance: all explicit
        for role in Role.allCases { #expect(theme.styles[role] != nil, "themes/\(name).toml gives no value for \(role.rawValue)") }
        #expect(theme.name == name)
    }

    @Test func monochromeHasNoColour() throws {
        let mono = try ThemeCatalog(userDirectory: nil) { _ in nil }.load("monochrome").get()
        for role in Role.allCases {
            #expect(mono.style(role).foreground == .terminalDefault && mono.style(role).background == .terminalDefault, "\(role)")
        }
    }

    @Test func userThemesOverrideShippedOnesAndErrorsSayWhere() throws {
        let files: [String: String] = [
            "/cfg/synctop/themes/nord.toml": "name = \"my nord\"\n[roles]\ntitle = \"red\"\n",
            "/cfg/synctop/themes/broken.toml": "[roles]\ntitle = \"red\"\nborderz = \"blue\"\n",
            "/tmp/t.toml": "[roles]\nerror = \"magenta\"\n",
        ]
        let catalog = ThemeCatalog(userDirectory: ThemeCatalog.userDirectory(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/u"])) { files[$0] }
        let nord = try catalog.load("nord").get()
        #expect(nord.name == "my nord" && nord.style(.title) == Style(foreground: .ansi(1)))
        #expect(nord.style(.error) == Theme.default.style(.error), "what a user theme leaves out comes from the default")
        #expect(try catalog.load("light").get().name == "light", "shipped when the user has none")
        #expect(try catalog.load("/tmp/t.toml").get().style(.error) == Style(foreground: .ansi(5)))
        #expect(catalog.load("broken").failure?.message.hasPrefix("/cfg/synctop/themes/broken.toml:3: unknown role \"borderz\" (roles: text, dim,") == true,
                "a broken user theme is an error naming file and line, not silently replaced by the shipped one")
        #expect(catalog.load("nope").failure?.message
                == "no theme \"nope\"; shipped: default, light, solarized-dark, nord, high-contrast, monochrome (or /cfg/synctop/themes/nope.toml)")
        #expect(catalog.load("/tmp/missing.toml").failure?.message == "theme file /tmp/missing.toml does not exist")
        #expect(catalog.load("../x").failure != nil)
        #expect(ThemeCatalog.userDirectory(environment: ["HOME": "/home/u"]) == "/home/u/.config/synctop/themes")
        #expect(ThemeCatalog.userDirectory(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]) == "/h/.config/synctop/themes")
    }
}

extension Result {
    var failure: Failure? { if case .failure(let e) = self { e } else { nil } }
}

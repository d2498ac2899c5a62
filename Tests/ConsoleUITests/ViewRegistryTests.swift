import Testing
@testable import ConsoleUI

/// The registry is the only list of views: every registered view is reachable by its
/// name, alias and number key, remappable under `[keys.NAME]`, and its help lists its table.
@Suite struct ViewRegistryTests {
    typealias S = Scenarios
    static let views = ViewRegistry.all

    static func state(on screen: Screen) -> AppState {
        var s = S.polled(S.snapshot(), size: ScreenSize(width: 200, height: 60))
        s.screen = screen
        return s
    }

    @Test func namesAliasesAndNumberKeysAreUnique() {
        let words = Self.views.flatMap { [$0.name] + $0.aliases }
        #expect(Set(words).count == words.count)
        #expect(Set(Self.views.map(\.screen)).count == Self.views.count)
        let keys = Self.views.compactMap(\.numberKey)
        #expect(Set(keys).count == keys.count)
        #expect(KeyMaps.viewNames == Self.views.map(\.name))
        let commands = Command.words.map(\.word)
        #expect(Set(commands).count == commands.count, "no view shadows a command")
        for spec in Self.views {
            #expect(ViewRegistry.spec(spec.screen).name == spec.name)
            #expect(KeyMaps.standard[spec.screen] == spec.keys)
        }
    }

    @Test(arguments: views.map(\.name))
    func colonNameAndAliasesBringTheViewUp(_ name: String) throws {
        let spec = try #require(ViewRegistry.spec(named: name))
        for word in [spec.name] + spec.aliases {
            let other = Self.views.first { $0.screen != spec.screen }!
            var s = Self.state(on: other.screen)
            _ = update(&s, .key(.char(":")))
            for c in word { _ = update(&s, .key(.char(c))) }
            _ = update(&s, .key(.enter))
            #expect(s.screen == spec.screen, ":\(word) from \(other.name)")
        }
    }

    @Test(arguments: views.map(\.name))
    func numberKeyBringsTheViewUp(_ name: String) throws {
        let spec = try #require(ViewRegistry.spec(named: name))
        let key = try #require(spec.numberKey)
        if spec.screen == .dashboard {
            for other in Self.views where other.screen != .dashboard {
                var s = Self.state(on: other.screen)
                _ = update(&s, .key(key))
                #expect(s.screen == .dashboard, "\(key.label) from \(other.name)")
            }
        } else {
            var s = Self.state(on: .dashboard)
            _ = update(&s, .key(key))
            #expect(s.screen == spec.screen, "\(key.label) on the dashboard")
        }
    }

    /// Every action of every table can be given another key under `[keys.NAME]`, by the
    /// snake_case name config files use (`show_pods` included).
    @Test(arguments: views.map(\.name))
    func everyActionOfTheTableCanBeRebound(_ name: String) throws {
        let spec = try #require(ViewRegistry.spec(named: name))
        for binding in spec.keys.bindings {
            let action = KeyMaps.snakeCase(binding.action)
            let config = try ConfigFile.parse("[keys.\(name)]\n\(action) = \"F12\"", file: "c.toml").get()
            #expect(config.keyMaps[spec.screen].action(for: .function(12)) == binding.action, "\(name).\(action)")
            for key in binding.keys where key != .function(12) {
                #expect(config.keyMaps[spec.screen].action(for: key) == nil, "\(name).\(action): \(key.label) is no longer bound")
            }
            for other in Self.views where other.screen != spec.screen {
                #expect(config.keyMaps[other.screen] == other.keys, "[keys.\(name)] leaves \(other.name) alone")
            }
        }
    }

    /// A remapped key acts in the running UI and the view's help says so.
    @Test(arguments: views.map(\.name))
    func aRemappedHelpKeyActsAndIsListed(_ name: String) throws {
        let spec = try #require(ViewRegistry.spec(named: name))
        var s = Self.state(on: spec.screen)
        s.config.keyMaps = try ConfigFile.parse("[keys.\(name)]\nhelp = \"F12\"", file: "c.toml").get().keyMaps
        _ = update(&s, .key(.char("?")))
        #expect(!s.showHelp, "? is no longer help in \(name)")
        _ = update(&s, .key(.function(12)))
        #expect(s.showHelp)
        #expect(view(s).text.contains("F12"))
    }

    @Test(arguments: views.map(\.name))
    func helpListsTheViewsTable(_ name: String) throws {
        let spec = try #require(ViewRegistry.spec(named: name))
        var s = Self.state(on: spec.screen)
        _ = update(&s, .key(.char("?")))
        let text = view(s).text
        for binding in spec.keys.bindings {
            #expect(text.contains(binding.keys.map(\.label).joined(separator: " ")), "\(name): keys of \(binding.action)")
            #expect(text.contains(binding.help), "\(name): \(binding.help)")
        }
    }

    @Test func unknownViewsAreRefusedWithTheRegisteredNames() {
        let message = ConfigFile.parse("[keys.nodes]\nhelp = \"h\"", file: "c.toml").failure?.description
        #expect(message == "c.toml:1: unknown section [keys.nodes] (sections: \(Self.views.map { "[keys.\($0.name)]" }.joined(separator: ", ")))")
        var maps = KeyMaps.standard
        #expect(maps.rebind(view: "nodes", action: "help", keys: [.char("h")]) == "unknown view \"nodes\" (views: dashboard, mappings, models, history, contexts, pods, events)")
        #expect(Command.parse("nodes").failure?.message.hasPrefix("unknown command \"nodes\"") == true)
    }
}
